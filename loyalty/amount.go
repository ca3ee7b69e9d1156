package loyalty

import (
	"fmt"
	"reflect"

	"github.com/shopspring/decimal"
)

// MaxAmountExponent bounds the decimal exponent of the money amounts the
// package accepts: an amount c·10ᵉ (decimal.Decimal's coefficient c and
// exponent e) needs −MaxAmountExponent ≤ e ≤ MaxAmountExponent, which
// admits every amount from 1e−1000 to beyond 1e1000. Decimal arithmetic
// on an amount such as 1e999999999 takes time and memory in proportion to
// its exponent (rounding it to cents writes out a billion digits), so
// such amounts are errors wrapping [ErrInvalid] rather than hangs.
const MaxAmountExponent = 1000

// checkAmount returns an error if d's exponent is out of range. It does
// not print d, whose text could be as long as its exponent.
func checkAmount(what string, d decimal.Decimal) error {
	if e := d.Exponent(); e > MaxAmountExponent || e < -MaxAmountExponent {
		return fmt.Errorf("loyalty: %s has decimal exponent %d, outside ±%d: %w", what, e, MaxAmountExponent, ErrInvalid)
	}
	return nil
}

var decimalType = reflect.TypeFor[decimal.Decimal]()

// checkAmounts applies checkAmount to every decimal.Decimal in v (fields of
// structs, elements of arrays and slices), naming it by its path.
func checkAmounts(path string, v reflect.Value) error {
	if v.Type() == decimalType {
		return checkAmount(path, v.Interface().(decimal.Decimal))
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				if err := checkAmounts(path+"."+f.Name, v.Field(i)); err != nil {
					return err
				}
			}
		}
	case reflect.Array, reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if err := checkAmounts(fmt.Sprintf("%s[%d]", path, i), v.Index(i)); err != nil {
				return err
			}
		}
	}
	return nil
}
