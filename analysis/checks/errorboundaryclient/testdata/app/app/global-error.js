import "./globals.css"; // want `app/global-error.js must be a Client Component`

export default function GlobalError() {
  return null;
}
