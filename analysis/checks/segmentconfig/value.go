package segmentconfig

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rscls/rscls/analysis/syntax"
)

// valueKind is the type of a value Next.js reads statically.
type valueKind uint8

const (
	vUndefined valueKind = iota
	vNull
	vBool
	vString
	vNumber
	vRegex
	vArray
	vObject
)

// value is a JavaScript value as Next.js's static reader of route segment
// config (extract-const-value) sees a literal.
type value struct {
	kind  valueKind
	b     bool
	s     string
	num   float64
	int   bool // num is an integer
	elems []value
	text  string // the source text, for messages
}

// typeName is zod's name of the value's type, as its messages say it.
func (v value) typeName() string {
	switch v.kind {
	case vUndefined:
		return "undefined"
	case vNull:
		return "null"
	case vBool:
		return "boolean"
	case vString:
		return "string"
	case vNumber:
		return "number"
	case vArray:
		return "array"
	}
	return "object"
}

// json renders the value as JSON.stringify does, for messages.
func (v value) json() string {
	switch v.kind {
	case vUndefined:
		return "undefined"
	case vNull:
		return "null"
	case vBool:
		return strconv.FormatBool(v.b)
	case vString:
		return strconv.Quote(v.s)
	case vNumber:
		return strconv.FormatFloat(v.num, 'f', -1, 64)
	case vArray:
		parts := make([]string, len(v.elems))
		for i, e := range v.elems {
			parts[i] = e.json()
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return v.text
}

// literal reads the value at n the way Next.js reads route segment config
// without running the module: literals, arrays and objects of literals,
// templates without substitutions, undefined, and type assertions. Anything
// else is unsupported, and the reason is said as Next.js says it.
func literal(t *syntax.Tree, n int, path string) (value, string) {
	n = t.Unparen(n)
	v := value{text: t.Text(n)}
	switch t.Kind(n) {
	case syntax.KindNull:
		v.kind = vNull
	case syntax.KindTrue, syntax.KindFalse:
		v.kind, v.b = vBool, t.Kind(n) == syntax.KindTrue
	case syntax.KindString:
		v.kind = vString
		v.s, _ = t.StringValue(n)
	case syntax.KindNumber:
		f, ok := parseNumber(t.Text(n))
		if !ok {
			return v, fmt.Sprintf("Unsupported number %s at %q", t.Text(n), path)
		}
		v.kind, v.num, v.int = vNumber, f, f == float64(int64(f))
	case syntax.KindRegex:
		v.kind = vRegex
	case syntax.KindUndefined:
		v.kind = vUndefined
	case syntax.KindIdentifier:
		if t.Text(n) == "undefined" {
			v.kind = vUndefined
			break
		}
		return v, fmt.Sprintf("Unknown identifier %q at %q", t.Text(n), path)
	case syntax.KindTemplateString:
		if t.ChildOfKind(n, syntax.KindTemplateSubstitution) >= 0 {
			return v, fmt.Sprintf("Unsupported template literal with expressions at %q", path)
		}
		v.kind = vString
		s := t.Text(n)
		v.s = s[1 : len(s)-1]
	case syntax.KindArray:
		v.kind = vArray
		i := 0
		var bad string
		t.Children(n, func(c int) {
			if bad != "" || !t.Nodes[c].Named() || t.Kind(c) == syntax.KindComment {
				return
			}
			if t.Kind(c) == syntax.KindSpreadElement {
				bad = fmt.Sprintf("Unsupported spread operator in the Array Expression at %q", path)
				return
			}
			e, why := literal(t, c, fmt.Sprintf("%s[%d]", path, i))
			if why != "" {
				bad = why
				return
			}
			v.elems = append(v.elems, e)
			i++
		})
		if bad != "" {
			return v, bad
		}
	case syntax.KindObject:
		v.kind = vObject
		var bad string
		t.Children(n, func(c int) {
			if bad != "" || !t.Nodes[c].Named() || t.Kind(c) == syntax.KindComment {
				return
			}
			if t.Kind(c) != syntax.KindPair {
				bad = fmt.Sprintf("Unsupported spread operator in the Object Expression at %q", path)
				return
			}
			key := t.ChildByField(c, syntax.FieldKey)
			name := t.Text(key)
			switch t.Kind(key) {
			case syntax.KindPropertyIdentifier:
			case syntax.KindString:
				name, _ = t.StringValue(key)
			default:
				bad = fmt.Sprintf("Unsupported key type %q in the Object Expression at %q", t.Text(key), path)
				return
			}
			if _, why := literal(t, t.ChildByField(c, syntax.FieldValue), path+"."+name); why != "" {
				bad = why
			}
		})
		if bad != "" {
			return v, bad
		}
	default:
		return v, fmt.Sprintf("Unsupported node type %q at %q", nodeType(t.Kind(n)), path)
	}
	return v, ""
}

// nodeType names a node as SWC does in Next.js's messages.
func nodeType(k syntax.Kind) string {
	switch k {
	case syntax.KindBinaryExpression:
		return "BinaryExpression"
	case syntax.KindUnaryExpression:
		return "UnaryExpression"
	case syntax.KindCallExpression:
		return "CallExpression"
	case syntax.KindMemberExpression, syntax.KindSubscriptExpression:
		return "MemberExpression"
	case syntax.KindTernaryExpression:
		return "ConditionalExpression"
	case syntax.KindArrowFunction:
		return "ArrowFunctionExpression"
	case syntax.KindFunctionExpression:
		return "FunctionExpression"
	case syntax.KindNewExpression:
		return "NewExpression"
	case syntax.KindAwaitExpression:
		return "AwaitExpression"
	}
	return "Expression"
}

// parseNumber reads a JavaScript numeric literal.
func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(s, "_", "")
	if strings.HasSuffix(s, "n") {
		return 0, false // a BigInt
	}
	if len(s) > 1 && s[0] == '0' && strings.ContainsAny(s[1:2], "xXoObB") {
		i, err := strconv.ParseInt(s, 0, 64)
		return float64(i), err == nil
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
