package btyd_test

import (
	"math"
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// pnbdDERTRef holds DERT from the published closed form (Fader, Hardie &
// Lee 2005, JMR 42(4), eq. 2) in mpmath 1.3 at 40 digits, with the
// likelihood L of the Pareto/NBD note (eq. 18) by mp.hyp2f1:
//
//	delta = log(1 + d)
//	dert = al**r * be**s * delta**(s-1) * gamma(r+x+1) * hyperu(s, s, delta*(be+T)) / (gamma(r) * (al+T)**(r+x+1) * L(r, al, s, be, x, tx, T))
var pnbdDERTRef = []struct {
	r, alpha, s, beta float64
	x                 int
	tx, T, d, want    float64
}{
	{0.5533, 10.5776, 0.6062, 11.6679, 0, 0, 38.86, 0.0029, 0.45702568988670219},
	{0.5533, 10.5776, 0.6062, 11.6679, 0, 0, 38.86, 0.1, 0.031273966258555929},
	{0.5533, 10.5776, 0.6062, 11.6679, 0, 0, 38.86, 1, 0.004685868695810732},
	{0.5533, 10.5776, 0.6062, 11.6679, 2, 30.43, 38.86, 0.0029, 6.2114638155294889},
	{0.5533, 10.5776, 0.6062, 11.6679, 2, 30.43, 38.86, 0.1, 0.4250463684684052},
	{0.5533, 10.5776, 0.6062, 11.6679, 2, 30.43, 38.86, 1, 0.063685925085669025},
	{0.5533, 10.5776, 0.6062, 11.6679, 7, 35, 38.86, 0.0029, 19.790262741671914},
	{0.5533, 10.5776, 0.6062, 11.6679, 7, 35, 38.86, 0.1, 1.3542346150922847},
	{0.5533, 10.5776, 0.6062, 11.6679, 7, 35, 38.86, 1, 0.2029088839317961},
	{0.5533, 10.5776, 0.6062, 11.6679, 1, 1.71, 38.86, 0.0029, 0.72987551845005009},
	{0.5533, 10.5776, 0.6062, 11.6679, 1, 1.71, 38.86, 0.1, 0.049944899908387053},
	{0.5533, 10.5776, 0.6062, 11.6679, 1, 1.71, 38.86, 1, 0.0074833886134312704},
	{0.25, 4, 3, 100, 0, 0, 38.86, 0.0029, 0.097862506145243876},
	{0.25, 4, 3, 100, 0, 0, 38.86, 0.1, 0.015886619569089384},
	{0.25, 4, 3, 100, 0, 0, 38.86, 1, 0.0025724643962928367},
	{0.25, 4, 3, 100, 2, 30.43, 38.86, 0.0029, 2.2051244404929763},
	{0.25, 4, 3, 100, 2, 30.43, 38.86, 0.1, 0.35797134641759379},
	{0.25, 4, 3, 100, 2, 30.43, 38.86, 1, 0.057965040299951816},
	{0.25, 4, 3, 100, 7, 35, 38.86, 0.0029, 7.9922907306640239},
	{0.25, 4, 3, 100, 7, 35, 38.86, 0.1, 1.2974374694142201},
	{0.25, 4, 3, 100, 7, 35, 38.86, 1, 0.21008948328934323},
	{0.25, 4, 3, 100, 1, 1.71, 38.86, 0.0029, 0.2241871512405708},
	{0.25, 4, 3, 100, 1, 1.71, 38.86, 0.1, 0.036393672350377942},
	{0.25, 4, 3, 100, 1, 1.71, 38.86, 1, 0.005893099281728482},
	{1.9, 98, 0.1, 0.5, 0, 0, 38.86, 0.0029, 2.0737682172131626},
	{1.9, 98, 0.1, 0.5, 0, 0, 38.86, 0.1, 0.074351723975645745},
	{1.9, 98, 0.1, 0.5, 0, 0, 38.86, 1, 0.0104101252677357},
	{1.9, 98, 0.1, 0.5, 2, 30.43, 38.86, 0.0029, 7.9400458882747513},
	{1.9, 98, 0.1, 0.5, 2, 30.43, 38.86, 0.1, 0.28467795742009992},
	{1.9, 98, 0.1, 0.5, 2, 30.43, 38.86, 1, 0.039858298358718475},
	{1.9, 98, 0.1, 0.5, 7, 35, 38.86, 0.0029, 18.405468932089314},
	{1.9, 98, 0.1, 0.5, 7, 35, 38.86, 0.1, 0.65989937270813232},
	{1.9, 98, 0.1, 0.5, 7, 35, 38.86, 1, 0.092393757221312683},
	{1.9, 98, 0.1, 0.5, 1, 1.71, 38.86, 0.0029, 3.6538143463054939},
	{1.9, 98, 0.1, 0.5, 1, 1.71, 38.86, 0.1, 0.13100181277724534},
	{1.9, 98, 0.1, 0.5, 1, 1.71, 38.86, 1, 0.018341811169816107},
	{0.5, 2, 1, 3, 0, 0, 38.86, 0.0029, 0.024543773717372804},
	{0.5, 2, 1, 3, 0, 0, 38.86, 0.1, 0.0027239705923044155},
	{0.5, 2, 1, 3, 0, 0, 38.86, 1, 0.00043931060030210936},
	{0.5, 2, 1, 3, 2, 30.43, 38.86, 0.0029, 3.5484383201587152},
	{0.5, 2, 1, 3, 2, 30.43, 38.86, 0.1, 0.39382051611226573},
	{0.5, 2, 1, 3, 2, 30.43, 38.86, 1, 0.063513728023841834},
	{0.5, 2, 1, 3, 7, 35, 38.86, 0.0029, 12.431301045919418},
	{0.5, 2, 1, 3, 7, 35, 38.86, 0.1, 1.3796777489518144},
	{0.5, 2, 1, 3, 7, 35, 38.86, 1, 0.22250866504499673},
	{0.5, 2, 1, 3, 1, 1.71, 38.86, 0.0029, 0.024379092950178423},
	{0.5, 2, 1, 3, 1, 1.71, 38.86, 0.1, 0.0027056936324480711},
	{0.5, 2, 1, 3, 1, 1.71, 38.86, 1, 0.00043636296855128505},
}

func TestParetoNBDDiscountedResidualPurchases(t *testing.T) {
	approx := cmpopts.EquateApprox(1e-10, 0)
	for _, c := range pnbdDERTRef {
		m := btyd.ParetoNBD{R: c.r, Alpha: c.alpha, S: c.s, Beta: c.beta}
		h := btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T}
		if got := m.DiscountedResidualPurchases(c.d, h); !cmp.Equal(got, c.want, approx) {
			t.Errorf("%+v.DiscountedResidualPurchases(%v, %+v) = %.17g, want %.17g", m, c.d, h, got, c.want)
		}
	}
	// A far corner by hand: a new customer (alive, E[λ] = r/α = 1) with
	// s = 1e6, β = 1e-3 and δ ≈ 1e-9: ∫₀^∞ (β/(β+u))^s du = β/(s−1), and
	// the discount changes it by a relative δ·β/s ≈ 1e-18.
	corner := btyd.ParetoNBD{R: 1, Alpha: 1, S: 1e6, Beta: 1e-3}
	if got, want := corner.DiscountedResidualPurchases(1e-9, btyd.Summary{}), 1e-3/(1e6-1); math.Abs(got-want) > 1e-10*want {
		t.Errorf("corner: DERT = %.17g, want %.17g", got, want)
	}
	m := btyd.ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	h := btyd.Summary{Frequency: 2, Recency: 30.43, T: 38.86}
	for _, d := range []float64{0, -0.1, 1.5, math.NaN()} {
		if v := m.DiscountedResidualPurchases(d, h); !math.IsNaN(v) {
			t.Errorf("DiscountedResidualPurchases(%v) = %v, want NaN", d, v)
		}
	}
}

func FuzzParetoNBDDiscountedResidualPurchases(f *testing.F) {
	for i, s := range pnbdSeeds {
		h := pnbdHistories[i%len(pnbdHistories)]
		f.Add(s[0], s[1], s[2], s[3], []float64{0.0029, 0.1, 1, 1e-9, 0, 2}[i%6], int(h[0]), h[1], h[2])
	}
	f.Fuzz(func(t *testing.T, r, alpha, s, beta, d float64, x int, tx, T float64) {
		m := btyd.ParetoNBD{R: r, Alpha: alpha, S: s, Beta: beta}
		v := m.DiscountedResidualPurchases(d, btyd.Summary{Frequency: x, Recency: tx, T: T})
		if !inParam(r, alpha, s, beta) || !validHist(x, tx, T) || !(d >= btyd.MinDiscount && d <= btyd.MaxDiscount) {
			checkNaN(t, "DiscountedResidualPurchases", v)
			return
		}
		// At most the undiscounted purchases of a customer who never
		// dies: E[λ | x, T]/δ.
		checkNumber(t, "DiscountedResidualPurchases", v, 0, (r+float64(x))/(alpha+T)/math.Log1p(d))
	})
}
