module github.com/cxlab/satisfaction

go 1.23.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/shopspring/decimal v1.4.0
	gonum.org/v1/gonum v0.16.0
)

require golang.org/x/tools v0.26.0 // indirect
