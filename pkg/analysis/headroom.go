package analysis

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// FactorPlaces are the decimal places of a headroom factor, rounded down:
// the search runs on the grid of 10⁻⁴.
const FactorPlaces = 4

// MaxFactor is the largest factor the headroom search tries: a driver that
// keeps PLA ≥ CR up to it has no factor (null).
const MaxFactor = 100

// The search runs on whole steps of 10⁻⁴: step n is the factor n·10⁻⁴.
const (
	gridOne = 10_000 // the step of the factor 1
	gridMax = MaxFactor * gridOne
)

// Headroom is how far an operator is from the other side of PLA = CR.
type Headroom struct {
	// PL is the surplus PLA − CR: the fall of PL, in R$, that makes
	// PLA = CR (the CR does not depend on PL). Negative when insufficient.
	PL decimal.Decimal
	// Drivers are the factors of the groups of Drivers, in that order, for
	// a sufficient operator; none for an insufficient one.
	Drivers []DriverFactor
	// Aporte is the capital to add that makes PLA = CR (−PL) for an
	// insufficient operator; nil for a sufficient one.
	Aporte *decimal.Decimal
}

// DriverFactor is the headroom of one group of inputs.
type DriverFactor struct {
	Driver Group
	// Factor is the largest k, to FactorPlaces places rounded down, by which
	// every value of the group can be multiplied (the other inputs as they
	// are) with PLA ≥ CR still true: k + 10⁻⁴ makes PLA < CR. Nil when
	// PLA ≥ CR holds up to k = MaxFactor.
	Factor *decimal.Decimal
	// Inert says the CR under MaxFactor is the CR under 1: the group does
	// not move the capital at all (its values are all zero or do not enter
	// this operator's capital, its parcel is informed, or the CB stays
	// above the CBR). Factor is then nil. With CR = 0 (no CB, no risk)
	// every driver is inert: a factor multiplies zeros.
	Inert bool
}

// FindHeadroom searches the headroom of the operator in, whose result r is
// capital.Compute(in, rb, opt). PL and Aporte come from r. For a
// sufficient operator, each driver's factor is searched with a full
// computation of Scale(in, {driver: k}) under rb and opt at each k tried
// (eligibility and the choice of factor set included). The search assumes
// that the CR does not fall when a group of inputs grows, as in the model
// with the rulebook's correlations (none negative): every parcel grows
// with its inputs, the choice of set takes the least of growing CRSs, the
// aggregation grows with each parcel. A user's negative correlation can
// break that; the factor found is then still a crossing (PLA ≥ CR at k,
// PLA < CR at k + 10⁻⁴), not necessarily the last. A computation that
// fails (a user's correlation matrix that turns a sum of squares negative
// under the scaled input) is the search's error.
func FindHeadroom(in *capital.Input, r *capital.Result, rb *rules.Rulebook, opt capital.Options) (*Headroom, error) {
	surplus := r.Surplus.Value
	h := &Headroom{PL: surplus, Drivers: []DriverFactor{}}
	if !r.Sufficient {
		aporte := surplus.Neg()
		h.Aporte = &aporte
		return h, nil
	}
	for _, g := range Drivers {
		run := func(k decimal.Decimal) (*capital.Result, error) {
			res, err := capital.Compute(Scale(in, map[Group]decimal.Decimal{g: k}), rb, opt)
			if err != nil {
				return nil, fmt.Errorf("headroom of %s at %s×: %w", g, k, err)
			}
			return res, nil
		}
		top, err := run(decimal.NewFromInt(MaxFactor))
		if err != nil {
			return nil, err
		}
		d := DriverFactor{Driver: g}
		if top.Sufficient {
			d.Inert = top.CR.Value.Equal(r.CR.Value)
		} else {
			n, err := lastSufficient(gridOne, gridMax, surplus, top.Surplus.Value, func(n int64) (decimal.Decimal, error) {
				res, err := run(onGrid(n))
				if err != nil {
					return decimal.Zero, err
				}
				return res.Surplus.Value, nil
			})
			if err != nil {
				return nil, err
			}
			k := onGrid(n)
			d.Factor = &k
		}
		h.Drivers = append(h.Drivers, d)
	}
	return h, nil
}

// onGrid is the factor of step n.
func onGrid(n int64) decimal.Decimal { return decimal.New(n, -FactorPlaces) }

// lastSufficient returns the largest step n in [lo, hi) whose surplus
// s(n) is ≥ 0, given s(lo) = slo ≥ 0 > shi = s(hi) and s non-increasing.
// It keeps lo with s ≥ 0 and hi with s < 0, each from an actual s, and
// closes them until they are one step apart: the answer rests on s's
// monotony alone. Where to try next is the secant's root with the Illinois
// weights (the surplus is close to linear in a factor, so a few tries
// do), a plain halving after a secant try that did not halve the
// interval: never more than about twice the halvings of bisection.
func lastSufficient(lo, hi int64, slo, shi decimal.Decimal, s func(int64) (decimal.Decimal, error)) (int64, error) {
	wlo, whi := slo, shi // the secant's values: halved at an end that stays twice
	side := 0            // +1: the last try moved lo; −1: hi
	bisect := false
	half := decimal.New(5, -1)
	for hi-lo > 1 {
		width := hi - lo
		var n int64
		if bisect {
			n = lo + width/2
		} else {
			// the root of the line through (lo, wlo) and (hi, whi), rounded
			// down, inside (lo, hi)
			step := money.Div(decimal.NewFromInt(width).Mul(wlo), wlo.Sub(whi)).IntPart()
			n = lo + min(max(step, 1), width-1)
		}
		v, err := s(n)
		if err != nil {
			return 0, err
		}
		if v.Sign() >= 0 {
			lo, wlo = n, v
			if side > 0 {
				whi = whi.Mul(half)
			}
			side = 1
		} else {
			hi, whi = n, v
			if side < 0 {
				wlo = wlo.Mul(half)
			}
			side = -1
		}
		bisect = !bisect && 2*(hi-lo) > width
	}
	return lo, nil
}
