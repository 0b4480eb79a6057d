package rsc

// Rule says where Next.js or React rejects a module or an API.
type Rule uint8

const (
	// ServerOnly modules and APIs may not be imported from the client graph
	// (RSC-12 of Next's compiler) nor from the Pages Router.
	ServerOnly Rule = iota
	// ClientOnly modules and APIs may not be imported from the server graph
	// (RSC-04, RSC-05).
	ClientOnly
	// RequestTime APIs read the incoming request; calling them inside a
	// 'use cache' function throws.
	RequestTime
	// NeedsTaint APIs need experimental.taint in next.config (RSC-15).
	NeedsTaint
	// Moved APIs moved to another module (RSC-06); Note names it.
	Moved
)

// Where says, for the documentation, where a rule rejects an API.
func (r Rule) Where() string {
	switch r {
	case ServerOnly:
		return "the client graph and the Pages Router"
	case ClientOnly:
		return "the server graph"
	case RequestTime:
		return `a "use cache" function`
	case NeedsTaint:
		return "any module, unless next.config enables experimental.taint"
	case Moved:
		return "the server graph: they moved"
	}
	return ""
}

// API is a module, or a named export of one, that Next.js or React
// rejects somewhere.
type API struct {
	Module string
	Name   string // "" for the whole module
	Rule   Rule
	// Private marks RequestTime APIs that 'use cache: private' rejects too.
	Private bool
	// Note is the new module of a Moved API, or a remark for the docs.
	Note string
	// Since is the version of Next.js that moved a Moved API.
	Since string
}

// APIs is every module and API bound to one environment or context, as
// Next.js's compiler (react_server_components.rs) and its request APIs
// decide. The lists the checks use, and the README's table, are made
// from it.
var APIs = []API{
	{Module: "server-only", Rule: ServerOnly},
	{Module: "next/headers", Rule: ServerOnly},
	{Module: "next/root-params", Rule: ServerOnly},
	{Module: "next/variants", Rule: ServerOnly},
	{Module: "next/server", Name: "after", Rule: ServerOnly},
	{Module: "next/cache", Name: "revalidatePath", Rule: ServerOnly},
	{Module: "next/cache", Name: "revalidateTag", Rule: ServerOnly},
	{Module: "next/cache", Name: "cacheLife", Rule: ServerOnly},
	{Module: "next/cache", Name: "unstable_cacheLife", Rule: ServerOnly},
	{Module: "next/cache", Name: "cacheTag", Rule: ServerOnly},
	{Module: "next/cache", Name: "unstable_cacheTag", Rule: ServerOnly},
	{Module: "next/cache", Name: "updateTag", Rule: ServerOnly},
	{Module: "next/cache", Name: "refresh", Rule: ServerOnly},
	{Module: "next/cache", Name: "navigation", Rule: ServerOnly},
	{Module: "next/cache", Name: "prefetch", Rule: ServerOnly},
	{Module: "next/cache", Name: "unstable_navigation", Rule: ServerOnly},
	{Module: "next/cache", Name: "unstable_prefetch", Rule: ServerOnly},

	{Module: "client-only", Rule: ClientOnly},
	{Module: "react-dom/client", Rule: ClientOnly},
	{Module: "react-dom/server", Rule: ClientOnly},
	{Module: "next/router", Rule: ClientOnly, Note: "use next/navigation"},
	{Module: "react", Name: "Component", Rule: ClientOnly},
	{Module: "react", Name: "createContext", Rule: ClientOnly},
	{Module: "react", Name: "createFactory", Rule: ClientOnly},
	{Module: "react", Name: "PureComponent", Rule: ClientOnly},
	{Module: "react", Name: "useDeferredValue", Rule: ClientOnly},
	{Module: "react", Name: "useEffect", Rule: ClientOnly},
	{Module: "react", Name: "useEffectEvent", Rule: ClientOnly},
	{Module: "react", Name: "useImperativeHandle", Rule: ClientOnly},
	{Module: "react", Name: "useInsertionEffect", Rule: ClientOnly},
	{Module: "react", Name: "useLayoutEffect", Rule: ClientOnly},
	{Module: "react", Name: "useReducer", Rule: ClientOnly},
	{Module: "react", Name: "useRef", Rule: ClientOnly},
	{Module: "react", Name: "useState", Rule: ClientOnly},
	{Module: "react", Name: "useSyncExternalStore", Rule: ClientOnly},
	{Module: "react", Name: "useTransition", Rule: ClientOnly},
	{Module: "react", Name: "useOptimistic", Rule: ClientOnly},
	{Module: "react", Name: "useActionState", Rule: ClientOnly},
	{Module: "react", Name: "experimental_useOptimistic", Rule: ClientOnly},
	{Module: "react-dom", Name: "flushSync", Rule: ClientOnly},
	{Module: "react-dom", Name: "unstable_batchedUpdates", Rule: ClientOnly},
	{Module: "react-dom", Name: "useFormStatus", Rule: ClientOnly},
	{Module: "react-dom", Name: "useFormState", Rule: ClientOnly},
	{Module: "next/navigation", Name: "useSearchParams", Rule: ClientOnly},
	{Module: "next/navigation", Name: "usePathname", Rule: ClientOnly},
	{Module: "next/navigation", Name: "useSelectedLayoutSegment", Rule: ClientOnly},
	{Module: "next/navigation", Name: "useSelectedLayoutSegments", Rule: ClientOnly},
	{Module: "next/navigation", Name: "useParams", Rule: ClientOnly},
	{Module: "next/navigation", Name: "useRouter", Rule: ClientOnly},
	{Module: "next/navigation", Name: "useServerInsertedHTML", Rule: ClientOnly},
	{Module: "next/navigation", Name: "ServerInsertedHTMLContext", Rule: ClientOnly},
	{Module: "next/navigation", Name: "unstable_isUnrecognizedActionError", Rule: ClientOnly},
	{Module: "next/link", Name: "useLinkStatus", Rule: ClientOnly},

	{Module: "next/headers", Name: "cookies", Rule: RequestTime},
	{Module: "next/headers", Name: "headers", Rule: RequestTime},
	{Module: "next/headers", Name: "draftMode", Rule: RequestTime, Private: true, Note: "enable() and disable(); reading it is fine"},
	{Module: "next/server", Name: "connection", Rule: RequestTime, Private: true},
	{Module: "next/cache", Name: "revalidatePath", Rule: RequestTime, Private: true},
	{Module: "next/cache", Name: "revalidateTag", Rule: RequestTime, Private: true},
	{Module: "next/cache", Name: "updateTag", Rule: RequestTime, Private: true},

	{Module: "react", Name: "experimental_taintObjectReference", Rule: NeedsTaint},
	{Module: "react", Name: "experimental_taintUniqueValue", Rule: NeedsTaint},

	{Module: "next/server", Name: "ImageResponse", Rule: Moved, Note: "next/og", Since: "14"},
}

// Lookup returns the entry of APIs for name imported from module under a
// rule, or nil. name "" looks the module itself up.
func Lookup(rule Rule, module, name string) *API {
	for i := range APIs {
		a := &APIs[i]
		if a.Rule == rule && a.Module == module && a.Name == name {
			return a
		}
	}
	return nil
}

// modules returns the whole modules of a rule.
func modules(rule Rule) []string {
	var out []string
	for _, a := range APIs {
		if a.Rule == rule && a.Name == "" {
			out = append(out, a.Module)
		}
	}
	return out
}

// names returns the named exports of a rule, per module.
func names(rule Rule) map[string][]string {
	out := map[string][]string{}
	for _, a := range APIs {
		if a.Rule == rule && a.Name != "" {
			out[a.Module] = append(out[a.Module], a.Name)
		}
	}
	return out
}

// ClientOnlyAPIs lists, per module, the named exports that Next's compiler
// rejects in the server graph (RSC-05), by imported name.
var ClientOnlyAPIs = names(ClientOnly)

// IsClientOnlyAPI reports whether name imported from source is rejected in
// the server graph.
func IsClientOnlyAPI(source, name string) bool { return Lookup(ClientOnly, source, name) != nil }

// ClientOnlyModules may not be imported from the server graph at all (RSC-04).
var ClientOnlyModules = modules(ClientOnly)

// ServerOnlyModules may not be imported from the client graph (RSC-12).
var ServerOnlyModules = modules(ServerOnly)

// ServerOnlyAPIs lists, per module, the named exports rejected in the client
// graph (RSC-12). unstable_cache and unstable_noStore are allowed on purpose.
var ServerOnlyAPIs = names(ServerOnly)

// IsServerOnlyAPI reports whether name imported from source is rejected in
// the client graph.
func IsServerOnlyAPI(source, name string) bool { return Lookup(ServerOnly, source, name) != nil }
