package main

import (
	"strconv"
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

// num formats x with prec decimals, printing a zero that rounds to zero
// as "0.00" — never "-0.00".
func num(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Trim(s, "-0.") == "" {
		return strconv.FormatFloat(0, 'f', prec, 64)
	}
	return s
}

// signed is num with a "+" on positive values that do not round to zero.
func signed(x float64, prec int) string {
	s := num(x, prec)
	if x > 0 && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}
