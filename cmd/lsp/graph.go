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
	fs         *flag.FlagSet
	format     *string
	focus      *string
	depth      *int
	boundaries *bool
}

func newGraphFlags(stderr io.Writer) graphFlags {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := graphFlags{fs: fs}
	f.format = fs.String("format", "dot", "output `FORMAT`: "+strings.Join(graphview.Formats, ", ")+" (html: one page to open in a browser, with search, pan and zoom)")
	f.focus = fs.String("focus", "", "show `FILE`, the modules that import it up to the entries and its imports down to the boundaries")
	f.depth = fs.Int("depth", 0, "show modules at most `N` imports from the focus, or from the entries (0: no limit)")
	f.boundaries = fs.Bool("boundaries", false, "show only where the environments meet: imports of 'use client' modules from the server and of 'use server' modules from the client")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: rscls graph [flags] [PATH]\n\nPrints the module graph of the project at PATH (default: .): each module\ncoloured by the environment it runs in, and the imports where the client\ngraph starts (\"use client\") marked. For a large app, --focus, --depth\nand --boundaries show a part; --format html writes a page that shows all of it.\n\nFlags:\n")
		printFlags(fs.Output(), fs)
	}
	return f
}

func runGraph(args []string, stdout, stderr io.Writer) int {
	f := newGraphFlags(stderr)
	fs, format := f.fs, f.format
	if code, done := parseFlags(fs, args, stdout); done {
		return code
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
	if *f.depth < 0 {
		fmt.Fprintln(stderr, "rscls graph: --depth must be 0 or more")
		return exitUsage
	}
	st, err := findSettings(abs, "")
	if err != nil {
		fmt.Fprintf(stderr, "rscls graph: %v\n", err)
		return exitUsage
	}
	snap, err := loadWorkspace(abs, loadOptions{cache: true, settings: st})
	if err != nil {
		fmt.Fprintf(stderr, "rscls graph: %v\n", err)
		return exitUsage
	}
	d := graphview.Describe(snap)
	switch {
	case *f.focus != "":
		file, err := filepath.Abs(*f.focus)
		if err != nil {
			fmt.Fprintf(stderr, "rscls graph: %v\n", err)
			return exitUsage
		}
		if d, err = d.Focus(snap.Rel(file), *f.depth); err != nil {
			fmt.Fprintf(stderr, "rscls graph --focus: %v\n", err)
			return exitUsage
		}
	case *f.depth > 0:
		d = d.Limit(*f.depth)
	}
	if *f.boundaries {
		d = d.Boundaries()
	}
	if err := graphview.Write(stdout, *format, d); err != nil {
		fmt.Fprintf(stderr, "rscls graph: %v\n", err)
		return 1
	}
	return 0
}
