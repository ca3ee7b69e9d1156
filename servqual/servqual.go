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

// servqualChinese gives the items' labels in Chinese, in the same order.
var servqualChinese = [22]string{
	"设备先进",
	"设施美观",
	"员工仪表整洁、专业",
	"服务资料美观",
	"按时履行承诺",
	"真诚解决顾客问题",
	"第一次就把服务做好",
	"在承诺的时间提供服务",
	"记录准确无误",
	"告知服务的确切时间",
	"提供及时的服务",
	"总是乐于帮助顾客",
	"再忙也会回应顾客",
	"员工值得信赖",
	"交易时顾客感到放心",
	"员工始终礼貌待客",
	"员工有足够知识回答问题",
	"给予顾客个别关照",
	"营业时间方便",
	"员工给予个性化关心",
	"以顾客利益为重",
	"了解顾客的具体需求",
}

// servqualSpec builds the 22-item SERVQUAL definition: items 1–4
// tangibles, 5–9 reliability, 10–13 responsiveness, 14–17 assurance,
// 18–22 empathy; reverse marks the 1988 negatively worded items.
func servqualSpec(name, chinese string, reverse func(item int) bool) Spec {
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
			Chinese:   servqualChinese[i],
			Reverse:   reverse(n),
		}
	}
	return Spec{
		Name:       name,
		Chinese:    chinese,
		Scale:      Scale{Min: 1, Max: 7},
		Dimensions: servqualDimensions,
		Items:      items,
		Outcomes:   []OutcomeRating{{Key: "overall", Name: "overall service quality", Chinese: "总体服务质量", Scale: Scale{Min: 1, Max: 7}}},
	}
}

var (
	servqual1991 = sync.OnceValue(func() *Instrument {
		return mustInstrument(servqualSpec("SERVQUAL (1991)", "SERVQUAL 服务质量量表（1991）", func(int) bool { return false }))
	})
	servqual1988 = sync.OnceValue(func() *Instrument {
		return mustInstrument(servqualSpec("SERVQUAL (1988)", "SERVQUAL 服务质量量表（1988）", func(n int) bool { return n >= 10 && n <= 13 || n >= 18 }))
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
// the default. Item labels (English Name and Chinese) are short
// paraphrases written for this library, not the published wording; the
// dimensions carry the standard Chinese terms (有形性, 可靠性, 响应性, 保证性,
// 移情性). The returned instrument is shared and
// immutable.
func SERVQUAL() *Instrument { return servqual1991() }

// SERVQUAL1988 returns the original 22-item SERVQUAL instrument
// (Parasuraman, Zeithaml & Berry 1988), in which the nine items of
// responsiveness (Q10–Q13) and empathy (Q18–Q22) were worded negatively
// and are therefore reverse-keyed: their ratings are flipped (8 − x on the
// 1–7 scale) before scoring. Use it for data collected with the 1988
// wording.
func SERVQUAL1988() *Instrument { return servqual1988() }
