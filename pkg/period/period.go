// Package period holds the calendar types of the capital model: a reference
// month (competência, data base) and civil dates.
package period

import (
	"fmt"
	"time"
)

// Month is a calendar month, the unit of the data base and of competências.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month a date falls in.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

// Add returns the month n months after m (n may be negative).
func (m Month) Add(n int) Month {
	i := m.index() + n
	return Month{i / 12, time.Month(i%12 + 1)}
}

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

// Sub returns the number of months from o to m.
func (m Month) Sub(o Month) int { return m.index() - o.index() }

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

// After reports whether m is later than o.
func (m Month) After(o Month) bool { return m.index() > o.index() }

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m == Month{} }

// String formats m as AAAA-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// FirstDay is the first day of m.
func (m Month) FirstDay() time.Time {
	return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC)
}

// LastDay is the last day of m, the date a monthly data base refers to.
func (m Month) LastDay() time.Time { return m.Add(1).FirstDay().AddDate(0, 0, -1) }

// Quarter is the calendar quarter of m, 1 to 4.
func (m Month) Quarter() int { return (int(m.Month)-1)/3 + 1 }

// QuarterEnd is the last month of m's calendar quarter.
func (m Month) QuarterEnd() Month { return Month{m.Year, time.Month(m.Quarter() * 3)} }

// QuarterLabel names m's quarter as ANS does: "2T2023".
func (m Month) QuarterLabel() string { return fmt.Sprintf("%dT%d", m.Quarter(), m.Year) }

// Date formats a civil date as AAAA-MM-DD.
func Date(t time.Time) string { return t.Format(time.DateOnly) }
