package btyd_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
)

// Tracking the CDNOW cohort's repeat purchases week by week from
// 1997-01-01, with the BG/NBD at the parameters Fader, Hardie & Lee (2005)
// fit to weeks 1–39 (in practice a FitBGNBD result), printed every 13
// weeks: the purchases in the week, actual and expected, and the running
// totals. The customers' first purchases are spread over weeks 1–13, so
// the expected weekly purchases climb until week 13, then ease as
// customers drop out. Weeks 40–78 are a forecast.
func ExampleTracking() {
	f, err := os.Open("testdata/CDNOW_sample.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	var txs []btyd.Transaction
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text()) // id, sample id, yyyymmdd, CDs, dollars
		if len(fs) != 5 {
			continue
		}
		at, err := time.Parse("20060102", fs[2])
		if err != nil {
			fmt.Println(err)
			return
		}
		txs = append(txs, btyd.Transaction{Customer: fs[0], Time: at}) // amounts are not needed
	}
	m := btyd.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	tab, err := btyd.Tracking(m, txs, 7*24*time.Hour, time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC), 78)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d customers\n", tab.Customers)
	fmt.Println("week | in the week: actual expected | cumulative: actual expected")
	for _, r := range tab.Rows {
		if r.Period%13 == 0 {
			fmt.Printf("%4d | %6d %8.1f | %6d %8.1f\n", r.Period, r.Actual, r.Expected, r.CumActual, r.CumExpected)
		}
	}
	// Output:
	// 2357 customers
	// week | in the week: actual expected | cumulative: actual expected
	//   13 |     95     96.8 |    828    723.6
	//   26 |     74     66.8 |   1746   1738.9
	//   39 |     62     53.4 |   2457   2505.1
	//   52 |     30     45.3 |   3183   3138.6
	//   65 |     58     39.7 |   3844   3685.8
	//   78 |     28     35.5 |   4339   4171.4
}
