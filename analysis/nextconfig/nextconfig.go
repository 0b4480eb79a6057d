// Package nextconfig reads what rscls needs of an app's next.config
// (.js, .mjs, .cjs, .ts, .mts) without running it: the flags that turn
// Next.js's Cache Components, 'use cache' and taint checks on, and the
// cache kinds of cacheHandlers.
//
// The file is parsed with tree-sitter and the exported object literal is
// followed through what configs are commonly made of: `module.exports =`
// and `export default`, a constant declared first, plugin wrappers
// (withX({...}), withA(withB)(config), compose(...)(config)), functions of
// the phase that return the object, spreads of other local objects, type
// assertions (satisfies, as) and assignments such as
// `config.experimental.taint = true`. A value that depends on something
// else (an environment variable, an import, a call rscls cannot follow) is
// Unknown, with a note; checks report nothing that depends on an Unknown
// value.
//
// Like the rest of the engine, it reads only through a vfs.FS.
package nextconfig

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// Flag is what a next.config says of a boolean option.
type Flag uint8

const (
	Unset   Flag = iota // not in the file: Next.js's default
	On                  // true
	Off                 // false (or null, undefined)
	Unknown             // set to something that cannot be read statically
)

func (f Flag) String() string {
	switch f {
	case On:
		return "true"
	case Off:
		return "false"
	case Unknown:
		return "unknown"
	}
	return "unset"
}

// Keys is what a next.config says of an object option: the names of its
// keys, and whether more keys may come from somewhere rscls cannot read.
type Keys struct {
	Names   []string
	Unknown bool
}

// Note says why a value could not be read.
type Note struct {
	Offset  int // in the config file
	Message string
}

// Config is what rscls reads of one next.config. The zero Config (no file)
// has every option Unset.
type Config struct {
	// Path is the next.config read, "" when the app has none.
	Path string
	// CacheComponents is the top-level cacheComponents (Next.js 16).
	CacheComponents Flag
	// ExperimentalCacheComponents is experimental.cacheComponents (Next.js
	// 15, moved to the top level in 16).
	ExperimentalCacheComponents Flag
	// DynamicIO is experimental.dynamicIO, the older name of
	// experimental.cacheComponents (Next.js 15; rejected by 16).
	DynamicIO Flag
	// UseCache is experimental.useCache.
	UseCache Flag
	// Taint is experimental.taint.
	Taint Flag
	// CacheHandlers are the keys of cacheHandlers (and of
	// experimental.cacheHandlers, where Next.js 15 read them): the cache
	// kinds 'use cache: kind' may name besides the built-in ones.
	CacheHandlers Keys
	// Resolution is On when next.config may change how imports resolve
	// for the browser: it has a webpack function (which may set
	// resolve.fallback or aliases) or Turbopack's resolveAlias (turbopack,
	// or experimental.turbo in Next.js 15).
	Resolution Flag
	// IgnoreBuildErrors is typescript.ignoreBuildErrors: type errors do
	// not stop the build.
	IgnoreBuildErrors Flag
	// TSConfigPath is On when typescript.tsconfigPath names another
	// tsconfig than the app's tsconfig.json.
	TSConfigPath Flag
	// TypeScript is set (by the engine) when the app has a tsconfig.json:
	// next build then type-checks it.
	TypeScript bool
	// Notes say which values could not be read, and why.
	Notes []Note

	// unread gathers the keys that cannot be read for one reason at one
	// place, so that a spread of an imported object is one note, not one
	// per key.
	unread []unreadKeys
	// NextMajor is the major version of Next.js the app builds with, 0
	// when unknown; the engine sets it. Versions read different keys:
	// Cache Components is experimental.cacheComponents (or dynamicIO) in
	// Next.js 15 and the top-level cacheComponents in 16.
	NextMajor int
}

// CacheComponentsOn says whether the config enables Cache Components for
// the app's version of Next.js: experimental.cacheComponents or its older
// name experimental.dynamicIO in 15, the top-level cacheComponents (or
// experimental.cacheComponents, which 16 moves there) in 16. When the
// version is unknown, any of them counts.
func (c *Config) CacheComponentsOn() Flag {
	if c == nil {
		return Unset
	}
	key, _ := c.CacheComponentsKey()
	switch {
	case key != "":
		return On
	case c.NextMajor == 15:
		return either(c.ExperimentalCacheComponents, c.DynamicIO)
	case c.NextMajor >= 16:
		return either(c.CacheComponents, c.ExperimentalCacheComponents)
	}
	return either(c.CacheComponents, c.ExperimentalCacheComponents, c.DynamicIO)
}

// CacheComponentsKey names the key that enables Cache Components, as
// written in next.config, or "" when none does (for the app's version of
// Next.js). When the version is unknown and the key is one only some
// versions read, version says which: "16" for the top-level
// cacheComponents, "15" for experimental.dynamicIO.
func (c *Config) CacheComponentsKey() (key, version string) {
	if c == nil {
		return "", ""
	}
	switch {
	case c.CacheComponents == On && c.NextMajor != 15:
		if c.NextMajor == 0 {
			version = "16"
		}
		return "cacheComponents", version
	case c.ExperimentalCacheComponents == On:
		return "experimental.cacheComponents", ""
	case c.DynamicIO == On && c.NextMajor < 16:
		if c.NextMajor == 0 {
			version = "15"
		}
		return "experimental.dynamicIO", version
	}
	return "", ""
}

// UseCacheOn says whether the config enables the 'use cache' directive:
// Cache Components does, and so does experimental.useCache.
func (c *Config) UseCacheOn() Flag {
	if c == nil {
		return Unset
	}
	return either(c.CacheComponentsOn(), c.UseCache)
}

// TaintOn says whether experimental.taint is enabled.
func (c *Config) TaintOn() Flag {
	if c == nil {
		return Unset
	}
	return c.Taint
}

// either combines flags where one enabling option suffices: On if one is On,
// else Unknown if one is Unknown, else Off when one is Off, else Unset.
func either(flags ...Flag) Flag {
	out := Unset
	for _, f := range flags {
		switch {
		case f == On:
			return On
		case f == Unknown:
			out = Unknown
		case f == Off && out == Unset:
			out = Off
		}
	}
	return out
}

// Digest is a short text of everything the Config says, for cache keys.
func (c *Config) Digest() string {
	if c == nil {
		return ""
	}
	kinds := strings.Join(c.CacheHandlers.Names, ",")
	return fmt.Sprintf("cc=%s ecc=%s dio=%s uc=%s taint=%s handlers=%s/%v resolution=%s ts=%v/%s/%s next=%d",
		c.CacheComponents, c.ExperimentalCacheComponents, c.DynamicIO, c.UseCache, c.Taint, kinds, c.CacheHandlers.Unknown, c.Resolution,
		c.TypeScript, c.IgnoreBuildErrors, c.TSConfigPath, c.NextMajor)
}

// Names are the file names Next.js loads, in its order of preference.
var Names = []string{"next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts", "next.config.mts"}

// Read reads the next.config at path. A file that cannot be read or parsed
// yields a Config whose options are all Unknown, with a note.
func Read(fsys vfs.FS, path string) *Config {
	c := &Config{Path: path}
	src, err := fsys.ReadFile(path)
	if err != nil {
		c.unknownAll(0, "cannot read it: "+err.Error())
		return c
	}
	lang := syntax.TSX
	if ext := filepath.Ext(path); ext == ".ts" || ext == ".mts" {
		lang = syntax.TS
	}
	tree, err := syntax.Parse(src, lang)
	if err != nil {
		c.unknownAll(0, "cannot parse it: "+err.Error())
		return c
	}
	return Parse(tree, path)
}

// Parse reads a parsed next.config.
func Parse(t *syntax.Tree, path string) *Config {
	c := &Config{Path: path}
	r := &reader{t: t}
	r.scan()
	root, why, at := r.exported()
	if root == nil {
		c.unknownAll(at, why)
		return c
	}
	experimental := r.field(root, "experimental")
	c.CacheComponents = r.flag(c, root, "cacheComponents")
	if experimental.obj != nil {
		c.ExperimentalCacheComponents = r.flag(c, experimental.obj, "cacheComponents", "experimental.")
		c.DynamicIO = r.flag(c, experimental.obj, "dynamicIO", "experimental.")
		c.UseCache = r.flag(c, experimental.obj, "useCache", "experimental.")
		c.Taint = r.flag(c, experimental.obj, "taint", "experimental.")
	} else if experimental.state == Unknown {
		for _, f := range []*Flag{&c.ExperimentalCacheComponents, &c.DynamicIO, &c.UseCache, &c.Taint} {
			*f = Unknown
		}
		c.note(experimental.at, "experimental", experimental.why)
	}
	c.CacheHandlers = r.keys(c, root, "cacheHandlers", "")
	if experimental.obj != nil {
		more := r.keys(c, experimental.obj, "cacheHandlers", "experimental.")
		c.CacheHandlers.Names = append(c.CacheHandlers.Names, more.Names...)
		c.CacheHandlers.Unknown = c.CacheHandlers.Unknown || more.Unknown
	} else if experimental.state == Unknown {
		c.CacheHandlers.Unknown = true
	}
	sort.Strings(c.CacheHandlers.Names)
	c.Resolution = r.present(c, root, "webpack", "webpack")
	if tp := r.field(root, "turbopack"); tp.obj != nil {
		c.Resolution = either(c.Resolution, r.present(c, tp.obj, "resolveAlias", "turbopack.resolveAlias"))
	} else if tp.state == Unknown {
		c.Resolution = either(c.Resolution, Unknown)
		c.note(tp.at, "turbopack", tp.why)
	}
	if experimental.obj != nil {
		if turbo := r.field(experimental.obj, "turbo"); turbo.obj != nil {
			c.Resolution = either(c.Resolution, r.present(c, turbo.obj, "resolveAlias", "experimental.turbo.resolveAlias"))
		} else if turbo.state == Unknown {
			c.Resolution = either(c.Resolution, Unknown)
			c.note(turbo.at, "experimental.turbo", turbo.why)
		}
	} else if experimental.state == Unknown {
		c.Resolution = either(c.Resolution, Unknown)
	}
	if ts := r.field(root, "typescript"); ts.obj != nil {
		c.IgnoreBuildErrors = r.flag(c, ts.obj, "ignoreBuildErrors", "typescript.")
		c.TSConfigPath = r.present(c, ts.obj, "tsconfigPath", "typescript.tsconfigPath")
	} else if ts.state == Unknown {
		c.IgnoreBuildErrors, c.TSConfigPath = Unknown, Unknown
		c.note(ts.at, "typescript", ts.why)
	}
	for _, u := range c.unread {
		keys, them := u.keys[0], "it"
		if n := len(u.keys); n > 1 {
			keys, them = strings.Join(u.keys[:n-1], ", ")+" and "+u.keys[n-1], "them"
		}
		c.Notes = append(c.Notes, Note{Offset: u.at, Message: fmt.Sprintf("%s cannot be read statically (%s), so the checks that depend on %s report nothing", keys, u.why, them)})
	}
	c.unread = nil
	return c
}

type unreadKeys struct {
	at   int
	why  string
	keys []string
}

func (c *Config) unknownAll(at int, why string) {
	for _, f := range []*Flag{&c.CacheComponents, &c.ExperimentalCacheComponents, &c.DynamicIO, &c.UseCache, &c.Taint, &c.Resolution, &c.IgnoreBuildErrors, &c.TSConfigPath} {
		*f = Unknown
	}
	c.CacheHandlers.Unknown = true
	c.Notes = append(c.Notes, Note{Offset: at, Message: "the configuration cannot be read statically (" + why + "), so the checks that depend on it report nothing"})
}

// note records that key cannot be read statically, and why; Parse turns
// the records into Notes.
func (c *Config) note(at int, key, why string) {
	for i := range c.unread {
		if u := &c.unread[i]; u.at == at && u.why == why {
			u.keys = append(u.keys, key)
			return
		}
	}
	c.unread = append(c.unread, unreadKeys{at: at, why: why, keys: []string{key}})
}

// obj is an object literal as far as rscls can follow it: its keys in
// order of precedence, and whether keys it does not list may be set (a
// spread of something unknown, a computed key, a call that changes it).
type obj struct {
	entries map[string]entry
	// subs are objects that assignments changed (config.experimental.x = v
	// makes a copy of config.experimental), by key; they replace the value.
	subs    map[string]*obj
	open    bool
	openWhy string
	openAt  int
}

type entry struct {
	value   int  // the value node, -1 for an assigned literal kept in lit
	lit     Flag // for values set by assignments rscls evaluated
	certain bool // false when a later spread of something unknown may override it
	at      int
	scope   []int // the function bodies the value's names may be declared in
	why     string
}

// field is the result of looking up a key whose value is an object.
type field struct {
	obj   *obj
	state Flag // Unset when absent, Unknown when it cannot be read
	why   string
	at    int
}

type reader struct {
	t *syntax.Tree
	// decls maps module-scope names to their declaring node (a variable
	// declarator or a function declaration).
	decls map[string]int
	// imported are module-scope names bound by imports or require().
	imported map[string]bool
	// mutations are the top-level statements that assign to or pass along
	// a module-scope name: name -> assignment_expression nodes, in order.
	assigns map[string][]int
	escapes map[string]int // name -> first call that takes it as an argument outside a config
	depth   int
}

func (r *reader) scan() {
	t := r.t
	r.decls = map[string]int{}
	r.imported = map[string]bool{}
	r.assigns = map[string][]int{}
	r.escapes = map[string]int{}
	t.Children(0, func(s int) {
		switch t.Kind(s) {
		case syntax.KindImportStatement:
			r.importNames(s)
		case syntax.KindExportStatement:
			if d := t.ChildByField(s, syntax.FieldDeclaration); d >= 0 {
				r.declare(d)
			}
		case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration, syntax.KindFunctionDeclaration:
			r.declare(s)
		case syntax.KindExpressionStatement:
			e := t.Unparen(firstNamed(t, s))
			if t.Kind(e) == syntax.KindAssignmentExpression {
				if root := rootName(t, t.ChildByField(e, syntax.FieldLeft)); root != "" && root != "module" && root != "exports" {
					r.assigns[root] = append(r.assigns[root], e)
				}
			}
			if t.Kind(e) == syntax.KindCallExpression {
				// Object.assign(config, ...) or applyPlugins(config): the
				// call may change the object.
				if args := t.ChildByField(e, syntax.FieldArguments); args >= 0 {
					t.Children(args, func(a int) {
						if t.Kind(a) == syntax.KindIdentifier {
							if _, seen := r.escapes[t.Text(a)]; !seen {
								r.escapes[t.Text(a)] = int(t.Nodes[e].Start)
							}
						}
					})
				}
			}
		}
	})
}

func (r *reader) importNames(s int) {
	t := r.t
	var walk func(n int)
	walk = func(n int) {
		switch t.Kind(n) {
		case syntax.KindIdentifier:
			r.imported[t.Text(n)] = true
			return
		case syntax.KindImportSpecifier:
			if a := t.ChildByField(n, syntax.FieldAlias); a >= 0 {
				r.imported[t.Text(a)] = true
			} else if nm := t.ChildByField(n, syntax.FieldName); nm >= 0 {
				r.imported[t.Text(nm)] = true
			}
			return
		case syntax.KindString:
			return
		}
		t.Children(n, walk)
	}
	t.Children(s, walk)
}

func (r *reader) declare(d int) {
	t := r.t
	switch t.Kind(d) {
	case syntax.KindFunctionDeclaration:
		if n := t.ChildByField(d, syntax.FieldName); n >= 0 {
			r.decls[t.Text(n)] = d
		}
	case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration:
		t.Children(d, func(v int) {
			if t.Kind(v) != syntax.KindVariableDeclarator {
				return
			}
			n := t.ChildByField(v, syntax.FieldName)
			if t.Kind(n) != syntax.KindIdentifier {
				return
			}
			name := t.Text(n)
			if val := t.Unparen(t.ChildByField(v, syntax.FieldValue)); isRequire(t, val) {
				r.imported[name] = true
				return
			}
			r.decls[name] = v
		})
	}
}

// exported finds the configuration object: the value of module.exports or
// of the default export, followed to an object literal.
func (r *reader) exported() (*obj, string, int) {
	t := r.t
	value := -1
	t.Children(0, func(s int) {
		switch t.Kind(s) {
		case syntax.KindExportStatement:
			if !t.HasToken(s, syntax.TokDefault) {
				// export { config as default }
				if clause := t.ChildOfKind(s, syntax.KindExportClause); clause >= 0 && t.ChildByField(s, syntax.FieldSource) < 0 {
					t.Children(clause, func(sp int) {
						if a := t.ChildByField(sp, syntax.FieldAlias); a >= 0 && t.Text(a) == "default" {
							value = t.ChildByField(sp, syntax.FieldName)
						}
					})
				}
				return
			}
			if v := t.ChildByField(s, syntax.FieldValue); v >= 0 {
				value = v
			} else if d := t.ChildByField(s, syntax.FieldDeclaration); d >= 0 {
				value = d
			}
		case syntax.KindExpressionStatement:
			e := t.Unparen(firstNamed(t, s))
			if t.Kind(e) != syntax.KindAssignmentExpression {
				return
			}
			if left := t.ChildByField(e, syntax.FieldLeft); isModuleExports(t, left) {
				value = t.ChildByField(e, syntax.FieldRight)
			}
		}
	})
	if value < 0 {
		return nil, "no module.exports or export default", 0
	}
	o, why, at := r.object(value, nil)
	return o, why, at
}

// object follows the expression at n to an object literal. scope lists the
// statement blocks of the enclosing functions, innermost first, for
// names declared inside a config function.
func (r *reader) object(n int, scope []int) (*obj, string, int) {
	t := r.t
	n = t.Unparen(n)
	at := 0
	if n >= 0 {
		at = int(t.Nodes[n].Start)
	}
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > 32 {
		return nil, "it is nested too deeply", at
	}
	switch t.Kind(n) {
	case syntax.KindObject:
		return r.literal(n, scope)
	case syntax.KindAwaitExpression:
		return r.object(firstNamed(t, n), scope)
	case syntax.KindMemberExpression, syntax.KindSubscriptExpression:
		// base.experimental: a key of an object rscls can read.
		path := memberPath(t, n)
		if len(path) < 2 {
			return nil, "its value is an expression rscls does not evaluate", at
		}
		base, why, at2 := r.object(t.ChildByField(n, syntax.FieldObject), scope)
		if base == nil {
			return nil, why, at2
		}
		f := r.field(base, path[len(path)-1])
		switch {
		case f.obj != nil:
			return f.obj, "", 0
		case f.state == Unset:
			return &obj{entries: map[string]entry{}}, "", 0 // spreading undefined adds nothing
		}
		return nil, f.why, f.at
	case syntax.KindIdentifier, syntax.KindShorthandPropertyIdentifier:
		name := t.Text(n)
		if d := r.localDecl(name, scope); d >= 0 {
			return r.declValue(d, name, scope, true)
		}
		if r.imported[name] {
			return nil, fmt.Sprintf("%s is imported", name), at
		}
		d, ok := r.decls[name]
		if !ok {
			return nil, fmt.Sprintf("%s is not declared in the file", name), at
		}
		return r.declValue(d, name, nil, false)
	case syntax.KindCallExpression:
		return r.call(n, scope)
	case syntax.KindArrowFunction, syntax.KindFunctionExpression, syntax.KindFunctionDeclaration:
		return r.function(n, scope)
	case syntax.KindTernaryExpression:
		// process.env.X ? withSentryConfig(config, options) : config: what
		// both branches say.
		a, whyA, atA := r.object(t.ChildByField(n, syntax.FieldConsequence), scope)
		if a == nil {
			return nil, whyA, atA
		}
		b, whyB, atB := r.object(t.ChildByField(n, syntax.FieldAlternative), scope)
		if b == nil {
			return nil, whyB, atB
		}
		return meet(a, b, at), "", 0
	}
	return nil, "its value is an expression rscls does not evaluate (" + shorten(t.Text(n)) + ")", at
}

// meet is what two objects, one of which is the config, say alike: keys
// with the same value in both are known, others are not.
func meet(a, b *obj, at int) *obj {
	out := &obj{entries: map[string]entry{}}
	const why = "it depends on a condition"
	for k, ea := range a.entries {
		eb, ok := b.entries[k]
		sa, sb := a.subs[k], b.subs[k]
		switch {
		case !ok:
			out.entries[k] = entry{value: ea.value, certain: false, at: at, why: why}
		case sa != nil && sb != nil:
			out.entries[k] = entry{value: -1, certain: ea.certain && eb.certain, at: ea.at}
			out.sub(k, meet(sa, sb, at))
		case sa == nil && sb == nil && ea.value == eb.value && ea.value >= 0:
			out.entries[k] = entry{value: ea.value, certain: ea.certain && eb.certain, at: ea.at, scope: ea.scope}
		default:
			out.entries[k] = entry{value: ea.value, certain: false, at: at, why: why}
		}
	}
	for k, eb := range b.entries {
		if _, ok := a.entries[k]; !ok {
			out.entries[k] = entry{value: eb.value, certain: false, at: at, why: why}
		}
	}
	if a.open {
		out.markOpen(a.openWhy, a.openAt)
	}
	if b.open {
		out.markOpen(b.openWhy, b.openAt)
	}
	return out
}

// declValue follows a declared name: a variable's initialiser, with the
// top-level assignments to it applied, or a function.
func (r *reader) declValue(d int, name string, scope []int, local bool) (*obj, string, int) {
	t := r.t
	if t.Kind(d) == syntax.KindFunctionDeclaration {
		return r.function(d, scope)
	}
	val := t.ChildByField(d, syntax.FieldValue)
	if val < 0 {
		return nil, fmt.Sprintf("%s has no initial value", name), int(t.Nodes[d].Start)
	}
	o, why, at := r.object(val, scope)
	if o == nil || local {
		return o, why, at
	}
	o = o.copy()
	for _, a := range r.assigns[name] {
		r.apply(o, a)
	}
	if at, ok := r.escapes[name]; ok {
		o.markOpen("it is passed to a call that may change it", at)
	}
	return o, "", 0
}

// apply evaluates a top-level assignment to a path below the config
// object: config.key = v, config.experimental.key = v, config.experimental = {...}.
func (r *reader) apply(o *obj, a int) {
	t := r.t
	path := memberPath(t, t.ChildByField(a, syntax.FieldLeft))
	at := int(t.Nodes[a].Start)
	if len(path) < 2 || t.Kind(a) != syntax.KindAssignmentExpression {
		o.markOpen("it is changed by an assignment rscls does not follow", at)
		return
	}
	target := o
	for _, key := range path[1 : len(path)-1] {
		e, ok := target.entries[key]
		if s := target.subs[key]; ok && e.certain && s != nil {
			target = s
			continue
		}
		if !ok || !e.certain || e.value < 0 {
			target.markOpen("it is changed by an assignment rscls does not follow", at)
			return
		}
		sub, _, _ := r.object(e.value, e.scope)
		if sub == nil {
			target.markOpen("it is changed by an assignment rscls does not follow", at)
			return
		}
		sub = sub.copy()
		// The copy replaces the value so that later assignments see it.
		target.entries[key] = entry{value: -1, certain: true, at: at}
		target.sub(key, sub)
		target = sub
	}
	key := path[len(path)-1]
	target.entries[key] = entry{value: t.ChildByField(a, syntax.FieldRight), certain: true, at: at}
}

func (o *obj) sub(key string, s *obj) {
	e := o.entries[key]
	e.value = -1
	o.entries[key] = e
	if o.subs == nil {
		o.subs = map[string]*obj{}
	}
	o.subs[key] = s
}

func (o *obj) copy() *obj {
	c := &obj{entries: make(map[string]entry, len(o.entries)), open: o.open, openWhy: o.openWhy, openAt: o.openAt}
	for k, v := range o.entries {
		c.entries[k] = v
	}
	for k, v := range o.subs {
		if c.subs == nil {
			c.subs = map[string]*obj{}
		}
		c.subs[k] = v.copy()
	}
	return c
}

func (o *obj) markOpen(why string, at int) {
	if !o.open {
		o.open, o.openWhy, o.openAt = true, why, at
	}
	for k, e := range o.entries {
		if e.certain {
			e.certain, e.why, e.at = false, why, at
		}
		o.entries[k] = e
	}
}

// literal reads an object literal.
func (r *reader) literal(n int, scope []int) (*obj, string, int) {
	t := r.t
	o := &obj{entries: map[string]entry{}}
	t.Children(n, func(p int) {
		at := int(t.Nodes[p].Start)
		switch t.Kind(p) {
		case syntax.KindPair:
			key, ok := propertyKey(t, t.ChildByField(p, syntax.FieldKey))
			if !ok {
				o.markOpen("it has a computed key", at)
				return
			}
			o.set(key, entry{value: t.ChildByField(p, syntax.FieldValue), certain: true, at: at, scope: scope})
		case syntax.KindShorthandPropertyIdentifier:
			o.set(t.Text(p), entry{value: p, certain: true, at: at, scope: scope})
		case syntax.KindMethodDefinition:
			if key, ok := propertyKey(t, t.ChildByField(p, syntax.FieldName)); ok {
				o.set(key, entry{value: p, certain: true, at: at, scope: scope})
			}
		case syntax.KindSpreadElement:
			inner, why, _ := r.object(firstNamed(t, p), scope)
			if inner == nil {
				o.markOpen("it spreads an object rscls cannot read: "+why, at)
				return
			}
			o.merge(inner)
		}
	})
	return o, "", 0
}

func (o *obj) set(key string, e entry) {
	o.entries[key] = e
	delete(o.subs, key)
}

// merge lays inner's keys over o's, as a spread or Object.assign does;
// keys inner may set that rscls cannot see leave o open too.
func (o *obj) merge(inner *obj) {
	for k, e := range inner.entries {
		o.set(k, e)
		if s := inner.subs[k]; s != nil {
			o.sub(k, s)
		}
	}
	if inner.open {
		o.markOpen(inner.openWhy, inner.openAt)
	}
}

// call follows a call to the config object among its arguments: plugin
// wrappers return the config they are given, changed in ways that do not
// touch the options rscls reads. Object.assign merges its arguments.
func (r *reader) call(n int, scope []int) (*obj, string, int) {
	t := r.t
	at := int(t.Nodes[n].Start)
	fn := t.Unparen(t.ChildByField(n, syntax.FieldFunction))
	args := t.ChildByField(n, syntax.FieldArguments)
	if args < 0 {
		return nil, "a call rscls cannot follow", at
	}
	var list []int
	list = t.NamedChildren(args, list)
	if isRequire(t, n) || t.Kind(fn) == syntax.KindImport {
		return nil, "it is loaded from another file", at
	}
	if memberText(t, fn) == "Object.assign" {
		merged := &obj{entries: map[string]entry{}}
		for _, a := range list {
			o, why, _ := r.object(a, scope)
			if o == nil {
				merged.markOpen("Object.assign of an object rscls cannot read: "+why, int(t.Nodes[a].Start))
				continue
			}
			merged.merge(o)
		}
		return merged, "", 0
	}
	for _, a := range list {
		switch t.Kind(t.Unparen(a)) {
		case syntax.KindArray, syntax.KindString, syntax.KindTemplateString, syntax.KindNumber, syntax.KindTrue, syntax.KindFalse:
			continue // plugin lists and options
		}
		if o, _, _ := r.object(a, scope); o != nil {
			return o, "", 0
		}
		// withSentryConfig(config, options): the config comes first.
		break
	}
	return nil, fmt.Sprintf("the configuration comes from a call to %s that rscls cannot follow", calleeName(t, fn)), at
}

// function follows a config written as a function of the phase: the
// object it returns, when it has one return statement (or an expression
// body).
func (r *reader) function(n int, scope []int) (*obj, string, int) {
	t := r.t
	at := int(t.Nodes[n].Start)
	body := t.ChildByField(n, syntax.FieldBody)
	if body < 0 {
		return nil, "a function without a body", at
	}
	if t.Kind(body) != syntax.KindStatementBlock {
		return r.object(body, scope)
	}
	var returns []int
	var walk func(x int)
	walk = func(x int) {
		switch t.Kind(x) {
		case syntax.KindFunctionDeclaration, syntax.KindFunctionExpression, syntax.KindArrowFunction,
			syntax.KindMethodDefinition, syntax.KindClass, syntax.KindClassDeclaration:
			return
		case syntax.KindReturnStatement:
			returns = append(returns, x)
			return
		}
		t.Children(x, walk)
	}
	t.Children(body, walk)
	if len(returns) != 1 {
		return nil, "a function with more than one return", at
	}
	v := firstNamed(t, returns[0])
	if v < 0 {
		return nil, "a function that returns nothing", at
	}
	return r.object(v, append([]int{body}, scope...))
}

// localDecl finds name declared at the top of one of the function bodies
// in scope.
func (r *reader) localDecl(name string, scope []int) int {
	t := r.t
	for _, block := range scope {
		found := -1
		t.Children(block, func(s int) {
			switch t.Kind(s) {
			case syntax.KindFunctionDeclaration:
				if n := t.ChildByField(s, syntax.FieldName); n >= 0 && t.Text(n) == name {
					found = s
				}
			case syntax.KindLexicalDeclaration, syntax.KindVariableDeclaration:
				t.Children(s, func(v int) {
					if t.Kind(v) == syntax.KindVariableDeclarator {
						if n := t.ChildByField(v, syntax.FieldName); n >= 0 && t.Kind(n) == syntax.KindIdentifier && t.Text(n) == name {
							found = v
						}
					}
				})
			}
		})
		if found >= 0 {
			return found
		}
	}
	return -1
}

// field looks key up in o, for a value that is itself an object.
func (r *reader) field(o *obj, key string) field {
	e, ok := o.entries[key]
	if !ok {
		if o.open {
			return field{state: Unknown, why: o.openWhy, at: o.openAt}
		}
		return field{state: Unset}
	}
	if !e.certain {
		return field{state: Unknown, why: e.why, at: e.at}
	}
	if s := o.subs[key]; s != nil {
		return field{obj: s, state: On}
	}
	if e.value < 0 {
		return field{state: Unknown, why: "it is assigned a value rscls does not evaluate", at: e.at}
	}
	if isNullish(r.t, e.value) {
		return field{state: Unset}
	}
	sub, why, at := r.object(e.value, e.scope)
	if sub == nil {
		return field{state: Unknown, why: why, at: at}
	}
	return field{obj: sub, state: On}
}

// flag reads a boolean option of o, noting why when it cannot.
func (r *reader) flag(c *Config, o *obj, key string, prefix ...string) Flag {
	name := strings.Join(prefix, "") + key
	e, state := r.lookup(c, o, key, name)
	if state != On {
		return state
	}
	if e.value < 0 {
		c.note(e.at, name, "its value is not a literal")
		return Unknown
	}
	f, why := r.boolean(e.value, e.scope, 0)
	if f == Unknown {
		c.note(int(r.t.Nodes[e.value].Start), name, why)
	}
	return f
}

// boolean evaluates a literal boolean, or a constant declared as one.
func (r *reader) boolean(n int, scope []int, depth int) (Flag, string) {
	t := r.t
	n = t.Unparen(n)
	switch t.Kind(n) {
	case syntax.KindTrue:
		return On, ""
	case syntax.KindFalse, syntax.KindNull, syntax.KindUndefined:
		return Off, ""
	case syntax.KindIdentifier, syntax.KindShorthandPropertyIdentifier:
		name := t.Text(n)
		if name == "undefined" {
			return Off, ""
		}
		d := r.localDecl(name, scope)
		if d < 0 && len(r.assigns[name]) == 0 {
			d = r.decls[name]
			if _, ok := r.decls[name]; !ok {
				d = -1
			}
		}
		if d >= 0 && depth < 8 && t.Kind(d) == syntax.KindVariableDeclarator && isConst(t, d) {
			if v := t.ChildByField(d, syntax.FieldValue); v >= 0 {
				return r.boolean(v, scope, depth+1)
			}
		}
		return Unknown, fmt.Sprintf("it is set to %s, which is not a constant of the file", name)
	case syntax.KindUnaryExpression:
		// !0 and !1, as minifiers write booleans.
		if arg := t.Unparen(t.ChildByField(n, syntax.FieldArgument)); t.Kind(arg) == syntax.KindNumber && strings.HasPrefix(t.Text(n), "!") {
			if t.Text(arg) == "0" {
				return On, ""
			}
			return Off, ""
		}
	}
	return Unknown, "its value is an expression (" + shorten(t.Text(n)) + ")"
}

// present reads whether o sets key to something other than null or
// undefined (On), does not (Unset), or may (Unknown, with a note).
func (r *reader) present(c *Config, o *obj, key, name string) Flag {
	e, state := r.lookup(c, o, key, name)
	if state == On && ((e.value < 0 && e.lit == Off) || (e.value >= 0 && isNullish(r.t, e.value))) {
		return Unset
	}
	return state
}

// lookup finds key in o: its entry and On when o certainly sets it, Unset
// when it certainly does not, Unknown (noted under name) when it may.
func (r *reader) lookup(c *Config, o *obj, key, name string) (entry, Flag) {
	e, ok := o.entries[key]
	switch {
	case !ok && o.open:
		c.note(o.openAt, name, o.openWhy)
		return entry{}, Unknown
	case !ok:
		return entry{}, Unset
	case !e.certain:
		c.note(e.at, name, e.why)
		return entry{}, Unknown
	}
	return e, On
}

// keys reads the keys of an object option of o.
func (r *reader) keys(c *Config, o *obj, key, prefix string) Keys {
	f := r.field(o, key)
	switch {
	case f.state == Unset:
		return Keys{}
	case f.obj == nil:
		c.note(f.at, prefix+key, f.why)
		return Keys{Unknown: true}
	}
	var k Keys
	for name := range f.obj.entries {
		k.Names = append(k.Names, name)
	}
	sort.Strings(k.Names)
	if f.obj.open {
		c.note(f.obj.openAt, prefix+key, f.obj.openWhy)
		k.Unknown = true
	}
	return k
}

func isConst(t *syntax.Tree, declarator int) bool {
	p := int(t.Nodes[declarator].Parent)
	return p >= 0 && t.Kind(p) == syntax.KindLexicalDeclaration && t.HasToken(p, syntax.TokConst)
}

func isNullish(t *syntax.Tree, n int) bool {
	n = t.Unparen(n)
	switch t.Kind(n) {
	case syntax.KindNull, syntax.KindUndefined:
		return true
	case syntax.KindIdentifier:
		return t.Text(n) == "undefined"
	}
	return false
}

func isModuleExports(t *syntax.Tree, n int) bool {
	return memberText(t, n) == "module.exports"
}

// isRequire reports whether n is require('...').
func isRequire(t *syntax.Tree, n int) bool {
	if t.Kind(n) != syntax.KindCallExpression {
		return false
	}
	fn := t.ChildByField(n, syntax.FieldFunction)
	return t.Kind(fn) == syntax.KindIdentifier && t.Text(fn) == "require"
}

// memberText returns a.b.c for a chain of identifiers and property names,
// or "".
func memberText(t *syntax.Tree, n int) string {
	path := memberPath(t, n)
	return strings.Join(path, ".")
}

// memberPath returns [a b c] for a.b.c (or a["b"].c), or nil.
func memberPath(t *syntax.Tree, n int) []string {
	n = t.Unparen(n)
	switch t.Kind(n) {
	case syntax.KindIdentifier:
		return []string{t.Text(n)}
	case syntax.KindMemberExpression:
		base := memberPath(t, t.ChildByField(n, syntax.FieldObject))
		prop := t.ChildByField(n, syntax.FieldProperty)
		if base == nil || prop < 0 {
			return nil
		}
		return append(base, t.Text(prop))
	case syntax.KindSubscriptExpression:
		base := memberPath(t, t.ChildByField(n, syntax.FieldObject))
		s, ok := t.StringValue(t.Unparen(t.ChildByField(n, syntax.FieldIndex)))
		if base == nil || !ok {
			return nil
		}
		return append(base, s)
	}
	return nil
}

func rootName(t *syntax.Tree, n int) string {
	if p := memberPath(t, n); len(p) > 0 {
		return p[0]
	}
	return ""
}

func calleeName(t *syntax.Tree, fn int) string {
	if s := memberText(t, fn); s != "" {
		return s
	}
	if t.Kind(fn) == syntax.KindCallExpression {
		return calleeName(t, t.Unparen(t.ChildByField(fn, syntax.FieldFunction))) + "(...)"
	}
	return "a function"
}

// propertyKey returns the name of an object key: an identifier, a string,
// a number, or a computed key that is a string literal.
func propertyKey(t *syntax.Tree, k int) (string, bool) {
	switch t.Kind(k) {
	case syntax.KindPropertyIdentifier, syntax.KindIdentifier, syntax.KindNumber:
		return t.Text(k), true
	case syntax.KindString:
		return t.StringValue(k)
	case syntax.KindComputedPropertyName:
		return t.StringValue(t.Unparen(firstNamed(t, k)))
	}
	return "", false
}

func firstNamed(t *syntax.Tree, n int) int {
	if n < 0 {
		return -1
	}
	var out []int
	out = t.NamedChildren(n, out)
	if len(out) == 0 {
		return -1
	}
	return out[0]
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}
