package synth

import (
	"strings"
)

// emitConfig writes the workspace's configuration files and stub
// node_modules into g.files.
func (g *gen) emitConfig() {
	root := g.root
	g.files[root+"/package.json"] = `{
  "name": "synth-monorepo",
  "private": true,
  "packageManager": "pnpm@9.15.0",
  "scripts": {
    "build": "turbo run build",
    "dev": "turbo run dev",
    "lint": "turbo run lint"
  },
  "devDependencies": {
    "turbo": "^2.3.0",
    "typescript": "^5.7.2"
  }
}
`
	g.files[root+"/pnpm-workspace.yaml"] = "packages:\n  - 'apps/*'\n  - 'packages/*'\n"
	g.files[root+"/turbo.json"] = `{
  "$schema": "https://turbo.build/schema.json",
  "tasks": {
    "build": { "dependsOn": ["^build"], "outputs": [".next/**", "!.next/cache/**"] },
    "dev": { "cache": false, "persistent": true },
    "lint": {}
  }
}
`
	g.files[root+"/tsconfig.base.json"] = `{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["dom", "dom.iterable", "esnext"],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "esModuleInterop": true,
    "module": "esnext",
    "moduleResolution": "bundler",
    "resolveJsonModule": true,
    "isolatedModules": true,
    "jsx": "preserve",
    "incremental": true
  }
}
`
	var deps []string
	for _, p := range g.pkgs {
		deps = append(deps, `    "`+p.pkgName+`": "workspace:*"`)
	}
	for i, u := range g.apps {
		d := u.dir
		g.files[d+"/package.json"] = `{
  "name": "` + u.name + `",
  "version": "0.1.0",
  "private": true,
  "scripts": {
    "dev": "next dev",
    "build": "next build",
    "start": "next start"
  },
  "dependencies": {
` + strings.Join(append(append([]string(nil), deps...), `    "next": "15.3.0"`, `    "react": "19.1.0"`, `    "react-dom": "19.1.0"`, `    "server-only": "^0.0.1"`), ",\n") + `
  },
  "devDependencies": {
    "@types/react": "^19",
    "typescript": "^5"
  }
}
`
		if i%2 == 0 {
			// JSONC, as create-next-app and editors write it.
			g.files[d+"/tsconfig.json"] = `{
  // Shared compiler options live at the repository root.
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "plugins": [{ "name": "next" }],
    /* Import app modules as @/components/... */
    "paths": {
      "@/*": ["./src/*"],
    },
  },
  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  "exclude": ["node_modules"],
}
`
		} else {
			g.files[d+"/tsconfig.json"] = `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "plugins": [{ "name": "next" }],
    "paths": {
      "@/*": ["./src/*"]
    }
  },
  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  "exclude": ["node_modules"]
}
`
		}
		g.files[d+"/next-env.d.ts"] = "/// <reference types=\"next\" />\n/// <reference types=\"next/image-types/global\" />\n"
		g.files[d+"/src/app/globals.css"] = "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n\nbody {\n  font-family: system-ui, sans-serif;\n}\n"
	}
	for _, p := range g.pkgs {
		var exports, extra string
		switch p.role {
		case roleLib:
			exports = `    ".": "./src/index.ts",
    "./*": "./src/*.ts"`
		case roleUI:
			exports = `    ".": {
      "types": "./src/index.ts",
      "default": "./src/index.ts"
    },
    "./hooks/*": "./src/hooks/*.ts",
    "./lib/*": "./src/lib/*.ts",
    "./*": "./src/components/*.tsx"`
			extra = `,
  "peerDependencies": {
    "next": "^15",
    "react": "^19"
  }`
		case roleServer:
			exports = `    ".": {
      "types": "./src/index.ts",
      "react-server": "./src/index.server.ts",
      "default": "./src/index.ts"
    },
    "./server/*": "./src/server/*.ts",
    "./*": "./src/*.ts"`
			extra = `,
  "dependencies": {
    "server-only": "^0.0.1"
  }`
		}
		g.files[p.dir+"/package.json"] = `{
  "name": "` + p.pkgName + `",
  "version": "0.0.0",
  "private": true,
  "type": "module",
  "exports": {
` + exports + `
  },
  "scripts": {
    "lint": "eslint src"
  }` + extra + `
}
`
		g.files[p.dir+"/tsconfig.json"] = "{\n  \"extends\": \"../../tsconfig.base.json\",\n  \"include\": [\"src\"]\n}\n"
	}
	g.emitStubs()
}

// emitStubs installs minimal react, react-dom, next, server-only and
// client-only packages in the root node_modules.
func (g *gen) emitStubs() {
	nm := g.root + "/node_modules/"
	g.files[nm+"react/package.json"] = `{
  "name": "react",
  "version": "19.1.0",
  "main": "index.js",
  "exports": {
    ".": {
      "react-server": "./react.react-server.js",
      "default": "./index.js"
    },
    "./jsx-runtime": {
      "react-server": "./jsx-runtime.react-server.js",
      "default": "./jsx-runtime.js"
    },
    "./jsx-dev-runtime": "./jsx-dev-runtime.js",
    "./package.json": "./package.json"
  }
}
`
	hooks := []string{"useState", "useEffect", "useMemo", "useCallback", "useRef", "useReducer", "useTransition", "useLayoutEffect", "useContext", "useId", "useOptimistic", "useActionState"}
	var b strings.Builder
	b.WriteString("export const version = '19.1.0';\nexport const Fragment = Symbol.for('react.fragment');\nexport const Suspense = Symbol.for('react.suspense');\n")
	b.WriteString("export function createElement(type, props, ...children) {\n  return { type, props: { ...props, children } };\n}\n")
	b.WriteString("export function cache(fn) {\n  return fn;\n}\n")
	b.WriteString("export function use(value) {\n  return value;\n}\n")
	server := b.String()
	b.WriteString("export function createContext(value) {\n  return { Provider: null, Consumer: null, _currentValue: value };\n}\n")
	b.WriteString("export class Component {\n  constructor(props) {\n    this.props = props;\n  }\n}\n")
	for _, h := range hooks {
		b.WriteString("export function " + h + "(...args) {\n  return args[0];\n}\n")
	}
	g.files[nm+"react/index.js"] = b.String()
	g.files[nm+"react/react.react-server.js"] = server
	jsx := "export function jsx(type, props, key) {\n  return { type, props, key };\n}\nexport { jsx as jsxs };\nexport const Fragment = Symbol.for('react.fragment');\n"
	g.files[nm+"react/jsx-runtime.js"] = jsx
	g.files[nm+"react/jsx-runtime.react-server.js"] = jsx
	g.files[nm+"react/jsx-dev-runtime.js"] = "export { jsx as jsxDEV, Fragment } from './jsx-runtime.js';\n"

	g.files[nm+"react-dom/package.json"] = `{
  "name": "react-dom",
  "version": "19.1.0",
  "main": "index.js",
  "exports": {
    ".": {
      "react-server": "./react-dom.react-server.js",
      "default": "./index.js"
    },
    "./client": "./client.js",
    "./server": "./server.js",
    "./package.json": "./package.json"
  }
}
`
	g.files[nm+"react-dom/index.js"] = "export function flushSync(fn) {\n  return fn();\n}\nexport function preload() {}\nexport function useFormStatus() {\n  return { pending: false };\n}\n"
	g.files[nm+"react-dom/react-dom.react-server.js"] = "export function preload() {}\n"
	g.files[nm+"react-dom/client.js"] = "export function createRoot(container) {\n  return { render() {}, unmount() {} };\n}\nexport function hydrateRoot(container, children) {\n  return createRoot(container);\n}\n"
	g.files[nm+"react-dom/server.js"] = "export function renderToString() {\n  return '';\n}\n"

	g.files[nm+"next/package.json"] = `{
  "name": "next",
  "version": "15.3.0",
  "main": "./index.js",
  "types": "./index.d.ts",
  "bin": {
    "next": "./dist/bin/next"
  }
}
`
	g.files[nm+"next/index.js"] = "export default function next() {\n  return {};\n}\n"
	g.files[nm+"next/index.d.ts"] = "export type Metadata = Record<string, unknown>;\nexport type NextConfig = Record<string, unknown>;\nexport declare namespace MetadataRoute {\n  type Sitemap = Array<Record<string, unknown>>;\n  type Robots = Record<string, unknown>;\n}\n"
	g.files[nm+"next/navigation.js"] = "export function useRouter() {\n  return { push() {}, replace() {}, refresh() {} };\n}\nexport function usePathname() {\n  return '/';\n}\nexport function useSearchParams() {\n  return new URLSearchParams();\n}\nexport function useParams() {\n  return {};\n}\nexport function notFound() {\n  throw new Error('NEXT_NOT_FOUND');\n}\nexport function redirect(url) {\n  throw new Error('NEXT_REDIRECT;' + url);\n}\n"
	g.files[nm+"next/link.js"] = "export default function Link(props) {\n  return props.children;\n}\nexport function useLinkStatus() {\n  return { pending: false };\n}\n"
	g.files[nm+"next/headers.js"] = "export async function cookies() {\n  return { get() {}, set() {} };\n}\nexport async function headers() {\n  return new Headers();\n}\nexport async function draftMode() {\n  return { isEnabled: false };\n}\n"
	g.files[nm+"next/dynamic.js"] = "export default function dynamic(loader, options) {\n  return function Dynamic(props) {\n    return null;\n  };\n}\n"
	g.files[nm+"next/cache.js"] = "export function revalidatePath() {}\nexport function revalidateTag() {}\nexport function cacheLife() {}\nexport function cacheTag() {}\nexport function unstable_cache(fn) {\n  return fn;\n}\n"
	g.files[nm+"next/server.js"] = "export class NextResponse extends Response {\n  static json(body, init) {\n    return new NextResponse(JSON.stringify(body), init);\n  }\n  static next() {\n    return new NextResponse(null);\n  }\n  static redirect(url) {\n    return new NextResponse(null, { status: 307, headers: { location: String(url) } });\n  }\n}\nexport function after(fn) {}\n"
	g.files[nm+"next/og.js"] = "export class ImageResponse extends Response {}\n"
	g.files[nm+"next/image.js"] = "export default function Image(props) {\n  return null;\n}\n"
	g.files[nm+"next/router.js"] = "export function useRouter() {\n  return { push() {}, query: {} };\n}\n"

	g.files[nm+"server-only/package.json"] = `{
  "name": "server-only",
  "version": "0.0.1",
  "main": "index.js",
  "exports": {
    ".": {
      "react-server": "./empty.js",
      "default": "./index.js"
    }
  }
}
`
	g.files[nm+"server-only/index.js"] = "throw new Error('This module cannot be imported from a Client Component module. It should only be used from a Server Component.');\n"
	g.files[nm+"server-only/empty.js"] = ""
	g.files[nm+"client-only/package.json"] = `{
  "name": "client-only",
  "version": "0.0.1",
  "main": "index.js",
  "exports": {
    ".": {
      "react-server": "./error.js",
      "default": "./index.js"
    }
  }
}
`
	g.files[nm+"client-only/index.js"] = ""
	g.files[nm+"client-only/error.js"] = "throw new Error('This module cannot be imported from a Server Component module. It should only be used from a Client Component.');\n"
}
