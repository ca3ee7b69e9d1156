package btyd

import (
	"math"

	"github.com/shopspring/decimal"
)

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// moneyFloat returns the float64 nearest to d: +Inf (or −Inf) beyond
// math.MaxFloat64 and 0 below the smallest denormal. Amounts with at most
// 15 significant digits and at most 22 decimal places — every amount of
// a real transaction log — take an exact fast path (one correctly rounded
// division or multiplication of two exactly representable numbers, as
// strconv does); others go through decimal's exact conversion, after a
// check of the exponent so that an amount like 1e999999999 cannot make
// it build a billion-digit power of ten.
func moneyFloat(d decimal.Decimal) float64 {
	if d.IsZero() {
		return 0
	}
	exp := int(d.Exponent())
	if exp >= -22 && exp <= 22 && d.NumDigits() <= 15 {
		c := float64(d.CoefficientInt64()) // |c| < 10¹⁵ < 2⁵³: exact
		if exp < 0 {
			return c / pow10[-exp]
		}
		return c * pow10[exp]
	}
	// Magnitude: d = coefficient · 10^exp with NumDigits digits.
	mag := d.NumDigits() + exp
	switch {
	case mag > 310:
		return math.Inf(d.Sign())
	case mag < -330:
		return 0
	}
	return d.InexactFloat64()
}

// moneyCents converts a float64 amount to decimal money, rounded half away
// from zero to cents. The float64 value is converted with
// decimal.NewFromFloat (the shortest decimal that reads back as the same
// float64) before rounding, so the cents are exact for the float
// computation, which carries about 15 significant digits. ok is false
// for NaN and ±Inf.
func moneyCents(v float64) (d decimal.Decimal, ok bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromFloat(v).Round(2), true
}
