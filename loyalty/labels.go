package loyalty

import (
	"fmt"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// labelWords words the MarshalText and UnmarshalText errors of the
// package's enumerations; the errors wrap [ErrInvalid].
var labelWords = &enumtext.Words{
	BadValue: func(c enumtext.Codec, v int) string {
		return fmt.Sprintf("cannot marshal %s(%d): not a value of the enumeration", c.Type(), v)
	},
	NilReceiver: func(c enumtext.Codec) string {
		return c.Type() + ".UnmarshalText into a nil pointer"
	},
	UnknownText: func(c enumtext.Codec, text string) string {
		last, _ := c.Token(c.Len() - 1)
		return fmt.Sprintf("%s.UnmarshalText: unknown text %q (want a token such as %q, or an English or Chinese label)",
			c.Type(), text, last)
	},
}

// newLabels returns the codec of an enumeration of this package.
func newLabels(l enumtext.Labels) enumtext.Codec {
	return enumtext.Codec{Table: enumtext.MustNew(l), Pkg: "loyalty", Err: ErrInvalid, Words: labelWords}
}
