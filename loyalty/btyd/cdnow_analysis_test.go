package btyd_test

import (
	"math"
	"testing"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestCDNOWAnalysis is the 39 + 39-week analysis of the CDNOW log: fit
// BG/NBD, Pareto/NBD and MBG/NBD to the calibration weeks, compare them,
// and check the BG/NBD on the holdout weeks with every diagnostic.
//
// Independent values (/usr/bin/python3, NumPy 1.24, SciPy 1.10): the
// summary rebuilt from CDNOW_sample.txt (distinct days, weeks = days/7,
// calibration to 1997-09-30, holdout to 1998-06-30), the BG/NBD
// likelihood of Fader, Hardie & Lee (2005) eq. (6) maximised by
// Nelder–Mead then BFGS on the log-parameters, and at that estimate
// eq. (8) for P(X(t) = n), eq. (10) for the conditional expectation,
// eq. (7) for E[X(t)]:
//
//	def ll(p):  # FHL 2005 eq. (6)
//	    r, al, a, b = p
//	    A1 = gammaln(r+x) - gammaln(r) + r*np.log(al)
//	    A2 = betaln(a, b+x) - betaln(a, b)
//	    A3 = -(r+x)*np.log(al+T)
//	    A4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b+x-1, 1e-300)) - (r+x)*np.log(al+tx), -np.inf)
//	    return (A1 + A2 + np.logaddexp(A3, A4)).sum()
//	res = minimize(lambda lp: -ll(np.exp(lp)), np.zeros(4), method='Nelder-Mead', options={'xatol':1e-12,'fatol':1e-12,'maxiter':40000,'maxfev':40000})
//	res = minimize(lambda lp: -ll(np.exp(lp)), res.x, method='BFGS', options={'gtol':1e-9})
//	r, al, a, b = np.exp(res.x); LL = ll(np.exp(res.x)); k, N = 4, len(x)
//	print('AIC', repr(2*k-2*LL), 'BIC', repr(k*np.log(N)-2*LL))
//	def EX(t): return (a+b-1)/(a-1)*(1-(al/(al+t))**r*hyp2f1(r, b, a+b-1, t/(al+t)))
//	def PX(n, t):  # FHL 2005 eq. (8)
//	    lg = lambda j: gammaln(r+j) - gammaln(r) - gammaln(j+1)
//	    p = np.exp(betaln(a, b+n) - betaln(a, b) + lg(n) + r*np.log(al/(al+t)) + n*np.log(t/(al+t)))
//	    if n > 0:
//	        s = sum(np.exp(lg(j) + j*np.log(t/(al+t))) for j in range(n))
//	        p += np.exp(betaln(a+1, b+n-1) - betaln(a, b)) * (1 - (al/(al+t))**r * s)
//	    return p
//	exp = [sum(PX(n, Ti) for Ti in T) for n in range(7)]; exp.append(N - sum(exp))
//	t = (hold-cal)/7
//	Acond = (a+b+x-1)/(a-1)*(1-((al+T)/(al+t+T))**(r+x)*hyp2f1(r+x, b+x, a+b+x-1, t/(al+T+t)))
//	D = 1 + (x > 0)*a/(b+x-1)*((al+T)/(al+tx))**(r+x)
//	P = Acond/D
//	print('calhold', [repr(P[(x == k) if k < 7 else (x >= 7)].mean()) for k in range(8)])
//	e = P - Y; naive = x*t/T; mae = np.abs(e).mean(); nmae = np.abs(naive-Y).mean()
//	print('errors', repr(np.sqrt((e*e).mean())), repr(mae), repr(mae/nmae))
//	cum = lambda p: sum(EX(p - s) for s in S if s < p)  # S: first purchase, weeks from 1997-01-01
//	print('tracking', repr(cum(39)), repr(cum(78)), int(x.sum()), int(x.sum()+Y.sum()))
//
// printed
//
//	params 0.24259452991380673 4.413602382156543 0.7929220765555244 2.4259069045075963 LL -9582.429206673929
//	AIC 19172.858413347858 BIC 19195.918992959603
//	hist [1411, 439, 214, 100, 62, 38, 29, 64] ['1407.6843489421412', '460.32347026464174', '192.46141559799185', '101.16419587700844', '59.8470777862972', '38.11970429547057', '25.54910687211982', '71.85068036432949']
//	calhold ['0.22508733029688807', '0.5231311678498604', '1.0441340988797496', '1.520279472745777', '2.163865737911015', '2.6538458081884415', '3.5040421910891166', '6.157190321547935']
//	errors 1.607982010809116 0.7854542358577505 0.7672930513513831
//	tracking 2501.526092518202 4165.6635733017165 2457 4339
//
// The Pareto/NBD and MBG/NBD log-likelihoods are the SciPy/mpmath values
// of TestFitParetoNBDCDNOW (−9594.9761789395439) and TestFitMBGNBDCDNOW
// (−9582.135715553751); their criteria by hand with ln 2357 =
// 7.7651449029361315: Pareto/NBD AIC 8 + 19189.952357879088 =
// 19197.952357879087, BIC 19221.012937490832; MBG/NBD AIC
// 19172.271431107503, BIC 19195.33201071925.
func TestCDNOWAnalysis(t *testing.T) {
	cal, hold := cdnowSplit(t)
	bg, err := btyd.FitBGNBD(cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	pn, err := btyd.FitParetoNBD(cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	mbg, err := btyd.FitMBGNBD(cal, nil)
	if err != nil {
		t.Fatal(err)
	}
	scipy := btyd.BGNBD{R: 0.24259452991380673, Alpha: 4.413602382156543, A: 0.7929220765555244, B: 2.4259069045075963}
	if d := cmp.Diff(scipy, bg.BGNBD, cmpopts.EquateApprox(1e-5, 0)); d != "" {
		t.Errorf("BG/NBD fit differs from SciPy's (-want +got):\n%s", d)
	}

	// Comparison: equal k, so both criteria rank by LL: MBG/NBD, BG/NBD,
	// Pareto/NBD.
	got, err := btyd.CompareFits(
		btyd.FitCandidate{Name: "BG/NBD", Info: bg.FitInfo, Params: 4},
		btyd.FitCandidate{Name: "Pareto/NBD", Info: pn.FitInfo, Params: 4},
		btyd.FitCandidate{Name: "MBG/NBD", Info: mbg.FitInfo, Params: 4},
	)
	if err != nil {
		t.Fatal(err)
	}
	want := btyd.ModelComparison{
		Models: []btyd.ModelScore{
			{Name: "BG/NBD", LogLik: -9582.429206673929, Params: 4, N: 2357, AIC: 19172.858413347858, BIC: 19195.918992959603,
				DeltaAIC: 19172.858413347858 - 19172.271431107503, DeltaBIC: 19195.918992959603 - 19195.33201071925, RankAIC: 2, RankBIC: 2},
			{Name: "Pareto/NBD", LogLik: -9594.9761789395439, Params: 4, N: 2357, AIC: 19197.952357879087, BIC: 19221.012937490832,
				DeltaAIC: 19197.952357879087 - 19172.271431107503, DeltaBIC: 19221.012937490832 - 19195.33201071925, RankAIC: 3, RankBIC: 3},
			{Name: "MBG/NBD", LogLik: -9582.135715553751, Params: 4, N: 2357, AIC: 19172.271431107503, BIC: 19195.33201071925,
				RankAIC: 1, RankBIC: 1},
		},
		BestAIC: 2,
		BestBIC: 2,
	}
	// Absolute 1e-6 on LL, AIC and BIC: the optimisers stop within 1e-8
	// of the maximum; the deltas inherit it.
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-6)); d != "" {
		t.Errorf("CompareFits mismatch (-want +got):\n%s", d)
	}

	// Diagnostics of the BG/NBD at SciPy's estimate, relative 1e-9.
	approx := cmpopts.EquateApprox(1e-9, 0)
	hist, err := btyd.PeriodCountHistogram(scipy, cal, 7)
	if err != nil {
		t.Fatal(err)
	}
	wantHist := []float64{1407.6843489421412, 460.32347026464174, 192.46141559799185, 101.16419587700844, 59.8470777862972, 38.11970429547057, 25.54910687211982, 71.85068036432949}
	wantAct := []int{1411, 439, 214, 100, 62, 38, 29, 64}
	for i, r := range hist.Rows {
		if r.Actual != wantAct[i] || cmp.Diff(wantHist[i], r.Expected, approx) != "" {
			t.Errorf("histogram row %d: %+v, want actual %d, expected %v", i, r, wantAct[i], wantHist[i])
		}
	}
	tab, err := btyd.CalibrationHoldoutTable(scipy, cal, hold, 7)
	if err != nil {
		t.Fatal(err)
	}
	wantPred := []float64{0.22508733029688807, 0.5231311678498604, 1.0441340988797496, 1.520279472745777, 2.163865737911015, 2.6538458081884415, 3.5040421910891166, 6.157190321547935}
	for i, r := range tab.Rows {
		if r.Customers != wantAct[i] || cmp.Diff(wantPred[i], r.Predicted, approx) != "" {
			t.Errorf("calibration/holdout row %d: %+v, want %d customers, predicted %v", i, r, wantAct[i], wantPred[i])
		}
	}
	acc, err := btyd.HoldoutErrors(scipy, cal, hold)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]float64{1.607982010809116, 0.7854542358577505, 0.7672930513513831}, []float64{acc.RMSE, acc.MAE, acc.RelMAE}, approx); d != "" {
		t.Errorf("holdout RMSE, MAE, relative MAE (-want +got):\n%s", d)
	}
	tr, err := btyd.Tracking(scipy, cdnowTransactions(t), week, time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC), 78)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]float64{2501.526092518202, 4165.6635733017165}, []float64{tr.Rows[38].CumExpected, tr.Rows[77].CumExpected}, approx); d != "" {
		t.Errorf("tracking cumulative expected at weeks 39 and 78 (-want +got):\n%s", d)
	}
	// Tracking of the other two models at their SciPy estimates
	// (TestFitParetoNBDCDNOW, TestFitMBGNBDCDNOW), the same script with
	//
	//	EP = lambda t: r*be/(al*(s-1))*(1-(be/(be+t))**(s-1))  # Pareto/NBD E[X(t)], Schmittlein et al. 1987
	//	EM = lambda t: b/(a-1)*(1-(al/(al+t))**r*hyp2f1(r, b+1, a+b, t/(al+t)))  # MBG/NBD, Batislam et al. 2007
	//
	// printed 2532.7821387688127 4275.388243117813 (Pareto/NBD) and
	// 2482.95535922659 4054.615602631877 (MBG/NBD) at weeks 39 and 78.
	for _, c := range []struct {
		m    btyd.ExpectedPredictor
		want []float64
	}{
		{btyd.ParetoNBD{R: 0.5532770451851658, Alpha: 10.5776832927177, S: 0.6062401692826961, Beta: 11.66874100072676},
			[]float64{2532.7821387688127, 4275.388243117813}},
		{btyd.MBGNBD{R: 0.5248431906666499, Alpha: 6.183085496340803, A: 0.8913592587304953, B: 1.6140017086040823},
			[]float64{2482.95535922659, 4054.615602631877}},
	} {
		tr, err := btyd.Tracking(c.m, cdnowTransactions(t), week, time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC), 78)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(c.want, []float64{tr.Rows[38].CumExpected, tr.Rows[77].CumExpected}, approx); d != "" {
			t.Errorf("%T tracking cumulative expected at weeks 39 and 78 (-want +got):\n%s", c.m, d)
		}
	}
	// The tracked repeat purchases are Summarize's: the calibration
	// frequencies to week 39, plus the holdout purchases to week 78.
	sumX, sumY := 0, 0
	for i := range cal {
		sumX += cal[i].Frequency
		sumY += hold[i].Purchases
	}
	if tr.Rows[38].CumActual != sumX || tr.Rows[77].CumActual != sumX+sumY || sumX != 2457 || sumX+sumY != 4339 {
		t.Errorf("tracked %d and %d repeat purchases; Summarize: %d in calibration, %d in all (want 2457, 4339)",
			tr.Rows[38].CumActual, tr.Rows[77].CumActual, sumX, sumX+sumY)
	}
	// Every model's expected histogram counts every customer once.
	for _, m := range []btyd.CountPredictor{bg, pn, mbg} {
		h, err := btyd.PeriodCountHistogram(m, cal, 7)
		if err != nil {
			t.Fatal(err)
		}
		total := 0.0
		for _, r := range h.Rows {
			total += r.Expected
		}
		if math.Abs(total-2357) > 1e-6 {
			t.Errorf("%T: expected histogram sums to %v, want 2357", m, total)
		}
	}
}
