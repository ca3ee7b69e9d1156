package btyd_test

import (
	"testing"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// predAfterDERTRef holds P(alive at T+t) ("after", arg = t) and DERT
// ("dert", arg = d) of the BG/NBD and the MBG/NBD from the models'
// definitions, by this script (/usr/bin/python3, mpmath 1.2.1 at 40
// digits; a 2-D Gauss–Legendre product rule of 24 points per panel, run
// again with 48 points per panel on every fourth case: the two agree to
// 1.2e-17 relative):
//
//	# Reference values for the BG/NBD and MBG/NBD ProbAliveAfter and DERT from
//	# the models' definitions: 2-D Gauss-Legendre product quadrature over
//	# (ln lambda, logit p) in mpmath at 40 digits, on geometrically growing
//	# panels around each posterior's mode (no closed forms, no hypergeometric
//	# functions). Given (lambda, p) the history has likelihood
//	#   alive at T:  lambda^x e^{-lambda T} (1-p)^{x+e}
//	#   dropped out right after the last purchase: p (1-p)^{x+e-1} lambda^x e^{-lambda t_x}
//	# (e = 0 for the BG/NBD, 1 for the MBG/NBD, where the dead term exists for
//	# x = 0 too); a customer alive at T survives t more with probability
//	# e^{-lambda p t}, and buys while alive at rate lambda, so DERT given
//	# (lambda, p) and alive is lambda/(delta + lambda p), delta = ln(1+d).
//	import sys, mpmath as mp
//	mp.mp.dps = 40
//	DEG = int(sys.argv[1]) if len(sys.argv) > 1 else 4
//	GL = mp.calculus.quadrature.GaussLegendre(mp.mp)
//	NODES = GL.calc_nodes(DEG, mp.mp.prec)   # [(x, w)] on [-1, 1]
//
//	def panels(mode, w, lo_ext, hi_ext, extra_lo=0):
//	    # breakpoints mode ± w·2^k out to where the log-density has fallen by > 100
//	    pts = [mode]
//	    lo = mode - lo_ext + extra_lo; hi = mode + hi_ext
//	    k = w/2
//	    while mode - k > lo:
//	        pts.insert(0, mode - k); k *= 2
//	    pts.insert(0, lo)
//	    k = w/2
//	    while mode + k < hi:
//	        pts.append(mode + k); k *= 2
//	    pts.append(hi)
//	    out = []
//	    for a, b in zip(pts, pts[1:]):
//	        h = (b-a)/2; c = (a+b)/2
//	        for x, wt in NODES:
//	            out.append((c + h*x, h*wt))
//	    return out
//
//	def lam_nodes(R, A):
//	    # v = ln(lambda A), density ∝ exp(R v − e^v): mode ln R
//	    w = min(1/mp.sqrt(R), 1)
//	    return [(mp.exp(v)/A, wt*mp.exp(R*v - mp.exp(v))) for v, wt in panels(mp.log(R), w, 110/R + 16*w, mp.log(R + 20*mp.sqrt(R) + 120) - mp.log(R) + 0.1)]
//
//	def p_nodes(a, bb, extra_lo):
//	    # u = logit p, density ∝ p^a (1-p)^bb in u: exp(a u − (a+bb) ln(1+e^u))
//	    w = min(mp.sqrt(1/a + 1/bb), 1)
//	    res = []
//	    for u, wt in panels(mp.log(a/bb), w, 110/a + 16*w, 110/bb + 16*w, extra_lo):
//	        p = 1/(1+mp.exp(-u))
//	        res.append((p, wt*mp.exp(a*u - (a+bb)*mp.log1p(mp.exp(u)))))
//	    return res
//
//	def ref(model, r, al, a, b, x, tx, T, kind, arg):
//	    r, al, a, b, tx, T, arg = [mp.mpf(v) for v in (r, al, a, b, tx, T, arg)]
//	    e = 1 if model == 'mbg' else 0
//	    R = r + x
//	    delta = mp.log1p(arg) if kind == 'dert' else None
//	    extra = 0
//	    if kind == 'dert':
//	        extra = min(0, mp.log(delta/((R+1)/(al+T))) - 20)
//	    L = lam_nodes(R, al+T)           # lambda^{R-1} e^{-lambda (al+T)} dlambda, up to (al+T)^-R
//	    P = p_nodes(a, b+x+e-1+1, extra)  # p^{a-1}(1-p)^{b+x+e-1} dp = p^a (1-p)^{b+x+e} du
//	    Wl = mp.fsum(w for _, w in L); Wp = mp.fsum(w for _, w in P)
//	    if kind == 'after':
//	        num = mp.fsum(wl*wp*mp.exp(-l*p*arg) for l, wl in L for p, wp in P)
//	    else:
//	        num = mp.fsum(wl*wp*l/(delta + l*p) for l, wl in L for p, wp in P)
//	    alive_mass = Wl*Wp*(al+T)**(-R)
//	    if x == 0 and e == 0:
//	        dead_mass = 0
//	    else:
//	        Ld = lam_nodes(R, al+tx)
//	        Pd = p_nodes(a+1, b+x+e-2+1, 0)   # p^a (1-p)^{b+x+e-2} dp
//	        dead_mass = mp.fsum(wl*wp for _, wl in Ld for _, wp in Pd)*(al+tx)**(-R)
//	    return num/(Wl*Wp) * alive_mass/(alive_mass + dead_mass)
//
//	for line in sys.stdin:
//	    c = line.split()
//	    if not c: continue
//	    model, kind = c[0], c[1]
//	    r, al, a, b = c[2:6]; x = int(c[6]); tx, T, arg = c[7:10]
//	    v = ref(model, r, al, a, b, x, tx, T, kind, arg)
//	    print(model, kind, r, al, a, b, x, tx, T, arg, mp.nstr(v, 20), flush=True)
//
// run as `python3 ref.py 4 < cases.in`, one case per line
// ("bg dert 0.243 4.414 0.793 2.426 2 30.43 38.86 0.0019"). The cases
// cover the CDNOW estimates, a > 1 with b < 1, small r and a, x = 200 at
// T = 10⁴, a P(alive) near 1e-150, t → 0 (t = 1e-6, ProbAlive) and the
// ends of the discount domain (d = MinDiscount and MaxDiscount).
var predAfterDERTRef = []struct {
	mbg            bool
	kind           string
	r, alpha, a, b float64
	x              int
	tx, T, arg     float64
	want           float64
}{
	{false, "after", 0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 1e-6, 0.99999999861665201815},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 52, 0.94387158163494428334},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 1000, 0.68973985789045493188},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 1e-9, 141.90410230279711388},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 0.0019, 1.273036526704993711},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 1, 0.0080210667696550590772},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 1e-6, 0.72657856435837184966},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 52, 0.53164618941630066778},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 1000, 0.12937647976548975582},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 1e-9, 376.23979149025142383},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 0.0019, 6.2444512266162379679},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 1, 0.053474044249770538599},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 7, 35, 38.86, 1e-6, 0.8437678109688038206},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 7, 35, 38.86, 52, 0.52068898785224438337},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 7, 35, 38.86, 1000, 0.090136129895668013662},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 7, 35, 38.86, 1e-9, 1055.1935752679035386},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 7, 35, 38.86, 0.0019, 19.917254806269787298},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 7, 35, 38.86, 1, 0.19959982411982459019},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 1, 1.71, 38.86, 1e-6, 0.21210098423226058175},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 1, 1.71, 38.86, 52, 0.17033184049695740271},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 1, 1.71, 38.86, 1000, 0.057104196613759462},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 1, 1.71, 38.86, 1e-9, 76.1659484697364066},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 1, 1.71, 38.86, 0.0019, 1.1191106869187075581},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 1, 1.71, 38.86, 1, 0.0086702249557555405561},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 200, 9000, 10000, 1e-6, 1.7639579092477785642e-7},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 200, 9000, 10000, 52, 1.7568264759671052518e-7},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 200, 9000, 10000, 1000, 1.6373307883716251446e-7},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 200, 9000, 10000, 1e-9, 0.0015356352918196437199},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 200, 9000, 10000, 0.0019, 1.7893949606729632997e-6},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 200, 9000, 10000, 1, 5.0930656430241627212e-9},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 50, 5, 10000, 1e-6, 5.6966173612749190568e-151},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 50, 5, 10000, 52, 5.6745473437893016071e-151},
	{false, "after", 0.243, 4.414, 0.793, 2.426, 50, 5, 10000, 1000, 5.3035115108619703846e-151},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 50, 5, 10000, 1e-9, 1.2720946969652377926e-147},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 50, 5, 10000, 0.0019, 1.4514148619718083712e-150},
	{false, "dert", 0.243, 4.414, 0.793, 2.426, 50, 5, 10000, 1, 4.1269355384838549513e-153},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 2, 30.43, 38.86, 1e-6, 0.11155009753467590689},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 2, 30.43, 38.86, 52, 0.010526678072289599232},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 2, 30.43, 38.86, 1000, 5.4201087219320181359e-6},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 2, 30.43, 38.86, 1e-9, 0.21417619594128284231},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 2, 30.43, 38.86, 0.0019, 0.20378701346485571469},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 2, 30.43, 38.86, 1, 0.016457998664540962982},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 200, 9000, 10000, 1e-6, 3.0905513065074173742e-8},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 200, 9000, 10000, 52, 3.0353084485955111295e-8},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 200, 9000, 10000, 1000, 2.2184569923144702497e-8},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 200, 9000, 10000, 1e-9, 2.5070384816217624083e-6},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 200, 9000, 10000, 0.0019, 2.8022787465805203715e-7},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 200, 9000, 10000, 1, 9.0239137684014747241e-10},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1e-6, 1.0391543948937829832e-170},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 52, 1.0209085447926255015e-170},
	{false, "after", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1000, 7.5018336312977603165e-171},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1e-9, 2.1946793657991217114e-169},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 0.0019, 2.4442714466272704312e-170},
	{false, "dert", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1, 7.8663675147813772189e-173},
	{false, "after", 0.05, 100, 0.05, 20, 0, 0, 38.86, 1e-6, 0.99999999999910205762},
	{false, "after", 0.05, 100, 0.05, 20, 0, 0, 38.86, 52, 0.99995375439818840445},
	{false, "after", 0.05, 100, 0.05, 20, 0, 0, 38.86, 1000, 0.9992239620614024209},
	{false, "dert", 0.05, 100, 0.05, 20, 0, 0, 38.86, 1e-9, 200982.99211400429329},
	{false, "dert", 0.05, 100, 0.05, 20, 0, 0, 38.86, 0.0019, 0.18822211215648933485},
	{false, "dert", 0.05, 100, 0.05, 20, 0, 0, 38.86, 1, 0.00051946414897233183807},
	{false, "after", 0.05, 100, 0.05, 20, 7, 35, 38.86, 1e-6, 0.99765957372635448059},
	{false, "after", 0.05, 100, 0.05, 20, 7, 35, 38.86, 52, 0.99304569989279998443},
	{false, "after", 0.05, 100, 0.05, 20, 7, 35, 38.86, 1000, 0.9473917761597926094},
	{false, "dert", 0.05, 100, 0.05, 20, 7, 35, 38.86, 1e-9, 25264770.452854567751},
	{false, "dert", 0.05, 100, 0.05, 20, 7, 35, 38.86, 0.0019, 25.854571615241270707},
	{false, "dert", 0.05, 100, 0.05, 20, 7, 35, 38.86, 1, 0.073063750085980511148},
	{false, "after", 0.05, 100, 0.05, 20, 200, 9000, 10000, 1e-6, 3.8301180141307655844e-6},
	{false, "after", 0.05, 100, 0.05, 20, 200, 9000, 10000, 52, 3.8292238531201838768e-6},
	{false, "after", 0.05, 100, 0.05, 20, 200, 9000, 10000, 1000, 3.8136483582314949493e-6},
	{false, "dert", 0.05, 100, 0.05, 20, 200, 9000, 10000, 1e-9, 44.223884089070589658},
	{false, "dert", 0.05, 100, 0.05, 20, 200, 9000, 10000, 0.0019, 0.000039874879542948645147},
	{false, "dert", 0.05, 100, 0.05, 20, 200, 9000, 10000, 1, 1.0944628963917814607e-7},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 1e-6, 0.389735079764004386},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 52, 0.34471044829343848492},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 1000, 0.1799020518667031953},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 1e-9, 32.554377671958373256},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 0.0019, 0.8882143963682178874},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 1, 0.006474779116831462571},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 7, 35, 38.86, 1e-6, 0.83126503632324850103},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 7, 35, 38.86, 52, 0.48896381721872184376},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 7, 35, 38.86, 1000, 0.069020257773058035992},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 7, 35, 38.86, 1e-9, 350.24914460478702299},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 7, 35, 38.86, 0.0019, 17.546833305209184029},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 7, 35, 38.86, 1, 0.19592805593430130013},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 200, 9000, 10000, 1e-6, 1.5314438873439235913e-7},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 200, 9000, 10000, 52, 1.5244902896672716621e-7},
	{true, "after", 0.525, 6.183, 0.891, 1.614, 200, 9000, 10000, 1000, 1.4085015643335954934e-7},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 200, 9000, 10000, 1e-9, 0.00066025488122670459543},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 200, 9000, 10000, 0.0019, 1.5481767647370584662e-6},
	{true, "dert", 0.525, 6.183, 0.891, 1.614, 200, 9000, 10000, 1, 4.427111642815162066e-9},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 0, 0, 38.86, 1e-6, 1.5589773290539839112e-6},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 0, 0, 38.86, 52, 3.1348430877808943125e-7},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 0, 0, 38.86, 1000, 1.560729364919871852e-9},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 0, 0, 38.86, 1e-9, 2.3696455338413068859e-6},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 0, 0, 38.86, 0.0019, 2.1905238324016702605e-6},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 0, 0, 38.86, 1, 1.3096934324400936555e-7},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 1, 1.71, 38.86, 1e-6, 0.000015579325900624291977},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 1, 1.71, 38.86, 52, 2.3795827362955910958e-6},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 1, 1.71, 38.86, 1000, 3.7709635303272514707e-9},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 1, 1.71, 38.86, 1e-9, 0.000029912306141255409094},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 1, 1.71, 38.86, 0.0019, 0.000027974069936403690681},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 1, 1.71, 38.86, 1, 1.8225296823775743438e-6},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1e-6, 1.0602325773525971377e-170},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 52, 1.0419526205077211685e-170},
	{true, "after", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1000, 7.6977683338715713257e-171},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1e-9, 2.2816049120008085252e-169},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 0.0019, 2.5004620672470561721e-170},
	{true, "dert", 2.5, 0.5, 3.5, 0.3, 50, 5, 10000, 1, 8.0260022029081748006e-173},
}

// TestBGNBDMBGNBDAfterAndDERTAgainstIntegrals checks ProbAliveAfter and
// DiscountedResidualPurchases of both models against predAfterDERTRef to
// 1e-10 relative (they agree to 2e-13).
func TestBGNBDMBGNBDAfterAndDERTAgainstIntegrals(t *testing.T) {
	approx := cmpopts.EquateApprox(1e-10, 0)
	for _, c := range predAfterDERTRef {
		s := btyd.Summary{Frequency: c.x, Recency: c.tx, T: c.T}
		var got float64
		switch m := (btyd.BGNBD{R: c.r, Alpha: c.alpha, A: c.a, B: c.b}); {
		case c.mbg && c.kind == "after":
			got = btyd.MBGNBD(m).ProbAliveAfter(c.arg, s)
		case c.mbg:
			got = btyd.MBGNBD(m).DiscountedResidualPurchases(c.arg, s)
		case c.kind == "after":
			got = m.ProbAliveAfter(c.arg, s)
		default:
			got = m.DiscountedResidualPurchases(c.arg, s)
		}
		if !cmp.Equal(got, c.want, approx) {
			t.Errorf("%+v (MBG/NBD %v) %s(%v, %+v) = %.17g, want %.17g", c, c.mbg, c.kind, c.arg, s, got, c.want)
		}
	}
}
