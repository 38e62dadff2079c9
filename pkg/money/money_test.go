package money

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The expected roots below were checked with an independent 60-digit
// computation (Python decimal, prec=60) and are truncated, not rounded, to
// Scale = 20 places; the digit after the cut is given to show which cases
// tell truncation from rounding.
func TestSqrt(t *testing.T) {
	tests := []struct {
		name, x, want string
	}{
		{"zero", "0", "0"},
		{"perfect square 4", "4", "2"},
		{"perfect square 2.25", "2.25", "1.5"},
		{"perfect square 0.0001", "0.0001", "0.01"},
		// 123456789² = 15241578750190521
		{"large perfect square", "15241578750190521", "123456789"},
		{"1e40", "10000000000000000000000000000000000000000", "100000000000000000000"},
		// √2 = 1.41421356237309504880|168…
		{"sqrt 2", "2", "1.41421356237309504880"},
		// √3 = 1.73205080756887729352|744…: rounding would end in …353
		{"sqrt 3 truncates", "3", "1.73205080756887729352"},
		// √5 000 000 = 2236.06797749978969640917|366… (the BCBR of CRS=CRC=CRM=1000)
		{"sqrt 5e6", "5000000", "2236.06797749978969640917"},
		// √1 570 000 = 1252.99640861416677884953|648… (spec §11 CRS vector)
		{"sqrt 1570000", "1570000", "1252.99640861416677884953"},
		// √14.25e12 = 3774917.21763537484861834240|347… (spec §11 CBR vector)
		{"sqrt 14.25e12", "14250000000000", "3774917.2176353748486183424"},
		// √1e-40 = 1e-20, the last representable place
		{"smallest exact", "0.0000000000000000000000000000000000000001", "0.00000000000000000001"},
		// √1.21e-38 = 1.1e-19
		{"tiny exact", "0.0000000000000000000000000000000000000121", "0.00000000000000000011"},
		// √1e-42 = 1e-21, below the working scale: truncates to 0
		{"below scale", "0.000000000000000000000000000000000000000001", "0"},
		// √0.5 = 0.70710678118654752440|084…
		{"sqrt 0.5", "0.5", "0.7071067811865475244"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Sqrt(d(tc.x))
			if !got.Equal(d(tc.want)) {
				t.Errorf("Sqrt(%s) = %s, want %s", tc.x, got, tc.want)
			}
			if got.Exponent() != -Scale {
				t.Errorf("Sqrt(%s) has exponent %d, want %d", tc.x, got.Exponent(), -Scale)
			}
		})
	}
}

// TestSqrtIsFloor checks the defining property of a truncated root at scale
// 20 on values with no hand-known root: r² ≤ x < (r + 10⁻²⁰)².
func TestSqrtIsFloor(t *testing.T) {
	ulp := decimal.New(1, -Scale)
	for _, s := range []string{"7", "10", "0.1", "0.07", "99.999", "64275764", "37236484",
		"123456789.123456789", "0.000000000000000000000000000000000000000099", "1e30", "1.5E-7", "314159265358979323846264338327950288"} {
		x := d(s)
		r := Sqrt(x)
		if r.Mul(r).GreaterThan(x) {
			t.Errorf("Sqrt(%s) = %s: its square %s exceeds x", s, r, r.Mul(r))
		}
		next := r.Add(ulp)
		if !next.Mul(next).GreaterThan(x) {
			t.Errorf("Sqrt(%s) = %s is not the largest 20-place root: (%s)² = %s ≤ x", s, r, next, next.Mul(next))
		}
	}
}

// TestSqrtAgainstBigFloat compares with math/big.Float at 200 bits.
func TestSqrtAgainstBigFloat(t *testing.T) {
	tol := new(big.Float).SetPrec(200).SetFloat64(1e-20)
	for _, s := range []string{"2", "3", "5000000", "1570000", "14250000000000", "0.31415", "98765432109876543210.0123"} {
		x, _, err := big.ParseFloat(s, 10, 200, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		want := new(big.Float).SetPrec(200).Sqrt(x)
		got, _, _ := big.ParseFloat(Sqrt(d(s)).String(), 10, 200, big.ToNearestEven)
		diff := new(big.Float).SetPrec(200).Sub(want, got)
		// Truncation: 0 ≤ exact − got < 10⁻²⁰.
		if diff.Sign() < 0 || diff.Cmp(tol) >= 0 {
			t.Errorf("Sqrt(%s) = %s, big.Float says %s", s, got.Text('g', 40), want.Text('g', 40))
		}
	}
}

func TestSqrtNegativePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Sqrt(-1) did not panic")
		}
	}()
	Sqrt(d("-1"))
}

func TestDiv(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"1", "8", "0.125"},                                          // exact
		{"10", "4", "2.5"},                                           // exact
		{"1", "3", "0.33333333333333333333"},                         // 0.333…|3 rounds down
		{"2", "3", "0.66666666666666666667"},                         // 0.666…|6 rounds up
		{"-2", "3", "-0.66666666666666666667"},                       // away from zero
		{"0.000000000000000000005", "1", "0.00000000000000000001"},   // 5e-21: half away from zero
		{"-0.000000000000000000005", "1", "-0.00000000000000000001"}, // same, negative
		{"0.000000000000000000004", "1", "0"},                        // 4e-21 rounds to 0
		{"400", "400", "1"},                                          // exact
		// 4 600 000 / 1 349 233.015205 = 3.40934438170495287039|094… (Python decimal, prec 50)
		{"4600000", "1349233.015205", "3.40934438170495287039"},
	}
	for _, tc := range tests {
		got := Div(d(tc.a), d(tc.b))
		if !got.Equal(d(tc.want)) {
			t.Errorf("Div(%s, %s) = %s, want %s", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestRound(t *testing.T) {
	tests := []struct{ x, want string }{
		{"1349233.015205", "1349233.02"}, // spec §11: CB cooperativa médica SSP região 3
		{"311158.623702", "311158.62"},   // spec §11: CB autogestão região 6
		{"15821.624934", "15821.62"},     // spec §11: CB odontologia SOP região 6
		{"1.005", "1.01"},                // half → away from zero
		{"-1.005", "-1.01"},              // half → away from zero, negative
		{"2.675", "2.68"},                // binary float would give 2.67
		{"0.125", "0.13"},
		{"-0.125", "-0.13"},
		{"1.0049999999", "1"},
		{"-1.0049999999", "-1"},
		{"0.004", "0"},
		{"7", "7"},
	}
	for _, tc := range tests {
		if got := Round(d(tc.x)); !got.Equal(d(tc.want)) {
			t.Errorf("Round(%s) = %s, want %s", tc.x, got, tc.want)
		}
	}
}

func TestMaxMin(t *testing.T) {
	if got := Max(d("1"), d("2")); !got.Equal(d("2")) {
		t.Errorf("Max(1, 2) = %s", got)
	}
	if got := Max(d("-1"), d("-2")); !got.Equal(d("-1")) {
		t.Errorf("Max(-1, -2) = %s", got)
	}
	if got := Min(d("1"), d("2")); !got.Equal(d("1")) {
		t.Errorf("Min(1, 2) = %s", got)
	}
	if got := Min(d("-1"), d("-2")); !got.Equal(d("-2")) {
		t.Errorf("Min(-1, -2) = %s", got)
	}
	// Ties return a (told apart by the exponent of equal values).
	if got := Max(d("1.0"), d("1.00")); got.Exponent() != -1 {
		t.Errorf("Max on a tie returned b (%s)", got.String())
	}
	if got := Min(d("1.0"), d("1.00")); got.Exponent() != -1 {
		t.Errorf("Min on a tie returned b (%s)", got.String())
	}
}

func TestBRL(t *testing.T) {
	tests := []struct{ x, want string }{
		{"1349233.015205", "R$ 1.349.233,02"}, // spec §11
		{"311158.623702", "R$ 311.158,62"},    // spec §11
		{"15821.624934", "R$ 15.821,62"},      // spec §11
		{"-12.5", "-R$ 12,50"},
		{"0", "R$ 0,00"},
		{"-0.001", "R$ 0,00"}, // rounds to zero: no sign
		{"-0.005", "-R$ 0,01"},
		{"999.995", "R$ 1.000,00"}, // rounding carries into a new group
		{"100", "R$ 100,00"},
		{"1000", "R$ 1.000,00"},
		{"123456789012.345", "R$ 123.456.789.012,35"},
	}
	for _, tc := range tests {
		if got := BRL(d(tc.x)); got != tc.want {
			t.Errorf("BRL(%s) = %q, want %q", tc.x, got, tc.want)
		}
	}
}

func TestPtBR(t *testing.T) {
	tests := []struct {
		x      string
		places int32
		want   string
	}{
		{"1234.5678", 4, "1.234,5678"},
		{"1234.5678", 2, "1.234,57"},
		{"1234.5", 4, "1.234,5000"},
		{"-1234567", 0, "-1.234.567"},
		{"0.5", 0, "1"},   // half away from zero
		{"-0.5", 0, "-1"}, // half away from zero
		{"-0.4", 0, "0"},  // no "-0"
		{"12", 2, "12,00"},
		{"123", 2, "123,00"},
		{"123456", 1, "123.456,0"},
		{"3.40934", 4, "3,4093"},
	}
	for _, tc := range tests {
		if got := PtBR(d(tc.x), tc.places); got != tc.want {
			t.Errorf("PtBR(%s, %d) = %q, want %q", tc.x, tc.places, got, tc.want)
		}
	}
}
