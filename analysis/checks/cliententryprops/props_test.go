package cliententryprops

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/facts"
	"github.com/rscls/rscls/analysis/syntax"
)

func propsOf(t *testing.T, src string) string {
	tree, err := syntax.Parse([]byte(src), syntax.TSX)
	if err != nil {
		t.Fatal(err)
	}
	f, local := facts.Extract(tree)
	v := fileFact(&analysis.Pass{Analyzer: Analyzer, File: &analysis.File{Facts: f, Src: tree.Src}, Syntax: local})
	if v == nil {
		return ""
	}
	var out []string
	for _, p := range v.(*Props).List {
		out = append(out, fmt.Sprintf("%s.%s class=%v", p.Component, p.Prop, p.Class))
	}
	return strings.Join(out, "\n")
}

func TestFileFact(t *testing.T) {
	got := propsOf(t, `'use client'
interface Props { onSelect: (v: string) => void; label: string; run(): void; Ctor: new () => X; handler?: Function; maybe?: (() => void) | undefined; submitAction: () => Promise<void> }
type P2 = { onClose: () => void }
export function A({ onSelect, label, run, Ctor, handler, maybe, submitAction }: Props) { return null }
export const B: React.FC<P2> = ({ onClose }) => null
export default function C({ onX, y }: { onX: () => void; y: number }) { return null }
export function notAComponent({ onZ }: { onZ: () => void }) {}
`)
	want := `A.onSelect class=false
A.run class=false
A.Ctor class=true
A.handler class=false
A.maybe class=false
A.submitAction class=false
B.onClose class=false
default.onX class=false`
	if got != want {
		t.Errorf("props:\n%s\nwant:\n%s", got, want)
	}
	// Without 'use client' nothing is collected.
	if got := propsOf(t, "export function A({ f }: { f: () => void }) { return null }\n"); got != "" {
		t.Errorf("without 'use client': %s", got)
	}
}
