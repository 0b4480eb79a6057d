// Package checkutil holds what several checks share.
package checkutil

import (
	"github.com/rscls/rscls/analysis/rsc"
)

// DocURL is the Next.js documentation page of each directive.
func DocURL(k rsc.DirectiveKind) string {
	switch k {
	case rsc.UseClient:
		return "https://nextjs.org/docs/app/api-reference/directives/use-client"
	case rsc.UseServer:
		return "https://nextjs.org/docs/app/api-reference/directives/use-server"
	case rsc.UseCache:
		return "https://nextjs.org/docs/app/api-reference/directives/use-cache"
	}
	return ""
}
