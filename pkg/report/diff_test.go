package report

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/lang"
)

// Every step has its words in both languages, different for each step.
func TestStepLabels(t *testing.T) {
	for _, l := range lang.All {
		var seen []string
		for _, s := range analysis.Steps() {
			k, ok := stepLabels[s]
			got := l.T(k)
			if !ok || got == string(k) || slices.Contains(seen, got) {
				t.Errorf("%s: step %s has the label %q", l, s, got)
			}
			seen = append(seen, got)
		}
	}
	if len(stepLabels) != len(analysis.Steps()) {
		t.Errorf("%d labels for %d steps", len(stepLabels), len(analysis.Steps()))
	}
}

func TestAxisFloor(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		levels []string
		want   float64 // 0: nil, the axis at 0
	}{
		// lo 26 164 886.68, hi 28 814 352.69: 26 164 886.68 − 2 649 466.01 = 23 515 420.67 → 23 000 000
		{[]string{"28141360.60", "28814352.69", "26164886.68"}, 23000000},
		// lo 1000, hi 1400: 600 → 600 (three digits, kept to two: 600)
		{[]string{"1000", "1400"}, 600},
		// lo 1000, hi 1990: 10 → 10
		{[]string{"1990", "1000"}, 10},
		// lo 1000, hi 1999: 1 → 1 (one digit: e = −1, 1.0)
		{[]string{"1000", "1999"}, 1},
		{[]string{"1000", "2000"}, 0}, // floor 0: the axis at 0
		{[]string{"1000", "3000"}, 0}, // floor below 0
		{[]string{"1000", "1000"}, 0}, // no change at all
	} {
		vs := make([]decimal.Decimal, len(c.levels))
		for i, s := range c.levels {
			vs[i] = d(s)
		}
		got := axisFloor(vs[0], vs[1:]...)
		switch {
		case c.want == 0 && got != nil:
			t.Errorf("%v: %v, want the axis at 0", c.levels, *got)
		case c.want != 0 && (got == nil || *got != c.want):
			t.Errorf("%v: %v, want %v", c.levels, got, c.want)
		}
	}
}

func TestWrapList(t *testing.T) {
	for _, c := range []struct {
		line  string
		width int
		want  []string
	}{
		{"short", 10, []string{"short"}},
		{"  aa, bb, cc, dd", 10, []string{"  aa, bb,", "  cc, dd"}},
		{"  aaaaaaaaaaaa, b", 10, []string{"  aaaaaaaaaaaa,", "  b"}}, // an item longer than the width stays whole
		{"", 10, []string{""}},
	} {
		if got := wrapList(c.line, c.width); !slices.Equal(got, c.want) {
			t.Errorf("wrapList(%q, %d) = %q, want %q", c.line, c.width, got, c.want)
		}
	}
}
