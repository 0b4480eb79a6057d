package syntax

import (
	"errors"
	"strings"
	"testing"
)

// hangingJSX is a family of short texts on which the TSX grammar's error
// recovery does not end in any useful time (minutes of CPU for 48 bytes,
// growing with the input): a JSX tag opened with whitespace after `<`, an
// unterminated double-quoted attribute string, a number run into a name
// (`2s`), `=(}}`, and two quoted strings around a name and `{`. The first
// is the text a fuzzer found; the second is its reduction. The TS grammar,
// which has no JSX, parses them at once.
var hangingJSX = []string{
	" <A A\"{{:1,:{:[2]}}}s={{:(1}}e={)}g={''}d={''}/>",
	"< A\"2s=(}}''d{''/>",
	"< A\":,2s=(}}''d{''/>",
	"< A\":,2s=(}}``d{``/>",
	"< A\":,2s=(}}''d{''d{''/>",
	"< div\"2s=(}}''d{''/>",
	"<\tA\"2s=(}}''d{''/>",
	"<\nA\"2s=(}}''d{''/>",
	"export default function P() { return < A\"2s=(}}''d{''/> }",
}

func TestParseEnds(t *testing.T) {
	defer ScaleBudgetForTest(50)() // 50 ms instead of 1 s a text
	for _, src := range hangingJSX {
		_, err := Parse([]byte(src), TSX)
		var be *BudgetError
		if !errors.As(err, &be) {
			t.Errorf("Parse(%q) = %v, want an overrun budget", src, err)
			continue
		}
		if be.Phase != "parse" || be.Size != len(src) {
			t.Errorf("Parse(%q): %+v", src, be)
		}
		if _, err := Parse([]byte(src), TS); err != nil {
			t.Errorf("TS grammar: Parse(%q): %v", src, err)
		}
	}
}

// A parser whose parse was cut is reset before its next use: otherwise
// tree-sitter resumes the abandoned parse on the next text.
func TestParserUsableAfterOverrun(t *testing.T) {
	defer ScaleBudgetForTest(50)()
	for i := 0; i < 3; i++ {
		if _, err := Parse([]byte(hangingJSX[1]), TSX); err == nil {
			t.Fatal("the hanging text parsed")
		}
		tree, err := Parse([]byte("export const a = <b c='d' />\n"), TSX)
		if err != nil {
			t.Fatal(err)
		}
		if tree.HasError || tree.Text(0) != "export const a = <b c='d' />\n" {
			t.Fatalf("wrong tree after an overrun: error=%v %q", tree.HasError, tree.Text(0))
		}
	}
}

// An open document that overruns keeps the verdict until its next edit,
// and is parsed again after it.
func TestDocumentRetriesAfterEdit(t *testing.T) {
	defer ScaleBudgetForTest(50)()
	src := "export default function P() { return <p/> }\n"
	doc := NewDocument([]byte(src), TSX)
	defer doc.Close()
	mustTree(t, doc)
	at := strings.Index(src, "<p/>")
	doc.Edit(at, at+len("<p/>"), []byte(hangingJSX[1]))
	if _, err := doc.Tree(); err == nil {
		t.Fatal("the hanging text parsed")
	}
	if tree, err := doc.Tree(); err == nil || tree != nil {
		t.Fatal("the verdict on unchanged content was not kept")
	}
	doc.Edit(at, at+len(hangingJSX[1]), []byte("<p/>"))
	if tree := mustTree(t, doc); tree.HasError || tree.Text(0) != src {
		t.Fatalf("after the edit back: error=%v %q", tree.HasError, tree.Text(0))
	}
}

// The budget is generous: the largest file the engine reads (2 MB) of
// ordinary code parses well within it.
func TestBudgetSparesLargeFiles(t *testing.T) {
	const unit = `export function Row{N}({ items, onSelect }: { items: string[]; onSelect: (s: string) => void }) {
  const [open, setOpen] = useState(false)
  return (
    <ul className="rows" data-open={open ? "yes" : "no"}>
      {items.map((s) => <li key={s} onClick={() => { setOpen(!open); onSelect(s) }}>{s.toUpperCase()}</li>)}
    </ul>
  )
}
`
	var b strings.Builder
	for i := 0; b.Len() < 2<<20-len(unit); i++ {
		b.WriteString(strings.ReplaceAll(unit, "{N}", strings.Repeat("x", i%7)))
	}
	src := []byte(b.String())
	tree, err := Parse(src, TSX)
	if err != nil {
		t.Fatalf("%d bytes: %v", len(src), err)
	}
	if tree.HasError {
		t.Fatal("the generated file does not parse cleanly")
	}
}
