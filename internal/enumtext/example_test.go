package enumtext_test

import (
	"errors"
	"fmt"

	"github.com/cxlab/satisfaction/internal/enumtext"
)

// A package keeps one Codec per enumeration and gives each method a line.
func Example() {
	errLevel := errors.New("invalid level")
	levels := enumtext.Codec{
		Table: enumtext.MustNew(enumtext.Labels{
			Type:        "Level",
			Token:       []string{"unknown", "dissatisfied", "satisfied"},
			English:     []string{"unknown", "dissatisfied", "satisfied"},
			Chinese:     []string{"未知", "不满意", "满意"},
			Alias:       map[string]int{"not satisfied": 1},
			EmptyIsZero: true,
		}),
		Pkg:  "survey",
		Noun: "satisfaction level",
		Err:  errLevel,
	}
	for _, s := range []string{"Satisfied", "不满意", " Not-Satisfied ", "", "happy"} {
		var v int
		err := levels.Unmarshal([]byte(s), false, func(i int) { v = i })
		fmt.Printf("%q: %d %s %s %v\n", s, v, levels.English(v), levels.Chinese(v), err)
	}
	_, err := levels.Marshal(7)
	fmt.Println(levels.English(7), errors.Is(err, errLevel), err)
	// Output:
	// "Satisfied": 2 satisfied 满意 <nil>
	// "不满意": 1 dissatisfied 不满意 <nil>
	// " Not-Satisfied ": 1 dissatisfied 不满意 <nil>
	// "": 0 unknown 未知 <nil>
	// "happy": 0 unknown 未知 survey: unknown satisfaction level "happy": invalid level
	// Level(7) true survey: cannot marshal Level(7): invalid level
}
