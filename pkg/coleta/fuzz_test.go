package coleta

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Seeds: the forms people type into fields 2–4 and 5–21; `go test` runs
// them, `go test -fuzz` starts from them.
var monthSeeds = []string{"032024", "122019", "32024", "2024-03", "03/2024", "132024", "000000", " 012018", "0320245", "", "032024\n"}

func FuzzMonth(f *testing.F) {
	for _, s := range monthSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			if !strings.Contains(err.Error(), "032024") {
				t.Fatalf("ParseMonth(%q): the error %q shows no example", s, err)
			}
			return
		}
		// What was read writes back as the text without its blanks, and reads again as itself.
		if got := FormatMonth(m); got != strings.TrimSpace(s) {
			t.Fatalf("ParseMonth(%q) = %s, written back %q", s, m, got)
		}
		if again, err := ParseMonth(FormatMonth(m)); err != nil || again != m {
			t.Fatalf("round trip of %s: %s, %v", m, again, err)
		}
	})
}

var valueSeeds = []struct {
	text   string
	isText bool
}{
	{"1000", false}, {"85.3", false}, {"85,30", true}, {"1.234", true}, {"1.234", false}, {"-1", false},
	{"1E3", false}, {"9999999999", false}, {"10000000000", false}, {"999.9999", false}, {"R$ 1.234,56", true},
	{"abc", true}, {"", true}, {"0.00001", false}, {"1e-400", false},
}

func FuzzValue(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s.text, s.isText)
	}
	f.Fuzz(func(t *testing.T, text string, isText bool) {
		for _, n := range []int{5, 8, 11, 14} { // integer, 3+2, 10+2, 3+4
			fd := FieldOf(n)
			v, _, bad := ParseValue(fd, Cell{Col: n, Row: 3, Text: text, IsText: isText})
			if bad != nil {
				if bad.Code == "" || bad.Message == "" || bad.Cell != Axis(n, 3) {
					t.Fatalf("field %d, %q: an error without code or message", n, text)
				}
				continue
			}
			// Whatever is accepted fits the field: not negative, its
			// decimals, below 10^IntDigits.
			if v.Sign() < 0 || !v.Round(int32(fd.Places)).Equal(v) || v.GreaterThanOrEqual(decimal.New(1, int32(fd.IntDigits))) {
				t.Fatalf("field %d accepted %q as %s", n, text, v)
			}
		}
	})
}
