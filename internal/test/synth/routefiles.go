package synth

import "strings"

// paramsType is the props type of a page or layout for its segment.
func (e *emitter) paramsType() string {
	ri := e.m.route
	switch {
	case ri.catchAll:
		return "Promise<{ " + ri.param + ": string[] }>"
	case ri.param != "":
		return "Promise<{ " + ri.param + ": string }>"
	}
	return ""
}

func (e *emitter) funcName(suffix string) string {
	ri := e.m.route
	base := ri.title
	if base == "" {
		base = pascal(strings.Trim(strings.ReplaceAll(ri.url, "/", " "), " []."))
	}
	if ri.param != "" && !strings.HasPrefix(base, "Edit") {
		base += "Detail"
	}
	return pascal(base) + suffix
}

func (e *emitter) page() string {
	m := e.m
	ri := m.route
	params := e.paramsType()
	if ri.meta > 0 || e.mk == mkMetadataBoth {
		e.named("next", true, "Metadata")
	}
	if ri.param == "id" {
		e.named("next/navigation", false, "notFound")
	}
	if e.mk == mkSSRFalse {
		e.defaultImport("next/dynamic", "dynamic")
	}
	u := e.collect()
	var h, t strings.Builder
	h.WriteString(e.importText())
	if e.mk == mkSSRFalse {
		c := firstClient(u)
		h.WriteString("\nconst Skipped" + c.m.names[0] + " = dynamic(() => import('" + e.specOf(c.m) + "').then((mod) => mod." + c.m.names[0] + "), { ssr: false })" + semi + "\n")
	}
	h.WriteString("\n")
	if params != "" {
		h.WriteString("type PageProps = {\n  params: " + params + semi + "\n  searchParams: Promise<Record<string, string | string[] | undefined>>" + semi + "\n}\n\n")
	}
	title := ri.title
	if ri.meta == 1 || e.mk == mkMetadataBoth {
		h.WriteString("export const metadata: Metadata = {\n  title: '" + title + "',\n  description: '" + e.label() + " for " + strings.ToLower(title) + "',\n}" + semi + "\n\n")
	}
	if (ri.meta == 2 || e.mk == mkMetadataBoth) && params != "" {
		h.WriteString("export async function generateMetadata({ params }: PageProps): Promise<Metadata> {\n")
		h.WriteString("  const { " + ri.param + " } = await params" + semi + "\n")
		h.WriteString("  return { title: '" + title + " ' + String(" + ri.param + ") }" + semi + "\n}\n\n")
	} else if e.mk == mkMetadataBoth {
		h.WriteString("export async function generateMetadata(): Promise<Metadata> {\n  return { title: '" + title + "' }" + semi + "\n}\n\n")
	}
	if ri.param == "id" && e.r.IntN(3) == 0 {
		h.WriteString("export async function generateStaticParams() {\n  return [{ id: '1' }, { id: '2' }, { id: '3' }]" + semi + "\n}\n\n")
	}
	switch e.r.IntN(6) {
	case 0:
		h.WriteString("export const revalidate = " + itoa(60*(1+e.r.IntN(10))) + semi + "\n\n")
	case 1:
		h.WriteString("export const dynamic = 'force-dynamic'" + semi + "\n\n")
	}
	if e.mk == mkPagesExport {
		h.WriteString("export async function getServerSideProps() {\n  return { props: {} }" + semi + "\n}\n\n")
	}

	t.WriteString("export default async function " + e.funcName("Page") + "(")
	if params != "" {
		t.WriteString("{ params, searchParams }: PageProps")
	}
	t.WriteString(") {\n")
	in := "  "
	if params != "" {
		t.WriteString(in + "const { " + ri.param + " } = await params" + semi + "\n")
		t.WriteString(in + "const query = await searchParams" + semi + "\n")
		t.WriteString(in + "const page = Number(query.page ?? '1')" + semi + "\n")
	}
	var vars []string
	items := ""
	if ri.param == "id" && len(u.libs) > 0 {
		// Look the record up by id; the list helper stands in for a getter.
		t.WriteString(in + "const found = (await " + u.libs[0].names[1] + "(50)).find((row) => row.id === id)" + semi + "\n")
		t.WriteString(in + "if (!found) {\n" + in + "  notFound()" + semi + "\n" + in + "}\n")
		vars = append(vars, "found.name")
	}
	for i, l := range u.libs {
		v := e.id(camel(l.base) + "Rows")
		t.WriteString(in + "const " + v + " = await " + l.names[1] + "(" + itoa(10+e.r.IntN(40)) + ")" + semi + "\n")
		if i == 0 {
			items = v + ".map((row) => row.name)"
		}
		vars = append(vars, v+".length")
	}
	for _, c := range u.cached {
		v := e.id(camel(c.base))
		t.WriteString(in + "const " + v + " = await " + c.names[0] + "()" + semi + "\n")
		vars = append(vars, v+".total")
	}
	if ri.catchAll {
		t.WriteString(in + "const path = " + ri.param + ".join('/')" + semi + "\n")
		vars = append(vars, "path")
	}
	if params != "" {
		vars = append(vars, "page")
	}
	if ri.param == "id" {
		vars = append(vars, "id")
	}
	vars = append(vars, e.utilCalls(&t, u, in, "'"+title+"'")...)
	if e.mk == mkServerFnSync {
		t.WriteString(in + "function submitFeedback(formData: FormData) {\n")
		t.WriteString(in + "  'use server'" + semi + "\n")
		t.WriteString(in + "  console.log(formData.get('message'))" + semi + "\n")
		t.WriteString(in + "}\n")
	}
	t.WriteString(in + "return (\n")
	j := in + "  "
	k := j + "  "
	t.WriteString(j + "<main className=" + e.className(u.hub, "true") + ">\n")
	t.WriteString(k + "<h1 className=\"text-2xl font-semibold tracking-tight\">" + title + "</h1>\n")
	writeVars(&t, vars, k)
	action := ""
	if len(u.actions) > 0 {
		action = u.actions[0]
	}
	comps := u.comps
	if e.mk == mkNonSerializable {
		c := firstClient(u)
		t.WriteString(k + "<" + c.name + " title=\"" + e.label() + "\" formatLabel={(value: string) => value.toUpperCase()} />\n")
	}
	if e.mk == mkSSRFalse {
		c := firstClient(u)
		t.WriteString(k + "<Skipped" + c.m.names[0] + " title=\"" + e.label() + "\" />\n")
	}
	e.renderComps(&t, comps, k, items, action)
	for _, a := range u.actions {
		t.WriteString(k + "<form action={" + a + "}>\n")
		t.WriteString(k + "  <input name=\"name\" placeholder=\"Name\" />\n")
		t.WriteString(k + "  <button type=\"submit\">Create</button>\n")
		t.WriteString(k + "</form>\n")
	}
	if e.mk == mkServerFnSync {
		t.WriteString(k + "<form action={submitFeedback}>\n")
		t.WriteString(k + "  <textarea name=\"message\" />\n")
		t.WriteString(k + "</form>\n")
	}
	t.WriteString(j + "</main>\n")
	t.WriteString(in + ")" + semi + "\n}\n")
	e.typeGuards(&h, u)
	return e.assemble(h.String(), t.String(), fillServerJSX)
}

// firstClient returns the first statically imported Client Component.
func firstClient(u uses) compRef {
	for _, c := range u.comps {
		if c.m.kind == kClient && !c.lazy {
			return c
		}
	}
	panic("synth: no Client Component import for a mistake that needs one")
}

// specOf is the specifier e.m uses for t.
func (e *emitter) specOf(t *module) string {
	for _, d := range e.m.deps {
		if d.m == t {
			return e.spec(d)
		}
	}
	return e.spec(dep{m: t})
}

func (e *emitter) layout() string {
	ri := e.m.route
	e.named("react", true, "ReactNode")
	if ri.root {
		e.named("next", true, "Metadata")
		e.sideEffect("./globals.css")
	}
	u := e.collect()
	var h, t strings.Builder
	h.WriteString(e.importText() + "\n")
	if ri.root {
		h.WriteString("export const metadata: Metadata = {\n  title: {\n    default: '" + ri.title + "',\n    template: '%s | " + ri.title + "',\n  },\n  description: '" + e.label() + "',\n}" + semi + "\n\n")
	}
	props := "{ children }: { children: ReactNode }"
	if len(ri.slots) > 0 {
		props = "{ children, " + strings.Join(ri.slots, ", ") + " }: { children: ReactNode; " + strings.Join(ri.slots, ": ReactNode; ") + ": ReactNode }"
	}
	t.WriteString("export default function " + e.funcName("Layout") + "(" + props + ") {\n")
	t.WriteString("  return (\n")
	j := "    "
	if ri.root {
		t.WriteString(j + "<html lang=\"en\">\n")
		j += "  "
		t.WriteString(j + "<body className=" + e.className(u.hub, "true") + ">\n")
	} else {
		t.WriteString(j + "<div className=" + e.className(u.hub, "true") + ">\n")
	}
	k := j + "  "
	e.renderComps(&t, u.comps, k, "", "")
	t.WriteString(k + "{children}\n")
	for _, s := range ri.slots {
		t.WriteString(k + "<aside className=\"" + e.cls() + "\">{" + s + "}</aside>\n")
	}
	if ri.root {
		t.WriteString(j + "</body>\n")
		t.WriteString("    </html>\n")
	} else {
		t.WriteString(j + "</div>\n")
	}
	t.WriteString("  )" + semi + "\n}\n")
	return e.assemble(h.String(), t.String(), fillServerJSX)
}

func (e *emitter) template() string {
	e.named("react", true, "ReactNode")
	e.defaultImport("next/link", "Link")
	u := e.collect()
	var t strings.Builder
	t.WriteString(e.importText() + "\n")
	t.WriteString("export default function " + e.funcName("Template") + "({ children }: { children: ReactNode }) {\n  return (\n    <div className=\"" + e.cls() + "\">\n")
	e.renderComps(&t, u.comps, "      ", "", "")
	t.WriteString("      <nav>\n        <ul className=\"flex gap-4\">\n")
	end := "        </ul>\n      </nav>\n      {children}\n    </div>\n  )" + semi + "\n}\n"
	e.routeLinks(&t, "          ", len(end))
	t.WriteString(end)
	return t.String()
}

func (e *emitter) slotName() string {
	dir := e.m.path[:strings.LastIndexByte(e.m.path, '/')]
	return strings.TrimPrefix(dir[strings.LastIndexByte(dir, '/')+1:], "@")
}

func (e *emitter) loading() string {
	u := e.collect()
	var t strings.Builder
	if imp := e.importText(); imp != "" {
		t.WriteString(imp + "\n")
	}
	t.WriteString("export default function Loading() {\n  return (\n    <div className=\"animate-pulse space-y-2\" aria-busy=\"true\">\n")
	e.renderComps(&t, u.comps, "      ", "", "")
	end := "    </div>\n  )" + semi + "\n}\n"
	e.padLines(&t, len(end), func() string { return "      " + e.skeletonRow() + "\n" })
	t.WriteString(end)
	return t.String()
}

func (e *emitter) skeletonRow() string {
	return "<div className=\"h-" + itoa(3+e.r.IntN(6)) + " w-" + itoa(4+e.r.IntN(8)) + "/12 rounded bg-" + e.pick(colors) + "-100\" />"
}

// padLines appends lines until b plus a tail of tail bytes reaches the
// module's size, and at least two lines.
func (e *emitter) padLines(b *strings.Builder, tail int, line func() string) {
	for i := 0; i < 2 || b.Len()+tail < e.m.size; i++ {
		b.WriteString(line())
	}
}

func (e *emitter) defaultSlot() string {
	var t strings.Builder
	t.WriteString("// Rendered for " + e.m.route.url + " when the slot has no matching segment.\n")
	t.WriteString("export default function Default" + pascal(e.slotName()) + "() {\n  return (\n    <div className=\"" + e.cls() + "\" aria-hidden=\"true\">\n")
	end := "    </div>\n  )" + semi + "\n}\n"
	e.padLines(&t, len(end), func() string { return "      " + e.skeletonRow() + "\n" })
	t.WriteString(end)
	return t.String()
}

// routeLinks appends links to the app's routes until the file is long
// enough.
func (e *emitter) routeLinks(t *strings.Builder, indent string, tail int) {
	routes := e.m.u.routes
	i := e.r.IntN(len(routes))
	e.padLines(t, tail, func() string {
		r := routes[i%len(routes)]
		i++
		label := pascal(strings.Trim(strings.ReplaceAll(r, "/", " "), " "))
		if label == "" {
			label = "Home"
		}
		return indent + "<li>\n" + indent + "  <Link href=\"" + r + "\">" + label + "</Link>\n" + indent + "</li>\n"
	})
}

func (e *emitter) errorFile() string {
	global := e.m.kind == kGlobalError
	e.named("react", false, "useEffect")
	u := e.collect()
	var h, t strings.Builder
	if e.mk != mkErrorNoClient {
		h.WriteString(e.directive("use client"))
	}
	h.WriteString(e.importText() + "\n")
	name := "SegmentError"
	if global {
		name = "GlobalError"
	}
	t.WriteString("export default function " + name + "({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {\n")
	t.WriteString("  useEffect(() => {\n    console.error(error)" + semi + "\n  }, [error])" + semi + "\n")
	vars := e.utilCalls(&t, u, "  ", "error.message")
	t.WriteString("  return (\n")
	j := "    "
	if global {
		t.WriteString(j + "<html lang=\"en\">\n" + j + "  <body>\n")
		j += "    "
	}
	t.WriteString(j + "<div className=\"" + e.cls() + "\" role=\"alert\">\n")
	t.WriteString(j + "  <h2>Something went wrong</h2>\n")
	t.WriteString(j + "  <p className=\"text-sm\">{error.digest}</p>\n")
	writeVars(&t, vars, j+"  ")
	e.renderComps(&t, u.comps, j+"  ", "", "")
	t.WriteString(j + "  <button type=\"button\" onClick={() => reset()}>\n")
	t.WriteString(j + "    Try again\n")
	t.WriteString(j + "  </button>\n")
	t.WriteString(j + "</div>\n")
	if global {
		t.WriteString("      </body>\n    </html>\n")
	}
	t.WriteString("  )" + semi + "\n}\n")
	return e.assemble(h.String(), t.String(), fillClientJSX)
}

func (e *emitter) notFound() string {
	e.defaultImport("next/link", "Link")
	u := e.collect()
	var t strings.Builder
	t.WriteString(e.importText() + "\n")
	t.WriteString("export default function NotFound() {\n  return (\n    <div className=\"" + e.cls() + "\">\n")
	t.WriteString("      <h2>Not found</h2>\n      <p>Could not find the requested resource.</p>\n")
	e.renderComps(&t, u.comps, "      ", "", "")
	t.WriteString("      <ul className=\"space-y-1\">\n")
	end := "      </ul>\n      <Link href=\"/\">Return home</Link>\n    </div>\n  )" + semi + "\n}\n"
	e.routeLinks(&t, "        ", len(end))
	t.WriteString(end)
	return t.String()
}

func (e *emitter) routeHandler() string {
	ri := e.m.route
	e.named("next/server", false, "NextResponse")
	e.named("next/server", true, "NextRequest")
	u := e.collect()
	var h, t strings.Builder
	h.WriteString(e.importText() + "\n")
	if e.r.IntN(2) == 0 {
		h.WriteString("export const dynamic = 'force-dynamic'" + semi + "\n\n")
	}
	ctx := ""
	if ri.param != "" {
		ctx = ", { params }: { params: Promise<{ " + ri.param + ": string }> }"
	}
	t.WriteString("export async function GET(request: NextRequest" + ctx + ") {\n")
	if ri.param != "" {
		t.WriteString("  const { " + ri.param + " } = await params" + semi + "\n")
	}
	t.WriteString("  const limit = Number(request.nextUrl.searchParams.get('limit') ?? '20')" + semi + "\n")
	t.WriteString("  const data: unknown[] = []" + semi + "\n")
	for _, l := range u.libs {
		t.WriteString("  data.push(...(await " + l.names[1] + "(limit)))" + semi + "\n")
	}
	for _, d := range u.dynLibs {
		t.WriteString("  const { " + d.name + " } = await import('" + d.spec + "')" + semi + "\n")
		t.WriteString("  data.push(...(await " + d.name + "(limit)))" + semi + "\n")
	}
	for _, f := range u.utils {
		t.WriteString("  const label = " + f.names[0] + "(request.nextUrl.pathname)" + semi + "\n")
		t.WriteString("  console.log(label)" + semi + "\n")
		break
	}
	if ri.param != "" {
		t.WriteString("  return NextResponse.json({ " + ri.param + ", data })" + semi + "\n}\n\n")
	} else {
		t.WriteString("  return NextResponse.json({ data })" + semi + "\n}\n\n")
	}
	t.WriteString("export async function POST(request: NextRequest" + ctx + ") {\n")
	t.WriteString("  const body = (await request.json()) as Record<string, unknown>" + semi + "\n")
	t.WriteString("  return NextResponse.json({ ok: true, fields: Object.keys(body).length }, { status: 201 })" + semi + "\n}\n")
	e.typeGuards(&t, u)
	return e.assemble(h.String(), t.String(), fillPlain)
}

func (e *emitter) sitemap() string {
	e.named("next", true, "MetadataRoute")
	u := e.collect()
	var t strings.Builder
	head := e.importText() + "\n"
	t.WriteString("export default async function sitemap(): Promise<MetadataRoute.Sitemap> {\n")
	t.WriteString("  const base = 'https://" + e.m.u.name + ".example.com'" + semi + "\n")
	extra := ""
	for _, l := range u.libs {
		t.WriteString("  const rows = await " + l.names[1] + "(100)" + semi + "\n")
		extra = "    ...rows.map((row) => ({ url: base + '/" + l.base + "/' + row.id, lastModified: row.updatedAt })),\n"
	}
	for _, c := range u.consts {
		t.WriteString("  const sections = " + c.names[0] + ".map((option) => option.id)" + semi + "\n")
		extra += "    ...sections.map((id) => ({ url: base + '/sections/' + id })),\n"
	}
	t.WriteString("  return [\n")
	n := 0
	for _, r := range e.m.u.routes {
		if strings.Contains(r, "[") {
			continue
		}
		t.WriteString("    { url: base + '" + r + "', lastModified: new Date(), changeFrequency: 'weekly', priority: 0." + itoa(1+n%9) + " },\n")
		if n++; n >= 40 {
			break
		}
	}
	t.WriteString(extra)
	t.WriteString("  ]" + semi + "\n}\n")
	return e.assemble(head, t.String(), fillPlain)
}

func (e *emitter) robots() string {
	return e.assemble("import type { MetadataRoute } from 'next'"+semi+"\n", "export default function robots(): MetadataRoute.Robots {\n"+
		"  return {\n"+
		"    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/dashboard/'] },\n"+
		"    sitemap: 'https://"+e.m.u.name+".example.com/sitemap.xml',\n"+
		"  }"+semi+"\n"+
		"}\n", fillPlain)
}

func (e *emitter) ogImage() string {
	return e.assemble("import { ImageResponse } from 'next/og'"+semi+"\n", "export const alt = '"+e.m.route.title+"'"+semi+"\n"+
		"export const size = { width: 1200, height: 630 }"+semi+"\n"+
		"export const contentType = 'image/png'"+semi+"\n\n"+
		"export default async function Image() {\n"+
		"  return new ImageResponse(\n"+
		"    (\n"+
		"      <div style={{ display: 'flex', width: '100%', height: '100%', alignItems: 'center', justifyContent: 'center', fontSize: 96 }}>\n"+
		"        "+e.m.route.title+"\n"+
		"      </div>\n"+
		"    ),\n"+
		"    { ...size },\n"+
		"  )"+semi+"\n"+
		"}\n", fillServerJSX)
}

func (e *emitter) middleware() string {
	e.named("next/server", false, "NextResponse")
	e.named("next/server", true, "NextRequest")
	u := e.collect()
	var t strings.Builder
	head := e.importText()
	t.WriteString("export function middleware(request: NextRequest) {\n")
	t.WriteString("  const session = request.cookies.get('session')?.value" + semi + "\n")
	t.WriteString("  if (!session && request.nextUrl.pathname.startsWith('/dashboard')) {\n")
	t.WriteString("    return NextResponse.redirect(new URL('/login', request.url))" + semi + "\n  }\n")
	t.WriteString("  const response = NextResponse.next()" + semi + "\n")
	for _, f := range u.utils {
		t.WriteString("  response.headers.set('x-route', " + f.names[0] + "(request.nextUrl.pathname))" + semi + "\n")
	}
	t.WriteString("  response.headers.set('x-app', '" + e.m.u.name + "')" + semi + "\n")
	t.WriteString("  return response" + semi + "\n}\n\n")
	t.WriteString("export const config = {\n  matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'],\n}" + semi + "\n")
	return e.assemble(head, t.String(), fillPlain)
}

func (e *emitter) nextConfig() string {
	var pk []string
	for _, p := range e.g.pkgs {
		pk = append(pk, "'"+p.pkgName+"'")
	}
	return "/** @type {import('next').NextConfig} */\n" +
		"const nextConfig = {\n" +
		"  reactStrictMode: true,\n" +
		"  transpilePackages: [" + strings.Join(pk, ", ") + "],\n" +
		"  experimental: {\n    useCache: true,\n  },\n" +
		"  images: {\n    remotePatterns: [{ protocol: 'https', hostname: 'images.example.com' }],\n  },\n" +
		"  async headers() {\n    return [\n      {\n        source: '/:path*',\n        headers: [{ key: 'x-frame-options', value: 'DENY' }],\n      },\n    ]" + semi + "\n  },\n" +
		"  async redirects() {\n    return [{ source: '/home', destination: '/', permanent: true }]" + semi + "\n  },\n" +
		"}" + semi + "\n\n" +
		"export default nextConfig" + semi + "\n"
}
