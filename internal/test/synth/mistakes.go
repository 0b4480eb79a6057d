package synth

import "math/rand/v2"

// mistakeKind is a known mistake the generator can inject.
type mistakeKind uint8

const (
	mkNone mistakeKind = iota
	mkMisplaced
	mkMisspelled
	mkConflicting
	mkServerFileExport
	mkServerFnSync
	mkServerFnInClient
	mkAsyncClient
	mkErrorNoClient
	mkMetadataBoth
	mkPagesExport
	mkClientAPI
	mkServerOnlyInClient
	mkBrowserGlobal
	mkEventHandler
	mkNonSerializable
	mkSSRFalse
	mkClientModule
)

// mistakeSpec says where a mistake goes and what rscls calls it.
type mistakeSpec struct {
	kind   mistakeKind
	target kind
	rule   string
	what   string
	// reach: the target must be imported by a page, so that it is in the
	// server graph (and, for a Client Component, the client graph).
	reach bool
	// needsClient: the target page must import a Client Component.
	needsClient bool
}

// mistakeSpecs is the injection order: Options.Mistakes = n injects the
// first n, cycling.
var mistakeSpecs = []mistakeSpec{
	{mkMisplaced, kClient, "misplacedDirective", "'use client' after the imports", false, false},
	{mkServerFileExport, kAction, "serverFileExports", "a constant exported from a 'use server' file", false, false},
	{mkClientAPI, kShared, "clientApiInServer", "useState in a component a page imports", true, false},
	{mkServerOnlyInClient, kClient, "serverOnlyInClient", "next/headers imported by a Client Component", true, false},
	{mkErrorNoClient, kError, "errorBoundaryClient", "error.tsx without 'use client'", false, false},
	{mkAsyncClient, kClient, "asyncClientComponent", "an async Client Component", false, false},
	{mkMisspelled, kClient, "misspelledDirective", "'use clinet'", false, false},
	{mkBrowserGlobal, kServer, "browserGlobalInServer", "window read while a Server Component renders", true, false},
	{mkEventHandler, kServer, "eventHandlerInServer", "onClick in a Server Component", true, false},
	{mkNonSerializable, kPage, "nonSerializableProp", "a function passed from a page to a Client Component", false, true},
	{mkConflicting, kAction, "conflictingDirectives", "'use client' and 'use server' in one file", false, false},
	{mkServerFnSync, kPage, "serverFunctions", "a sync inline Server Function", false, false},
	{mkServerFnInClient, kClient, "serverFunctionInClient", "an inline Server Function in a Client Component", false, false},
	{mkMetadataBoth, kPage, "metadataExport", "metadata and generateMetadata in one page", false, false},
	{mkPagesExport, kPage, "pagesRouterExport", "getServerSideProps in the app directory", false, false},
	{mkSSRFalse, kPage, "ssrFalseInServer", "next/dynamic with ssr: false in a page", false, true},
	{mkClientModule, kServer, "clientModuleInServer", "next/router imported by a Server Component", true, false},
}

// injectMistakes marks Options.Mistakes modules of the apps to be written
// with a mistake. It draws from its own random source, so the rest of the
// workspace is the same as without mistakes, except for the pages that
// get an import to put a target in the module graph.
func (g *gen) injectMistakes() {
	if g.opts.Mistakes <= 0 || len(g.apps) == 0 {
		return
	}
	r := rand.New(rand.NewPCG(uint64(g.opts.Seed), 0xbad))
	for i := 0; i < g.opts.Mistakes; i++ {
		spec := mistakeSpecs[i%len(mistakeSpecs)]
		u := g.apps[i%len(g.apps)]
		var cands []*module
		for _, m := range u.byKind[spec.target] {
			if m.mistake != mkNone || m == g.large {
				continue
			}
			if spec.target == kPage && (m.route.param == "slug" || m.route.meta == 2) {
				continue // keep generateMetadata pages out of the way
			}
			if spec.needsClient && !hasStaticClient(m) {
				continue
			}
			cands = append(cands, m)
		}
		if len(cands) == 0 {
			continue
		}
		m := cands[r.IntN(len(cands))]
		m.mistake = spec.kind
		if spec.reach {
			pages := u.byKind[kPage]
			g.addDep(pages[r.IntN(len(pages))], m, false)
		}
		g.mistakes = append(g.mistakes, Mistake{Path: m.path, Rule: spec.rule, What: spec.what})
	}
}

func hasStaticClient(m *module) bool {
	for _, d := range m.deps {
		if d.m.kind == kClient && !d.dynamic {
			return true
		}
	}
	return false
}

// skipDep drops the imports that would spread a mistake to other files:
// a Client Component whose directive no longer counts must not pull its
// hooks into the server graph.
func (e *emitter) skipDep(d dep) bool {
	switch e.mk {
	case mkMisplaced, mkMisspelled:
		return d.m.kind == kHook || d.dynamic
	}
	return false
}
