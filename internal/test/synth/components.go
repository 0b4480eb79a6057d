package synth

import "strings"

// component writes a Client Component, a shared component or an async
// Server Component.
func (e *emitter) component() string {
	m := e.m
	client := m.kind == kClient
	server := m.kind == kServer
	name := m.names[0]
	router, pathname, link := false, false, false
	if client {
		e.named("react", false, "useEffect", "useMemo", "useState")
		switch e.r.IntN(4) {
		case 0:
			e.named("next/navigation", false, "useRouter")
			router = true
		case 1:
			e.named("next/navigation", false, "usePathname")
			pathname = true
		}
	}
	if m.kind == kShared && m.children {
		e.named("react", true, "ReactNode")
	}
	if e.mk == mkClientAPI {
		e.named("react", false, "useState")
	}
	if e.mk == mkServerOnlyInClient {
		e.named("next/headers", false, "cookies")
	}
	if e.mk == mkClientModule {
		e.named("next/router", false, "useRouter")
	}
	suspense := server && e.r.IntN(3) == 0
	if suspense {
		e.named("react", false, "Suspense")
	}
	cookies := server && e.r.IntN(6) == 0
	if cookies {
		e.named("next/headers", false, "cookies")
	}
	if e.r.IntN(4) == 0 {
		e.defaultImport("next/link", "Link")
		link = true
	}
	u := e.collect()

	var t strings.Builder
	t.WriteString("export ")
	if server || e.mk == mkAsyncClient {
		t.WriteString("async ")
	}
	t.WriteString("function " + name + "({ title, count = 0, items = []")
	if len(u.types) > 0 {
		t.WriteString(", record")
	}
	if client && m.action {
		t.WriteString(", action")
	}
	if m.kind == kShared && m.children {
		t.WriteString(", children")
	}
	t.WriteString(" }: " + name + "Props) {\n")

	in := "  "
	items := ""
	var vars []string
	switch {
	case client:
		t.WriteString(in + "const [open, setOpen] = useState(false)" + semi + "\n")
		t.WriteString(in + "const [query, setQuery] = useState('')" + semi + "\n")
		if router {
			t.WriteString(in + "const router = useRouter()" + semi + "\n")
		}
		if pathname {
			t.WriteString(in + "const pathname = usePathname()" + semi + "\n")
		}
		for _, h := range u.hooks {
			v := e.id(camel(strings.TrimPrefix(h.names[0], "use")))
			t.WriteString(in + "const " + v + " = " + h.names[0] + "(title)" + semi + "\n")
			vars = append(vars, v+".value")
		}
		t.WriteString(in + "const visible = useMemo(\n")
		t.WriteString(in + "  () => items.filter((item) => item.toLowerCase().includes(query.toLowerCase())),\n")
		t.WriteString(in + "  [items, query],\n")
		t.WriteString(in + ")" + semi + "\n")
		t.WriteString(in + "useEffect(() => {\n")
		t.WriteString(in + "  const onResize = () => setOpen(window.innerWidth > " + itoa(480+e.r.IntN(800)) + ")" + semi + "\n")
		t.WriteString(in + "  window.addEventListener('resize', onResize)" + semi + "\n")
		if e.mk == mkServerOnlyInClient {
			t.WriteString(in + "  void cookies()" + semi + "\n")
		}
		t.WriteString(in + "  return () => window.removeEventListener('resize', onResize)" + semi + "\n")
		t.WriteString(in + "}, [])" + semi + "\n")
		items = "visible"
	case server:
		if e.mk == mkClientModule {
			t.WriteString(in + "const legacyRouter = useRouter()" + semi + "\n")
		}
		if len(u.libs) == 0 && len(u.cached) == 0 {
			t.WriteString(in + "const res = await fetch('https://api.example.com/" + e.noun() + "?limit=' + String(count || 10), { next: { revalidate: " + itoa(30*(1+e.r.IntN(20))) + " } })" + semi + "\n")
			t.WriteString(in + "const rows: Array<{ id: string; name: string }> = res.ok ? await res.json() : []" + semi + "\n")
		}
		for i, l := range u.libs {
			v := "rows"
			if i > 0 {
				v = e.id("more" + pascal(l.base))
			}
			t.WriteString(in + "const " + v + " = await " + l.names[1] + "(count || " + itoa(5+e.r.IntN(20)) + ")" + semi + "\n")
			if i > 0 {
				vars = append(vars, v+".length")
			}
		}
		if len(u.libs) == 0 && len(u.cached) > 0 {
			t.WriteString(in + "const rows: Array<{ id: string; name: string }> = []" + semi + "\n")
		}
		for _, c := range u.cached {
			v := e.id(camel(c.base))
			t.WriteString(in + "const " + v + " = await " + c.names[0] + "()" + semi + "\n")
			vars = append(vars, v+".total")
		}
		if cookies {
			t.WriteString(in + "const store = await cookies()" + semi + "\n")
			t.WriteString(in + "const theme = store.get('theme')?.value ?? 'light'" + semi + "\n")
			vars = append(vars, "theme")
		}
		if e.mk == mkBrowserGlobal {
			t.WriteString(in + "const viewport = window.innerWidth" + semi + "\n")
			vars = append(vars, "viewport")
		}
		items = "rows.map((row) => row.name)"
	default:
		t.WriteString(in + "const summary = items.slice(0, " + itoa(2+e.r.IntN(4)) + ").join(', ')" + semi + "\n")
		if e.mk == mkClientAPI {
			t.WriteString(in + "const [expanded] = useState(count > 0)" + semi + "\n")
			vars = append(vars, "String(expanded)")
		}
		vars = append(vars, "summary")
	}
	vars = append(vars, e.utilCalls(&t, u, in, "title")...)
	opts := e.constUses(&t, u, in)
	if e.mk == mkServerFnInClient {
		t.WriteString(in + "async function saveDraft(formData: FormData) {\n")
		t.WriteString(in + "  'use server'" + semi + "\n")
		t.WriteString(in + "  await fetch('https://api.example.com/drafts', { method: 'POST', body: formData })" + semi + "\n")
		t.WriteString(in + "}\n")
	}

	t.WriteString(in + "return (\n")
	j := in + "  "
	t.WriteString(j + "<section className=" + e.className(u.hub, "count > 0") + " data-count={count}>\n")
	k := j + "  "
	t.WriteString(k + "<header className=\"flex items-center justify-between\">\n")
	t.WriteString(k + "  <h2 className=\"" + e.cls() + "\">{title}</h2>\n")
	if client {
		t.WriteString(k + "  <button type=\"button\" onClick={() => setOpen((value) => !value)}>\n")
		t.WriteString(k + "    {open ? 'Hide' : 'Show'}\n")
		t.WriteString(k + "  </button>\n")
	}
	if e.mk == mkEventHandler {
		t.WriteString(k + "  <button type=\"button\" onClick={() => console.log(title)}>\n")
		t.WriteString(k + "    Details\n")
		t.WriteString(k + "  </button>\n")
	}
	t.WriteString(k + "</header>\n")
	if client {
		t.WriteString(k + "<input value={query} onChange={(event) => setQuery(event.target.value)} placeholder=\"Search\" />\n")
		t.WriteString(k + "{open && (\n")
		t.WriteString(k + "  <ul className=\"space-y-2\">\n")
		t.WriteString(k + "    {visible.map((item) => (\n")
		t.WriteString(k + "      <li key={item}>{item}</li>\n")
		t.WriteString(k + "    ))}\n")
		t.WriteString(k + "  </ul>\n")
		t.WriteString(k + ")}\n")
		if router {
			t.WriteString(k + "<button type=\"button\" onClick={() => router.push('/" + plural(e.noun()) + "')}>Open</button>\n")
		}
		if pathname {
			t.WriteString(k + "<p className=\"text-xs\">{pathname}</p>\n")
		}
	}
	if server {
		t.WriteString(k + "<ul className=\"divide-y\">\n")
		t.WriteString(k + "  {rows.map((row) => (\n")
		t.WriteString(k + "    <li key={row.id} className=\"" + e.cls() + "\">\n")
		t.WriteString(k + "      {row.name}\n")
		t.WriteString(k + "    </li>\n")
		t.WriteString(k + "  ))}\n")
		t.WriteString(k + "</ul>\n")
	}
	if m.kind == kShared {
		t.WriteString(k + "{count > 0 ? <span className=\"" + e.cls() + "\">{count}</span> : null}\n")
		if m.children {
			t.WriteString(k + "{children}\n")
		}
	}
	if len(u.types) > 0 {
		t.WriteString(k + "{record ? <pre className=\"text-xs\">{JSON.stringify(record, null, 2)}</pre> : null}\n")
	}
	writeVars(&t, vars, k)
	writeOptionLists(&t, opts, k)
	action := ""
	if len(u.actions) > 0 {
		action = u.actions[0]
	}
	var comps []compRef
	for _, c := range u.comps {
		if server && !c.lazy && e.r.IntN(2) == 0 && suspense {
			t.WriteString(k + "<Suspense fallback={<p className=\"text-sm\">Loading…</p>}>\n")
			e.renderComps(&t, []compRef{c}, k+"  ", items, action)
			t.WriteString(k + "</Suspense>\n")
			continue
		}
		comps = append(comps, c)
	}
	e.renderComps(&t, comps, k, items, action)
	for _, a := range u.actions {
		t.WriteString(k + "<form action={" + a + "} className=\"" + e.cls() + "\">\n")
		t.WriteString(k + "  <input name=\"name\" defaultValue={title} />\n")
		t.WriteString(k + "  <button type=\"submit\">Save</button>\n")
		t.WriteString(k + "</form>\n")
	}
	if client && m.action {
		t.WriteString(k + "{action ? (\n")
		t.WriteString(k + "  <form action={action}>\n")
		t.WriteString(k + "    <button type=\"submit\">Submit</button>\n")
		t.WriteString(k + "  </form>\n")
		t.WriteString(k + ") : null}\n")
	}
	if e.mk == mkServerFnInClient {
		t.WriteString(k + "<form action={saveDraft}>\n")
		t.WriteString(k + "  <button type=\"submit\">Save draft</button>\n")
		t.WriteString(k + "</form>\n")
	}
	if link {
		t.WriteString(k + "<Link href=\"/" + plural(e.noun()) + "\" className=\"" + e.cls() + "\">\n")
		t.WriteString(k + "  " + e.label() + "\n")
		t.WriteString(k + "</Link>\n")
	}
	t.WriteString(j + "</section>\n")
	t.WriteString(in + ")" + semi + "\n}\n")

	var h strings.Builder
	imports := e.importText()
	switch {
	case client && e.mk == mkMisplaced:
		h.WriteString(imports + "\n" + e.directive("use client"))
	case client && e.mk == mkMisspelled:
		h.WriteString(e.directive("use clinet") + imports + "\n")
	case client:
		h.WriteString(e.directive("use client") + imports + "\n")
	default:
		h.WriteString(imports + "\n")
	}
	h.WriteString(e.propsInterface(name, u))
	mode := fillServerJSX
	if client {
		mode = fillClientJSX
	}
	return e.assemble(h.String(), t.String(), mode)
}
