package servqual

import (
	"fmt"
	"strings"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// labelWords words the MarshalText and UnmarshalText errors of the
// package's enumerations; the errors wrap [ErrArgument], and the one
// about unknown text lists the tokens.
var labelWords = &enumtext.Words{
	BadValue: func(c enumtext.Codec, v int) string {
		return fmt.Sprintf("MarshalText: %s(%d) is not a %s", c.Type(), v, c.Noun)
	},
	NilReceiver: func(c enumtext.Codec) string { return "UnmarshalText: nil *" + c.Type() },
	UnknownText: func(c enumtext.Codec, text string) string {
		tok := c.Tokens()
		want := strings.Join(tok[:len(tok)-1], ", ") + " or " + tok[len(tok)-1]
		return fmt.Sprintf("unknown %s %q (want %s)", c.Noun, text, want)
	},
}

// newLabels returns the codec of an enumeration of this package whose
// values are called noun in messages.
func newLabels(noun string, l enumtext.Labels) enumtext.Codec {
	return enumtext.Codec{Table: enumtext.MustNew(l), Pkg: "servqual", Noun: noun, Err: ErrArgument, Words: labelWords}
}
