// Package checkutil holds what several checks share.
package checkutil
