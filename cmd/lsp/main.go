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
	"fmt"
	"io"
	"runtime/debug"
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

const usage = `rscls: the React Server Components language server and checker

Usage:
  rscls [serve] [--log FILE]       run the language server on stdin/stdout
  rscls check [flags] [PATH...]    check the projects at PATH (default: the current directory)
  rscls graph [flags] [PATH]       print the server/client boundary graph
  rscls version                    print the version

Run "rscls check -h" or "rscls graph -h" for their flags.
`

// Main runs the command with the arguments that follow its name and
// returns the process's exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, stdin, stdout, stderr)
}

// exitUsage is the exit status for usage errors.
const exitUsage = 2

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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
	case "version":
		fmt.Fprintf(stdout, "rscls %s\n", versionString())
		return 0
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "rscls: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}
