package rsc

import "testing"

func TestMayHaveDirective(t *testing.T) {
	for src, want := range map[string]bool{
		`'use client'`:  true,
		`"use server";`: true,
		"export async function f() {\n  'use cache: remote'\n}": true,
		`// use cache`:      true, // a comment: the text is there
		`'use\u0020client'`: false,
		`'usa client'`:      false,
		`use clien`:         false,
		`useclient`:         false,
		``:                  false,
		`use use client`:    true,
	} {
		if got := MayHaveDirective([]byte(src)); got != want {
			t.Errorf("MayHaveDirective(%q) = %v, want %v", src, got, want)
		}
	}
	// Every directive ParseDirective accepts has the text.
	for _, d := range []string{"use client", "use server", "use cache", "use cache: remote", "use cache: x"} {
		if k, _ := ParseDirective(d); k == NoDirective {
			t.Fatalf("%q is no directive", d)
		}
		if !MayHaveDirective([]byte("x = 1;\n'" + d + "'")) {
			t.Errorf("MayHaveDirective misses %q", d)
		}
	}
}
