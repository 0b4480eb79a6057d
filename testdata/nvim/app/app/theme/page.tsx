import { ThemeProvider } from 'ctx-lib'

export default function Theme() {
  return <ThemeProvider>theme</ThemeProvider>
}
