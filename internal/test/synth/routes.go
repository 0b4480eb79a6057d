package synth

import "strings"

// planRoutes lays out an app's App Router tree within budget files:
// the root conventions, route groups, a dashboard with parallel routes,
// a catch-all docs route, then feature sections with dynamic segments,
// loading and error states and route handlers until the budget is spent.
func (g *gen) planRoutes(u *unit, budget int) {
	left := budget
	add := func(rel string, k kind, ri *routeInfo) *module {
		if left <= 0 {
			return nil
		}
		left--
		return g.newRoute(u, rel, k, ri)
	}
	// Fixed files, always present.
	add("next.config.mjs", kNextConfig, nil)
	add("src/middleware.ts", kMiddleware, nil)
	add("src/app/layout.tsx", kLayout, &routeInfo{url: "/", title: pascal(u.name), root: true, meta: 1})
	add("src/app/page.tsx", kPage, &routeInfo{url: "/", title: "Home", meta: 0})
	add("src/app/loading.tsx", kLoading, &routeInfo{url: "/"})
	add("src/app/error.tsx", kError, &routeInfo{url: "/"})
	add("src/app/not-found.tsx", kNotFound, &routeInfo{url: "/"})
	add("src/app/global-error.tsx", kGlobalError, &routeInfo{url: "/"})
	add("src/app/sitemap.ts", kSitemap, &routeInfo{url: "/"})
	add("src/app/robots.ts", kRobots, &routeInfo{url: "/"})
	add("src/app/opengraph-image.tsx", kOGImage, &routeInfo{url: "/", title: pascal(u.name)})
	u.routes = append(u.routes, "/")

	add("src/app/(marketing)/layout.tsx", kLayout, &routeInfo{url: "/", title: "Marketing"})
	add("src/app/(dashboard)/layout.tsx", kLayout, &routeInfo{url: "/", title: "Dashboard"})
	if left >= 7 {
		slots := []string{"analytics", "activity"}
		add("src/app/(dashboard)/dashboard/layout.tsx", kLayout, &routeInfo{url: "/dashboard", title: "Dashboard", slots: slots})
		add("src/app/(dashboard)/dashboard/page.tsx", kPage, &routeInfo{url: "/dashboard", title: "Dashboard", meta: 1})
		add("src/app/(dashboard)/dashboard/loading.tsx", kLoading, &routeInfo{url: "/dashboard"})
		for _, s := range slots {
			add("src/app/(dashboard)/dashboard/@"+s+"/page.tsx", kPage, &routeInfo{url: "/dashboard", title: pascal(s)})
			add("src/app/(dashboard)/dashboard/@"+s+"/default.tsx", kDefault, &routeInfo{url: "/dashboard"})
		}
		u.routes = append(u.routes, "/dashboard")
	}
	if left >= 2 {
		add("src/app/docs/[...slug]/page.tsx", kPage, &routeInfo{url: "/docs/[...slug]", title: "Docs", param: "slug", catchAll: true, meta: 2})
		add("src/app/docs/layout.tsx", kLayout, &routeInfo{url: "/docs", title: "Docs"})
	}

	seen := map[string]bool{}
	for left > 0 {
		name := plural(g.noun())
		if len(seen) > len(nouns)/2 {
			name = g.adj() + "-" + name
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		group := ""
		switch x := g.r.IntN(10); {
		case x < 3:
			group = "(marketing)/"
		case x < 9:
			group = "(dashboard)/"
		}
		dir := "src/app/" + group + name + "/"
		url := "/" + name
		title := pascal(name)
		meta := 0
		if g.r.IntN(5) < 3 {
			meta = 1
		}
		add(dir+"page.tsx", kPage, &routeInfo{url: url, title: title, meta: meta})
		u.routes = append(u.routes, url)
		if g.r.IntN(10) < 3 {
			add(dir+"layout.tsx", kLayout, &routeInfo{url: url, title: title})
		}
		if g.r.IntN(10) < 4 {
			add(dir+"loading.tsx", kLoading, &routeInfo{url: url})
		}
		if g.r.IntN(4) == 0 {
			add(dir+"error.tsx", kError, &routeInfo{url: url})
		}
		if g.r.IntN(20) == 0 {
			add(dir+"template.tsx", kTemplate, &routeInfo{url: url})
		}
		if g.r.IntN(10) < 6 {
			meta := g.r.IntN(3)
			add(dir+"[id]/page.tsx", kPage, &routeInfo{url: url + "/[id]", title: title, param: "id", meta: meta})
			if g.r.IntN(4) == 0 {
				add(dir+"[id]/edit/page.tsx", kPage, &routeInfo{url: url + "/[id]/edit", title: "Edit " + strings.ToLower(title), param: "id"})
			}
			if g.r.IntN(10) == 0 {
				add(dir+"[id]/loading.tsx", kLoading, &routeInfo{url: url + "/[id]"})
			}
		}
		if g.r.IntN(5) == 0 {
			add(dir+"new/page.tsx", kPage, &routeInfo{url: url + "/new", title: "New " + strings.ToLower(title), meta: 1})
		}
		if g.r.IntN(10) < 4 {
			add("src/app/api/"+name+"/route.ts", kRoute, &routeInfo{url: "/api/" + name})
			if g.r.IntN(2) == 0 {
				add("src/app/api/"+name+"/[id]/route.ts", kRoute, &routeInfo{url: "/api/" + name + "/[id]", param: "id"})
			}
		}
	}
}

func (g *gen) newRoute(u *unit, rel string, k kind, ri *routeInfo) *module {
	m := &module{idx: len(g.mods), u: u, kind: k, route: ri}
	m.path = g.claimPath(u, strings.TrimSuffix(rel, rel[strings.LastIndexByte(rel, '.'):]), rel[strings.LastIndexByte(rel, '.'):])
	m.base = m.path[strings.LastIndexByte(m.path, '/')+1:]
	m.base = m.base[:strings.LastIndexByte(m.base, '.')]
	m.size = g.sizeFor(k)
	g.pickDeps(m)
	g.mods = append(g.mods, m)
	u.byKind[k] = append(u.byKind[k], m)
	u.count++
	return m
}
