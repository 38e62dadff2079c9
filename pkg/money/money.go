// Package money holds the decimal arithmetic that the capital model needs and
// shopspring/decimal does not provide: square roots at a named working scale,
// display rounding, and Brazilian (BRL) formatting.
package money

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// Scale is the working scale (decimal places) of every square root and
// division in capreg. Sums and products are exact; only Sqrt and Div round.
const Scale = 20

// displayPlaces is the number of places a monetary amount is rounded to when
// shown or written (centavos).
const displayPlaces = 2

var ten = big.NewInt(10)

// Sqrt returns the square root of x truncated to Scale decimal places.
// Perfect squares come out exact. x must not be negative.
func Sqrt(x decimal.Decimal) decimal.Decimal {
	if x.Sign() < 0 {
		panic("money.Sqrt of a negative number")
	}
	// floor(sqrt(c·10^e)·10^s) = isqrt(floor(c·10^(e+2s))).
	n := new(big.Int).Set(x.Coefficient())
	shift := int64(x.Exponent()) + 2*Scale
	p := new(big.Int).Exp(ten, big.NewInt(abs(shift)), nil)
	if shift >= 0 {
		n.Mul(n, p)
	} else {
		n.Quo(n, p)
	}
	return decimal.NewFromBigInt(n.Sqrt(n), -Scale)
}

// Div returns a/b rounded half away from zero to Scale places. b must not be zero.
func Div(a, b decimal.Decimal) decimal.Decimal {
	return a.DivRound(b, Scale)
}

// Round rounds for display: half away from zero, to centavos.
func Round(x decimal.Decimal) decimal.Decimal {
	return x.Round(displayPlaces)
}

// Max returns the larger of a and b (a on ties).
func Max(a, b decimal.Decimal) decimal.Decimal {
	if b.GreaterThan(a) {
		return b
	}
	return a
}

// Min returns the smaller of a and b (a on ties).
func Min(a, b decimal.Decimal) decimal.Decimal {
	if b.LessThan(a) {
		return b
	}
	return a
}

// BRL formats x as Brazilian reais rounded to centavos: "R$ 1.349.233,02",
// "-R$ 12,50".
func BRL(x decimal.Decimal) string {
	s := PtBR(x, displayPlaces)
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return "-R$ " + rest
	}
	return "R$ " + s
}

// PtBR formats x rounded to places with pt-BR separators ("1.234,5678").
// A negative sign goes in front of the whole text.
func PtBR(x decimal.Decimal, places int32) string {
	s := x.Round(places).StringFixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg { // never "-0,00": a negative amount that rounds to zero is 0, and 0 has no sign
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
