package graphview

import (
	"fmt"
	"sort"
)

// Views of a large graph. dub's has about 3,900 modules and 14,000
// imports: more than Graphviz lays out in minutes or Mermaid draws at all.
// A view keeps the modules that answer one question and the imports
// between them.

// Focus keeps one module, the modules that import it up to the roots
// (what brings it into its environments) and the modules it imports down
// to the boundaries: an import of a 'use client' module from the server
// graph, or of a module of Server Functions from the client graph, is
// kept, but not what lies beyond it. depth > 0 keeps only the modules at
// most depth imports away.
func (d *Diagram) Focus(id string, depth int) (*Diagram, error) {
	if d.node(id) == nil {
		return nil, fmt.Errorf("%s is not a module of the graph", id)
	}
	in, out := d.adjacency()
	keep := map[string]bool{id: true}
	// Up: every importer, to the roots.
	walk(id, depth, keep, func(n string) []Edge { return in[n] }, func(e Edge) (string, bool) { return e.From, true })
	// Down: imports, stopping at boundaries.
	walk(id, depth, keep, func(n string) []Edge { return out[n] }, func(e Edge) (string, bool) {
		return e.To, !e.Boundary && !e.ServerReference
	})
	return d.subset(keep), nil
}

// Limit keeps the modules at most depth imports from a root: a module
// that nothing in the diagram imports, or an App Router entry.
func (d *Diagram) Limit(depth int) *Diagram {
	in, out := d.adjacency()
	keep := map[string]bool{}
	for _, n := range d.Nodes {
		if len(in[n.ID]) == 0 || n.Role != "" {
			keep[n.ID] = true
		}
	}
	var roots []string
	for id := range keep {
		roots = append(roots, id)
	}
	sort.Strings(roots)
	dist := map[string]int{}
	queue := roots
	for _, r := range roots {
		dist[r] = 0
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if dist[n] >= depth {
			continue
		}
		for _, e := range out[n] {
			if _, ok := dist[e.To]; !ok {
				dist[e.To] = dist[n] + 1
				keep[e.To] = true
				queue = append(queue, e.To)
			}
		}
	}
	return d.subset(keep)
}

// Boundaries keeps only where the environments meet: the server modules
// that import 'use client' modules and those modules, the client modules
// that import modules of Server Functions and those modules, and these
// imports.
func (d *Diagram) Boundaries() *Diagram {
	keep := map[string]bool{}
	var edges []Edge
	for _, e := range d.Edges {
		if e.Boundary || e.ServerReference {
			keep[e.From], keep[e.To] = true, true
			edges = append(edges, e)
		}
	}
	v := d.subset(keep)
	v.Edges = edges
	return v
}

func (d *Diagram) node(id string) *Node {
	i := sort.Search(len(d.Nodes), func(i int) bool { return d.Nodes[i].ID >= id })
	if i < len(d.Nodes) && d.Nodes[i].ID == id {
		return &d.Nodes[i]
	}
	return nil
}

func (d *Diagram) adjacency() (in, out map[string][]Edge) {
	in, out = map[string][]Edge{}, map[string][]Edge{}
	for _, e := range d.Edges {
		in[e.To] = append(in[e.To], e)
		out[e.From] = append(out[e.From], e)
	}
	return in, out
}

// walk marks what a breadth-first walk from start reaches, within depth
// steps when depth > 0; next gives a step's other end and whether to go
// on from there.
func walk(start string, depth int, keep map[string]bool, edges func(string) []Edge, next func(Edge) (string, bool)) {
	dist := map[string]int{start: 0}
	queue := []string{start}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if depth > 0 && dist[n] >= depth {
			continue
		}
		for _, e := range edges(n) {
			m, goOn := next(e)
			if _, seen := dist[m]; seen {
				continue
			}
			dist[m] = dist[n] + 1
			keep[m] = true
			if goOn {
				queue = append(queue, m)
			}
		}
	}
}

// subset keeps the nodes in keep and the edges between them.
func (d *Diagram) subset(keep map[string]bool) *Diagram {
	v := &Diagram{}
	for _, n := range d.Nodes {
		if keep[n.ID] {
			v.Nodes = append(v.Nodes, n)
		}
	}
	for _, e := range d.Edges {
		if keep[e.From] && keep[e.To] {
			v.Edges = append(v.Edges, e)
		}
	}
	return v
}
