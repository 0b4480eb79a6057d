package facts

import (
	"testing"

	"github.com/rscls/rscls/analysis/syntax"
)

// TestPureStmt: which top-level statements only define bindings, as the
// bundlers judge a module they may leave out.
func TestPureStmt(t *testing.T) {
	for src, want := range map[string]bool{
		`import { createContext } from 'react'`: true,
		`import 'polyfill'`:                     true, // the import's own effect is the target module's
		`'use strict'`:                          true,
		`function f() { sideEffect() }`:         true,
		`export function f() {}`:                true,
		`export { a, b as c } from './x'`:       true,
		`export * from './x'`:                   true,
		`const a = 1, b = 'x', c = null, d = undefined, e = /re/, f = true`: true,
		"const t = `a${1}b`":                                                     true,
		"const t = `a${f()}b`":                                                   false,
		`const f = () => g(), h = function () {}`:                                true,
		`const o = { a: 1, b, c() {}, ['k']: [1, 2], d: { e: x } }`:              true,
		`const o = { ...rest }`:                                                  false,
		`const o = { [key()]: 1 }`:                                               false,
		`const a = [...xs]`:                                                      false,
		`const Ctx = /*#__PURE__*/ createContext(null)`:                          true,
		`const Ctx = /*#__PURE__*/React.createContext(null)`:                     true,
		`export const Ctx = /* @__PURE__ */ createContext({ mode: 'light' })`:    true,
		`const M = /*#__PURE__*/ memo(/*#__PURE__*/ forwardRef((p, r) => null))`: true,
		`const M = /*#__PURE__*/ memo(forwardRef((p, r) => null))`:               false,
		`const x = /*#__PURE__*/ f(g())`:                                         false,
		`const Ctx = createContext(null)`:                                        false,
		`const Ctx = /* a comment */ createContext(null)`:                        false,
		`const v = obj.prop`:                                                     false,
		`const n = -1, b = !x, t = a ? 'y' : 'n', s = 'a' + 'b'`:                 true,
		`const d = delete o.k`:                                                   false,
		`export default /*#__PURE__*/ memo(function X() {})`:                     true,
		`export default register()`:                                              false,
		`class A extends B { x = f(); static y = 1; m() {} }`:                    false,
		`class A extends B { x = f(); m() {} static n() {} }`:                    true,
		`class A { static { init() } }`:                                          false,
		`class A extends mixin(B) {}`:                                            false,
		`sideEffect()`:                                                           false,
		`window.x = 1`:                                                           false,
		`if (a) {}`:                                                              false,
		`enum E { A }`:                                                           false,
	} {
		tree := syntax.MustParse([]byte(src), syntax.TSX)
		f, _ := Extract(tree)
		if len(f.Stmts) != 1 {
			t.Errorf("%s: %d statements", src, len(f.Stmts))
			continue
		}
		if got := f.Stmts[0].Pure; got != want {
			t.Errorf("%s: pure %v, want %v", src, got, want)
		}
	}
}
