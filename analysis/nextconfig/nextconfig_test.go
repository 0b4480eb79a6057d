package nextconfig

import (
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/syntax"
	"github.com/rscls/rscls/analysis/vfs"
)

// want lists the options a case expects; "note" is a substring every note
// of the case must contain... at least one note, when set.
type want struct {
	cc, ecc, dio, uc, taint Flag
	handlers                string // comma-separated names, "?" suffix when Unknown
	note                    string
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want want
	}{
		{"empty object", "next.config.js", `module.exports = {}`, want{}},
		{"the harness of Next's fixtures", "next.config.js",
			"module.exports = {\n  cacheComponents: true,\n  experimental: { useCache: true },\n}\n",
			want{cc: On, uc: On}},
		{"a constant exported by default", "next.config.mjs",
			"const nextConfig = { cacheComponents: true }\nexport default nextConfig\n",
			want{cc: On}},
		{"typed constant", "next.config.ts",
			"import type { NextConfig } from 'next'\n\nconst nextConfig: NextConfig = {\n  experimental: { taint: true, dynamicIO: false },\n}\n\nexport default nextConfig\n",
			want{taint: On, dio: Off}},
		{"satisfies", "next.config.ts",
			"import type { NextConfig } from 'next'\nexport default { cacheComponents: true } satisfies NextConfig\n",
			want{cc: On}},
		{"as", "next.config.ts",
			"export default ({ experimental: { cacheComponents: true } } as any)\n",
			want{ecc: On}},
		{"a plugin wrapper", "next.config.js",
			"const withMDX = require('@next/mdx')()\nmodule.exports = withMDX({ cacheComponents: true })\n",
			want{cc: On}},
		{"nested wrappers", "next.config.mjs",
			"import withA from 'a'\nimport withB from 'b'\nconst config = { experimental: { useCache: true } }\nexport default withA(withB(config))\n",
			want{uc: On}},
		{"a curried wrapper", "next.config.mjs",
			"import withA from 'a'\nimport withB from 'b'\nexport default withA(withB)({ experimental: { useCache: true } })\n",
			want{uc: On}},
		{"next-compose-plugins", "next.config.js",
			"const withPlugins = require('next-compose-plugins')\nconst nextConfig = { cacheComponents: false }\nmodule.exports = withPlugins([[withImages, {}], withTM], nextConfig)\n",
			want{cc: Off}},
		{"sentry options after the config", "next.config.mjs",
			"import { withSentryConfig } from '@sentry/nextjs'\nconst nextConfig = { cacheComponents: true }\nexport default withSentryConfig(nextConfig, { silent: true, experimental: { taint: true } })\n",
			want{cc: On}},
		{"an imported config", "next.config.mjs",
			"import base from './base.config.mjs'\nexport default withX(base, { cacheComponents: true })\n",
			want{cc: Unknown, ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "withX"}},
		{"an environment variable", "next.config.js",
			"module.exports = {\n  cacheComponents: process.env.CACHE === '1',\n  experimental: { taint: true },\n}\n",
			want{cc: Unknown, taint: On, note: "cacheComponents cannot be read statically (its value is an expression (process.env.CACHE === '1'))"}},
		{"a spread of something unknown", "next.config.mjs",
			"import base from './base.mjs'\nexport default { ...base, cacheComponents: true }\n",
			want{cc: On, ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "it spreads an object rscls cannot read: base is imported"}},
		{"a spread before known keys, overridden", "next.config.mjs",
			"const base = { cacheComponents: true, experimental: { useCache: true } }\nexport default { ...base, cacheComponents: false }\n",
			want{cc: Off, uc: On}},
		{"a spread in experimental", "next.config.mjs",
			"const base = { experimental: { useCache: true } }\nexport default { ...base, experimental: { ...base.experimental, taint: true } }\n",
			want{uc: On, taint: On}},
		{"a function of the phase", "next.config.js",
			"module.exports = (phase, { defaultConfig }) => {\n  const experimental = { useCache: true }\n  const config = { experimental }\n  return config\n}\n",
			want{uc: On}},
		{"an async function declaration", "next.config.mjs",
			"export default async function config(phase) {\n  return { cacheComponents: false }\n}\n",
			want{cc: Off}},
		{"a function with two returns", "next.config.js",
			"module.exports = (phase) => {\n  if (phase === 'x') return { cacheComponents: true }\n  return {}\n}\n",
			want{cc: Unknown, ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "more than one return"}},
		{"assignments after the declaration", "next.config.js",
			"const config = { experimental: {} }\nconfig.cacheComponents = true\nconfig.experimental.taint = true\nmodule.exports = config\n",
			want{cc: On, taint: On}},
		{"an object assigned to experimental", "next.config.js",
			"const config = {}\nconfig.experimental = { useCache: true }\nmodule.exports = config\n",
			want{uc: On}},
		{"Object.assign on the config", "next.config.js",
			"const config = { cacheComponents: true }\nObject.assign(config, require('./more'))\nmodule.exports = config\n",
			want{cc: Unknown, ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "passed to a call"}},
		{"Object.assign of local objects", "next.config.js",
			"const base = { experimental: { taint: true } }\nmodule.exports = Object.assign({}, base, { cacheComponents: true })\n",
			want{cc: On, taint: On}},
		{"export as default", "next.config.mjs",
			"const nextConfig = { experimental: { useCache: false } }\nexport { nextConfig as default }\n",
			want{uc: Off}},
		{"a boolean constant", "next.config.mjs",
			"const enabled = true\nexport default { cacheComponents: enabled }\n",
			want{cc: On}},
		{"a let that may change", "next.config.mjs",
			"let enabled = true\nexport default { cacheComponents: enabled }\n",
			want{cc: Unknown, note: "not a constant"}},
		{"minified booleans", "next.config.js",
			"module.exports = { cacheComponents: !0, experimental: { taint: !1 } }\n",
			want{cc: On, taint: Off}},
		{"cache handlers", "next.config.js",
			"module.exports = {\n  cacheHandlers: { x: './x.js', 'my-kind': require.resolve('./y') },\n  experimental: { cacheHandlers: { z: './z.js' } },\n}\n",
			want{handlers: "my-kind,x,z"}},
		{"imported cache handlers", "next.config.mjs",
			"import handlers from './handlers.mjs'\nexport default { cacheHandlers: handlers }\n",
			want{handlers: "?", note: "cacheHandlers cannot be read statically (handlers is imported)"}},
		{"an unknown experimental object", "next.config.mjs",
			"import experimental from './exp.mjs'\nexport default { experimental }\n",
			want{ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "experimental cannot be read statically (experimental is imported)"}},
		{"no export", "next.config.js", "const config = {}\n",
			want{cc: Unknown, ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "no module.exports or export default"}},
		{"a computed key", "next.config.js",
			"const k = 'cache' + 'Components'\nmodule.exports = { [k]: true, experimental: { taint: true } }\n",
			want{cc: Unknown, taint: On, handlers: "?", note: "computed key"}},
		{"a string key", "next.config.js",
			"module.exports = { 'cacheComponents': true, [\"experimental\"]: { useCache: true } }\n",
			want{cc: On, uc: On}},
		{"a condition on the plugin", "next.config.mjs",
			"const config = { cacheComponents: true, experimental: { taint: true } }\nexport default process.env.SENTRY ? withSentryConfig(config, { silent: true }) : config\n",
			want{cc: On, taint: On}},
		{"a condition on a value", "next.config.mjs",
			"export default process.env.X ? { cacheComponents: true } : { cacheComponents: false, experimental: {} }\n",
			want{cc: Unknown, ecc: Unknown, dio: Unknown, uc: Unknown, taint: Unknown, handlers: "?", note: "depends on a condition"}},
		{"a conditional spread", "next.config.mjs",
			"export default { ...(process.env.X ? { distDir: 'x' } : {}), experimental: process.env.Y ? { taint: true } : { taint: false, useCache: true } }\n",
			want{taint: Unknown, uc: Unknown, note: "experimental.taint cannot be read statically (it depends on a condition)"}},
		{"undefined and null", "next.config.js",
			"module.exports = { cacheComponents: undefined, experimental: null }\n",
			want{cc: Off}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := syntax.TSX
			if strings.HasSuffix(tt.file, ".ts") {
				lang = syntax.TS
			}
			c := Parse(syntax.MustParse([]byte(tt.src), lang), tt.file)
			got := want{cc: c.CacheComponents, ecc: c.ExperimentalCacheComponents, dio: c.DynamicIO, uc: c.UseCache, taint: c.Taint,
				handlers: strings.Join(c.CacheHandlers.Names, ",")}
			if c.CacheHandlers.Unknown {
				got.handlers += "?"
			}
			w := tt.want
			if got.cc != w.cc || got.ecc != w.ecc || got.dio != w.dio || got.uc != w.uc || got.taint != w.taint || got.handlers != w.handlers {
				t.Errorf("got cc=%v ecc=%v dio=%v uc=%v taint=%v handlers=%q\nwant cc=%v ecc=%v dio=%v uc=%v taint=%v handlers=%q",
					got.cc, got.ecc, got.dio, got.uc, got.taint, got.handlers, w.cc, w.ecc, w.dio, w.uc, w.taint, w.handlers)
			}
			var notes []string
			for _, n := range c.Notes {
				notes = append(notes, n.Message)
				if n.Offset < 0 || n.Offset > len(tt.src) {
					t.Errorf("note at offset %d, outside the file", n.Offset)
				}
			}
			all := strings.Join(notes, "\n")
			switch {
			case w.note == "" && len(notes) > 0:
				t.Errorf("unexpected notes:\n%s", all)
			case w.note != "" && !strings.Contains(all, w.note):
				t.Errorf("notes do not mention %q:\n%s", w.note, all)
			}
		})
	}
}

func TestRead(t *testing.T) {
	fsys := vfs.MapFS{"/app/next.config.ts": "export default { cacheComponents: true } satisfies import('next').NextConfig\n"}
	c := Read(fsys, "/app/next.config.ts")
	if c.CacheComponents != On || c.UseCacheOn() != On || c.CacheComponentsOn() != On || c.TaintOn() != Unset {
		t.Errorf("got %+v", c)
	}
	missing := Read(fsys, "/app/next.config.js")
	if missing.UseCacheOn() != Unknown || len(missing.Notes) != 1 || !strings.Contains(missing.Notes[0].Message, "cannot read it") {
		t.Errorf("a file that cannot be read: %+v", missing)
	}
}

func TestCombined(t *testing.T) {
	var none *Config
	if none.UseCacheOn() != Unset || none.CacheComponentsOn() != Unset || none.TaintOn() != Unset || none.Digest() != "" {
		t.Error("a nil Config is not all Unset")
	}
	c := &Config{DynamicIO: On}
	if c.CacheComponentsOn() != On || c.UseCacheOn() != On {
		t.Error("experimental.dynamicIO does not turn Cache Components on")
	}
	c = &Config{CacheComponents: Off, UseCache: Unknown}
	if c.UseCacheOn() != Unknown || c.CacheComponentsOn() != Off {
		t.Errorf("got %v %v", c.UseCacheOn(), c.CacheComponentsOn())
	}
	if (&Config{UseCache: On}).CacheComponentsOn() != Unset {
		t.Error("experimental.useCache alone turns Cache Components on")
	}
}

// TestVersions: Next.js 15 reads experimental.cacheComponents (or
// dynamicIO), 16 the top-level cacheComponents; an unknown version takes
// any of them.
func TestVersions(t *testing.T) {
	for _, tt := range []struct {
		c       Config
		on      Flag
		key, of string
	}{
		{Config{CacheComponents: On, NextMajor: 16}, On, "cacheComponents", ""},
		{Config{CacheComponents: On, NextMajor: 15}, Unset, "", ""},
		{Config{CacheComponents: On}, On, "cacheComponents", "16"},
		{Config{ExperimentalCacheComponents: On, NextMajor: 16}, On, "experimental.cacheComponents", ""},
		{Config{ExperimentalCacheComponents: On, NextMajor: 15}, On, "experimental.cacheComponents", ""},
		{Config{DynamicIO: On, NextMajor: 15}, On, "experimental.dynamicIO", ""},
		{Config{DynamicIO: On, NextMajor: 16}, Unset, "", ""},
		{Config{DynamicIO: On}, On, "experimental.dynamicIO", "15"},
		{Config{CacheComponents: Unknown, NextMajor: 15}, Unset, "", ""},
		{Config{CacheComponents: Unknown, NextMajor: 16}, Unknown, "", ""},
		{Config{CacheComponents: Off, ExperimentalCacheComponents: Unknown}, Unknown, "", ""},
	} {
		key, of := tt.c.CacheComponentsKey()
		if on := tt.c.CacheComponentsOn(); on != tt.on || key != tt.key || of != tt.of {
			t.Errorf("%+v: CacheComponentsOn = %v, key %q (%q); want %v, %q (%q)", tt.c, on, key, of, tt.on, tt.key, tt.of)
		}
	}
	if (&Config{CacheComponents: On, NextMajor: 15}).UseCacheOn() != Unset {
		t.Error("the top-level cacheComponents enables 'use cache' in Next.js 15")
	}
	if (&Config{CacheComponents: On, UseCache: On, NextMajor: 15}).UseCacheOn() != On {
		t.Error("experimental.useCache does not enable 'use cache' in Next.js 15")
	}
}

// A spread of an imported object hides every key for one reason: one note
// names them all, where a person reads it once.
func TestOneNotePerReason(t *testing.T) {
	src := "import nextConfig from '../next.config.mjs'\n\nexport default {\n  ...nextConfig,\n  images: {},\n}\n"
	c := Parse(syntax.MustParse([]byte(src), syntax.TSX), "next.config.mjs")
	if len(c.Notes) != 1 {
		t.Fatalf("want one note, got %+v", c.Notes)
	}
	want := "cacheComponents, experimental, cacheHandlers, webpack, turbopack and typescript cannot be read statically (it spreads an object rscls cannot read: nextConfig is imported), so the checks that depend on them report nothing"
	if c.Notes[0].Message != want {
		t.Errorf("note %q\nwant %q", c.Notes[0].Message, want)
	}
	if c.CacheComponents != Unknown || c.UseCacheOn() != Unknown || !c.CacheHandlers.Unknown || c.Resolution != Unknown {
		t.Errorf("the values hidden by the spread must be unknown: %+v", c)
	}
}

// TestResolution: next.config changes how imports resolve for the browser
// with a webpack function or Turbopack's resolveAlias.
func TestResolution(t *testing.T) {
	for src, want := range map[string]Flag{
		"export default {}":                           Unset,
		"export default { images: {} }":               Unset,
		"export default { webpack: undefined }":       Unset,
		"export default { turbopack: {} }":            Unset,
		"export default { turbopack: { rules: {} } }": Unset,
		"export default { webpack(config) { config.resolve.fallback = { fs: false }; return config } }": On,
		"module.exports = { webpack: (config) => config }":                                              On,
		"export default { turbopack: { resolveAlias: { fs: { browser: './empty.ts' } } } }":             On,
		"export default { experimental: { turbo: { resolveAlias: { fs: './empty.ts' } } } }":            On,
		"const config = {}\nconfig.webpack = (c) => c\nexport default config":                           On,
		"import base from './base.mjs'\nexport default { ...base }":                                     Unknown,
		"import base from './base.mjs'\nexport default { turbopack: base }":                             Unknown,
	} {
		c := Parse(syntax.MustParse([]byte(src), syntax.TSX), "next.config.mjs")
		if c.Resolution != want {
			t.Errorf("%s: Resolution %s, want %s", src, c.Resolution, want)
		}
	}
}

// TestTypeScriptOptions: typescript.ignoreBuildErrors and tsconfigPath.
func TestTypeScriptOptions(t *testing.T) {
	for src, want := range map[string][2]Flag{
		"export default {}": {Unset, Unset},
		"export default { typescript: { ignoreBuildErrors: true } }":             {On, Unset},
		"export default { typescript: { ignoreBuildErrors: false } }":            {Off, Unset},
		"export default { typescript: { tsconfigPath: 'tsconfig.build.json' } }": {Unset, On},
		"import ts from './ts.mjs'\nexport default { typescript: ts }":           {Unknown, Unknown},
	} {
		c := Parse(syntax.MustParse([]byte(src), syntax.TSX), "next.config.mjs")
		if got := [2]Flag{c.IgnoreBuildErrors, c.TSConfigPath}; got != want {
			t.Errorf("%s: ignoreBuildErrors, tsconfigPath %v, want %v", src, got, want)
		}
	}
}
