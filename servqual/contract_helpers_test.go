package servqual_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cxlab/satisfaction/servqual"
)

// sentinels are the package's exported sentinel errors.
var sentinels = []error{
	servqual.ErrOutOfScale, servqual.ErrLength, servqual.ErrZone, servqual.ErrImportance, servqual.ErrInstrument,
	servqual.ErrEmpty, servqual.ErrArgument, servqual.ErrUndefined, servqual.ErrLimit, servqual.ErrCollinear,
}

// checkErr fails unless err starts with "servqual: " exactly once and
// wraps one of the sentinels.
func checkErr(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("nil error")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "servqual: ") || strings.Count(msg, "servqual: ") != 1 {
		t.Fatalf("error %q does not start with the package prefix exactly once", msg)
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error %q wraps no sentinel", msg)
}

// checkDefined fails if any value is NaN or ±Inf while reason is empty,
// and always if a value is ±Inf.
func checkDefined(t testing.TB, reason string, vs ...float64) {
	t.Helper()
	for i, v := range vs {
		if math.IsInf(v, 0) || (math.IsNaN(v) && reason == "") {
			t.Fatalf("value %d is %v (reason %q)", i, v, reason)
		}
	}
}
