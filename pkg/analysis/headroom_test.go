package analysis

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// search runs lastSufficient over [1, MaxFactor] on a surplus given as a
// function of the factor k, and counts its tries.
func search(t *testing.T, s func(k decimal.Decimal) decimal.Decimal) (int64, int) {
	t.Helper()
	tries := 0
	n, err := lastSufficient(gridOne, gridMax, s(onGrid(gridOne)), s(onGrid(gridMax)), func(n int64) (decimal.Decimal, error) {
		tries++
		if n <= gridOne || n >= gridMax {
			t.Fatalf("tried %d, outside (%d, %d)", n, gridOne, gridMax)
		}
		return s(onGrid(n)), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, tries
}

// bisectionTries is what plain bisection takes on [1, 100] in steps of
// 10⁻⁴: ⌈log₂ 990 000⌉ = 20. The search must never take more than twice
// that (a halving after each secant try that did not halve).
const bisectionTries = 20

func TestLastSufficient(t *testing.T) {
	for _, tc := range []struct {
		name     string
		s        func(k decimal.Decimal) decimal.Decimal
		want     string
		maxTries int
	}{
		// 1000 − 300k = 0 at k = 3.3333…: s(3.3333) = 1000 − 999.99 = 0.01 ≥ 0,
		// s(3.3334) = 1000 − 1000.02 = −0.02.
		{"linear", func(k decimal.Decimal) decimal.Decimal { return dec("1000").Sub(dec("300").Mul(k)) }, "3.3333", 4},
		// 100 − 100k: s(1) = 0, PLA = CR is sufficient; s(1.0001) = −0.01.
		{"on the edge at 1", func(k decimal.Decimal) decimal.Decimal { return dec("100").Sub(dec("100").Mul(k)) }, "1", 4},
		// 2.5 − k: s(2.5) = 0 exactly, sufficient; s(2.5001) < 0.
		{"zero on the grid", func(k decimal.Decimal) decimal.Decimal { return dec("2.5").Sub(k) }, "2.5", 4},
		// CR = max(CB, CBR) with CB = 400, CBR = 150k, PLA = 1000: the kink at
		// k = 2.6667 comes first; 150 × 6.6666 = 999.99 ≤ 1000 < 150 × 6.6667
		// = 1000.005.
		{"kink of max(CB, CBR)", func(k decimal.Decimal) decimal.Decimal {
			return dec("1000").Sub(money.Max(dec("400"), dec("150").Mul(k)))
		}, "6.6666", 8},
		// A convex CR: 100 − sqrt(100 + 900k²) = 0 at k = √11 = 3.31662…:
		// 900 × 3.3166² = 9899.85 (root 99.9993), 900 × 3.3167² = 9900.45
		// (root 100.0022).
		{"square root", func(k decimal.Decimal) decimal.Decimal {
			return dec("100").Sub(money.Sqrt(dec("100").Add(dec("900").Mul(k).Mul(k))))
		}, "3.3166", 8},
		// 500 − 5.0001k = 0 at k = 99.99800004: 5.0001 × 99.998 = 499.9999998,
		// 5.0001 × 99.9981 = 500.00049981.
		{"just below 100", func(k decimal.Decimal) decimal.Decimal { return dec("500").Sub(dec("5.0001").Mul(k)) }, "99.998", 8},
		// A jump: sufficient by 5 below 7.25, insufficient by 5 from there.
		{"step", func(k decimal.Decimal) decimal.Decimal {
			if k.LessThan(dec("7.25")) {
				return dec("5")
			}
			return dec("-5")
		}, "7.2499", 2 * bisectionTries},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, tries := search(t, tc.s)
			t.Logf("%d tries", tries)
			if got := onGrid(n); !got.Equal(dec(tc.want)) {
				t.Errorf("factor %s, want %s", got, tc.want)
			}
			if tries > tc.maxTries {
				t.Errorf("%d tries, want at most %d", tries, tc.maxTries)
			}
		})
	}
}

// The search finds the last step of any non-increasing surplus, whatever
// its shape: random roots r (steps) and surpluses c·(r − n)^p (p odd) or
// steps, against the root.
func TestLastSufficientRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	for range 300 {
		r := gridOne + rng.Int64N(gridMax-gridOne) // the last sufficient step
		c := decimal.NewFromInt(1 + rng.Int64N(1_000_000)).Shift(-int32(rng.IntN(8)))
		p := 1 + 2*rng.IntN(3)
		shape := rng.IntN(4)
		s := func(k decimal.Decimal) decimal.Decimal {
			d := decimal.NewFromInt(r).Sub(k.Shift(FactorPlaces)) // r − n
			switch shape {
			case 0: // a step
				if d.Sign() >= 0 {
					return c
				}
				return c.Neg()
			case 1: // sufficient by a constant, then linear
				if d.Sign() >= 0 {
					return c
				}
				return c.Mul(d)
			}
			return c.Mul(d.Pow(decimal.NewFromInt(int64(p))))
		}
		n, tries := search(t, s)
		if n != r {
			t.Fatalf("shape %d, c %s, p %d: step %d, want %d", shape, c, p, n, r)
		}
		if tries > 2*bisectionTries {
			t.Errorf("shape %d, c %s, p %d, root %d: %d tries", shape, c, p, r, tries)
		}
	}
}

func TestLastSufficientError(t *testing.T) {
	boom := errors.New("boom")
	_, err := lastSufficient(gridOne, gridMax, dec("1"), dec("-1"), func(int64) (decimal.Decimal, error) { return decimal.Zero, boom })
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want boom", err)
	}
}

func TestGrid(t *testing.T) {
	if !onGrid(gridOne).Equal(decimal.NewFromInt(1)) || !onGrid(gridMax).Equal(decimal.NewFromInt(MaxFactor)) || !onGrid(1).Equal(decimal.New(1, -FactorPlaces)) {
		t.Errorf("grid: 1 = %s, %d = %s, one step = %s", onGrid(gridOne), MaxFactor, onGrid(gridMax), onGrid(1))
	}
}

// readInput reads a workbook of the repository.
func readInput(t testing.TB, path string) *capital.Input {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in, l, err := workbook.Read(context.Background(), bytes.NewReader(data))
	if err != nil || l.HasErrors() {
		t.Fatal(err, l)
	}
	return in
}

// headroom computes in and searches its headroom.
func headroom(t *testing.T, in *capital.Input, rb *rules.Rulebook, opt capital.Options) (*capital.Result, *Headroom) {
	t.Helper()
	r, err := capital.Compute(in, rb, opt)
	if err != nil {
		t.Fatal(err)
	}
	h, err := FindHeadroom(in, r, rb, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r, h
}

// sufficientAt computes in with group g multiplied by k.
func sufficientAt(t *testing.T, in *capital.Input, rb *rules.Rulebook, opt capital.Options, g Group, k decimal.Decimal) bool {
	t.Helper()
	r, err := capital.Compute(Scale(in, map[Group]decimal.Decimal{g: k}), rb, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r.Sufficient
}

// checkFactors checks every driver's factor of h by the engine: k keeps
// PLA ≥ CR and k + 0.0001 breaks it; a null factor keeps it at MaxFactor.
func checkFactors(t *testing.T, in *capital.Input, rb *rules.Rulebook, opt capital.Options, h *Headroom) {
	t.Helper()
	if len(h.Drivers) != len(Drivers) {
		t.Fatalf("%d drivers, want %d", len(h.Drivers), len(Drivers))
	}
	for i, d := range h.Drivers {
		if d.Driver != Drivers[i] {
			t.Errorf("driver %d is %s, want %s", i, d.Driver, Drivers[i])
		}
		if d.Factor == nil {
			if !sufficientAt(t, in, rb, opt, d.Driver, decimal.NewFromInt(MaxFactor)) {
				t.Errorf("%s: null, but insufficient at %d", d.Driver, MaxFactor)
			}
			continue
		}
		if d.Inert || d.Factor.Exponent() < -FactorPlaces || d.Factor.LessThan(decimal.NewFromInt(1)) {
			t.Errorf("%s: factor %s (inert %v)", d.Driver, d.Factor, d.Inert)
		}
		if !sufficientAt(t, in, rb, opt, d.Driver, *d.Factor) {
			t.Errorf("%s: insufficient at its factor %s", d.Driver, d.Factor)
		}
		if next := d.Factor.Add(decimal.New(1, -FactorPlaces)); sufficientAt(t, in, rb, opt, d.Driver, next) {
			t.Errorf("%s: still sufficient at %s", d.Driver, next)
		}
	}
}

// The example (seed 1): the surplus, and each factor checked by the
// engine. Eventos (PRO = κ·E, about R$ 1 million) and ABI (SUS, about
// R$ 0.1 million) keep PLA ≥ CR up to 100.
func TestFindHeadroomExample(t *testing.T) {
	t.Parallel()
	in, rb := readInput(t, "../../examples/operadora-exemplo.xlsx"), rulestest.Default(t)
	for _, tc := range []struct {
		factors string
		want    map[Group]string // "" for null
	}{
		{capital.Auto, map[Group]string{Contraprestacoes: "7.4653", Eventos: "", ABI: "", Credito: "50.3139", Mercado: "21.2754"}},
		{"padrao", nil},
	} {
		t.Run(tc.factors, func(t *testing.T) {
			t.Parallel()
			opt := capital.Options{Factors: tc.factors}
			r, h := headroom(t, in, rb, opt)
			if !h.PL.Equal(r.Surplus.Value) || h.Aporte != nil {
				t.Errorf("pl %s (surplus %s), aporte %v", h.PL, r.Surplus.Value, h.Aporte)
			}
			checkFactors(t, in, rb, opt, h)
			for _, d := range h.Drivers {
				want, ok := tc.want[d.Driver]
				switch {
				case !ok:
				case want == "" && d.Factor != nil, want != "" && (d.Factor == nil || !d.Factor.Equal(dec(want))):
					t.Errorf("%s: factor %v, want %q", d.Driver, d.Factor, want)
				}
			}
		})
	}
}

// A group that does not move the CR has no factor and is inert: ABI all
// zero; crédito when the CRC is informed. The others are searched as
// before.
func TestFindHeadroomInert(t *testing.T) {
	t.Parallel()
	in, rb := readInput(t, "../../examples/operadora-exemplo.xlsx"), rulestest.Default(t)
	in = Scale(in, map[Group]decimal.Decimal{ABI: decimal.Zero})
	in.Informadas.CRC = &capital.Amount{V: dec("2000000"), Ref: "Parcelas_Informadas!B3"}
	opt := capital.Options{Checked: true}
	_, h := headroom(t, in, rb, opt)
	checkFactors(t, in, rb, opt, h)
	for _, d := range h.Drivers {
		if inert := d.Driver == ABI || d.Driver == Credito; d.Inert != inert {
			t.Errorf("%s: inert %v, want %v", d.Driver, d.Inert, inert)
		}
	}
}

// An insufficient operator (the autogestão fixture): no drivers, pl the
// negative surplus, aporte its opposite.
func TestFindHeadroomInsufficient(t *testing.T) {
	t.Parallel()
	in, rb := readInput(t, "../../testdata/fixtures/f06_autogestao_insuficiente.xlsx"), rulestest.Default(t)
	r, h := headroom(t, in, rb, capital.Options{})
	if r.Sufficient || !h.PL.Equal(r.Surplus.Value) || h.PL.Sign() >= 0 || h.Aporte == nil || !h.Aporte.Equal(h.PL.Neg()) || len(h.Drivers) != 0 {
		t.Errorf("surplus %s: pl %s, aporte %v, drivers %v", r.Surplus.Value, h.PL, h.Aporte, h.Drivers)
	}
}

// CR = 0 (a capital de referência of zero, every risk input zero): no
// factor moves the CR, every driver is inert; with PL below the deductions
// (PLA < 0 = CR) the aporte is −PLA.
func TestFindHeadroomZeroCR(t *testing.T) {
	t.Parallel()
	rb, err := rules.Load([]byte("fator_k:\n  medicina_de_grupo_filantropia_SSP: [0, 0, 0, 0, 0, 0]\n"), "zero.yaml")
	if err != nil {
		t.Fatal(err)
	}
	zero := map[Group]decimal.Decimal{}
	for _, g := range Groups {
		if g != PL && g != Deducoes {
			zero[g] = decimal.Zero
		}
	}
	in := Scale(readInput(t, "../../examples/operadora-exemplo.xlsx"), zero)
	opt := capital.Options{Checked: true}
	r, h := headroom(t, in, rb, opt)
	if !r.CR.Value.IsZero() || !r.Sufficient || !h.PL.Equal(r.PLA.Value) || h.Aporte != nil {
		t.Fatalf("CR %s, PLA %s: pl %s, aporte %v", r.CR.Value, r.PLA.Value, h.PL, h.Aporte)
	}
	for _, d := range h.Drivers {
		if !d.Inert || d.Factor != nil {
			t.Errorf("%s: factor %v, inert %v", d.Driver, d.Factor, d.Inert)
		}
	}
	in.PLA.PL = capital.Amount{V: dec("-1000"), Ref: "PLA!B2"}
	r, h = headroom(t, in, rb, opt)
	if r.Sufficient || h.Aporte == nil || !h.Aporte.Equal(r.PLA.Value.Neg()) || len(h.Drivers) != 0 {
		t.Errorf("PLA %s: aporte %v, drivers %v", r.PLA.Value, h.Aporte, h.Drivers)
	}
}

// BenchmarkFindHeadroom searches the example's headroom (five drivers);
// BenchmarkComputeChecked is one computation of it, as each try is, to
// compare in the same run.
func BenchmarkFindHeadroom(b *testing.B) {
	in, rb := readInput(b, "../../examples/operadora-exemplo.xlsx"), rulestest.Default(b)
	opt := capital.Options{Checked: true}
	r, err := capital.Compute(in, rb, opt)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := FindHeadroom(in, r, rb, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComputeChecked(b *testing.B) {
	in, rb := readInput(b, "../../examples/operadora-exemplo.xlsx"), rulestest.Default(b)
	for b.Loop() {
		if _, err := capital.Compute(in, rb, capital.Options{Checked: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// A computation that fails is the search's error, naming the driver and
// the factor tried (the rulebook's correlations, the only way it fails on
// an input that computes at 1, cannot be negative enough to reach it but
// in a band of factors the search may not try; an unknown factor set
// fails at once).
func TestFindHeadroomError(t *testing.T) {
	t.Parallel()
	in, rb := readInput(t, "../../examples/operadora-exemplo.xlsx"), rulestest.Default(t)
	r, err := capital.Compute(in, rb, capital.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = FindHeadroom(in, r, rb, capital.Options{Factors: "nenhum"})
	if err == nil || !strings.HasPrefix(err.Error(), "headroom of contraprestacoes at 100×: unknown factor set") {
		t.Errorf("error %v", err)
	}
}

// BenchmarkChange analyses the change from the example to a copy of it
// with three groups moved: twelve computations (the first state and a
// step each), to compare with BenchmarkComputeChecked in the same run.
func BenchmarkChange(b *testing.B) {
	in, rb := readInput(b, "../../examples/operadora-exemplo.xlsx"), rulestest.Default(b)
	k := decimal.RequireFromString("1.1")
	atual := Scale(in, map[Group]decimal.Decimal{Contraprestacoes: k, Credito: k, PL: k})
	for b.Loop() {
		if _, err := Change(in, atual, rb); err != nil {
			b.Fatal(err)
		}
	}
}
