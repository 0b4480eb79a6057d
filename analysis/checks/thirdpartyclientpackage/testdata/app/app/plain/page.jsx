// JavaScript: the new file is a .js file, in the file's style.
import { Provider } from "ctx-lib"; // want `The package "ctx-lib" uses .createContext.`

export default function Page() {
  return <Provider>plain</Provider>;
}
