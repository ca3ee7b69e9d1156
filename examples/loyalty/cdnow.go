package main

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cxlab/satisfaction/loyalty/btyd"
	"github.com/shopspring/decimal"
)

// cdnowLog is the CDNOW sample transaction log: every purchase up to
// 1998-06-30 of a 1/10 systematic sample (2,357 customers) of the cohort
// who first bought at the online music retailer CDNOW in January–March
// 1997 (Fader & Hardie 2001, "Forecasting repeat sales at CDNOW: a case
// study", Interfaces 31(3); the data of Fader, Hardie & Lee 2005). One
// line per transaction: customer id, id in the sample, date (yyyymmdd),
// number of CDs, amount in dollars. The file is CDNOW_sample.txt as
// distributed by Bruce Hardie (brucehardie.com/datasets) and with the
// MIT-licensed Python package lifetimes.
//
//go:embed cdnow_sample.txt
var cdnowLog string

// The 39 + 39-week split of Fader, Hardie & Lee (2005): the first purchases
// fall in January–March 1997, weeks 1–39 calibrate the models and weeks
// 40–78 are held out to test them.
var (
	cdnowCalibrationEnd = time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	cdnowHoldoutEnd     = time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC)
)

// cdnowTransactions parses cdnowLog.
func cdnowTransactions() ([]btyd.Transaction, error) {
	var txs []btyd.Transaction
	for i, line := range strings.Split(strings.TrimSpace(cdnowLog), "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			return nil, fmt.Errorf("CDNOW log line %d: %d fields, want 5", i+1, len(f))
		}
		day, err := time.Parse("20060102", f[2])
		if err != nil {
			return nil, fmt.Errorf("CDNOW log line %d: %v", i+1, err)
		}
		amount, err := decimal.NewFromString(f[4])
		if err != nil {
			return nil, fmt.Errorf("CDNOW log line %d: %v", i+1, err)
		}
		txs = append(txs, btyd.Transaction{Customer: f[0], Time: day, Amount: amount})
	}
	return txs, nil
}

// thousands formats n with comma separators (6919 → "6,919").
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
