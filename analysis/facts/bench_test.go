package facts

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rscls/rscls/analysis/syntax"
)

type corpusFile struct {
	src  []byte
	lang syntax.Lang
}

// corpus loads every JS/TS source of the repository's test data.
func corpus(b *testing.B) ([]corpusFile, int64) {
	var files []corpusFile
	var total int64
	for _, root := range []string{"../../testdata", "../checks"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(path, "node_modules") {
				return nil
			}
			lang, ok := syntax.LangForPath(path)
			if !ok {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			files = append(files, corpusFile{src, lang})
			total += int64(len(src))
			return nil
		})
	}
	if len(files) == 0 {
		b.Fatal("no test data found")
	}
	return files, total
}

// BenchmarkParse is parsing alone: the baseline for BenchmarkParseAndExtract.
func BenchmarkParse(b *testing.B) {
	files, total := corpus(b)
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		for _, f := range files {
			syntax.MustParse(f.src, f.lang)
		}
	}
}

// BenchmarkParseAndExtract reports parse + fact extraction throughput (MB/s)
// over the test data corpus.
func BenchmarkParseAndExtract(b *testing.B) {
	files, total := corpus(b)
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		for _, f := range files {
			Extract(syntax.MustParse(f.src, f.lang))
		}
	}
}
