package enumtexttest_test

import (
	"fmt"

	"github.com/cxlab/satisfaction/internal/enumtext/enumtexttest"
)

// A table test of an enumeration lists one Row per value and passes the
// rows to Check with the package's error prefix and sentinel, e.g.
//
//	enumtexttest.Check(t, "ep: ", "Level", rows, ep.ErrLevel, true)
func ExampleR() {
	row := enumtexttest.R(1, "very_dissatisfied", "very dissatisfied", "极度不满意", "1")
	fmt.Println(row.Token, "|", row.English, "|", row.Chinese, "|", row.Aliases)
	// Output: very_dissatisfied | very dissatisfied | 极度不满意 | [1]
}
