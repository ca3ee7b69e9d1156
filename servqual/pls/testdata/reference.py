"""Independent reference for package pls: generates the test data sets and
computes PLS-PM estimates with plain numpy on the data matrix (not on the
covariance matrix the Go code uses), then writes them as Go literals.

Run from servqual/pls:  /usr/bin/python3 testdata/reference.py > reference_values_test.go
(numpy 1.24.2, Debian python3-numpy). Writes testdata/ecsi.csv and
testdata/mixed.csv.

Conventions (the common ones, as in /work/shared/bench/numpy_plspm.py):
items standardised with the n-1 SD; unit starting weights scaled to unit
variance scores; Mode A weights = covariances of the items with the inner
proxy, Mode B = regression of the inner proxy on the items; each block's
weights rescaled to a unit-variance score; stop when the largest absolute
weight change < 1e-7 (the new weights are kept); then flip a block whose
loadings sum to a negative number.
"""
import sys
import numpy as np

TOL = 1e-7


def simulate(lv, sizes, paths, n, seed, loadings=(0.6, 0.9), scale=True):
    rng = np.random.default_rng(seed)
    J, K = len(lv), sum(sizes)
    block = np.repeat(np.arange(J), sizes)
    eta = np.zeros((n, J))
    for j in range(J):
        t = lv[j]
        if t not in paths:
            eta[:, j] = rng.standard_normal(n)
            continue
        src = paths[t]
        idx = [lv.index(s) for s in src]
        beta = np.array(list(src.values()))
        mean = eta[:, idx] @ beta
        cc = np.corrcoef(eta[:, idx], rowvar=False).reshape(len(idx), len(idx))
        explained = beta @ cc @ beta
        eta[:, j] = mean + np.sqrt(max(1.0 - explained, 0.05)) * rng.standard_normal(n)
        eta[:, j] /= eta[:, j].std()
    lam = rng.uniform(loadings[0], loadings[1], K)
    x = lam * eta[:, block] + np.sqrt(1 - lam ** 2) * rng.standard_normal((n, K))
    if scale:
        return np.clip(np.round(6.0 + 1.8 * x), 1, 10)
    return x


def pls(X, sizes, modes, A, scheme):
    n, K = X.shape
    J = len(sizes)
    block = np.repeat(np.arange(J), sizes)
    mask = np.zeros((K, J)); mask[np.arange(K), block] = 1.0
    Z = (X - X.mean(0)) / X.std(0, ddof=1)
    W = mask / (Z @ mask).std(0, ddof=1)
    adj = (A + A.T) > 0
    it = 0
    while True:
        it += 1
        Y = Z @ W
        C = np.corrcoef(Y, rowvar=False)
        E = np.zeros((J, J))
        for j in range(J):
            if scheme == "path":
                pred, succ = A[j] > 0, A[:, j] > 0
                if pred.any():
                    E[j, pred] = np.linalg.solve(C[np.ix_(pred, pred)], C[pred, j])
                E[j, succ] = C[j, succ]
            elif scheme == "centroid":
                E[j, adj[j]] = np.sign(C[j, adj[j]])
            else:
                E[j, adj[j]] = C[j, adj[j]]
        inner = Y @ E.T
        Wn = np.zeros((K, J))
        for j in range(J):
            b = block == j
            Zj = Z[:, b]
            if modes[j] == "A":
                Wn[b, j] = Zj.T @ inner[:, j] / (n - 1)
            else:
                Wn[b, j] = np.linalg.lstsq(Zj, inner[:, j], rcond=None)[0]
        Wn /= (Z @ Wn).std(0, ddof=1)
        done = np.abs(Wn - W).max() < TOL
        W = Wn
        if done or it >= 1000:
            break
    Y = Z @ W
    L = Z.T @ Y / (n - 1)          # cross-loadings (Y has unit variance)
    for j in range(J):
        b = block == j
        if L[b, j].sum() < 0:
            W[:, j] = -W[:, j]
    Y = Z @ W
    L = Z.T @ Y / (n - 1)
    C = np.corrcoef(Y, rowvar=False)
    w = W.sum(1)
    load = L[np.arange(K), block]
    R = np.corrcoef(Z, rowvar=False)
    out = dict(weights=w, loadings=load, cross=L, cor=C, iters=it)
    # structural model by OLS on the scores
    B = np.zeros((J, J)); r2 = np.full(J, np.nan); adj2 = np.full(J, np.nan)
    vif = np.zeros((J, J))
    for j in range(J):
        p = A[j] > 0
        if p.any():
            Yp = Y[:, p]
            coef = np.linalg.lstsq(np.column_stack([np.ones(n), Yp]), Y[:, j], rcond=None)[0][1:]
            B[j, p] = coef
            fitted = Yp @ coef
            r2[j] = 1 - ((Y[:, j] - fitted) ** 2).sum() / ((Y[:, j] - Y[:, j].mean()) ** 2).sum()
            adj2[j] = 1 - (1 - r2[j]) * (n - 1) / (n - p.sum() - 1)
            idx = np.where(p)[0]
            for a in idx:
                others = [o for o in idx if o != a]
                if others:
                    Xo = np.column_stack([np.ones(n), Y[:, others]])
                    res = Y[:, a] - Xo @ np.linalg.lstsq(Xo, Y[:, a], rcond=None)[0]
                    r2a = 1 - (res ** 2).sum() / ((Y[:, a] - Y[:, a].mean()) ** 2).sum()
                else:
                    r2a = 0.0
                vif[j, a] = 1 / (1 - r2a)
    total = np.linalg.inv(np.eye(J) - B) - np.eye(J)
    out.update(B=B, r2=r2, adjr2=adj2, vif=vif, total=total)
    # reliability
    alpha, rhoc, rhoa, ave = [], [], [], []
    for j in range(J):
        b = block == j
        k = b.sum()
        Xj = Z[:, b]
        tot = Xj.sum(1).var(ddof=1)
        alpha.append(k / (k - 1) * (1 - Xj.var(0, ddof=1).sum() / tot) if k > 1 else np.nan)
        l = load[b]
        rhoc.append(l.sum() ** 2 / (l.sum() ** 2 + (1 - l ** 2).sum()))
        ave.append((l ** 2).mean())
        wj = w[b]
        S = np.cov(Xj, rowvar=False).reshape(k, k)
        ww = np.outer(wj, wj)
        if k > 1:
            c2 = (wj @ (S - np.diag(np.diag(S))) @ wj) / (wj @ (ww - np.diag(np.diag(ww))) @ wj)
            rhoa.append((wj @ wj) ** 2 * c2)
        else:
            rhoa.append(1.0)
    out.update(alpha=np.array(alpha), rhoc=np.array(rhoc), rhoa=np.array(rhoa), ave=np.array(ave))
    htmt = np.full((J, J), np.nan)
    for a in range(J):
        for c in range(a + 1, J):
            ia, ic = np.where(block == a)[0], np.where(block == c)[0]
            if len(ia) < 2 or len(ic) < 2:
                continue
            het = R[np.ix_(ia, ic)].mean()
            ma = R[np.ix_(ia, ia)][np.triu_indices(len(ia), 1)].mean()
            mc = R[np.ix_(ic, ic)][np.triu_indices(len(ic), 1)].mean()
            htmt[a, c] = het / np.sqrt(ma * mc)
    out["htmt"] = htmt
    # PLSc: correct correlations by rho_A (Mode A blocks of 2+ items)
    q = np.array([rhoa[j] if modes[j] == "A" and sizes[j] > 1 else 1.0 for j in range(J)])
    Cc = C / np.sqrt(np.outer(q, q)); np.fill_diagonal(Cc, 1.0)
    Bc = np.zeros((J, J)); r2c = np.full(J, np.nan)
    for j in range(J):
        p = A[j] > 0
        if p.any():
            Bc[j, p] = np.linalg.solve(Cc[np.ix_(p, p)], Cc[p, j])
            r2c[j] = Bc[j, p] @ Cc[p, j]
    out.update(Bc=Bc, r2c=r2c)
    return out


def gofloat(x):
    if np.isnan(x):
        return "nan"
    return repr(float(x))


def golist(v):
    return "{" + ", ".join(gofloat(x) for x in v) + "}"


def emit(name, lv, sizes, modes, paths_list, X, scheme):
    J = len(lv)
    A = np.zeros((J, J))
    for f, t in paths_list:
        A[lv.index(t), lv.index(f)] = 1
    o = pls(X, sizes, modes, A, scheme)
    pc = [o["B"][lv.index(t), lv.index(f)] for f, t in paths_list]
    vif = [o["vif"][lv.index(t), lv.index(f)] for f, t in paths_list]
    pcc = [o["Bc"][lv.index(t), lv.index(f)] for f, t in paths_list]
    tot = [o["total"][t, f] for t in range(J) for f in range(J)]
    ht = [o["htmt"][a, c] for a in range(J) for c in range(a + 1, J)]
    print(f'\t{{name: "{name}", scheme: "{scheme}", iters: {o["iters"]},')
    print(f'\t\tweights: []float64{golist(o["weights"])},')
    print(f'\t\tloadings: []float64{golist(o["loadings"])},')
    print(f'\t\tcross: []float64{golist(o["cross"].ravel())},')
    print(f'\t\tpaths: []float64{golist(pc)},')
    print(f'\t\tvif: []float64{golist(vif)},')
    print(f'\t\ttotal: []float64{golist(tot)},')
    print(f'\t\tr2: []float64{golist(o["r2"])},')
    print(f'\t\tadjr2: []float64{golist(o["adjr2"])},')
    print(f'\t\talpha: []float64{golist(o["alpha"])},')
    print(f'\t\trhoc: []float64{golist(o["rhoc"])},')
    print(f'\t\trhoa: []float64{golist(o["rhoa"])},')
    print(f'\t\tave: []float64{golist(o["ave"])},')
    print(f'\t\thtmt: []float64{golist(ht)},')
    print(f'\t\tplscPaths: []float64{golist(pcc)},')
    print(f'\t\tplscR2: []float64{golist(o["r2c"])},')
    print('\t},')


def save(path, names, X):
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for row in X:
            f.write(",".join(str(int(v)) for v in row) + "\n")


# Data set 1: the ECSI model of the benchmark (27 reflective 10-point items).
ECSI_LV = ["IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"]
ECSI_SIZES = [5, 5, 5, 4, 4, 4]
ECSI_TRUE = {"EXPE": {"IMAG": 0.5}, "QUAL": {"EXPE": 0.8}, "VAL": {"EXPE": 0.2, "QUAL": 0.6},
             "SAT": {"IMAG": 0.2, "EXPE": 0.1, "QUAL": 0.2, "VAL": 0.4}, "LOY": {"IMAG": 0.3, "SAT": 0.5}}
ECSI_PATHS = [(s, t) for t in ECSI_LV for s in ECSI_LV if t in ECSI_TRUE and s in ECSI_TRUE[t]]
X1 = simulate(ECSI_LV, ECSI_SIZES, ECSI_TRUE, 250, 2026)
names1 = [f"{lv}{i+1}" for lv, s in zip(ECSI_LV, ECSI_SIZES) for i in range(s)]
save("testdata/ecsi.csv", names1, X1)

# Data set 2: a mixed model: a formative driver F (3 items), reflective A
# (3), B (4), C (2); F -> A, F -> B, A -> B, A -> C, B -> C.
MIX_LV = ["F", "A", "B", "C"]
MIX_SIZES = [3, 3, 4, 2]
MIX_TRUE = {"A": {"F": 0.6}, "B": {"F": 0.3, "A": 0.4}, "C": {"A": 0.2, "B": 0.5}}
MIX_PATHS = [("F", "A"), ("F", "B"), ("A", "B"), ("A", "C"), ("B", "C")]
X2 = simulate(MIX_LV, MIX_SIZES, MIX_TRUE, 300, 7, loadings=(0.5, 0.95))
names2 = [f"{lv}{i+1}" for lv, s in zip(MIX_LV, MIX_SIZES) for i in range(s)]
save("testdata/mixed.csv", names2, X2)

print("// Code generated by testdata/reference.py (numpy " + np.__version__ + "); DO NOT EDIT.")
print()
print("package pls_test")
print()
print("var referenceCases = []referenceCase{")
for scheme in ["path", "centroid", "factorial"]:
    emit("ecsi", ECSI_LV, ECSI_SIZES, "AAAAAA", ECSI_PATHS, X1, scheme)
for scheme in ["path", "centroid", "factorial"]:
    emit("mixed", MIX_LV, MIX_SIZES, "BAAA", MIX_PATHS, X2, scheme)
print("}")
