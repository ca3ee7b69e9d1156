package ep

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Offer is one offer as a customer weighs it, in money terms (Kotler's
// customer delivered value, seed 003). Every component is an amount of
// money the customer attributes to it and must not be negative; the zero
// Decimal counts as nothing.
type Offer struct {
	// Name identifies the offer in reports.
	Name string `json:"name"`

	// Product is the value of the product itself.
	Product decimal.Decimal `json:"product"`
	// Service is the value of the services that come with it.
	Service decimal.Decimal `json:"service"`
	// Personnel is the value of the staff's competence and attitude.
	Personnel decimal.Decimal `json:"personnel"`
	// Image is the value of the company's and the brand's image.
	Image decimal.Decimal `json:"image"`

	// Monetary is the price paid.
	Monetary decimal.Decimal `json:"monetary"`
	// Time is the cost of the time spent buying and waiting.
	Time decimal.Decimal `json:"time"`
	// Energy is the mental effort spent choosing and buying.
	Energy decimal.Decimal `json:"energy"`
	// Physical is the physical effort spent.
	Physical decimal.Decimal `json:"physical"`
}

// TotalValue returns the total customer value:
// product + service + personnel + image.
func (o Offer) TotalValue() decimal.Decimal {
	return o.Product.Add(o.Service).Add(o.Personnel).Add(o.Image)
}

// TotalCost returns the total customer cost:
// monetary + time + energy + physical.
func (o Offer) TotalCost() decimal.Decimal {
	return o.Monetary.Add(o.Time).Add(o.Energy).Add(o.Physical)
}

// Delivered returns the customer delivered value, total value − total
// cost (Kotler, seed 003). It is exact; no rounding takes place.
func (o Offer) Delivered() decimal.Decimal { return o.TotalValue().Sub(o.TotalCost()) }

// Ratio returns total value / total cost rounded half away from zero to
// the given number of decimal places. It returns an error wrapping
// [ErrInvalid] if the total cost is zero or a component is negative.
func (o Offer) Ratio(places int32) (decimal.Decimal, error) {
	if err := o.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	c := o.TotalCost()
	if c.IsZero() {
		return decimal.Decimal{}, fmt.Errorf("ep: offer %q has zero total cost: value/cost ratio undefined: %w", o.Name, ErrInvalid)
	}
	return o.TotalValue().DivRound(c, places), nil
}

// Validate reports an error wrapping [ErrInvalid] that names the first
// negative component of the offer, or nil.
func (o Offer) Validate() error {
	parts := [...]struct {
		name string
		v    decimal.Decimal
	}{
		{"product value", o.Product}, {"service value", o.Service},
		{"personnel value", o.Personnel}, {"image value", o.Image},
		{"monetary cost", o.Monetary}, {"time cost", o.Time},
		{"energy cost", o.Energy}, {"physical cost", o.Physical},
	}
	for _, p := range parts {
		if p.v.Sign() < 0 {
			return fmt.Errorf("ep: offer %q: %s %s is negative: %w", o.Name, p.name, p.v, ErrInvalid)
		}
	}
	return nil
}

// Choose returns the index of the offer with the greatest delivered value,
// the one a value-maximising customer chooses (Kotler, seed 003).
//
// Ties are broken by the higher value/cost ratio (an offer with zero cost
// and positive value ranks above any offer with a cost), then by the
// earlier position in offers. It returns an error wrapping [ErrEmpty] for
// no offers, or one wrapping [ErrInvalid] naming an offer with a negative
// component.
func Choose(offers []Offer) (int, error) {
	if len(offers) == 0 {
		return -1, fmt.Errorf("ep: no offers to choose from: %w", ErrEmpty)
	}
	for i, o := range offers {
		if err := o.Validate(); err != nil {
			return -1, fmt.Errorf("ep: offer %d: %w", i, err)
		}
	}
	best := 0
	for i := 1; i < len(offers); i++ {
		c := offers[i].Delivered().Cmp(offers[best].Delivered())
		if c > 0 || c == 0 && ratioGreater(offers[i], offers[best]) {
			best = i
		}
	}
	return best, nil
}

// ratioGreater reports whether a's value/cost ratio exceeds b's, comparing
// va/ca with vb/cb by cross-multiplication so no division is rounded.
func ratioGreater(a, b Offer) bool {
	va, ca := a.TotalValue(), a.TotalCost()
	vb, cb := b.TotalValue(), b.TotalCost()
	switch {
	case ca.IsZero() && cb.IsZero():
		return va.GreaterThan(vb)
	case ca.IsZero():
		return va.Sign() > 0
	case cb.IsZero():
		return false
	}
	return va.Mul(cb).GreaterThan(vb.Mul(ca))
}
