package period

import (
	"testing"
	"time"
)

func m(y int, mo time.Month) Month { return Month{y, mo} }

func TestAdd(t *testing.T) {
	tests := []struct {
		from Month
		n    int
		want Month
	}{
		{m(2023, 12), 0, m(2023, 12)},
		{m(2023, 12), 1, m(2024, 1)},   // year rolls over
		{m(2023, 1), -1, m(2022, 12)},  // and back
		{m(2023, 12), -11, m(2023, 1)}, // first month of the 12-month window ending 2023-12
		{m(2024, 1), -11, m(2023, 2)},
		{m(2023, 6), 9, m(2024, 3)},    // accreditation window: 2T2023 end + 9 months
		{m(2023, 5), 25, m(2025, 6)},   // 2 years and 1 month
		{m(2023, 5), -29, m(2020, 12)}, // 2 years and 5 months back
		{m(2020, 3), 120, m(2030, 3)},
	}
	for _, tc := range tests {
		if got := tc.from.Add(tc.n); got != tc.want {
			t.Errorf("%s.Add(%d) = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

func TestSubBeforeAfter(t *testing.T) {
	tests := []struct {
		a, b Month
		sub  int
	}{
		{m(2024, 1), m(2023, 12), 1},
		{m(2023, 12), m(2023, 1), 11},
		{m(2023, 1), m(2023, 12), -11},
		{m(2025, 6), m(2020, 3), 63}, // 5·12 + 3
		{m(2023, 5), m(2023, 5), 0},
	}
	for _, tc := range tests {
		if got := tc.a.Sub(tc.b); got != tc.sub {
			t.Errorf("%s.Sub(%s) = %d, want %d", tc.a, tc.b, got, tc.sub)
		}
		if got := tc.a.After(tc.b); got != (tc.sub > 0) {
			t.Errorf("%s.After(%s) = %v", tc.a, tc.b, got)
		}
		if got := tc.a.Before(tc.b); got != (tc.sub < 0) {
			t.Errorf("%s.Before(%s) = %v", tc.a, tc.b, got)
		}
		if got := tc.b.Add(tc.sub); got != tc.a {
			t.Errorf("%s.Add(%d) = %s, want %s", tc.b, tc.sub, got, tc.a)
		}
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		m           Month
		first, last string
	}{
		{m(2024, 2), "2024-02-01", "2024-02-29"}, // leap year
		{m(2023, 2), "2023-02-01", "2023-02-28"},
		{m(1900, 2), "1900-02-01", "1900-02-28"}, // 1900 is not a leap year
		{m(2000, 2), "2000-02-01", "2000-02-29"}, // 2000 is
		{m(2023, 12), "2023-12-01", "2023-12-31"},
		{m(2023, 4), "2023-04-01", "2023-04-30"},
		{m(2023, 6), "2023-06-01", "2023-06-30"},
	}
	for _, tc := range tests {
		if got := Date(tc.m.FirstDay()); got != tc.first {
			t.Errorf("%s.FirstDay() = %s, want %s", tc.m, got, tc.first)
		}
		if got := Date(tc.m.LastDay()); got != tc.last {
			t.Errorf("%s.LastDay() = %s, want %s", tc.m, got, tc.last)
		}
		if tc.m.LastDay().Location() != time.UTC || tc.m.LastDay().Hour() != 0 {
			t.Errorf("%s.LastDay() is not midnight UTC: %v", tc.m, tc.m.LastDay())
		}
	}
}

func TestQuarters(t *testing.T) {
	tests := []struct {
		m     Month
		q     int
		end   Month
		label string
	}{
		{m(2023, 1), 1, m(2023, 3), "1T2023"},
		{m(2023, 3), 1, m(2023, 3), "1T2023"},
		{m(2023, 4), 2, m(2023, 6), "2T2023"},
		{m(2023, 6), 2, m(2023, 6), "2T2023"},
		{m(2023, 7), 3, m(2023, 9), "3T2023"},
		{m(2023, 9), 3, m(2023, 9), "3T2023"},
		{m(2023, 10), 4, m(2023, 12), "4T2023"},
		{m(2024, 12), 4, m(2024, 12), "4T2024"},
	}
	for _, tc := range tests {
		if got := tc.m.Quarter(); got != tc.q {
			t.Errorf("%s.Quarter() = %d, want %d", tc.m, got, tc.q)
		}
		if got := tc.m.QuarterEnd(); got != tc.end {
			t.Errorf("%s.QuarterEnd() = %s, want %s", tc.m, got, tc.end)
		}
		if got := tc.m.QuarterLabel(); got != tc.label {
			t.Errorf("%s.QuarterLabel() = %s, want %s", tc.m, got, tc.label)
		}
	}
}

func TestStringAndMonthOf(t *testing.T) {
	if got := m(2023, 5).String(); got != "2023-05" {
		t.Errorf("String = %q", got)
	}
	if got := m(987, 12).String(); got != "0987-12" {
		t.Errorf("String = %q", got)
	}
	tm := time.Date(2023, 5, 15, 23, 59, 0, 0, time.UTC)
	if got := MonthOf(tm); got != m(2023, 5) {
		t.Errorf("MonthOf(%v) = %s", tm, got)
	}
	if !(Month{}).IsZero() || m(2023, 1).IsZero() {
		t.Error("IsZero is wrong")
	}
	if got := Date(time.Date(2023, 6, 5, 12, 0, 0, 0, time.UTC)); got != "2023-06-05" {
		t.Errorf("Date = %q", got)
	}
}
