// Package txtar reads and writes the txtar archives of the marker tests:
// a comment, then files, each introduced by a "-- name --" line.
package txtar

import (
	"fmt"
	"strings"
)

// File is one file of an archive.
type File struct {
	Name string
	Data string
}

// Parse splits an archive into its comment and files.
func Parse(data string) (comment string, files []File) {
	var head strings.Builder
	for _, line := range strings.SplitAfter(data, "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			files = append(files, File{Name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			continue
		}
		if len(files) == 0 {
			head.WriteString(line)
		} else {
			files[len(files)-1].Data += line
		}
	}
	return head.String(), files
}

// Format is the inverse of Parse; each file's data ends with a newline.
func Format(comment string, files []File) string {
	var b strings.Builder
	b.WriteString(comment)
	for _, f := range files {
		fmt.Fprintf(&b, "-- %s --\n", f.Name)
		b.WriteString(f.Data)
		if f.Data != "" && !strings.HasSuffix(f.Data, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}
