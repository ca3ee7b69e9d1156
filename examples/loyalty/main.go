// Command loyalty tells the story of a few customers of a fictional
// business with package loyalty: their trust, their value and their
// predicted future, on built-in data; then fits three purchase models to
// the CDNOW transaction log, compares them and checks their forecasts on
// the weeks the fits did not see.
//
// With -charts DIR it also writes, as SVG and PNG, the subscription
// cohort's retention chart (the sBG projection against the actual
// survivors, loyalty_retention), the BG/NBD diagnostics on CDNOW
// (calibration vs holdout, loyalty_calibration; weekly and cumulative
// tracking, loyalty_tracking and loyalty_tracking_cumulative; the P(alive)
// matrix, loyalty_alive) and the after-sales tornado (loyalty_tornado) to
// DIR; -font FILE draws them with Chinese labels in that CJK font (such as
// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc from Debian's
// fonts-noto-cjk).
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	charts := flag.String("charts", "", "also write the charts to this directory (SVG and PNG)")
	fontPath := flag.String("font", "", "with -charts: a CJK TrueType/OpenType font for Chinese chart labels")
	flag.Parse()
	printBehaviour(os.Stdout)
	printMoney(os.Stdout)
	printModels(os.Stdout)
	if *charts != "" {
		if err := writeCharts(*charts, *fontPath); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
