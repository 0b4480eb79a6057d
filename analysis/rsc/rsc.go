// Package rsc holds what the engine knows about React Server Components and
// Next.js: directive names, the API lists of Next's compiler, browser
// globals, and the modules that belong to one environment only. Sources:
// Next.js's SWC transforms (react_server_components.rs, server_actions.rs)
// and TypeScript plugin, and React's Flight server.
package rsc

import (
	"bytes"
	"fmt"
	"strings"
)

// DirectiveKind is a module or function directive.
type DirectiveKind uint8

const (
	NoDirective DirectiveKind = iota
	UseClient
	UseServer
	UseCache // 'use cache' and 'use cache: <kind>'
)

func (k DirectiveKind) String() string {
	switch k {
	case UseClient:
		return "use client"
	case UseServer:
		return "use server"
	case UseCache:
		return "use cache"
	}
	return ""
}

// DocURL returns the Next.js documentation page of a directive.
func (k DirectiveKind) DocURL() string {
	switch k {
	case UseClient:
		return "https://nextjs.org/docs/app/api-reference/directives/use-client"
	case UseServer:
		return "https://nextjs.org/docs/app/api-reference/directives/use-server"
	case UseCache:
		return "https://nextjs.org/docs/app/api-reference/directives/use-cache"
	}
	return ""
}

// MayHaveDirective reports whether src can hold a 'use client', 'use
// server' or 'use cache' directive, at the top of the file or of a
// function: whether the text of one appears anywhere in it. Directives
// are compared as written (an escaped space is not one), so a file
// without that text has none.
func MayHaveDirective(src []byte) bool {
	for {
		i := bytes.Index(src, []byte("use "))
		if i < 0 {
			return false
		}
		rest := src[i+len("use "):]
		if bytes.HasPrefix(rest, []byte("client")) || bytes.HasPrefix(rest, []byte("server")) || bytes.HasPrefix(rest, []byte("cache")) {
			return true
		}
		src = rest
	}
}

// ParseDirective classifies the contents of a string literal. For
// 'use cache: kind' it returns the kind ("" for plain 'use cache').
// Malformed variants ('use cache:remote') are not directives here; the
// misspelling check suggests their canonical form.
func ParseDirective(s string) (kind DirectiveKind, cacheKind string) {
	switch s {
	case "use client":
		return UseClient, ""
	case "use server":
		return UseServer, ""
	case "use cache":
		return UseCache, ""
	}
	if k, ok := strings.CutPrefix(s, "use cache: "); ok && k != "" && !strings.ContainsAny(k, " \t:") {
		return UseCache, k
	}
	return NoDirective, ""
}

// DefaultCacheKinds are the cache handler kinds Next.js provides without
// configuration (cacheHandlers in next.config adds more).
var DefaultCacheKinds = []string{"default", "remote", "private", "static"}

// OtherDirectives are string directives used by other tools; they are never
// reported as misspellings of ours.
var OtherDirectives = map[string]bool{
	"use strict": true, "use asm": true, "use memo": true, "use no memo": true,
	"use forget": true, "use no forget": true, "use workflow": true, "use step": true,
	"use dom": true, "use webview": true, "use worker": true,
}

// MemberSources are the modules whose namespace/default imports are
// followed into member accesses (React.useState), so the API lists apply
// to them too.
var MemberSources = map[string]bool{"react": true, "react-dom": true, "next/navigation": true, "next/link": true, "next/server": true, "next/cache": true}

// PlainHooks are the hooks of react that return while a component renders
// on the server: they neither suspend (as use does) nor bail out of server
// rendering (as next/navigation's useSearchParams does when prerendering),
// so code after them runs there. useSyncExternalStore is one only when
// given getServerSnapshot: without it, server rendering throws at the call.
var PlainHooks = map[string]bool{
	"useState": true, "useReducer": true, "useRef": true, "useMemo": true, "useCallback": true,
	"useContext": true, "useEffect": true, "useLayoutEffect": true, "useInsertionEffect": true,
	"useId": true, "useTransition": true, "useDeferredValue": true, "useImperativeHandle": true,
	"useDebugValue": true, "useOptimistic": true, "useActionState": true, "useEffectEvent": true,
	"useSyncExternalStore": true,
}

// BrowserGlobals are globals that exist in browsers but not in Node.js, so
// touching them while rendering on the server throws. navigator and self
// are left out: recent Node.js versions define them.
var BrowserGlobals = map[string]bool{
	"window": true, "document": true, "localStorage": true, "sessionStorage": true,
	"location": true, "history": true, "alert": true, "confirm": true, "prompt": true,
	"requestAnimationFrame": true, "cancelAnimationFrame": true, "requestIdleCallback": true,
	"matchMedia": true, "getComputedStyle": true, "innerWidth": true, "innerHeight": true,
	"indexedDB": true, "customElements": true, "IntersectionObserver": true,
	"ResizeObserver": true, "MutationObserver": true,
}

// SerializableConstructors are the built-ins whose instances React can pass
// from a Server Component to a Client Component.
var SerializableConstructors = map[string]bool{
	"Date": true, "Map": true, "Set": true, "Promise": true, "ArrayBuffer": true, "DataView": true,
	"Int8Array": true, "Uint8Array": true, "Uint8ClampedArray": true, "Int16Array": true, "Uint16Array": true,
	"Int32Array": true, "Uint32Array": true, "Float32Array": true, "Float64Array": true,
	"BigInt64Array": true, "BigUint64Array": true, "FormData": true, "Blob": true, "File": true,
	"ReadableStream": true, "String": true, "Number": true, "Boolean": true, "Array": true, "Object": true,
}

// IsComponentName reports whether a function name follows React's
// component naming (an upper-case first letter).
func IsComponentName(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z'
}

// IsEventHandlerName reports whether a prop name is an event handler
// (onClick, onChange, ...), as React's Flight server decides.
func IsEventHandlerName(name string) bool {
	return len(name) > 2 && name[0] == 'o' && name[1] == 'n' && name[2] >= 'A' && name[2] <= 'Z'
}

// TurbopackOnlyImport ends the message of a forbidden import that only
// Turbopack rejects: TypeScript's import elision removes it before webpack
// checks the module, Turbopack checks the imports as written.
const TurbopackOnlyImport = "This fails with Turbopack (the default in Next.js 16), which checks a module's imports as written; webpack builds it, because TypeScript elides this import, used only as a type or not at all."

// TurbopackOnlyModule ends the message of a finding in a module that only
// Turbopack loads: under verbatimModuleSyntax, an import TypeScript would
// elide (inline types only, or values never read) is kept by Turbopack and
// elided by webpack.
const TurbopackOnlyModule = "This fails with Turbopack (the default in Next.js 16) only: with verbatimModuleSyntax it keeps an import that TypeScript would elide (of types only, or of values never read), which brings this module in; webpack elides that import."

// ClientMetadataExports are the exports of a page or layout that Next.js
// resolves on the server, so it rejects them when it compiles the file as
// a Client Component (RSC-09).
var ClientMetadataExports = []string{"metadata", "generateMetadata", "unstable_selectMetadata", "unstable_selectViewport"}

// ClientMetadataMessage is Next.js's message for such an export.
func ClientMetadataMessage(name string) string {
	return fmt.Sprintf(`You are attempting to export %q from a component marked with "use client", which is disallowed. %q must be resolved on the server before the page component is rendered. Keep your page as a Server Component and move Client Component logic to a separate file.`, name, name)
}
