package lsp

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/rscls/rscls/internal/graphview"
)

func runGraph(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "dot", "output format: "+strings.Join(graphview.Formats, ", "))
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: rscls graph [--format dot|mermaid|json] [PATH]\n\nPrints the module graph of the project at PATH (default: .): each module\ncoloured by the environment it runs in, and the imports where the client\ngraph starts (\"use client\") marked.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return exitUsage
	}
	if !contains(graphview.Formats, *format) {
		fmt.Fprintf(stderr, "rscls graph: unknown format %q (want %s)\n", *format, strings.Join(graphview.Formats, ", "))
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "rscls graph: one PATH at most")
		return exitUsage
	}
	root := "."
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		fmt.Fprintf(stderr, "rscls graph: %v\n", err)
		return exitUsage
	}
	snap, err := loadWorkspace(abs, true)
	if err != nil {
		fmt.Fprintf(stderr, "rscls graph: %v\n", err)
		return exitUsage
	}
	if err := graphview.Write(stdout, *format, graphview.Describe(snap)); err != nil {
		fmt.Fprintf(stderr, "rscls graph: %v\n", err)
		return 1
	}
	return 0
}
