package nextconfig

import (
	"testing"
	"time"

	"github.com/rscls/rscls/analysis/vfs"
	"github.com/rscls/rscls/internal/test/fuzzseed"
)

// FuzzRead holds that any next.config text is read without a panic or a
// hang (the reader follows names, calls and wrappers through the file), and
// that every note it leaves lies inside the file.
func FuzzRead(f *testing.F) {
	for _, src := range []string{
		"module.exports = {}",
		"const a = b\nconst b = a\nexport default a\n",
		"const c = withA(withB)({ cacheComponents: true })\nexport default c\n",
		"export default function config() { return config() }\n",
		"module.exports = (phase) => ({ experimental: { useCache: phase === 'x', cacheHandlers: { [k]: 1, ...o } } })\n",
		"const x = { ...x, experimental: x.experimental }\nmodule.exports = x\n",
		"export default ({ experimental: { cacheComponents: true } } as any)\n",
	} {
		f.Add("next.config.ts", src)
		f.Add("next.config.mjs", src)
	}
	f.Fuzz(func(t *testing.T, name, src string) {
		switch name {
		case "next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts":
		default:
			name = "next.config.js"
		}
		stop := fuzzseed.Watchdog("reading "+name, 10*time.Second)
		defer stop()
		c := Read(vfs.MapFS{"/app/" + name: src}, "/app/"+name)
		for _, n := range c.Notes {
			if n.Offset < 0 || n.Offset > len(src) {
				t.Fatalf("note outside the file (%d bytes): %+v", len(src), n)
			}
		}
	})
}
