// Package graphview renders the server/client boundary graph for people
// (Graphviz DOT, Mermaid, a web page) and tools (JSON), whole or in a
// view that fits a large app: the neighbourhood of one module, a depth
// limit, the boundaries only.
package graphview

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/engine"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/project"
)

// Formats lists the names Write accepts.
var Formats = []string{"dot", "mermaid", "json", "html"}

// Node is a module, or an installed package shown as one node.
type Node struct {
	ID      string   `json:"id"`
	Path    string   `json:"path,omitempty"`    // relative to the workspace root
	Package string   `json:"package,omitempty"` // for installed packages
	Envs    []string `json:"environments"`      // "server", "client"
	Kind    string   `json:"kind"`              // server, client, shared, boundary, serverFunctions, package
	Role    string   `json:"role,omitempty"`
	// Chains holds, per environment the module is in, the shortest chain
	// of imports from a root of that environment (an App Router entry, a
	// 'use client' boundary preceded by the server chain that reaches it)
	// to the module: what decides that it runs there.
	Chains map[string][]string `json:"chains,omitempty"`
}

// Edge is an import; Boundary marks an import of a 'use client' module from
// the server graph, where the client graph starts, and ServerReference an
// import of a module of Server Functions from the client graph, which
// gets references to them.
type Edge struct {
	From            string `json:"from"`
	To              string `json:"to"`
	Env             string `json:"environment"`
	Boundary        bool   `json:"clientBoundary,omitempty"`
	ServerReference bool   `json:"serverReference,omitempty"`
}

// Diagram is the graph as shown.
type Diagram struct {
	Nodes []Node `json:"modules"`
	Edges []Edge `json:"imports"`
}

// Describe builds the view of a snapshot: every module in at least one
// environment, with installed packages collapsed to one node each.
func Describe(snap *engine.Snapshot) *Diagram {
	g := snap.Graph()
	v := &Diagram{}
	ids := map[*graph.Module]string{}
	pkgNodes := map[string]*Node{}
	idOf := func(m *graph.Module) string {
		if id, ok := ids[m]; ok {
			return id
		}
		var id string
		if m.External && m.Package != "" {
			id = "pkg:" + m.Package
			if pkgNodes[m.Package] == nil {
				pkgNodes[m.Package] = &Node{ID: id, Package: m.Package, Kind: "package"}
			}
			n := pkgNodes[m.Package]
			for _, e := range envsOf(m) {
				if !contains(n.Envs, e) {
					n.Envs = append(n.Envs, e)
				}
			}
		} else {
			id = snap.Rel(m.Path)
			n := Node{ID: id, Path: id, Envs: envsOf(m), Kind: kindOf(m)}
			if m.Role != project.RoleNone {
				n.Role = m.Role.String()
			}
			for _, env := range graph.Envs {
				if chain := g.Chain(m, env); len(chain) > 0 {
					if n.Chains == nil {
						n.Chains = map[string][]string{}
					}
					for _, st := range chain {
						n.Chains[env.String()] = append(n.Chains[env.String()], snap.Rel(st.Module.Path))
					}
				}
			}
			v.Nodes = append(v.Nodes, n)
		}
		ids[m] = id
		return id
	}
	seen := map[Edge]bool{}
	for _, m := range g.Modules {
		if !m.In(graph.Server) && !m.In(graph.Client) && !(m.Boundary && g.BoundaryImporter(m).From != nil) {
			continue
		}
		from := idOf(m)
		for _, env := range graph.Envs {
			if !m.In(env) {
				continue
			}
			for i := range m.Facts.Imports {
				t := g.Target(m, i, env)
				if t == nil || (m.External && t.External && t.Package == m.Package) {
					continue
				}
				e := Edge{From: from, To: idOf(t), Env: env.String(), Boundary: env == graph.Server && t.Boundary, ServerReference: env == graph.Client && t.ServerRef}
				if e.From != e.To && !seen[e] {
					seen[e] = true
					v.Edges = append(v.Edges, e)
				}
			}
		}
	}
	for _, n := range pkgNodes {
		sort.Strings(n.Envs)
		v.Nodes = append(v.Nodes, *n)
	}
	sort.Slice(v.Nodes, func(i, j int) bool { return v.Nodes[i].ID < v.Nodes[j].ID })
	sort.Slice(v.Edges, func(i, j int) bool {
		a, b := v.Edges[i], v.Edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Env < b.Env
	})
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func envsOf(m *graph.Module) []string {
	var out []string
	for _, env := range graph.Envs {
		if m.In(env) {
			out = append(out, env.String())
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func kindOf(m *graph.Module) string {
	switch {
	case m.Boundary:
		return "boundary"
	case m.ServerRef:
		return "serverFunctions"
	case m.Shared():
		return "shared"
	case m.In(graph.Client):
		return "client"
	}
	return "server"
}

// Write renders v in the named format.
func Write(w io.Writer, format string, v *Diagram) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "dot":
		return writeDOT(w, v)
	case "mermaid":
		return writeMermaid(w, v)
	case "html":
		return writeHTML(w, v)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// colours per kind: server blue, client orange, shared purple, Server
// Functions green, packages grey.
var colours = map[string]string{
	"server": "#cfe2ff", "client": "#ffe5b4", "shared": "#e2d4f7", "boundary": "#ffc107",
	"serverFunctions": "#c8e6c9", "package": "#e0e0e0",
}

func label(n Node) string {
	s := n.ID
	if n.Package != "" {
		s = n.Package
	}
	switch n.Kind {
	case "boundary":
		s += "\n'use client'"
	case "serverFunctions":
		s += "\n'use server'"
	}
	return s
}

func writeDOT(w io.Writer, v *Diagram) error {
	fmt.Fprintln(w, "digraph rscls {")
	fmt.Fprintln(w, `  rankdir=LR;`)
	fmt.Fprintln(w, `  node [shape=box, style="rounded,filled", fontname="Helvetica"];`)
	for _, n := range v.Nodes {
		extra := ""
		if n.Kind == "boundary" {
			extra = `, penwidth=2, color="#b8860b"`
		}
		fmt.Fprintf(w, "  %q [label=%q, fillcolor=%q%s];\n", n.ID, label(n), colours[n.Kind], extra)
	}
	for _, e := range v.Edges {
		attrs := ""
		switch {
		case e.Boundary:
			attrs = ` [label="use client", style=bold, color="#b8860b"]`
		case e.Env == "client":
			attrs = ` [color="#e69500"]`
		}
		fmt.Fprintf(w, "  %q -> %q%s;\n", e.From, e.To, attrs)
	}
	fmt.Fprintln(w, `  subgraph cluster_legend { label="legend"; fontname="Helvetica";`)
	for _, k := range []string{"server", "client", "shared", "boundary", "serverFunctions", "package"} {
		fmt.Fprintf(w, "    %q [fillcolor=%q];\n", "("+k+")", colours[k])
	}
	fmt.Fprintln(w, "  }")
	fmt.Fprintln(w, "}")
	return nil
}

func writeMermaid(w io.Writer, v *Diagram) error {
	fmt.Fprintln(w, "flowchart LR")
	ids := map[string]string{}
	for i, n := range v.Nodes {
		ids[n.ID] = fmt.Sprintf("m%d", i)
		text := strings.ReplaceAll(strings.ReplaceAll(label(n), `"`, "#quot;"), "\n", "<br/>")
		fmt.Fprintf(w, "  %s[\"%s\"]:::%s\n", ids[n.ID], text, n.Kind)
	}
	for _, e := range v.Edges {
		arrow := "-->"
		switch {
		case e.Boundary:
			arrow = "==>|use client|"
		case e.Env == "client":
			arrow = "-.->"
		}
		fmt.Fprintf(w, "  %s %s %s\n", ids[e.From], arrow, ids[e.To])
	}
	for _, k := range []string{"server", "client", "shared", "boundary", "serverFunctions", "package"} {
		fmt.Fprintf(w, "  classDef %s fill:%s,stroke:#555\n", k, colours[k])
	}
	return nil
}
