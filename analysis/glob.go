package analysis

import (
	"path"
	"strings"
)

// MatchGlob reports whether a slash-separated relative path matches a
// pattern in which * matches within one path segment and ** matches any
// number of segments. A pattern without a slash matches a file or
// directory name at any depth, as in .gitignore; a pattern that names a
// directory also matches everything below it.
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(strings.TrimSuffix(pattern, "/"), "./")
	if pattern == "" {
		return false
	}
	if !strings.Contains(pattern, "/") {
		pattern = "**/" + pattern
	}
	pp := strings.Split(pattern, "/")
	np := strings.Split(name, "/")
	for i := 1; i <= len(np); i++ {
		// A directory pattern covers its contents: try every prefix.
		if matchSegments(pp, np[:i]) {
			return true
		}
	}
	return false
}

func matchSegments(pp, np []string) bool {
	for len(pp) > 0 {
		if pp[0] == "**" {
			for k := 0; k <= len(np); k++ {
				if matchSegments(pp[1:], np[k:]) {
					return true
				}
			}
			return false
		}
		if len(np) == 0 {
			return false
		}
		if ok, err := path.Match(pp[0], np[0]); err != nil || !ok {
			return false
		}
		pp, np = pp[1:], np[1:]
	}
	return len(np) == 0
}
