package graphview

import (
	_ "embed"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strings"
)

// The web page is one file with everything inside: the diagram as JSON,
// its layout, the style and the script (page/graph.js, written for it),
// so that it opens from disk with no network. The layout is computed
// here: the page only draws, on a canvas, which keeps thousands of
// modules smooth to pan and zoom.

//go:embed page/graph.html
var pageHTML string

//go:embed page/graph.css
var pageCSS string

//go:embed page/graph.js
var pageJS string

// Layout geometry, in the page's units.
const (
	colWidth   = 300 // from one column's left edge to the next
	rowHeight  = 28
	layerSpace = 80  // extra space between layers
	aspect     = 1.6 // the width over the height the layout aims at, a screen's
)

type pageNode struct {
	Node
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

type pageData struct {
	Nodes  []pageNode        `json:"nodes"`
	Edges  []Edge            `json:"edges"`
	Colors map[string]string `json:"colors"`
}

// layout places the nodes in layers from left to right: a layer is the
// least number of imports from a root (a module nothing imports, or an
// App Router entry), and within a layer modules are ordered by the mean
// row of their importers, so that imports mostly run straight.
func layout(d *Diagram) []pageNode {
	in, out := d.adjacency()
	layer := map[string]int{}
	var queue []string
	for _, n := range d.Nodes {
		if len(in[n.ID]) == 0 || n.Role != "" {
			layer[n.ID] = 0
			queue = append(queue, n.ID)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range out[n] {
			if _, ok := layer[e.To]; !ok {
				layer[e.To] = layer[n] + 1
				queue = append(queue, e.To)
			}
		}
	}
	maxLayer := 0
	for _, n := range d.Nodes {
		if _, ok := layer[n.ID]; !ok {
			layer[n.ID] = 0 // only in a cycle that no root reaches
		}
		maxLayer = max(maxLayer, layer[n.ID])
	}
	byLayer := make([][]string, maxLayer+1)
	for _, n := range d.Nodes {
		byLayer[layer[n.ID]] = append(byLayer[layer[n.ID]], n.ID)
	}
	// A layer with more modules than maxPerCol wraps into several
	// columns, so that the whole is about as wide as a screen for its
	// height: sqrt of the modules' count, scaled by the aspect.
	maxPerCol := max(20, int(math.Ceil(math.Sqrt(float64(len(d.Nodes))*colWidth/(rowHeight*aspect)))))
	row := map[string]float64{}
	x := 0.0
	pos := map[string][2]float64{}
	for l, ids := range byLayer {
		if l > 0 {
			bary := map[string]float64{}
			for _, id := range ids {
				sum, n := 0.0, 0
				for _, e := range in[id] {
					if r, ok := row[e.From]; ok && layer[e.From] < l {
						sum += r
						n++
					}
				}
				bary[id] = sum / float64(max(n, 1))
			}
			sort.SliceStable(ids, func(i, j int) bool {
				if bary[ids[i]] != bary[ids[j]] {
					return bary[ids[i]] < bary[ids[j]]
				}
				return ids[i] < ids[j]
			})
		}
		cols := (len(ids) + maxPerCol - 1) / maxPerCol
		perCol := (len(ids) + cols - 1) / max(cols, 1)
		for i, id := range ids {
			c, r := i/perCol, i%perCol
			row[id] = float64(i) / float64(max(len(ids), 1))
			pos[id] = [2]float64{x + float64(c)*colWidth, float64(r) * rowHeight}
		}
		x += float64(max(cols, 1))*colWidth + layerSpace
	}
	nodes := make([]pageNode, len(d.Nodes))
	for i, n := range d.Nodes {
		p := pos[n.ID]
		nodes[i] = pageNode{Node: n, X: p[0], Y: p[1]}
	}
	return nodes
}

func writeHTML(w io.Writer, d *Diagram) error {
	data := pageData{Nodes: layout(d), Edges: d.Edges, Colors: colours}
	if data.Edges == nil {
		data.Edges = []Edge{}
	}
	js, err := json.Marshal(data) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	page := strings.NewReplacer(
		"/*STYLE*/", pageCSS,
		"/*SCRIPT*/", pageJS,
		"/*DATA*/", string(js),
	).Replace(pageHTML)
	_, err = io.WriteString(w, page)
	return err
}
