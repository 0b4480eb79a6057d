package oracle

import "testing"

// The outputs below are trimmed from real builds of the cases.
func TestFirstError(t *testing.T) {
	const dir = "/cache/next15/cases/c"
	tests := []struct{ name, output, want string }{
		{"webpack", "   Creating an optimized production build ...\nFailed to compile.\n\n./lib/secret.ts\nError:   \x1b[31mx\x1b[0m You're importing a component that needs \"server-only\".\n  |\n   ,-[\x1b[36;1;4m/cache/next15/cases/c/lib/secret.ts\x1b[0m:1:1]\n 1 | import 'server-only'\n   `----\n\nImport trace for requested module:\n./lib/secret.ts\n\n> Build failed because of webpack errors\n",
			`lib/secret.ts:1:1: You're importing a component that needs "server-only".`},
		{"turbopack", "> Build error occurred\nError: Turbopack build failed with 1 error:\n./cases/c/lib/session.ts:1:1\nError: You're importing a module that depends on \"next/headers\" into a React Client Component module.\n    Learn more: https://nextjs.org\n",
			`lib/session.ts:1:1: You're importing a module that depends on "next/headers" into a React Client Component module.`},
		{"prerender", "   Generating static pages (0/4) ...\nError occurred prerendering page \"/\". Read more: https://nextjs.org/docs/messages/prerender-error\nReferenceError: window is not defined\n    at d (.next/server/app/page.js:1:2)\nExport encountered an error on /page: /, exiting the build.\n",
			`prerendering /: ReferenceError: window is not defined`},
		{"type error", "Failed to compile.\n\n./app/page.tsx:3:7\nType error: Type 'string' is not assignable to type 'number'.\n",
			`app/page.tsx:3:7: Type error: Type 'string' is not assignable to type 'number'.`},
		{"tsc", "  Running TypeScript ...\n.next/types/app/page.ts(14,13): error TS2344: Type 'X' does not satisfy the constraint.\n  Property 'toHTML' is incompatible.\nFailed to type check.\n",
			`.next/types/app/page.ts:14:13: Type error TS2344: Type 'X' does not satisfy the constraint.`},
		{"package error", "Failed to compile.\n\n./components/widget.tsx\n'server-only' cannot be imported from a Client Component module. It should only be used from a Server Component.\nThe error was caused by importing '@acme/auth/index.js' in './components/widget.tsx'.\n\nImport trace for requested module:\n  ./components/widget.tsx\n",
			`components/widget.tsx: 'server-only' cannot be imported from a Client Component module. It should only be used from a Server Component.`},
		{"collect", "   Collecting page data ...\n[Error: Failed to collect configuration for /] {\n  [cause]: TypeError: (0 , e.createContext) is not a function\n      at 9437 (.next/server/app/page.js:2:8957)\n}\n> Build error occurred\n[Error: Failed to collect page data for /] { type: 'Error' }\n",
			`Failed to collect configuration for /: TypeError: (0 , e.createContext) is not a function`},
		{"unreadable segment config", "   Creating an optimized production build ...\n \u2a2f Next.js can't recognize the exported `config` field in route \"/page\":\nUnsupported node type \"BinaryExpression\" at \"revalidate\".\nRead More - https://nextjs.org/docs/messages/invalid-page-config\n \u2713 Compiled successfully in 17.2s\n   Collecting page data ...\n \u2a2f Invalid segment configuration export detected. This can cause unexpected behavior from the configs not being applied. You should see the relevant failures in the logs above. Please fix them to continue.\n",
			"Next.js can't recognize the exported `config` field in route \"/page\": Unsupported node type \"BinaryExpression\" at \"revalidate\"."},
		{"invalid segment config", "  Collecting page data using 1 worker ...\n\u2a2f Invalid segment configuration export detected. This can cause unexpected behavior from the configs not being applied.\n",
			"Invalid segment configuration export detected."},
		{"absolute path in a message", "  Running TypeScript ...\n.next/types/app/page.ts(38,4): error TS2344: Type 'typeof import(\"/cache/next15/cases/c/app/page\")' does not satisfy the constraint.\nFailed to type check.\n",
			`.next/types/app/page.ts:38:4: Type error TS2344: Type 'typeof import("app/page")' does not satisfy the constraint.`},
		{"unhandled scheme", "Failed to compile.\n\nnode:fs\nModule build failed: UnhandledSchemeError: Reading from \"node:fs\" is not handled by plugins (Unhandled scheme).\nWebpack supports \"data:\" and \"file:\" URIs by default.\n\nImport trace for requested module:\nnode:fs\n./components/widget.tsx\n\n> Build failed because of webpack errors\n",
			`components/widget.tsx: UnhandledSchemeError: Reading from "node:fs" is not handled by plugins (Unhandled scheme).`},
		{"error object", "> Build error occurred\n[Error: Page \"/[slug]/page\" cannot use both \"use client\" and export function \"generateStaticParams()\".] {\n  type: 'Error'\n}\n",
			`Error: Page "/[slug]/page" cannot use both "use client" and export function "generateStaticParams()".`},
		{"harness", "npm ERR! something\n", ""},
	}
	for _, tt := range tests {
		if got := FirstError(tt.output, dir); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
