package lsp

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

type serveFlags struct {
	fs      *flag.FlagSet
	logFile *string
}

func newServeFlags(stderr io.Writer) serveFlags {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := serveFlags{fs: fs}
	f.logFile = fs.String("log", "", "also write the server's whole log to `FILE`")
	// Clients that start servers with a transport flag (vscode-languageclient,
	// some Neovim and Emacs setups) add --stdio; standard input and output
	// are the only transport, so it is accepted and changes nothing.
	fs.Bool("stdio", true, "speak LSP on standard input and output (the default and only transport)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: rscls [serve] [--log FILE]\n\nSpeaks the Language Server Protocol on standard input and output.\nOnce the editor has connected, the log goes to the editor (window/logMessage);\nbefore that, and after it leaves, to standard error.\n\nFlags:\n")
		printFlags(fs.Output(), fs)
	}
	return f
}

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newServeFlags(stderr)
	fs, logFile := f.fs, f.logFile
	if code, done := parseFlags(fs, args, stdout); done {
		return code
	}
	if isTerminal(stdin) {
		// A person ran rscls at a prompt: editors start it with pipes.
		fmt.Fprintln(stderr, "rscls: this is the language server; it waits for an editor's LSP messages on standard input (Ctrl-D ends it).\nTo check a project, run \"rscls check\"; \"rscls --help\" lists the commands.")
	}
	var log io.Writer
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "rscls serve: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		log = f
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := protocol.Options{
		FS:        osfs.NewConfined(),
		Analyzers: suite.Analyzers,
		Log:       log,
		Console:   stderr,
		Version:   versionString(),
	}
	if dir := factcache.Dir(); dir != "" {
		opts.Cache = func(folder string) protocol.FolderCache {
			return factcache.Open(dir, folder, factcache.ExecutableSalt())
		}
	}
	return protocol.Serve(ctx, stdio{stdin, stdout}, opts)
}
