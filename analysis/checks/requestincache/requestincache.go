// Package requestincache reports request-time APIs (cookies(), headers(),
// connection(), ...) called inside a 'use cache' function, directly or
// through the functions it calls.
package requestincache

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/rsc"
)

var Analyzer = &analysis.Analyzer{
	Name: "requestInCache",
	Doc: `request-time API called inside a 'use cache' function

A cached function's result is shared by every request, so it cannot read
the request: cookies(), headers() and connection() throw inside
'use cache', and so do draftMode().enable() and disable() and the
revalidation APIs (revalidatePath, revalidateTag, updateTag). Next.js
finds out when the function runs, which fails the build when a page is
prerendered. 'use cache: private' may read cookies() and headers(). The
finding is at the call inside the cached function, with the call chain
when a helper makes the request-time call: read the value outside and
pass it in as an argument.`,
	URL:          "https://nextjs.org/docs/messages/next-request-in-use-cache",
	Scope:        analysis.GraphScope,
	Severity:     analysis.SeverityError,
	Envs:         []graph.Env{graph.Server},
	FileFact:     fileFact,
	FileFactType: reflect.TypeFor[*Summary](),
	Run:          run,
}

// Message is Next.js's message for a request-time call in a cached
// function of the given cache kind.
func Message(use Use, cacheKind string) string {
	switch use.Name {
	case "cookies", "headers":
		return fmt.Sprintf("`%s` can't be read inside `\"use cache\"`. Read it outside the cached function and pass what you need as an argument.", use.Expr)
	case "connection":
		if cacheKind == "private" {
			return "`connection()` can't be used inside `\"use cache: private\"`. A private cache entry can be built before a navigation request, so it can't depend on one."
		}
		return "`connection()` can't be used inside `\"use cache\"`. A cache entry can be built before any request exists, so it can't depend on one."
	case "draftMode":
		return fmt.Sprintf("`%s` can't be called inside `\"use cache\"`. Draft mode can be read from a cached function, but enabling or disabling it must happen outside.", use.Expr)
	}
	return fmt.Sprintf("`%s` can't be called inside `\"use cache\"`. Revalidation must run outside renders and cached functions so caches stay consistent.", use.Expr)
}

// rejects says whether a cache of the kind rejects the API.
func rejects(use Use, cacheKind string, source string) bool {
	a := rsc.Lookup(rsc.RequestTime, source, use.Name)
	return a != nil && (cacheKind != "private" || a.Private)
}

// step is one call on the way from a cached function to a request-time
// call.
type step struct {
	m    *graph.Module
	fn   *Func
	call *Call // the call made in fn, nil at the last step
}

func run(pass *analysis.Pass) (any, error) {
	m := pass.Module
	s, _ := pass.FileFact(m).(*Summary)
	if s == nil || m.Facts == nil || m.Boundary {
		return nil, nil
	}
	for k := range s.Funcs {
		fn := &s.Funcs[k]
		if !fn.Cache {
			continue
		}
		for _, u := range fn.Uses {
			if source := apiSource(m, u); rejects(u, fn.CacheKind, source) {
				pass.Report(analysis.Diagnostic{Start: u.Span.Start, End: u.Span.End, Message: Message(u, fn.CacheKind)})
			}
		}
		for i := range fn.Calls {
			c := &fn.Calls[i]
			path, use := find(pass, m, s, c, fn.CacheKind, map[*Func]bool{fn: true}, 0)
			if use == nil {
				continue
			}
			pass.Report(diagnostic(pass, fn, c, path, *use))
		}
	}
	return nil, nil
}

// apiSource is the module a request-time use was imported from.
func apiSource(m *graph.Module, u Use) string {
	// The summary only records uses of imports that rsc.APIs lists; find
	// the module by the name, which is unique among them.
	for _, a := range rsc.APIs {
		if a.Rule == rsc.RequestTime && a.Name == u.Name {
			return a.Module
		}
	}
	return ""
}

const maxDepth = 8

// find follows call c of module m into its callee and returns the steps
// to a request-time call the cache rejects, and that call.
func find(pass *analysis.Pass, m *graph.Module, s *Summary, c *Call, kind string, seen map[*Func]bool, depth int) ([]step, *Use) {
	if depth >= maxDepth {
		return nil, nil
	}
	tm, ts, fn := callee(pass, m, s, c)
	if fn == nil || seen[fn] || fn.Cache {
		// A cached callee is a scope of its own, checked on its own.
		return nil, nil
	}
	seen[fn] = true
	for i := range fn.Uses {
		if u := fn.Uses[i]; rejects(u, kind, apiSource(tm, u)) {
			return []step{{m: tm, fn: fn}}, &fn.Uses[i]
		}
	}
	for i := range fn.Calls {
		if rest, u := find(pass, tm, ts, &fn.Calls[i], kind, seen, depth+1); u != nil {
			return append([]step{{m: tm, fn: fn, call: &fn.Calls[i]}}, rest...), u
		}
	}
	return nil, nil
}

// callee resolves a call to the function it calls, in its module.
func callee(pass *analysis.Pass, m *graph.Module, s *Summary, c *Call) (*graph.Module, *Summary, *Func) {
	if c.Local >= 0 {
		if c.Local < len(s.Funcs) {
			return m, s, &s.Funcs[c.Local]
		}
		return nil, nil, nil
	}
	t := pass.Graph.Target(m, c.Import, graph.Server)
	if t == nil || t.External {
		return nil, nil, nil
	}
	origin, exp, boundary, serverRef := pass.Graph.Origin(t, c.Imported, graph.Server)
	if origin == nil || exp == nil || boundary != nil || serverRef != nil || origin.External {
		return nil, nil, nil
	}
	os, _ := pass.FileFact(origin).(*Summary)
	if os == nil {
		return nil, nil, nil
	}
	for k := range os.Funcs {
		for _, name := range os.Funcs[k].Exports {
			if name == exp.Name {
				return origin, os, &os.Funcs[k]
			}
		}
	}
	return nil, nil, nil
}

func diagnostic(pass *analysis.Pass, fn *Func, c *Call, path []step, use Use) analysis.Diagnostic {
	names := []string{name(fn), c.Name}
	var related []analysis.RelatedInformation
	for _, st := range path {
		if st.call != nil {
			names = append(names, st.call.Name)
			related = append(related, analysis.RelatedInformation{
				Location: analysis.Location{Path: st.m.Path, Start: st.call.Span.Start, End: st.call.Span.End},
				Message:  fmt.Sprintf("%s calls %s", name(st.fn), st.call.Name),
			})
			continue
		}
		related = append(related, analysis.RelatedInformation{
			Location: analysis.Location{Path: st.m.Path, Start: use.Span.Start, End: use.Span.End},
			Message:  fmt.Sprintf("%s calls %s (%s)", name(st.fn), use.Expr, pass.Rel(st.m.Path)),
		})
	}
	names = append(names, use.Expr)
	return analysis.Diagnostic{
		Start: c.Span.Start, End: c.Span.End,
		Message: Message(use, fn.CacheKind) + "\nCall chain: " + strings.Join(names, " → "),
		Related: related,
	}
}

func name(fn *Func) string {
	if fn.Name != "" {
		return fn.Name
	}
	for _, x := range fn.Exports {
		if x != "default" {
			return x
		}
	}
	return "the cached function"
}
