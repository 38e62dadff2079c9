package lang

import (
	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/money"
)

// Fixed writes x rounded half away from zero to exactly places decimals:
// with a decimal comma and thousands points in pt-BR (4,7196), with a
// decimal point in English (4.7196). Number keeps the places x has; Fixed
// keeps a column of ratios aligned.
func (l Lang) Fixed(x decimal.Decimal, places int32) string {
	if l.resolved() == PtBR {
		return money.PtBR(x, places)
	}
	return x.StringFixed(places)
}
