// Package nextfixtures measures rscls against the error fixtures of the
// Next.js compiler (testdata/nextjs-errors, see SOURCE.md there).
//
// Each fixture module is placed in a small App Router project that
// reproduces the setting of the Next.js test harness for its folder: the
// server graph or the client graph, an app directory or not, and the
// next.config flags. rscls runs over that project the way `rscls check`
// does, and every error Next.js reports (the `x` entries of output.stderr)
// is looked up on the line Next points at. A fixture without
// output.stderr compiles, so rscls must stay silent on it.
//
// The test is a ratchet: EXPECTED lists the cases rscls gets right. A
// listed case that fails, or an unlisted case that passes, fails the test;
// so does a stale coverage table in SOURCE.md. Run with -update to rewrite
// both after a change in coverage.
package nextfixtures
