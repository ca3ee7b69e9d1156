package servqual

import (
	"strconv"
	"sync"
)

// The five SERVQUAL dimensions (RATER), in the standard order.
var servqualDimensions = []Dimension{
	{Key: "tangibles", Name: "Tangibles", Chinese: "有形性"},
	{Key: "reliability", Name: "Reliability", Chinese: "可靠性"},
	{Key: "responsiveness", Name: "Responsiveness", Chinese: "响应性"},
	{Key: "assurance", Name: "Assurance", Chinese: "保证性"},
	{Key: "empathy", Name: "Empathy", Chinese: "移情性"},
}

// servqualLabels paraphrases what each of the 22 items asks about; the
// wording is the library's own, not the published item text.
var servqualLabels = [22]string{
	"up-to-date equipment",
	"visually appealing facilities",
	"neat, professional staff",
	"appealing service materials",
	"keeps its promises on time",
	"sincere interest in solving problems",
	"gets the service right first time",
	"delivers when promised",
	"error-free records",
	"says exactly when service will happen",
	"prompt service",
	"always willing to help",
	"never too busy to respond",
	"staff inspire confidence",
	"customers feel safe in transactions",
	"staff are consistently courteous",
	"staff know enough to answer questions",
	"individual attention",
	"convenient opening hours",
	"personal attention from staff",
	"has customers' best interests at heart",
	"understands customers' specific needs",
}

// servqualSpec builds the 22-item SERVQUAL definition: items 1–4
// tangibles, 5–9 reliability, 10–13 responsiveness, 14–17 assurance,
// 18–22 empathy; reverse marks the 1988 negatively worded items.
func servqualSpec(name string, reverse func(item int) bool) Spec {
	items := make([]Item, 22)
	for i := range items {
		n := i + 1
		var d int
		switch {
		case n <= 4:
			d = 0
		case n <= 9:
			d = 1
		case n <= 13:
			d = 2
		case n <= 17:
			d = 3
		default:
			d = 4
		}
		items[i] = Item{
			Key:       "Q" + strconv.Itoa(n),
			Dimension: servqualDimensions[d].Key,
			Name:      servqualLabels[i],
			Reverse:   reverse(n),
		}
	}
	return Spec{
		Name:       name,
		Scale:      Scale{Min: 1, Max: 7},
		Dimensions: servqualDimensions,
		Items:      items,
		Outcomes:   []OutcomeRating{{Key: "overall", Name: "overall service quality", Scale: Scale{Min: 1, Max: 7}}},
	}
}

var (
	servqual1991 = sync.OnceValue(func() *Instrument {
		return mustInstrument(servqualSpec("SERVQUAL (1991)", func(int) bool { return false }))
	})
	servqual1988 = sync.OnceValue(func() *Instrument {
		return mustInstrument(servqualSpec("SERVQUAL (1988)", func(n int) bool { return n >= 10 && n <= 13 || n >= 18 }))
	})
)

// mustInstrument is for the package's own presets, whose definitions are
// fixed and tested; it cannot fail on data.
func mustInstrument(spec Spec) *Instrument {
	in, err := NewInstrument(spec)
	if err != nil {
		panic(err)
	}
	return in
}

// SERVQUAL returns the 22-item SERVQUAL instrument of Parasuraman,
// Zeithaml & Berry in its 1991 revision, the default: five dimensions in
// the standard order — tangibles (items Q1–Q4), reliability (Q5–Q9),
// responsiveness (Q10–Q13), assurance (Q14–Q17), empathy (Q18–Q22) — each
// item rated for expectation and perception on a 7-point scale, plus an
// "overall" service-quality rating (1–7) as the outcome for key-driver
// analysis.
//
// The 1991 revision words every item positively, which the authors adopted
// because the negatively worded items of 1988 confused respondents and
// lowered reliability (Parasuraman, Berry & Zeithaml 1991); it is therefore
// the default. Item labels are short paraphrases written for this library,
// not the published wording. The returned instrument is shared and
// immutable.
func SERVQUAL() *Instrument { return servqual1991() }

// SERVQUAL1988 returns the original 22-item SERVQUAL instrument
// (Parasuraman, Zeithaml & Berry 1988), in which the nine items of
// responsiveness (Q10–Q13) and empathy (Q18–Q22) were worded negatively
// and are therefore reverse-keyed: their ratings are flipped (8 − x on the
// 1–7 scale) before scoring. Use it for data collected with the 1988
// wording.
func SERVQUAL1988() *Instrument { return servqual1988() }
