package synth

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Generated code marks statement ends with semi and writes string
// literals with single quotes; render turns both into the unit's style.
const semi = "\x01"

type importDecl struct {
	spec     string
	def      string
	names    []string
	typeOnly bool
	side     bool
}

// emitter writes one module.
type emitter struct {
	g     *gen
	m     *module
	r     *rand.Rand
	imps  []*importDecl
	lazy  []string // next/dynamic declarations after the imports
	ids   map[string]bool
	n     int
	ctx   renderCtx
	mk    mistakeKind
	dirty bool
}

// uses is what a module's imports give it to work with.
type uses struct {
	comps   []compRef
	utils   []*module
	consts  []*module
	types   []string
	hooks   []*module
	libs    []*module
	cached  []*module
	actions []string
	hub     bool
	dynLibs []dynLib
}

type compRef struct {
	name string
	m    *module
	lazy bool
}

type dynLib struct{ spec, name string }

type renderCtx uint8

const (
	ctxPlain  renderCtx = iota // no JSX
	ctxServer                  // server or shared JSX: no handlers, no hooks
	ctxClient                  // client JSX
)

// render produces the contents of m.
func (g *gen) render(m *module) string {
	e := &emitter{
		g:   g,
		m:   m,
		r:   rand.New(rand.NewPCG(uint64(g.opts.Seed), uint64(m.idx)+1)),
		ids: map[string]bool{},
		mk:  m.mistake,
	}
	var s string
	switch m.kind {
	case kTypes:
		s = e.types()
	case kConst:
		s = e.consts()
	case kUtil:
		s = e.util()
	case kHub:
		s = e.hub()
	case kServerLib:
		s = e.serverLib()
	case kCached:
		s = e.cached()
	case kAction:
		s = e.action()
	case kHook:
		s = e.hook()
	case kClient, kShared, kServer:
		s = e.component()
	case kBarrel, kServerBarrel:
		s = e.barrel()
	case kPage:
		s = e.page()
	case kLayout:
		s = e.layout()
	case kTemplate:
		s = e.template()
	case kDefault:
		s = e.defaultSlot()
	case kLoading:
		s = e.loading()
	case kError, kGlobalError:
		s = e.errorFile()
	case kNotFound:
		s = e.notFound()
	case kRoute:
		s = e.routeHandler()
	case kSitemap:
		s = e.sitemap()
	case kRobots:
		s = e.robots()
	case kOGImage:
		s = e.ogImage()
	case kMiddleware:
		s = e.middleware()
	case kNextConfig:
		s = e.nextConfig()
	}
	return m.u.finish(s)
}

// finish applies the unit's code style.
func (u *unit) finish(s string) string {
	sc := ""
	if u.semi {
		sc = ";"
	}
	if u.quote == '"' {
		return strings.NewReplacer(semi, sc, "'", "\"").Replace(s)
	}
	return strings.ReplaceAll(s, semi, sc)
}

// --- imports -----------------------------------------------------------

func (e *emitter) named(spec string, typeOnly bool, names ...string) {
	for _, d := range e.imps {
		if d.spec == spec && d.typeOnly == typeOnly && !d.side {
			for _, n := range names {
				if !contains(d.names, n) {
					d.names = append(d.names, n)
				}
			}
			return
		}
	}
	e.imps = append(e.imps, &importDecl{spec: spec, names: append([]string(nil), names...), typeOnly: typeOnly})
}

func (e *emitter) defaultImport(spec, name string) {
	for _, d := range e.imps {
		if d.spec == spec && !d.typeOnly && !d.side {
			d.def = name
			return
		}
	}
	e.imps = append(e.imps, &importDecl{spec: spec, def: name})
}

func (e *emitter) sideEffect(spec string) {
	e.imps = append(e.imps, &importDecl{spec: spec, side: true})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// importGroup orders imports the way import-sorting tools do: side
// effects, packages, workspace packages, the app alias, relative paths,
// stylesheets.
func importGroup(d *importDecl) int {
	switch {
	case strings.HasSuffix(d.spec, ".css"):
		return 5
	case strings.HasPrefix(d.spec, "."):
		return 4
	case strings.HasPrefix(d.spec, "@/"):
		return 3
	case strings.HasPrefix(d.spec, "@synth/"):
		return 2
	case d.side:
		return 0
	}
	return 1
}

func (e *emitter) importText() string {
	var b strings.Builder
	sort.SliceStable(e.imps, func(i, j int) bool { return importGroup(e.imps[i]) < importGroup(e.imps[j]) })
	for _, d := range e.imps {
		switch {
		case d.side:
			b.WriteString("import '" + d.spec + "'" + semi + "\n")
			continue
		case d.typeOnly:
			b.WriteString("import type ")
		default:
			b.WriteString("import ")
		}
		if d.def != "" {
			b.WriteString(d.def)
			if len(d.names) > 0 {
				b.WriteString(", ")
			}
		}
		if len(d.names) > 0 {
			b.WriteString("{ " + strings.Join(d.names, ", ") + " }")
		}
		b.WriteString(" from '" + d.spec + "'" + semi + "\n")
	}
	for _, l := range e.lazy {
		if b.Len() > 0 && l == e.lazy[0] {
			b.WriteString("\n")
		}
		b.WriteString(l)
	}
	return b.String()
}

// spec is the import specifier of d as written in e.m.
func (e *emitter) spec(d dep) string {
	t, from := d.m, e.m
	if t.u != from.u {
		if d.barrel {
			return t.u.pkgName
		}
		return t.u.pkgName + "/" + subpath(t)
	}
	stem := t.path[:strings.LastIndexByte(t.path, '.')]
	if d.alias {
		return "@/" + strings.TrimPrefix(stem, from.u.dir+"/src/")
	}
	return relSpec(from.path[:strings.LastIndexByte(from.path, '/')], stem)
}

// subpath is the package.json "exports" subpath of a package module.
func subpath(t *module) string {
	rel := strings.TrimPrefix(t.path, t.u.dir+"/")
	for _, p := range t.u.patterns {
		if strings.HasPrefix(rel, p.dir) && strings.HasSuffix(rel, p.ext) {
			return p.sub + rel[len(p.dir):len(rel)-len(p.ext)]
		}
	}
	return rel
}

// collect imports m's dependencies and says what they provide.
func (e *emitter) collect() uses {
	var u uses
	for _, d := range e.m.deps {
		t := d.m
		if e.skipDep(d) {
			continue
		}
		spec := e.spec(d)
		switch t.kind {
		case kTypes:
			names := t.names[:1]
			if e.r.IntN(3) == 0 {
				names = t.names[:2]
			}
			e.named(spec, true, names...)
			u.types = append(u.types, t.names[0])
		case kHub:
			e.named(spec, false, "cn")
			u.hub = true
		case kUtil:
			e.named(spec, false, t.names[0])
			u.utils = append(u.utils, t)
		case kConst:
			e.named(spec, false, t.names[0])
			u.consts = append(u.consts, t)
		case kServerLib:
			if d.dynamic {
				u.dynLibs = append(u.dynLibs, dynLib{spec, t.names[1]})
				continue
			}
			e.named(spec, false, t.names[1])
			u.libs = append(u.libs, t)
		case kCached:
			e.named(spec, false, t.names[0])
			u.cached = append(u.cached, t)
		case kAction:
			e.named(spec, false, t.names[0])
			u.actions = append(u.actions, t.names[0])
		case kHook:
			e.named(spec, false, t.names[0])
			u.hooks = append(u.hooks, t)
		case kClient, kShared, kServer:
			if d.dynamic {
				name := "Lazy" + t.names[0]
				e.defaultImport("next/dynamic", "dynamic")
				opts := ""
				if e.m.kind == kClient {
					opts = ", {\n  ssr: false,\n  loading: () => <p className=\"text-sm text-muted-foreground\">Loading…</p>,\n}"
				}
				e.lazy = append(e.lazy, "const "+name+" = dynamic(() => import('"+spec+"').then((mod) => mod."+t.names[0]+")"+opts+")"+semi+"\n")
				u.comps = append(u.comps, compRef{name, t, true})
				continue
			}
			e.named(spec, false, t.names[0])
			u.comps = append(u.comps, compRef{t.names[0], t, false})
		}
	}
	return u
}

// --- small helpers -----------------------------------------------------

// id returns a file-unique identifier built from prefix.
func (e *emitter) id(prefix string) string {
	if !e.ids[prefix] {
		e.ids[prefix] = true
		return prefix
	}
	for {
		e.n++
		s := prefix + strconv.Itoa(e.n)
		if !e.ids[s] {
			e.ids[s] = true
			return s
		}
	}
}

func (e *emitter) pick(list []string) string { return list[e.r.IntN(len(list))] }
func (e *emitter) label() string             { return e.pick(labels) }
func (e *emitter) cls() string               { return e.pick(tailwind) }
func (e *emitter) noun() string              { return e.pick(nouns) }
func itoa(i int) string                      { return strconv.Itoa(i) }

// jsxProps renders the props passed to a component.
func (e *emitter) jsxProps(c compRef, items, action string) string {
	var b strings.Builder
	b.WriteString(" title=\"" + e.label() + "\"")
	if e.r.IntN(2) == 0 {
		b.WriteString(" count={" + itoa(e.r.IntN(50)) + "}")
	}
	switch {
	case items != "":
		b.WriteString(" items={" + items + "}")
	case e.r.IntN(3) == 0:
		b.WriteString(" items={['" + e.noun() + "', '" + e.noun() + "']}")
	}
	if c.m.kind == kClient && c.m.action && action != "" {
		b.WriteString(" action={" + action + "}")
	}
	return b.String()
}

// renderComps writes the elements for comps at the given indentation.
func (e *emitter) renderComps(b *strings.Builder, comps []compRef, indent, items, action string) {
	for i, c := range comps {
		it := ""
		if i == 0 {
			it = items
		}
		props := e.jsxProps(c, it, action)
		if c.m.kind == kShared && c.m.children {
			b.WriteString(indent + "<" + c.name + props + ">\n")
			b.WriteString(indent + "  <p className=\"" + e.cls() + "\">" + e.label() + "</p>\n")
			b.WriteString(indent + "</" + c.name + ">\n")
			continue
		}
		b.WriteString(indent + "<" + c.name + props + " />\n")
	}
}

// className returns a className attribute value, through cn when the
// module imports the hub.
func (e *emitter) className(hub bool, cond string) string {
	if hub {
		return "{cn('" + e.cls() + "', " + cond + " && '" + e.cls() + "')}"
	}
	return "\"" + e.cls() + "\""
}

// utilCalls writes calls of the imported helpers and returns the
// variable names holding their results.
func (e *emitter) utilCalls(b *strings.Builder, u uses, indent, arg string) []string {
	var vars []string
	for _, t := range u.utils {
		v := e.id(camel(t.base) + "Label")
		b.WriteString(indent + "const " + v + " = " + t.names[0] + "(" + arg + ")" + semi + "\n")
		vars = append(vars, v)
	}
	return vars
}

func (e *emitter) constUses(b *strings.Builder, u uses, indent string) []string {
	var vars []string
	for _, t := range u.consts {
		v := e.id(camel(t.base))
		b.WriteString(indent + "const " + v + " = " + t.names[0] + ".slice(0, " + itoa(3+e.r.IntN(6)) + ")" + semi + "\n")
		vars = append(vars, v)
	}
	return vars
}

func writeVars(b *strings.Builder, vars []string, indent string) {
	for _, v := range vars {
		b.WriteString(indent + "<span className=\"text-xs\">{" + v + "}</span>\n")
	}
}

func writeOptionLists(b *strings.Builder, vars []string, indent string) {
	for _, v := range vars {
		b.WriteString(indent + "<ul className=\"flex gap-2\">\n")
		b.WriteString(indent + "  {" + v + ".map((option) => (\n")
		b.WriteString(indent + "    <li key={option.id}>{option.label}</li>\n")
		b.WriteString(indent + "  ))}\n")
		b.WriteString(indent + "</ul>\n")
	}
}

// assemble joins header, filler and main part so the file reaches the
// module's target size.
// Components get their helpers before the main component, other modules
// after their main exports.
func (e *emitter) assemble(head, tail string, mode fillMode) string {
	var b strings.Builder
	need := e.m.size - len(head) - len(tail)
	b.Grow(max(0, e.m.size) + 256)
	b.WriteString(head)
	fill := func() {
		start := b.Len()
		for b.Len()-start < need {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n\n") {
				b.WriteString("\n")
			}
			e.chunk(&b, mode)
		}
	}
	before := mode == fillServerJSX || mode == fillClientJSX
	if need > 0 && before {
		fill()
	}
	if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n\n") {
		b.WriteString("\n")
	}
	b.WriteString(tail)
	if need > 0 && !before {
		fill()
	}
	return b.String()
}

func (e *emitter) propsInterface(name string, u uses) string {
	var b strings.Builder
	b.WriteString("export interface " + name + "Props {\n")
	b.WriteString("  title: string" + semi + "\n")
	b.WriteString("  count?: number" + semi + "\n")
	b.WriteString("  items?: string[]" + semi + "\n")
	if len(u.types) > 0 {
		b.WriteString("  record?: " + u.types[0] + semi + "\n")
	}
	if e.m.kind == kClient && e.m.action {
		b.WriteString("  action?: (formData: FormData) => Promise<void>" + semi + "\n")
	}
	if e.m.kind == kShared && e.m.children {
		b.WriteString("  children?: ReactNode" + semi + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// typeGuards writes a type guard for each imported type, for modules
// that have no other use for them.
func (e *emitter) typeGuards(b *strings.Builder, u uses) {
	for _, ty := range u.types {
		b.WriteString("\nfunction " + e.id("is"+ty) + "(value: unknown): value is " + ty + " {\n")
		b.WriteString("  return typeof value === 'object' && value !== null && 'id' in value" + semi + "\n}\n")
	}
}

func (e *emitter) directive(d string) string { return "'" + d + "'" + semi + "\n\n" }

// --- kinds -------------------------------------------------------------

func (e *emitter) types() string {
	u := e.collect()
	name := e.m.names[0]
	var t strings.Builder
	t.WriteString("export type " + name + "Status = 'draft' | 'active' | 'archived' | '" + e.noun() + "'" + semi + "\n\n")
	t.WriteString("export interface " + name + " {\n")
	t.WriteString("  id: string" + semi + "\n")
	t.WriteString("  status: " + name + "Status" + semi + "\n")
	t.WriteString("  createdAt: string" + semi + "\n")
	for range 2 + e.r.IntN(6) {
		t.WriteString("  " + e.id(camel(e.noun())) + ": " + e.pick(fieldTypes) + semi + "\n")
	}
	for _, ty := range u.types {
		t.WriteString("  " + e.id(camel(ty)) + "?: " + ty + semi + "\n")
	}
	t.WriteString("}\n\n")
	t.WriteString("export interface " + name + "Filters {\n")
	t.WriteString("  status?: " + name + "Status" + semi + "\n")
	t.WriteString("  query?: string" + semi + "\n")
	t.WriteString("  page: number" + semi + "\n")
	t.WriteString("}\n")
	head := e.importText()
	if head != "" {
		head += "\n"
	}
	return e.assemble(head, t.String(), fillTypes)
}

func (e *emitter) consts() string {
	u := e.collect()
	list, find := e.m.names[0], e.m.names[1]
	opt := pascal(e.m.base) + "Option"
	var h strings.Builder
	h.WriteString(e.importText())
	if h.Len() > 0 {
		h.WriteString("\n")
	}
	h.WriteString("export interface " + opt + " {\n  id: string" + semi + "\n  label: string" + semi + "\n  tone: string" + semi + "\n  order: number" + semi + "\n")
	for _, ty := range u.types {
		h.WriteString("  " + e.id(camel(ty)) + "?: " + ty + semi + "\n")
	}
	h.WriteString("}\n\nexport const " + list + ": " + opt + "[] = [\n")
	tail := "]" + semi + "\n\nexport function " + find + "(id: string): " + opt + " | undefined {\n  return " + list + ".find((option) => option.id === id)" + semi + "\n}\n"
	var b strings.Builder
	b.WriteString(h.String())
	for i := 1; b.Len()+len(tail) < e.m.size || i <= 3; i++ {
		n := e.noun()
		b.WriteString("  { id: '" + n + "-" + itoa(i) + "', label: '" + pascal(n) + " " + itoa(i) + "', tone: '" + e.pick(colors) + "', order: " + itoa(i) + " },\n")
	}
	b.WriteString(tail)
	return b.String()
}

func (e *emitter) util() string {
	u := e.collect()
	f1, f2 := e.m.names[0], e.m.names[1]
	var t strings.Builder
	t.WriteString("export function " + f1 + "(value: string): string {\n")
	arg := "value"
	for _, o := range u.utils {
		v := e.id("step")
		t.WriteString("  const " + v + " = " + o.names[0] + "(" + arg + ")" + semi + "\n")
		arg = v
	}
	t.WriteString("  return " + arg + ".trim().replace(/\\s+/g, ' ').slice(0, " + itoa(40+e.r.IntN(200)) + ")" + semi + "\n}\n\n")
	t.WriteString("export function " + f2 + "(values: string[]): string[] {\n")
	for _, c := range u.consts {
		t.WriteString("  const known = new Set(" + c.names[0] + ".map((option) => option.id))" + semi + "\n")
		t.WriteString("  return values.filter((value) => !known.has(value)).map(" + f1 + ")" + semi + "\n}\n")
		break
	}
	if len(u.consts) == 0 {
		t.WriteString("  return [...values].sort((a, b) => a.localeCompare(b)).map(" + f1 + ")" + semi + "\n}\n")
	}
	if u.hub {
		t.WriteString("\nexport function " + f1 + "ClassName(active: boolean): string {\n  return cn('" + e.cls() + "', active && '" + e.cls() + "')" + semi + "\n}\n")
	}
	for _, ty := range u.types {
		t.WriteString("\nexport function describe" + ty + "(value: " + ty + "): string {\n  return JSON.stringify(value)" + semi + "\n}\n")
	}
	head := e.importText()
	if head != "" {
		head += "\n"
	}
	return e.assemble(head, t.String(), fillPlain)
}

func (e *emitter) hub() string {
	return "export type ClassValue = string | number | false | null | undefined" + semi + "\n\n" +
		"// cn joins class names, skipping empty values.\n" +
		"export function cn(...inputs: ClassValue[]): string {\n" +
		"  const out: string[] = []" + semi + "\n" +
		"  for (const input of inputs) {\n" +
		"    if (input === false || input === null || input === undefined || input === '') {\n" +
		"      continue" + semi + "\n" +
		"    }\n" +
		"    out.push(String(input))" + semi + "\n" +
		"  }\n" +
		"  return out.join(' ')" + semi + "\n" +
		"}\n\n" +
		"export function joinClassNames(...groups: ClassValue[][]): string {\n" +
		"  return cn(...groups.flat())" + semi + "\n" +
		"}\n\n" +
		"// variant picks the classes of a named variant, falling back to the default.\n" +
		"export function variant<K extends string>(table: Record<K, string>, key: K | undefined, fallback: K): string {\n" +
		"  return table[key ?? fallback] ?? table[fallback]" + semi + "\n" +
		"}\n"
}

func (e *emitter) serverLib() string {
	useCache := e.r.IntN(4) == 0
	// A cached function may not read cookies(), nor call a function that
	// does: a library that cached code may call leaves them out.
	useCookies := !useCache && e.r.IntN(4) == 0 && !e.calledFromCache()
	useReactCache := e.r.IntN(2) == 0
	if e.r.IntN(6) != 0 {
		e.sideEffect("server-only")
	}
	if useReactCache {
		e.named("react", false, "cache")
	}
	if useCookies {
		e.named("next/headers", false, "cookies")
	}
	if useCache {
		e.named("next/cache", false, "cacheLife", "cacheTag")
	}
	u := e.collect()
	get, list := e.m.names[0], e.m.names[1]
	rec := pascal(e.m.base) + "Record"
	noun := e.m.base
	var t strings.Builder
	t.WriteString("const API_URL = process.env.API_URL ?? 'https://api.example.com'" + semi + "\n\n")
	t.WriteString("export interface " + rec + " {\n  id: string" + semi + "\n  name: string" + semi + "\n  status: string" + semi + "\n  updatedAt: string" + semi + "\n")
	for _, ty := range u.types {
		t.WriteString("  " + e.id(camel(ty)) + "?: " + ty + semi + "\n")
	}
	t.WriteString("}\n\n")
	if useReactCache {
		t.WriteString("export const " + get + " = cache(async (id: string): Promise<" + rec + " | null> => {\n")
	} else {
		t.WriteString("export async function " + get + "(id: string): Promise<" + rec + " | null> {\n")
	}
	t.WriteString("  const res = await fetch(`${API_URL}/" + noun + "/${encodeURIComponent(id)}`, { next: { tags: ['" + noun + "'] } })" + semi + "\n")
	t.WriteString("  if (!res.ok) {\n    return null" + semi + "\n  }\n")
	t.WriteString("  return (await res.json()) as " + rec + semi + "\n")
	if useReactCache {
		t.WriteString("})" + semi + "\n\n")
	} else {
		t.WriteString("}\n\n")
	}
	t.WriteString("export async function " + list + "(limit = 20): Promise<" + rec + "[]> {\n")
	if useCache {
		t.WriteString("  'use cache'" + semi + "\n  cacheLife('minutes')" + semi + "\n  cacheTag('" + noun + "')" + semi + "\n")
	}
	headers := "{}"
	if useCookies {
		t.WriteString("  const store = await cookies()" + semi + "\n  const token = store.get('session')?.value" + semi + "\n")
		headers = "token ? { authorization: 'Bearer ' + token } : {}"
	}
	t.WriteString("  const res = await fetch(API_URL + '/" + noun + "?limit=' + limit, { headers: " + headers + " })" + semi + "\n")
	t.WriteString("  if (!res.ok) {\n    throw new Error('Failed to load " + noun + ": ' + res.status)" + semi + "\n  }\n")
	t.WriteString("  const rows = (await res.json()) as " + rec + "[]" + semi + "\n")
	for _, l := range u.libs {
		v := e.id("related")
		t.WriteString("  const " + v + " = await " + l.names[1] + "(" + itoa(1+e.r.IntN(10)) + ")" + semi + "\n")
		t.WriteString("  if (" + v + ".length === 0) {\n    return []" + semi + "\n  }\n")
	}
	for _, c := range u.consts {
		t.WriteString("  const order = new Map(" + c.names[0] + ".map((option) => [option.id, option.order]))" + semi + "\n")
		t.WriteString("  rows.sort((a, b) => (order.get(a.status) ?? 0) - (order.get(b.status) ?? 0))" + semi + "\n")
		break
	}
	if len(u.utils) > 0 {
		t.WriteString("  return rows.slice(0, limit).map((row) => ({ ...row, name: " + u.utils[0].names[0] + "(row.name) }))" + semi + "\n")
	} else {
		t.WriteString("  return rows.slice(0, limit)" + semi + "\n")
	}
	t.WriteString("}\n")
	return e.assemble(e.importText()+"\n", t.String(), fillPlain)
}

// calledFromCache reports whether a module that may hold 'use cache'
// functions (a 'use cache' file, another server library) imports this one.
func (e *emitter) calledFromCache() bool {
	for _, m := range e.g.mods {
		if m.kind != kCached && m.kind != kServerLib {
			continue
		}
		for _, d := range m.deps {
			if d.m == e.m && !d.typeOnly {
				return true
			}
		}
	}
	return false
}

func (e *emitter) cached() string {
	e.named("next/cache", false, "cacheLife", "cacheTag")
	u := e.collect()
	var t strings.Builder
	t.WriteString("export async function " + e.m.names[0] + "(): Promise<{ total: number; updatedAt: string }> {\n")
	t.WriteString("  cacheLife('" + e.pick([]string{"hours", "days", "minutes", "max"}) + "')" + semi + "\n")
	t.WriteString("  cacheTag('" + e.m.base + "')" + semi + "\n")
	t.WriteString("  let total = 0" + semi + "\n")
	for _, l := range u.libs {
		v := e.id("rows")
		t.WriteString("  const " + v + " = await " + l.names[1] + "(" + itoa(50+e.r.IntN(200)) + ")" + semi + "\n")
		t.WriteString("  total += " + v + ".length" + semi + "\n")
	}
	for _, f := range u.utils {
		t.WriteString("  total += " + f.names[0] + "('" + e.m.base + "').length" + semi + "\n")
	}
	t.WriteString("  return { total, updatedAt: new Date().toISOString() }" + semi + "\n}\n")
	e.typeGuards(&t, u)
	return e.assemble(e.directive("use cache")+e.importText()+"\n", t.String(), fillCache)
}

func (e *emitter) action() string {
	e.named("next/cache", false, "revalidatePath")
	redirect := e.r.IntN(4) == 0
	cookies := e.r.IntN(3) == 0
	if redirect {
		e.named("next/navigation", false, "redirect")
	}
	if cookies {
		e.named("next/headers", false, "cookies")
	}
	u := e.collect()
	noun := strings.TrimSuffix(e.m.base, "-actions")
	a1, a2 := e.m.names[0], e.m.names[1]
	var t strings.Builder
	t.WriteString("const API_URL = process.env.API_URL ?? 'https://api.example.com'" + semi + "\n\n")
	if e.mk == mkServerFileExport {
		t.WriteString("export const MAX_" + upper(noun) + "_LENGTH = 120" + semi + "\n\n")
	}
	t.WriteString("function readField(formData: FormData, key: string): string {\n  const value = formData.get(key)" + semi + "\n  return typeof value === 'string' ? value.trim() : ''" + semi + "\n}\n\n")
	t.WriteString("export async function " + a1 + "(formData: FormData): Promise<void> {\n")
	t.WriteString("  const name = readField(formData, 'name')" + semi + "\n")
	t.WriteString("  if (!name) {\n    throw new Error('Name is required')" + semi + "\n  }\n")
	headers := "{ 'content-type': 'application/json' }"
	if cookies {
		t.WriteString("  const store = await cookies()" + semi + "\n  const session = store.get('session')?.value ?? ''" + semi + "\n")
		headers = "{ 'content-type': 'application/json', authorization: session }"
	}
	for _, l := range u.libs {
		v := e.id("existing")
		t.WriteString("  const " + v + " = await " + l.names[1] + "(5)" + semi + "\n")
		t.WriteString("  if (" + v + ".some((row) => row.name === name)) {\n    return" + semi + "\n  }\n")
	}
	for _, f := range u.utils {
		t.WriteString("  const normalized = " + f.names[0] + "(name)" + semi + "\n")
		t.WriteString("  formData.set('name', normalized)" + semi + "\n")
		break
	}
	t.WriteString("  await fetch(API_URL + '/" + noun + "', { method: 'POST', headers: " + headers + ", body: JSON.stringify({ name }) })" + semi + "\n")
	t.WriteString("  revalidatePath('/" + noun + "')" + semi + "\n")
	if redirect {
		t.WriteString("  redirect('/" + noun + "')" + semi + "\n")
	}
	t.WriteString("}\n\n")
	t.WriteString("export async function " + a2 + "(formData: FormData): Promise<void> {\n")
	t.WriteString("  const id = readField(formData, 'id')" + semi + "\n")
	t.WriteString("  await fetch(API_URL + '/" + noun + "/' + encodeURIComponent(id), { method: 'DELETE' })" + semi + "\n")
	t.WriteString("  revalidatePath('/" + noun + "')" + semi + "\n}\n")
	e.typeGuards(&t, u)
	head := e.directive("use server")
	if e.mk == mkConflicting {
		head = "'use client'" + semi + "\n" + head
	}
	return e.assemble(head+e.importText()+"\n", t.String(), fillServerFns)
}

func (e *emitter) hook() string {
	e.named("react", false, "useCallback", "useEffect", "useState")
	u := e.collect()
	key := e.m.u.name + ":" + e.m.base
	var t strings.Builder
	t.WriteString("export function " + e.m.names[0] + "(initial = '') {\n")
	t.WriteString("  const [value, setValue] = useState(initial)" + semi + "\n")
	t.WriteString("  const [ready, setReady] = useState(false)" + semi + "\n")
	for _, h := range u.hooks {
		t.WriteString("  const " + e.id("parent") + " = " + h.names[0] + "(initial)" + semi + "\n")
	}
	t.WriteString("  useEffect(() => {\n")
	t.WriteString("    const stored = window.localStorage.getItem('" + key + "')" + semi + "\n")
	t.WriteString("    if (stored !== null) {\n      setValue(stored)" + semi + "\n    }\n")
	t.WriteString("    setReady(true)" + semi + "\n  }, [])" + semi + "\n")
	t.WriteString("  const update = useCallback((next: string) => {\n")
	t.WriteString("    setValue(next)" + semi + "\n")
	t.WriteString("    window.localStorage.setItem('" + key + "', next)" + semi + "\n  }, [])" + semi + "\n")
	for _, f := range u.utils {
		t.WriteString("  const " + e.id("formatted") + " = " + f.names[0] + "(value)" + semi + "\n")
	}
	t.WriteString("  return { value, ready, update }" + semi + "\n}\n")
	e.typeGuards(&t, u)
	return e.assemble(e.importText()+"\n", t.String(), fillPlain)
}

func (e *emitter) barrel() string {
	var b strings.Builder
	b.WriteString("/**\n * " + e.m.u.pkgName + "\n *\n")
	if e.m.kind == kServerBarrel {
		b.WriteString(" * Entry point for the react-server condition: everything the default\n * entry exports, plus data access that only runs on the server.\n")
	} else {
		b.WriteString(" * Public entry point of the package. Import the common modules from\n * '" + e.m.u.pkgName + "', or a single module from its subpath, e.g.\n * '" + e.m.u.pkgName + "/<name>', to keep bundles small.\n")
	}
	b.WriteString(" */\n\n")
	if e.m.kind == kServerBarrel {
		b.WriteString("import 'server-only'" + semi + "\n\n")
	}
	for _, d := range e.m.deps {
		t := d.m
		spec := relSpec(e.m.path[:strings.LastIndexByte(e.m.path, '/')], t.path[:strings.LastIndexByte(t.path, '.')])
		switch {
		case d.typeOnly:
			b.WriteString("export type { " + strings.Join(t.names, ", ") + " } from '" + spec + "'" + semi + "\n")
		case t.kind == kBarrel || e.r.IntN(2) == 0:
			b.WriteString("export * from '" + spec + "'" + semi + "\n")
		default:
			b.WriteString("export { " + strings.Join(t.names, ", ") + " } from '" + spec + "'" + semi + "\n")
		}
	}
	if len(e.m.deps) == 0 {
		b.WriteString("export {}" + semi + "\n")
	}
	return b.String()
}
