package main

import (
	"strings"
	"unicode"
)

// padCJK pads s with spaces to w display columns, counting a CJK rune as
// two columns, so that Chinese labels line up in a table.
func padCJK(s string, w int) string {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) {
			n += 2
		} else {
			n++
		}
	}
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}
