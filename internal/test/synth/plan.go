package synth

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// kind is what a module is for; it decides its content, directive and
// which modules it may import without breaking the server/client split.
type kind uint8

const (
	kTypes        kind = iota // types only: interfaces and type aliases
	kConst                    // data tables shared by both environments
	kUtil                     // plain helpers shared by both environments
	kHub                      // the class-name helper almost every component imports
	kServerLib                // data access starting with import 'server-only'
	kCached                   // a module-level 'use cache' file
	kAction                   // a 'use server' file of Server Functions
	kHook                     // a custom hook, imported by Client Components only
	kClient                   // a 'use client' component
	kShared                   // a presentational component without directive
	kServer                   // an async Server Component
	kBarrel                   // a package's index.ts
	kServerBarrel             // a package's index.server.ts (react-server condition)
	kPage
	kLayout
	kTemplate
	kDefault
	kLoading
	kError
	kGlobalError
	kNotFound
	kRoute
	kSitemap
	kRobots
	kOGImage
	kMiddleware
	kNextConfig
	numKinds
)

// isRoute reports whether the kind is an App Router file convention or
// an app's configuration file.
func (k kind) isRoute() bool { return k >= kPage }

// role of a unit: an app or one of three kinds of workspace package.
type role uint8

const (
	roleApp    role = iota
	roleLib         // plain TypeScript helpers (utils, config)
	roleUI          // components and hooks
	roleServer      // server data access with a react-server export
)

type unit struct {
	idx      int
	name     string // "web", "ui"
	pkgName  string // "@synth/ui"; the app name for apps
	dir      string // absolute, slash-separated
	role     role
	quote    byte
	semi     bool
	byKind   [numKinds][]*module
	deps     []*unit // workspace packages it may import
	barrel   *module
	sbarrel  *module
	patterns []exportPattern
	paths    map[string]bool
	features []string // component folders of an app
	dirs     appDirs
	routes   []string            // URL paths of the app's pages, for links
	foreign  [numKinds][]*module // modules of deps by kind, once deps are planned
	hasPool  [numKinds]bool
	count    int // source files planned so far
}

// appDirs are where an app keeps each kind of module.
type appDirs struct {
	types, consts, utils, server string
}

// exportPattern is a package.json "exports" subpath pattern:
// "./<sub>*" -> "./<dir>*<ext>".
type exportPattern struct{ sub, dir, ext string }

type dep struct {
	m        *module
	typeOnly bool
	barrel   bool // through the package's "." export
	alias    bool // through the app's @/ path alias
	dynamic  bool // import() or next/dynamic
}

type module struct {
	idx       int
	u         *unit
	kind      kind
	path      string // absolute, slash-separated
	base      string // file stem
	names     []string
	deps      []dep
	importers int
	size      int
	inBarrel  bool
	action    bool // a component that takes an action prop
	children  bool // a shared component that renders children
	route     *routeInfo
	mistake   mistakeKind
}

type routeInfo struct {
	url      string // "/orders/[id]"
	title    string
	param    string // "id", "slug" or ""
	catchAll bool
	slots    []string // a layout's parallel route slots
	root     bool     // the root layout
	meta     int      // 0: none, 1: metadata, 2: generateMetadata
}

type gen struct {
	opts     Options
	root     string
	r        *rand.Rand
	apps     []*unit
	pkgs     []*unit
	mods     []*module
	names    map[string]bool // exported names in use, to keep imports distinct
	files    map[string]string
	hub      *module
	large    *module
	mistakes []Mistake
}

// reservedNames are globals of TypeScript, the DOM and React that an
// import must not shadow.
var reservedNames = []string{
	"Array", "Blob", "Date", "Document", "Element", "Error", "Event", "File", "FormData", "Headers",
	"History", "Image", "Location", "Map", "Node", "Notification", "Object", "Promise", "Record",
	"Request", "Response", "Set", "Storage", "Text", "URL", "Window", "Worker", "Link", "Suspense",
	"Metadata", "ReactNode", "ClassValue", "PageProps",
}

func newGen(opts Options) *gen {
	g := &gen{
		opts:  opts,
		root:  opts.Root,
		r:     rand.New(rand.NewPCG(uint64(opts.Seed), 0x5e4f1c)),
		names: map[string]bool{},
		files: map[string]string{},
	}
	for _, n := range reservedNames {
		g.names[n] = true
	}
	return g
}

var appNames = []string{"web", "admin", "docs", "dashboard", "portal", "studio", "store", "help", "partners", "status"}

// Package names by role; the first three packages are utils, ui and data.
var pkgNames = map[role][]string{
	roleLib:    {"utils", "config", "i18n", "analytics", "validation", "dates"},
	roleUI:     {"ui", "icons", "forms", "charts", "editor", "media", "maps", "tables"},
	roleServer: {"data", "auth", "billing", "search", "email", "payments", "notifications", "storage"},
}

// Per-app fixed files: next.config.mjs, middleware.ts and the root
// layout, page, loading, error, not-found, global-error, sitemap, robots
// and opengraph-image.
const fixedAppFiles = 11

// appKindShares split an app's non-route modules.
var appKindShares = [numKinds]float64{
	kTypes: 0.06, kConst: 0.03, kUtil: 0.09, kServerLib: 0.07, kCached: 0.015,
	kAction: 0.06, kHook: 0.05, kClient: 0.215, kShared: 0.20, kServer: 0.21,
}

var pkgKindShares = map[role][numKinds]float64{
	roleLib:    {kUtil: 0.6, kTypes: 0.2, kConst: 0.2},
	roleUI:     {kShared: 0.36, kClient: 0.3, kHook: 0.1, kUtil: 0.1, kTypes: 0.09, kConst: 0.05},
	roleServer: {kTypes: 0.2, kUtil: 0.2, kServerLib: 0.35, kCached: 0.1, kAction: 0.15},
}

// plan decides every module, its path, exports, size and imports.
func (g *gen) plan() {
	n := g.opts.Files
	perRole := map[role]int{}
	for i := range g.opts.Packages {
		u := &unit{idx: i, role: pkgRole(i), paths: map[string]bool{}}
		u.name = pickName(pkgNames[u.role], perRole[u.role], [...]string{roleLib: "lib", roleUI: "kit", roleServer: "service"}[u.role])
		perRole[u.role]++
		u.pkgName = "@synth/" + u.name
		u.dir = g.root + "/packages/" + u.name
		g.style(u)
		switch u.role {
		case roleLib:
			u.patterns = []exportPattern{{"", "src/", ".ts"}}
		case roleUI:
			u.patterns = []exportPattern{{"hooks/", "src/hooks/", ".ts"}, {"lib/", "src/lib/", ".ts"}, {"", "src/components/", ".tsx"}}
		case roleServer:
			u.patterns = []exportPattern{{"server/", "src/server/", ".ts"}, {"", "src/", ".ts"}}
		}
		for j := 0; j < i && j < 3; j++ {
			u.deps = append(u.deps, g.pkgs[j])
		}
		g.pkgs = append(g.pkgs, u)
	}
	for i := range g.opts.Apps {
		u := &unit{idx: i, role: roleApp, paths: map[string]bool{}}
		u.name = pickName(appNames, i, "app")
		u.pkgName = u.name
		u.dir = g.root + "/apps/" + u.name
		u.deps = g.pkgs
		g.style(u)
		g.pickAppDirs(u)
		g.apps = append(g.apps, u)
	}

	// Split the budget: fixed files first, a fifth of the rest to packages.
	fixed := len(g.apps) * fixedAppFiles
	for _, u := range g.pkgs {
		fixed++
		if u.role == roleServer {
			fixed++
		}
	}
	rest := max(0, n-fixed)
	pkgBudget := int(math.Round(float64(rest) * 0.2))
	weights := make([]float64, len(g.pkgs))
	for i, u := range g.pkgs {
		weights[i] = map[role]float64{roleLib: 1, roleUI: 2, roleServer: 1.5}[u.role]
	}
	pkgCounts := alloc(pkgBudget, weights)
	appWeights := make([]float64, len(g.apps))
	for i := range appWeights {
		appWeights[i] = 1
	}
	appCounts := alloc(rest-pkgBudget, appWeights)

	for i, u := range g.pkgs {
		g.planPackage(u, pkgCounts[i])
	}
	for i, u := range g.apps {
		g.planApp(u, appCounts[i]+fixedAppFiles)
	}
	g.planHub()
	g.planLarge()
	g.adoptOrphans()
}

func pkgRole(i int) role {
	switch i {
	case 0:
		return roleLib
	case 1:
		return roleUI
	case 2:
		return roleServer
	}
	return [...]role{roleUI, roleLib, roleServer, roleUI}[(i-3)%4]
}

func pickName(list []string, i int, prefix string) string {
	if i < len(list) {
		return list[i]
	}
	return prefix + "-" + strconv.Itoa(i+1)
}

// style picks a unit's code style: quotes and semicolons, like a
// prettier configuration.
func (g *gen) style(u *unit) {
	u.quote = '\''
	if g.r.IntN(4) == 0 {
		u.quote = '"'
	}
	u.semi = g.r.IntN(5) != 0
}

func (g *gen) pickAppDirs(u *unit) {
	pick := func(a, b string) string {
		if g.r.IntN(2) == 0 {
			return a
		}
		return b
	}
	u.dirs = appDirs{
		types:  pick("src/types/", "src/lib/types/"),
		consts: pick("src/lib/constants/", "src/config/"),
		utils:  pick("src/lib/", "src/lib/utils/"),
		server: pick("src/lib/server/", "src/server/queries/"),
	}
	nf := 6 + g.opts.Files/(150*g.opts.Apps)
	seen := map[string]bool{}
	for len(u.features) < nf {
		f := nouns[g.r.IntN(len(nouns))]
		if len(u.features) >= len(nouns)/2 {
			f = adjectives[g.r.IntN(len(adjectives))] + "-" + f
		}
		if !seen[f] {
			seen[f] = true
			u.features = append(u.features, f)
		}
	}
}

// alloc splits total by weights, rounding by largest remainder.
func alloc(total int, weights []float64) []int {
	out := make([]int, len(weights))
	if total <= 0 || len(weights) == 0 {
		return out
	}
	var sum float64
	for _, w := range weights {
		sum += w
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, len(weights))
	given := 0
	for i, w := range weights {
		exact := float64(total) * w / sum
		out[i] = int(exact)
		given += out[i]
		rems[i] = rem{i, exact - float64(out[i])}
	}
	// Stable order: by remainder, then index.
	for given < total {
		best := -1
		for j, r := range rems {
			if r.f >= 0 && (best < 0 || r.f > rems[best].f) {
				best = j
			}
		}
		if best < 0 {
			break
		}
		out[rems[best].i]++
		rems[best].f = -1
		given++
	}
	return out
}

func kindCounts(total int, shares [numKinds]float64) [numKinds]int {
	var ws []float64
	var ks []kind
	for k, s := range shares {
		if s > 0 {
			ws = append(ws, s)
			ks = append(ks, kind(k))
		}
	}
	var out [numKinds]int
	for i, c := range alloc(total, ws) {
		out[ks[i]] = c
	}
	return out
}

// creationOrder lists kinds in the order modules are created: a module
// imports only modules created before it, so the graph has no cycles.
// Client and shared components are interleaved.
func (g *gen) creationOrder(counts [numKinds]int) []kind {
	var out []kind
	for _, k := range []kind{kTypes, kConst, kUtil, kServerLib, kCached, kAction, kHook} {
		for range counts[k] {
			out = append(out, k)
		}
	}
	comps := make([]kind, 0, counts[kClient]+counts[kShared])
	for range counts[kClient] {
		comps = append(comps, kClient)
	}
	for range counts[kShared] {
		comps = append(comps, kShared)
	}
	g.r.Shuffle(len(comps), func(i, j int) { comps[i], comps[j] = comps[j], comps[i] })
	out = append(out, comps...)
	for range counts[kServer] {
		out = append(out, kServer)
	}
	return out
}

func (g *gen) planPackage(u *unit, budget int) {
	counts := kindCounts(budget, pkgKindShares[u.role])
	if u.idx == 0 && budget > 0 {
		g.hub = g.newModule(u, kHub)
		counts[kUtil] = max(0, counts[kUtil]-1)
	}
	for _, k := range g.creationOrder(counts) {
		g.newModule(u, k)
	}
	u.barrel = g.newModule(u, kBarrel)
	if u.role == roleServer {
		u.sbarrel = g.newModule(u, kServerBarrel)
		g.addDep(u.sbarrel, u.barrel, false)
	}
	for _, m := range g.mods {
		if m.u != u || !m.inBarrel {
			continue
		}
		b := u.barrel
		if m.kind == kServerLib || m.kind == kCached {
			b = u.sbarrel
		}
		g.addDep(b, m, m.kind == kTypes)
	}
}

func (g *gen) planApp(u *unit, budget int) {
	routeBudget := max(fixedAppFiles, int(math.Round(float64(budget)*0.22)))
	counts := kindCounts(max(0, budget-routeBudget), appKindShares)
	for _, k := range g.creationOrder(counts) {
		g.newModule(u, k)
	}
	g.planRoutes(u, routeBudget)
}

// newModule creates a module of kind k in u, with a unique path and
// exports, a size and its imports.
func (g *gen) newModule(u *unit, k kind) *module {
	m := &module{idx: len(g.mods), u: u, kind: k}
	g.nameModule(m)
	m.size = g.sizeFor(k)
	switch k {
	case kClient:
		m.action = g.r.IntN(4) == 0
	case kShared:
		m.children = g.r.IntN(3) == 0
	case kHub:
		m.inBarrel = true
	}
	if u.role != roleApp {
		switch k {
		case kShared, kClient:
			m.inBarrel = g.r.IntN(4) != 0
		case kUtil, kTypes, kConst:
			m.inBarrel = g.r.IntN(5) < 3
		case kServerLib, kCached:
			m.inBarrel = u.role == roleServer && g.r.IntN(3) != 0
		}
	}
	g.pickDeps(m)
	g.mods = append(g.mods, m)
	u.byKind[k] = append(u.byKind[k], m)
	u.count++
	return m
}

// sizeFor draws a target size: log-normal around 2.3 KB, a few large
// files up to 58 KB.
func (g *gen) sizeFor(k kind) int {
	switch k {
	case kBarrel, kServerBarrel, kHub, kNextConfig:
		return 0 // these are as long as their skeleton
	case kMiddleware, kDefault, kLoading, kGlobalError, kNotFound, kRobots, kOGImage, kTemplate:
		return 560 + g.r.IntN(900)
	}
	if k != kTypes && k != kHook && k != kAction && k != kCached && k != kError && k != kRoute && g.r.IntN(1000) < 15 {
		return 16*1024 + g.r.IntN(42*1024)
	}
	s := math.Exp(math.Log(2300) + 0.65*g.r.NormFloat64())
	if k == kTypes || k == kError || k == kLayout {
		s *= 0.6
	}
	return int(min(14000, max(560, s)))
}

// claimNames picks a base with gen, retrying on a clash and then
// numbering it, such that the base (per key) and every name derive makes
// of it are unused; it reserves them all.
func (g *gen) claimNames(key string, gen func() string, sep string, derive func(base string) []string) (string, []string) {
	try := func(b string) []string {
		if g.names[key+":"+b] {
			return nil
		}
		names := derive(b)
		for _, n := range names {
			if g.names[n] {
				return nil
			}
		}
		g.names[key+":"+b] = true
		for _, n := range names {
			g.names[n] = true
		}
		return names
	}
	var b string
	for range 12 {
		b = gen()
		if names := try(b); names != nil {
			return b, names
		}
	}
	for i := 2; ; i++ {
		if names := try(b + sep + strconv.Itoa(i)); names != nil {
			return b + sep + strconv.Itoa(i), names
		}
	}
}

func one(b string) []string { return []string{b} }

func (g *gen) noun() string { return nouns[g.r.IntN(len(nouns))] }
func (g *gen) adj() string  { return adjectives[g.r.IntN(len(adjectives))] }

// phrase is "noun" or "adjective-noun".
func (g *gen) phrase() string {
	if g.r.IntN(2) == 0 {
		return g.noun()
	}
	return g.adj() + "-" + g.noun()
}

// nameModule picks the exports and path of m.
func (g *gen) nameModule(m *module) {
	u := m.u
	var dir, ext string
	ext = ".ts"
	switch m.kind {
	case kTypes:
		base, names := g.claimNames("types", func() string { return pascal(g.phrase()) }, "", func(b string) []string {
			return []string{b, b + "Status", b + "Filters"}
		})
		m.names, m.base = names, kebab(base)
	case kConst:
		m.base, m.names = g.claimNames("const", func() string { return g.phrase() + "-options" }, "-", func(b string) []string {
			return []string{upper(b), "find" + pascal(strings.TrimSuffix(b, "s"))}
		})
	case kUtil:
		v1, v2 := verbs[g.r.IntN(len(verbs))], verbs[g.r.IntN(len(verbs))]
		if v1 == v2 {
			v2 = "list"
		}
		m.base, m.names = g.claimNames("util", func() string {
			return g.phrase() + "-" + []string{"utils", "format", "helpers", "math", "dates", "paths"}[g.r.IntN(6)]
		}, "-", func(b string) []string { return []string{v1 + pascal(b), v2 + pascal(b) + "Items"} })
	case kHub:
		m.names = []string{"cn", "joinClassNames", "variant"}
		for _, n := range m.names {
			g.names[n] = true
		}
		m.base = "cn"
	case kServerLib:
		m.base, m.names = g.claimNames("lib", g.phrase, "-", func(b string) []string {
			return []string{"get" + pascal(b), "list" + pascal(plural(b))}
		})
		if u.role == roleApp && g.r.IntN(3) == 0 {
			m.base += "-queries"
		}
	case kCached:
		m.base, m.names = g.claimNames("cached", func() string { return g.phrase() + "-stats" }, "-", func(b string) []string {
			return []string{"getCached" + pascal(b)}
		})
	case kAction:
		v1 := actionVerbs[g.r.IntN(len(actionVerbs))]
		v2 := actionVerbs[(g.r.IntN(len(actionVerbs)-1)+1+indexOf(actionVerbs, v1))%len(actionVerbs)]
		m.base, m.names = g.claimNames("action", g.phrase, "-", func(b string) []string {
			return []string{v1 + pascal(b), v2 + pascal(b)}
		})
		if g.r.IntN(2) == 0 {
			m.base += "-actions"
		}
	case kHook:
		name, names := g.claimNames("hook", func() string {
			return "use" + pascal(g.phrase()) + []string{"", "State", "Query", "Selection", "Storage", "Toggle", "Filters"}[g.r.IntN(7)]
		}, "", one)
		m.names, m.base = names, kebab(name)
	case kClient, kShared, kServer:
		name, names := g.claimNames("component", func() string {
			p := g.noun()
			if g.r.IntN(2) == 0 {
				p = g.adj() + "-" + p
			}
			return pascal(p) + suffixes[g.r.IntN(len(suffixes))]
		}, "", one)
		m.names, m.base = names, kebab(name)
		ext = ".tsx"
	case kBarrel:
		m.base = "index"
	case kServerBarrel:
		m.base = "index.server"
	default:
		panic("nameModule: route kind")
	}
	dir = g.dirFor(u, m.kind)
	m.path = g.claimPath(u, dir+m.base, ext)
	m.base = m.path[strings.LastIndexByte(m.path, '/')+1 : len(m.path)-len(ext)]
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// claimPath reserves u.dir/<stem><ext>, numbering the stem on a clash.
func (g *gen) claimPath(u *unit, stem, ext string) string {
	p := u.dir + "/" + stem + ext
	for i := 2; u.paths[p]; i++ {
		p = u.dir + "/" + stem + "-" + strconv.Itoa(i) + ext
	}
	u.paths[p] = true
	return p
}

// dirFor is the folder, relative to the unit, of a module kind.
func (g *gen) dirFor(u *unit, k kind) string {
	if k == kHub || k == kBarrel || k == kServerBarrel {
		return "src/"
	}
	switch u.role {
	case roleLib:
		return "src/"
	case roleUI:
		switch k {
		case kHook:
			return "src/hooks/"
		case kClient, kShared, kServer:
			return "src/components/"
		}
		return "src/lib/"
	case roleServer:
		switch k {
		case kServerLib, kCached, kAction:
			return "src/server/"
		}
		return "src/"
	}
	switch k {
	case kTypes:
		return u.dirs.types
	case kConst:
		return u.dirs.consts
	case kUtil:
		return u.dirs.utils
	case kServerLib:
		return u.dirs.server
	case kCached:
		return "src/lib/cache/"
	case kAction:
		return "src/actions/"
	case kHook:
		return "src/hooks/"
	}
	if g.r.IntN(8) == 0 {
		return "src/components/ui/"
	}
	return "src/components/" + u.features[g.r.IntN(len(u.features))] + "/"
}

// depRule says how many imports of a kind a module of some kind makes.
type depRule struct {
	k      kind
	lo, hi int
}

var depRules = [numKinds][]depRule{
	kTypes:      {{kTypes, 0, 2}},
	kConst:      {{kTypes, 0, 1}},
	kUtil:       {{kTypes, 0, 1}, {kUtil, 0, 2}, {kConst, 0, 1}},
	kServerLib:  {{kTypes, 0, 2}, {kUtil, 0, 2}, {kServerLib, 0, 1}, {kConst, 0, 1}},
	kCached:     {{kServerLib, 1, 2}, {kUtil, 0, 1}, {kTypes, 0, 1}},
	kAction:     {{kServerLib, 0, 2}, {kUtil, 0, 1}, {kTypes, 0, 1}},
	kHook:       {{kHook, 0, 1}, {kUtil, 0, 1}, {kTypes, 0, 1}},
	kClient:     {{kClient, 0, 2}, {kShared, 0, 2}, {kHook, 0, 2}, {kUtil, 0, 2}, {kTypes, 0, 1}, {kConst, 0, 1}, {kAction, 0, 1}},
	kShared:     {{kShared, 0, 2}, {kClient, 0, 1}, {kUtil, 0, 2}, {kTypes, 0, 1}, {kConst, 0, 1}},
	kServer:     {{kServer, 0, 2}, {kClient, 0, 2}, {kShared, 0, 2}, {kServerLib, 0, 2}, {kCached, 0, 1}, {kAction, 0, 1}, {kUtil, 0, 1}, {kTypes, 0, 1}},
	kPage:       {{kServer, 1, 4}, {kClient, 0, 3}, {kShared, 0, 2}, {kServerLib, 0, 2}, {kCached, 0, 1}, {kAction, 0, 1}, {kUtil, 0, 1}, {kTypes, 0, 1}},
	kLayout:     {{kShared, 0, 2}, {kClient, 1, 2}, {kServer, 0, 1}},
	kTemplate:   {{kShared, 0, 1}},
	kLoading:    {{kShared, 0, 1}},
	kError:      {{kShared, 0, 1}, {kUtil, 0, 1}},
	kNotFound:   {{kShared, 0, 1}},
	kRoute:      {{kServerLib, 1, 2}, {kUtil, 0, 1}, {kTypes, 0, 1}},
	kSitemap:    {{kServerLib, 0, 1}, {kConst, 0, 1}},
	kMiddleware: {{kUtil, 0, 1}},
}

// pickDeps chooses m's imports among the modules created before it in its
// unit and the modules of the packages it depends on.
func (g *gen) pickDeps(m *module) {
	u := m.u
	for _, rule := range depRules[m.kind] {
		n := rule.lo + g.r.IntN(rule.hi-rule.lo+1)
		local := u.byKind[rule.k]
		foreign := u.foreignPool(rule.k)
		pFor := 0.2
		if u.role == roleApp {
			pFor = 0.25
		}
		for range n {
			var t *module
			switch {
			case len(foreign) > 0 && (len(local) == 0 || g.r.Float64() < pFor):
				t = foreign[g.r.IntN(len(foreign))]
			case len(local) > 0:
				t = local[g.r.IntN(len(local))]
			default:
				continue
			}
			g.addDep(m, t, rule.k == kTypes)
		}
	}
}

// foreignPool lists the modules of kind k in the packages u depends on,
// which are planned before u.
func (u *unit) foreignPool(k kind) []*module {
	if !u.hasPool[k] {
		for _, p := range u.deps {
			u.foreign[k] = append(u.foreign[k], p.byKind[k]...)
		}
		u.hasPool[k] = true
	}
	return u.foreign[k]
}

// addDep records that m imports t, choosing how it is spelled.
func (g *gen) addDep(m, t *module, typeOnly bool) {
	for _, d := range m.deps {
		if d.m == t {
			return
		}
	}
	d := dep{m: t, typeOnly: typeOnly}
	switch {
	case t.u != m.u:
		d.barrel = t.inBarrel && t.kind != kHub && g.r.IntN(2) == 0
		if t.kind == kServerLib || t.kind == kCached {
			// Server data comes through the package's react-server entry
			// only in the server graph; the modules that import it are
			// all server code.
			d.barrel = t.inBarrel && g.r.IntN(3) != 0
		}
	case m.u.role == roleApp:
		d.alias = g.r.IntN(3) != 0
	}
	if !typeOnly && !d.barrel {
		switch {
		case m.kind == kClient && (t.kind == kClient || t.kind == kShared) && g.r.IntN(12) == 0:
			d.dynamic = true
		case m.kind == kPage && t.kind == kClient && g.r.IntN(10) == 0:
			d.dynamic = true
		case m.kind == kRoute && t.kind == kServerLib && g.r.IntN(8) == 0:
			d.dynamic = true
		}
	}
	m.deps = append(m.deps, d)
	t.importers++
}

// planHub makes the hub (the cn helper of the utils package) imported
// directly by many components: at least HubMinImporters of them in a
// workspace of HubMinFiles files or more.
func (g *gen) planHub() {
	if g.hub == nil {
		return
	}
	var eligible []*module
	for _, m := range g.mods {
		if m.u == g.hub.u {
			continue
		}
		switch m.kind {
		case kClient, kShared, kServer, kPage, kLayout:
			eligible = append(eligible, m)
		case kUtil:
			if m.u.role == roleApp {
				eligible = append(eligible, m)
			}
		}
	}
	want := int(float64(len(eligible)) * 0.3)
	if g.opts.Files >= HubMinFiles {
		want = max(want, HubMinImporters+HubMinImporters/10)
	}
	want = min(want, len(eligible))
	g.r.Shuffle(len(eligible), func(i, j int) { eligible[i], eligible[j] = eligible[j], eligible[i] })
	for _, m := range eligible[:want] {
		g.addDep(m, g.hub, false)
	}
}

// planLarge makes one Client Component of the first app (a page in tiny
// workspaces) about 50 KB.
func (g *gen) planLarge() {
	if len(g.apps) == 0 {
		return
	}
	u := g.apps[0]
	for _, k := range []kind{kClient, kShared, kServer, kPage} {
		if list := u.byKind[k]; len(list) > 0 {
			g.large = list[len(list)/3]
			g.large.size = 50 * 1024
			return
		}
	}
}

// adoptOrphans gives every module nobody imports an importer, so that the
// whole workspace is in the module graph.
func (g *gen) adoptOrphans() {
	for _, m := range g.mods {
		if m.importers > 0 || m.kind.isRoute() || m.kind == kBarrel || m.kind == kServerBarrel {
			continue
		}
		if m.u.role != roleApp && m.inBarrel {
			continue // reached through the barrel
		}
		if m.kind == kHub && m.u.barrel != nil {
			continue
		}
		var importerKinds []kind
		switch m.kind {
		case kHook:
			importerKinds = []kind{kClient}
		case kServerLib, kCached:
			importerKinds = []kind{kPage, kServer}
		case kAction:
			importerKinds = []kind{kClient, kPage}
		case kClient, kShared, kServer, kTypes, kUtil, kConst:
			importerKinds = []kind{kPage}
		}
		var cands []*module
		for _, a := range g.ownersFor(m) {
			for _, k := range importerKinds {
				for _, c := range a.byKind[k] {
					if c.idx > m.idx {
						cands = append(cands, c)
					}
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		g.addDep(cands[g.r.IntN(len(cands))], m, m.kind == kTypes)
	}
}

// ownersFor lists the units whose modules may import m: its own app, or
// the apps for a package module.
func (g *gen) ownersFor(m *module) []*unit {
	if m.u.role == roleApp {
		return []*unit{m.u}
	}
	a := g.apps[m.idx%len(g.apps)]
	return []*unit{a}
}
