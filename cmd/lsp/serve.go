package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/internal/factcache"
	"github.com/rscls/rscls/internal/osfs"
	"github.com/rscls/rscls/protocol"
)

// stdio joins standard input and output into the stream LSP runs on.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	logFile := fs.String("log", "", "also write the server's log to `FILE`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: rscls [serve] [--log FILE]\n\nSpeaks the Language Server Protocol on standard input and output.\nThe log goes to standard error.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return exitUsage
	}
	var log io.Writer = stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "rscls serve: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		log = io.MultiWriter(stderr, f)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return protocol.Serve(ctx, stdio{stdin, stdout}, protocol.Options{
		FS:        osfs.FS{},
		Analyzers: suite.Analyzers,
		Log:       log,
		Version:   versionString(),
		CacheDir:  factcache.Dir(),
	})
}
