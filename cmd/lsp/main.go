// Package lsp is the rscls command: the language server and the checker.
// Its main package is cmd/lsp/rscls, so that go install names the binary
// rscls, as users type it:
//
//	rscls                 speak the Language Server Protocol on stdio (same as rscls serve)
//	rscls check [PATH...] report findings for the projects at PATH (default: .)
//	rscls graph [PATH]    print the server/client boundary graph
//	rscls version         print the version
package lsp

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/rscls/rscls/analysis"
)

// version is set at build time with
// -ldflags "-X github.com/rscls/rscls/cmd/lsp.version=...".
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

const usageHead = `rscls: the React Server Components language server and checker

Usage:
  rscls check [flags] [PATH...]   check the Next.js projects at PATH (default: the current directory)
  rscls graph [flags] [PATH]      print the module graph of the project at PATH, or write it as a web page
  rscls serve [flags]             run the language server on standard input and output (also: bare rscls)
  rscls version                   print the version (also: rscls --version)
  rscls help                      print this help (also: rscls -h, rscls --help)
`

const usageTail = `
Exit status of rscls check: 0 when no error was found, 1 when one was, 2 on a
usage or configuration error.

Environment:
  RSCLS_CACHE_DIR   where per-file results are kept (default: the user cache
                    directory); "off" keeps none
  NO_COLOR          no colours in the output
  FORCE_COLOR       colours even when the output is not a terminal ("0": none)

Settings: rscls.json at the project (or monorepo) root and at an app's
directory; rscls check also reads those above the checked folder up to the
repository's root.
`

// usage is the whole help: every command with its flags.
func usage() string {
	var b strings.Builder
	b.WriteString(usageHead)
	for _, c := range []struct {
		name string
		fs   *flag.FlagSet
	}{
		{"check", newCheckFlags(io.Discard).fs},
		{"graph", newGraphFlags(io.Discard).fs},
		{"serve", newServeFlags(io.Discard).fs},
	} {
		fmt.Fprintf(&b, "\nrscls %s flags:\n", c.name)
		printFlags(&b, c.fs)
	}
	b.WriteString(usageTail)
	return b.String()
}

// printFlags lists a command's flags, aliases on one line
// ("-v, --verbose"), with their argument and default.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	aliases := map[string][]string{}
	fs.VisitAll(func(f *flag.Flag) {
		if target, ok := strings.CutPrefix(f.Usage, aliasPrefix); ok {
			aliases[target] = append(aliases[target], f.Name)
		}
	})
	type row struct{ names, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		if strings.HasPrefix(f.Usage, aliasPrefix) {
			return
		}
		var names []string
		for _, a := range aliases[f.Name] {
			names = append(names, "-"+a)
		}
		names = append(names, "--"+f.Name)
		arg, text := flag.UnquoteUsage(f)
		name := strings.Join(names, ", ")
		if arg != "" {
			name += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "false" {
			text += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		rows = append(rows, row{name, text})
		width = max(width, len(name))
	})
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.names, r.usage)
	}
}

// parseFlags parses a command's flags and reports whether the command is
// done, with its exit status. Help asked for (-h, --help) goes to standard
// output, where a person reads it (rscls check --help | less); a mistake
// goes to standard error, with the usage.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break // the flag package stops here too
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return 0, true
		}
	}
	// The flag package prints its error and the usage; a mistyped flag
	// gets a suggestion on the error's line.
	out := fs.Output()
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(out)
	text := buf.String()
	if name, ok := strings.CutPrefix(firstLine(text), "flag provided but not defined: "); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if c := analysis.Closest(strings.TrimLeft(name, "-"), names); c != "" {
			n := len(firstLine(text))
			text = text[:n] + " (did you mean --" + c + "?)" + text[n:]
		}
	}
	io.WriteString(out, text)
	switch {
	case err == flag.ErrHelp: // after a flag's value: the usage went to standard error
		return 0, true
	case err != nil:
		return exitUsage, true
	}
	return 0, false
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// aliasPrefix marks a flag that is another name of the flag it names.
const aliasPrefix = "alias of "

// Main runs the command with the arguments that follow its name and
// returns the process's exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, stdin, stdout, stderr)
}

// exitUsage is the exit status for usage errors.
const exitUsage = 2

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help", "help":
			fmt.Fprint(stdout, usage())
			return 0
		case "-version", "--version", "version":
			fmt.Fprintf(stdout, "rscls %s\n", versionString())
			return 0
		}
	}
	cmd := "serve"
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args, stdin, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "graph":
		return runGraph(args, stdout, stderr)
	}
	fmt.Fprintf(stderr, "rscls: unknown command %q\n\n%s", cmd, usage())
	return exitUsage
}
