package ep

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Offer is one offer as a customer weighs it, in money terms (customer
// delivered value, Kotler & Keller, Marketing Management). Every component
// is an amount of money the customer attributes to it and must not be
// negative; the zero Decimal counts as nothing.
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

// MaxPlaces is the largest number of decimal places [Offer.Ratio]
// accepts. The cost of the division grows with the number of places; the
// limit keeps it bounded (about 10 µs) while leaving far more precision
// than any price has.
const MaxPlaces = 1000

// MaxExponent bounds the decimal exponent of every amount of an [Offer]:
// an amount a·10^e with |e| > MaxExponent is rejected. Adding decimals
// rescales them to a common exponent, which costs time and memory in
// proportion to the difference of their exponents; the bound keeps every
// sum and comparison fast (10^±1000 is far beyond any amount of money).
const MaxExponent = 1000

// TotalValue returns the total customer value:
// product + service + personnel + image. It returns an error wrapping
// [ErrInvalid] if o is not valid (see [Offer.Validate]).
func (o Offer) TotalValue() (decimal.Decimal, error) {
	if err := o.validate(); err != nil {
		return decimal.Decimal{}, errorf("%w", err)
	}
	return o.totalValue(), nil
}

func (o Offer) totalValue() decimal.Decimal {
	return o.Product.Add(o.Service).Add(o.Personnel).Add(o.Image)
}

// TotalCost returns the total customer cost:
// monetary + time + energy + physical. It returns an error wrapping
// [ErrInvalid] if o is not valid (see [Offer.Validate]).
func (o Offer) TotalCost() (decimal.Decimal, error) {
	if err := o.validate(); err != nil {
		return decimal.Decimal{}, errorf("%w", err)
	}
	return o.totalCost(), nil
}

func (o Offer) totalCost() decimal.Decimal {
	return o.Monetary.Add(o.Time).Add(o.Energy).Add(o.Physical)
}

// Delivered returns the customer delivered value, total value − total
// cost (Kotler & Keller, Marketing Management). It is exact; no rounding
// takes place. It returns an error wrapping [ErrInvalid] if o is not valid
// (see [Offer.Validate]).
func (o Offer) Delivered() (decimal.Decimal, error) {
	if err := o.validate(); err != nil {
		return decimal.Decimal{}, errorf("%w", err)
	}
	return o.totalValue().Sub(o.totalCost()), nil
}

// Ratio returns total value / total cost rounded half away from zero to
// the given number of decimal places (0 to [MaxPlaces]). It returns an
// error wrapping [ErrInvalid] if places is outside that range, if o is
// not valid (see [Offer.Validate]) or if the total cost is zero.
func (o Offer) Ratio(places int32) (decimal.Decimal, error) {
	if places < 0 || places > MaxPlaces {
		return decimal.Decimal{}, errorf("offer %q: %d decimal places outside 0..%d: %w", o.Name, places, MaxPlaces, ErrInvalid)
	}
	if err := o.validate(); err != nil {
		return decimal.Decimal{}, errorf("%w", err)
	}
	c := o.totalCost()
	if c.IsZero() {
		return decimal.Decimal{}, errorf("offer %q has zero total cost: value/cost ratio undefined: %w", o.Name, ErrInvalid)
	}
	return o.totalValue().DivRound(c, places), nil
}

// Validate reports an error wrapping [ErrInvalid] that names the first
// component of the offer whose decimal exponent is outside ±[MaxExponent]
// or, failing that, the first negative one; nil if there is none. (A zero
// amount written with a huge exponent, such as decimal.New(0, 5000), is
// rejected too: the exponent alone makes sums slow.)
func (o Offer) Validate() error {
	if err := o.validate(); err != nil {
		return errorf("%w", err)
	}
	return nil
}

// validate is Validate without the package prefix.
func (o Offer) validate() error {
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
		// The exponent is checked first: formatting an amount with a
		// huge exponent would itself print billions of digits.
		if e := p.v.Exponent(); e < -MaxExponent || e > MaxExponent {
			return fmt.Errorf("offer %q: %s has decimal exponent %d outside ±%d: %w", o.Name, p.name, e, MaxExponent, ErrInvalid)
		}
		if p.v.Sign() < 0 {
			return fmt.Errorf("offer %q: %s %s is negative: %w", o.Name, p.name, p.v, ErrInvalid)
		}
	}
	return nil
}

// Choose returns the index of the offer with the greatest delivered value,
// the one a value-maximising customer chooses (Kotler & Keller, Marketing
// Management).
//
// Ties are broken by the higher value/cost ratio (an offer with zero cost
// and positive value ranks above any offer with a cost), then by the
// earlier position in offers. Amounts are compared exactly, so a tie is an
// exact tie. It returns an error wrapping [ErrEmpty] for no offers, or one
// wrapping [ErrInvalid] naming the index of the first offer that is not
// valid.
func Choose(offers []Offer) (int, error) {
	if len(offers) == 0 {
		return -1, errorf("no offers to choose from: %w", ErrEmpty)
	}
	for i, o := range offers {
		if err := o.validate(); err != nil {
			return -1, errorf("offer %d: %w", i, err)
		}
	}
	best := 0
	for i := 1; i < len(offers); i++ {
		c := delivered(offers[i]).Cmp(delivered(offers[best]))
		if c > 0 || c == 0 && ratioGreater(offers[i], offers[best]) {
			best = i
		}
	}
	return best, nil
}

func delivered(o Offer) decimal.Decimal { return o.totalValue().Sub(o.totalCost()) }

// ratioGreater reports whether a's value/cost ratio exceeds b's, comparing
// va/ca with vb/cb by cross-multiplication so no division is rounded.
func ratioGreater(a, b Offer) bool {
	va, ca := a.totalValue(), a.totalCost()
	vb, cb := b.totalValue(), b.totalCost()
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
