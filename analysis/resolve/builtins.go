package resolve

import "strings"

// nodeBuiltins are the modules Node.js provides without the "node:" prefix
// (Node.js 22, module.builtinModules).
var nodeBuiltins = toSet(
	"assert", "assert/strict", "async_hooks", "buffer", "child_process",
	"cluster", "console", "constants", "crypto", "dgram",
	"diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs",
	"fs/promises", "http", "http2", "https", "inspector",
	"inspector/promises", "module", "net", "os", "path", "path/posix",
	"path/win32", "perf_hooks", "process", "punycode", "querystring",
	"readline", "readline/promises", "repl", "stream", "stream/consumers",
	"stream/promises", "stream/web", "string_decoder", "sys", "timers",
	"timers/promises", "tls", "trace_events", "tty", "url", "util",
	"util/types", "v8", "vm", "wasi", "worker_threads", "zlib",
)

// prefixOnlyBuiltins exist only as "node:name".
var prefixOnlyBuiltins = toSet("sea", "sqlite", "test", "test/reporters")

func toSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// IsBuiltin reports whether specifier names a Node.js builtin module, with or
// without the "node:" prefix.
func IsBuiltin(specifier string) bool {
	if name, ok := strings.CutPrefix(specifier, "node:"); ok {
		return nodeBuiltins[name] || prefixOnlyBuiltins[name]
	}
	return nodeBuiltins[specifier]
}
