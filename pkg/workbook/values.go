package workbook

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// number reads a numeric value: a numeric cell exactly (as Excel shows
// it), or text in pt-BR or plain notation; percent also takes "35%". A
// boolean, date or error cell is no number. ok is false when a finding was
// recorded (or the cell is empty and optional).
func (r *reader) number(c cell, name string, optional, percent bool) (capital.Amount, bool) {
	if c.empty() {
		if !optional {
			r.missing(c, name)
		}
		return capital.Amount{}, false
	}
	read := c.Number
	if percent {
		read = c.Percent
	}
	d, err := read()
	if err != nil {
		r.found.Add(parse.Finding(findings.BadNumber, c.sheet, c.axis(), name, err))
		return capital.Amount{}, false
	}
	return capital.Amount{V: d, Ref: c.ref()}, true
}

// amount reads a required amount that must not be negative (a negative one
// is reported, and read all the same).
func (r *reader) amount(c cell, name string) (capital.Amount, bool) {
	v, ok := r.number(c, name, false, false)
	if ok {
		r.nonNegative(v, c, name)
	}
	return v, ok
}

// date reads a date (xlsxfile.Cell.Date): a date cell (a serial in the
// workbook's date system, or an ISO date cell) or AAAA-MM-DD text.
func (r *reader) date(c cell, name string, optional bool) (*capital.Dated, bool) {
	if c.empty() {
		if !optional {
			r.missing(c, name)
		}
		return nil, false
	}
	t, err := c.Date(r.book.Date1904())
	if err != nil {
		r.found.Add(parse.Finding(findings.BadDate, c.sheet, c.axis(), name, err))
		return nil, false
	}
	return &capital.Dated{T: t, Ref: c.ref()}, true
}

// month reads a month (xlsxfile.Cell.Month): AAAA-MM text or a date cell.
func (r *reader) month(c cell, name string) (period.Month, bool) {
	if c.empty() {
		r.missing(c, name)
		return period.Month{}, false
	}
	m, err := c.Month(r.book.Date1904())
	if err != nil {
		r.found.Add(parse.Finding(findings.BadDate, c.sheet, c.axis(), name, err))
		return period.Month{}, false
	}
	return m, true
}

// enum reads one of the allowed codes (xlsxfile.Cell.OneOf) as the layout
// spells it.
func (r *reader) enum(c cell, name string, allowed []string, optional bool) (string, bool) {
	if c.empty() {
		if !optional {
			r.missing(c, name)
		}
		return "", false
	}
	code, err := c.OneOf(allowed)
	if err != nil {
		r.found.Add(parse.Finding(findings.BadEnum, c.sheet, c.axis(), name, err))
		return "", false
	}
	return code, true
}

// term types what enum read as a term of the ANS vocabulary.
func term[T ~string](code string, ok bool) (T, bool) { return T(code), ok }

// flag reads S or N; empty is N.
func (r *reader) flag(c cell, name string) bool {
	if c.empty() {
		return false
	}
	v, ok := r.enum(c, name, []string{"S", "N"}, true)
	return ok && v == "S"
}

// registro reads a registro ANS (parse.Registro): 6 digits of text, or a
// number padded to 6.
func (r *reader) registro(c cell, name string) (string, bool) {
	if c.empty() {
		r.missing(c, name)
		return "", false
	}
	reg, err := c.Registro()
	if err != nil {
		r.found.Add(parse.Finding(findings.BadRegistro, c.sheet, c.axis(), name, err))
		return "", false
	}
	return reg, true
}

// text reads free text.
func (r *reader) text(c cell, name string, optional bool) (string, bool) {
	if c.empty() {
		if !optional {
			r.missing(c, name)
		}
		return "", false
	}
	return strings.TrimSpace(c.Value), true
}

// within checks lo ≤ v ≤ hi.
func (r *reader) within(a capital.Amount, c cell, name string, lo, hi int64) bool {
	if a.V.LessThan(decimal.NewFromInt(lo)) || a.V.GreaterThan(decimal.NewFromInt(hi)) {
		r.found.Add(findings.New(findings.OutOfRange, c.sheet, c.axis(), lang.M("%s = %s is outside %d to %d", name, a.V, lo, hi)).
			WithFix(lang.M("type a fraction between 0 and 1 (0,35 or 35%%)")))
		return false
	}
	return true
}

// nonNegative checks v ≥ 0.
func (r *reader) nonNegative(a capital.Amount, c cell, name string) {
	if a.V.Sign() < 0 {
		r.add(findings.Negative, c, lang.M("%s = %s is negative", name, a.V))
	}
}
