package btyd

import (
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// moneyFloat is the float64 nearest to the decimal: the fast path agrees
// with strconv.ParseFloat (correctly rounded) on its whole range, the
// slow path too, and amounts beyond the float64 range cost nothing.
func TestMoneyFloat(t *testing.T) {
	for _, s := range []string{"0", "-0", "22.345", "22.3450", "0.1", "-0.1", "1e22", "123456789012345", "1234567890123456",
		"999999999999999e22", "9.99999999999999e-23", "0.0000000000000000000001", "1e-300", "4.9e-324", "2e-324", "1e-400",
		"1.7976931348623157e308", "1.8e308", "1e400", "-1e400", "17976931348623157e292", "0.30000000000000004441"} {
		d := decimal.RequireFromString(s)
		want, _ := strconv.ParseFloat(s, 64) // ±Inf beyond the range
		if got := moneyFloat(d); got != want {
			t.Errorf("moneyFloat(%s) = %v, want %v", s, got, want)
		}
	}
	start := time.Now()
	for _, d := range []decimal.Decimal{decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32), decimal.New(-7, 1_000_000_000)} {
		got := moneyFloat(d)
		if d.Exponent() > 0 && !math.IsInf(got, d.Sign()) || d.Exponent() < 0 && got != 0 {
			t.Errorf("moneyFloat(1e%d) = %v", d.Exponent(), got)
		}
	}
	if time.Since(start) > 100*time.Millisecond {
		t.Errorf("huge exponents took %v", time.Since(start))
	}
}

// FuzzMoneyFloat checks the conversion of decimal money to float64
// against strconv.ParseFloat (correctly rounded) on the decimal's text,
// wherever the text is short enough to build.
func FuzzMoneyFloat(f *testing.F) {
	f.Add(int64(22345), int32(-3))
	f.Add(int64(999999999999999), int32(22))
	f.Add(int64(1000000000000000), int32(-23))
	f.Add(int64(1), int32(999999999))
	f.Add(int64(-17976931348623157), int32(292))
	f.Add(int64(49), int32(-325))
	f.Fuzz(func(t *testing.T, coef int64, exp int32) {
		d := decimal.New(coef, exp)
		got := moneyFloat(d)
		if mag := d.NumDigits() + int(exp); exp < -400 || exp > 400 || mag > 400 {
			if math.IsNaN(got) {
				t.Fatalf("moneyFloat(%de%d) = NaN", coef, exp)
			}
			return
		}
		want, _ := strconv.ParseFloat(d.String(), 64)
		if got != want {
			t.Fatalf("moneyFloat(%s) = %v, want %v", d, got, want)
		}
	})
}
