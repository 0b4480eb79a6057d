// Command rscls is the React Server Components language server and
// checker; its code is package cmd/lsp.
package main

import (
	"os"

	"github.com/rscls/rscls/cmd/lsp"
)

func main() {
	os.Exit(lsp.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
