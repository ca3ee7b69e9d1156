package ep_test

import (
	"errors"
	"testing"

	"github.com/cxlab/satisfaction/ep"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestOfferValue(t *testing.T) {
	o := ep.Offer{
		Name:    "A",
		Product: dec("500"), Service: dec("120.50"), Personnel: dec("80"), Image: dec("50"),
		Monetary: dec("600"), Time: dec("40"), Energy: dec("25.25"), Physical: dec("10"),
	}
	// By hand: value 500+120.50+80+50 = 750.50; cost 600+40+25.25+10 =
	// 675.25; delivered 75.25; ratio 750.50/675.25 = 1.11144… → 1.1114.
	checks := []struct {
		name string
		f    func() (decimal.Decimal, error)
		want decimal.Decimal
	}{
		{"TotalValue", o.TotalValue, dec("750.50")},
		{"TotalCost", o.TotalCost, dec("675.25")},
		{"Delivered", o.Delivered, dec("75.25")},
	}
	for _, c := range checks {
		if got, err := c.f(); err != nil || !got.Equal(c.want) {
			t.Errorf("%s = %s, %v; want %s", c.name, got, err, c.want)
		}
	}
	r, err := o.Ratio(4)
	if err != nil || !r.Equal(dec("1.1114")) {
		t.Errorf("Ratio(4) = %s, %v; want 1.1114", r, err)
	}
	if _, err := (ep.Offer{Name: "free", Product: dec("1")}).Ratio(2); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("Ratio with zero cost: err = %v", err)
	}
	if _, err := (ep.Offer{Name: "neg", Time: dec("-1")}).Ratio(2); !errors.Is(err, ep.ErrInvalid) {
		t.Errorf("Ratio with negative time cost: err = %v", err)
	}
}

func TestChoose(t *testing.T) {
	a := ep.Offer{Name: "A", Product: dec("700"), Monetary: dec("620")} // delivered 80, ratio 1.129
	b := ep.Offer{Name: "B", Product: dec("400"), Monetary: dec("320")} // delivered 80, ratio 1.25
	c := ep.Offer{Name: "C", Product: dec("500"), Monetary: dec("430")} // delivered 70
	d := ep.Offer{Name: "D", Product: dec("400"), Monetary: dec("320")} // same as B
	free := ep.Offer{Name: "free", Product: dec("80")}                  // delivered 80, no cost
	tests := []struct {
		name   string
		offers []ep.Offer
		want   int
	}{
		{"greatest delivered value", []ep.Offer{c, a}, 1},
		{"tie broken by ratio", []ep.Offer{a, b}, 1},
		{"tie broken by ratio, reversed", []ep.Offer{b, a}, 0},
		{"full tie keeps the first", []ep.Offer{b, d}, 0},
		{"zero cost ranks above any ratio", []ep.Offer{b, free}, 1},
		{"one offer", []ep.Offer{c}, 0},
	}
	for _, tt := range tests {
		if got, err := ep.Choose(tt.offers); err != nil || got != tt.want {
			t.Errorf("%s: Choose = %d, %v; want %d", tt.name, got, err, tt.want)
		}
	}
	if got, err := ep.Choose(nil); !errors.Is(err, ep.ErrEmpty) || got != -1 {
		t.Errorf("Choose(nil) = %d, %v", got, err)
	}
	bad := c
	bad.Image = dec("-5")
	if got, err := ep.Choose([]ep.Offer{a, bad}); !errors.Is(err, ep.ErrInvalid) || got != -1 {
		t.Errorf("Choose with a negative component = %d, %v", got, err)
	}
}

func FuzzChoose(f *testing.F) {
	f.Add(int64(700), int64(620), int64(400), int64(320), int32(2))
	f.Add(int64(0), int64(0), int64(0), int64(0), int32(0))
	f.Add(int64(-1), int64(5), int64(5), int64(-5), int32(-3))
	f.Add(int64(1<<62), int64(1), int64(1<<62), int64(1), int32(30))
	f.Fuzz(func(t *testing.T, v1, c1, v2, c2 int64, places int32) {
		offers := []ep.Offer{
			{Name: "1", Product: decimal.New(v1, -2), Monetary: decimal.New(c1, -2)},
			{Name: "2", Product: decimal.New(v2, -2), Monetary: decimal.New(c2, -2)},
		}
		best, err := ep.Choose(offers)
		if v1 < 0 || c1 < 0 || v2 < 0 || c2 < 0 {
			if !errors.Is(err, ep.ErrInvalid) {
				t.Fatalf("negative amounts accepted: %v", err)
			}
			return
		}
		if err != nil || best < 0 || best > 1 {
			t.Fatalf("Choose = %d, %v", best, err)
		}
		db, err1 := offers[best].Delivered()
		do, err2 := offers[1-best].Delivered()
		if err1 != nil || err2 != nil || db.LessThan(do) {
			t.Fatalf("chose %d with smaller delivered value (%v, %v)", best, err1, err2)
		}
		r, err := offers[0].Ratio(places)
		cost, _ := offers[0].TotalCost()
		if ok := places >= 0 && places <= ep.MaxPlaces && !cost.IsZero(); ok != (err == nil) {
			t.Fatalf("Ratio(%d) = %v, %v", places, r, err)
		}
		if err != nil && !errors.Is(err, ep.ErrInvalid) {
			t.Fatalf("Ratio(%d) error %v does not wrap ErrInvalid", places, err)
		}
	})
}
