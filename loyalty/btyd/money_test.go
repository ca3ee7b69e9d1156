package btyd_test

import "github.com/shopspring/decimal"

// money parses a decimal amount written in a test.
func money(s string) decimal.Decimal { return decimal.RequireFromString(s) }
