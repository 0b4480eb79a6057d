package lsp

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/rscls/rscls/internal/graphview"
)

type graphFlags struct {
	fs     *flag.FlagSet
	format *string
}

func newGraphFlags(stderr io.Writer) graphFlags {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := graphFlags{fs: fs}
	f.format = fs.String("format", "dot", "output `FORMAT`: "+strings.Join(graphview.Formats, ", "))
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: rscls graph [flags] [PATH]\n\nPrints the module graph of the project at PATH (default: .): each module\ncoloured by the environment it runs in, and the imports where the client\ngraph starts (\"use client\") marked.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	return f
}

func runGraph(args []string, stdout, stderr io.Writer) int {
	f := newGraphFlags(stderr)
	fs, format := f.fs, f.format
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
	snap, err := loadWorkspace(abs, loadOptions{cache: true})
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
