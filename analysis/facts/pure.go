package facts

import (
	"bytes"
	"strings"

	"github.com/rscls/rscls/analysis/syntax"
)

// maxPureDepth bounds the walk into nested expressions; deeper ones
// count as having effects.
const maxPureDepth = 32

// isPureStmt reports whether running top-level statement i only defines
// bindings, the way webpack and Turbopack judge a module they may leave
// out when none of its exports is used: imports, exports, function and
// class declarations, and variables whose initialisers are literals,
// functions, names, or calls marked /*#__PURE__*/ (as Babel's React
// preset marks createContext, forwardRef and memo). Where the bundlers'
// rule is less clear (member reads, which may run getters; spreads;
// enums; decorators; static initialisers) it counts an effect.
func (e *extractor) isPureStmt(i int) bool {
	switch e.kind(i) {
	case syntax.KindImportStatement, syntax.KindFunctionDeclaration, syntax.KindGeneratorFunctionDeclaration,
		syntax.KindTypeAliasDeclaration, syntax.KindInterfaceDeclaration, syntax.KindAmbientDeclaration,
		syntax.KindFunctionSignature, syntax.KindEmptyStatement:
		return true
	case syntax.KindClassDeclaration, syntax.KindAbstractClassDeclaration:
		return e.isPureClass(i, 0)
	case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration:
		pure := true
		e.t.Children(i, func(c int) {
			if e.kind(c) == syntax.KindVariableDeclarator {
				if v := e.t.ChildByField(c, syntax.FieldValue); v >= 0 && !e.isPureExpr(v, 0) {
					pure = false
				}
			}
		})
		return pure
	case syntax.KindExportStatement:
		if d := e.t.ChildByField(i, syntax.FieldDeclaration); d >= 0 {
			return e.isPureStmt(d)
		}
		if v := e.t.ChildByField(i, syntax.FieldValue); v >= 0 {
			return e.isPureExpr(v, 0) // export default <expression>
		}
		return true // export { a }, export { a } from, export * from
	case syntax.KindExpressionStatement:
		_, ok := e.t.StringValue(e.t.Unparen(e.firstNamed(i))) // a directive
		return ok
	}
	return false
}

// isPureExpr reports whether evaluating expression i has no effect.
func (e *extractor) isPureExpr(i, depth int) bool {
	if i < 0 || depth > maxPureDepth {
		return false
	}
	i = e.t.Unparen(i)
	switch e.kind(i) {
	case syntax.KindString, syntax.KindNumber, syntax.KindRegex, syntax.KindTrue, syntax.KindFalse,
		syntax.KindNull, syntax.KindUndefined, syntax.KindIdentifier,
		syntax.KindArrowFunction, syntax.KindFunctionExpression, syntax.KindGeneratorFunction:
		return true
	case syntax.KindClass:
		return e.isPureClass(i, depth+1)
	case syntax.KindTemplateString:
		pure := true
		e.t.Children(i, func(c int) {
			if e.kind(c) == syntax.KindTemplateSubstitution && !e.namedChildrenPure(c, depth) {
				pure = false
			}
		})
		return pure
	case syntax.KindTernaryExpression, syntax.KindBinaryExpression, syntax.KindArray:
		return e.namedChildrenPure(i, depth)
	case syntax.KindUnaryExpression:
		return !bytes.HasPrefix(e.t.Bytes(i), []byte("delete")) && e.namedChildrenPure(i, depth)
	case syntax.KindObject:
		pure := true
		e.t.Children(i, func(c int) {
			switch e.kind(c) {
			case syntax.KindPair:
				k := e.t.ChildByField(c, syntax.FieldKey)
				if e.kind(k) == syntax.KindComputedPropertyName && !e.namedChildrenPure(k, depth) {
					pure = false
				}
				if !e.isPureExpr(e.t.ChildByField(c, syntax.FieldValue), depth+1) {
					pure = false
				}
			case syntax.KindShorthandPropertyIdentifier, syntax.KindMethodDefinition, syntax.KindComment:
			default:
				if e.nodes[c].Named() {
					pure = false // a spread runs getters
				}
			}
		})
		return pure
	case syntax.KindCallExpression, syntax.KindNewExpression:
		if !e.markedPure(i) {
			return false
		}
		args := e.t.ChildByField(i, syntax.FieldArguments)
		return args < 0 || e.namedChildrenPure(args, depth)
	}
	return false
}

// namedChildrenPure reports whether every named child of i is pure; a
// spread in an array or arguments iterates, which may run code.
func (e *extractor) namedChildrenPure(i, depth int) bool {
	pure := true
	e.t.Children(i, func(c int) {
		if !pure || !e.nodes[c].Named() || e.kind(c) == syntax.KindComment {
			return
		}
		if e.kind(c) == syntax.KindSpreadElement || !e.isPureExpr(c, depth+1) {
			pure = false
		}
	})
	return pure
}

// isPureClass: a class whose heritage is pure and that runs nothing when
// defined (no static block, no static field initialiser, no decorator).
func (e *extractor) isPureClass(i, depth int) bool {
	pure := true
	e.t.Children(i, func(c int) {
		switch e.kind(c) {
		case syntax.KindDecorator:
			pure = false
		case syntax.KindClassHeritage:
			e.t.Children(c, func(h int) {
				if e.kind(h) == syntax.KindExtendsClause && !e.namedChildrenPure(h, depth) {
					pure = false
				}
			})
		case syntax.KindClassBody:
			e.t.Children(c, func(m int) {
				switch e.kind(m) {
				case syntax.KindClassStaticBlock, syntax.KindDecorator:
					pure = false
				case syntax.KindPublicFieldDefinition:
					if e.t.HasToken(m, syntax.TokStatic) && e.t.ChildByField(m, syntax.FieldValue) >= 0 {
						pure = false
					}
				}
			})
		}
	})
	return pure
}

// markedPure reports whether a /*#__PURE__*/ or /*@__PURE__*/ comment
// comes right before call i.
func (e *extractor) markedPure(i int) bool {
	before := bytes.TrimRight(e.t.Src[:e.nodes[i].Start], " \t\r\n")
	if !bytes.HasSuffix(before, []byte("*/")) {
		return false
	}
	open := bytes.LastIndex(before, []byte("/*"))
	if open < 0 {
		return false
	}
	body := strings.TrimSpace(string(before[open+2 : len(before)-2]))
	return body == "#__PURE__" || body == "@__PURE__"
}
