package workbook

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/xlsxfile"
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
		r.parseError(c, name, err)
		return capital.Amount{}, false
	}
	return capital.Amount{V: d, Ref: c.ref()}, true
}

func (r *reader) parseError(c cell, name string, err error) {
	code := findings.BadNumber
	fix := ""
	if pe, ok := parse.IsParseError(err); ok {
		fix = pe.Fix
		if pe.Kind == parse.Ambiguous {
			code = findings.AmbiguousNumber
		}
	}
	r.add(code, c, fmt.Sprintf("%s: %v", name, err), fix)
}

// plausible dates: a serial or text outside these years is a typing error.
func plausible(t time.Time) bool { return t.Year() >= 1900 && t.Year() <= 2200 }

// wrongKind is the message and fix of a cell of another kind (a boolean,
// an error, a date cell) that reading it as what refused; ok is false for a
// number or text, whose own message the caller words.
func wrongKind(c cell, name string, err error) (msg, fix string, ok bool) {
	pe, isParse := parse.IsParseError(err)
	if !isParse || c.Kind == xlsxfile.Number || c.Kind == xlsxfile.Text {
		return "", "", false
	}
	return fmt.Sprintf("%s: %s", name, pe.Msg), pe.Fix, true
}

// date reads a date: a date cell (a serial in the workbook's date system,
// or an ISO date cell) or AAAA-MM-DD text.
func (r *reader) date(c cell, name string, optional bool) (*capital.Dated, bool) {
	if c.empty() {
		if !optional {
			r.missing(c, name)
		}
		return nil, false
	}
	t, err := c.Date(r.book.Date1904())
	if err != nil || !plausible(t) {
		msg, fix, ok := wrongKind(c, name, err)
		if !ok {
			msg, fix = fmt.Sprintf("%s: %q is not a date", name, clip(strings.TrimSpace(c.Value))), "type a date cell, or text AAAA-MM-DD"
		}
		r.add(findings.BadDate, c, msg, fix)
		return nil, false
	}
	return &capital.Dated{T: t, Ref: c.ref()}, true
}

// month reads a month: AAAA-MM text or a date cell.
func (r *reader) month(c cell, name string) (period.Month, bool) {
	if c.empty() {
		r.missing(c, name)
		return period.Month{}, false
	}
	m, err := c.Month(r.book.Date1904())
	if err != nil || !plausible(m.FirstDay()) {
		msg, fix, ok := wrongKind(c, name, err)
		if !ok {
			msg, fix = fmt.Sprintf("%s: %q is not a month", name, clip(strings.TrimSpace(c.Value))), "type text AAAA-MM or a date cell"
		}
		r.add(findings.BadDate, c, msg, fix)
		return period.Month{}, false
	}
	return m, true
}

// enum reads one of the allowed codes (case and blanks forgiven) and
// returns it as the layout spells it. A TRUE/FALSE cell is none of them,
// an S/N flag's included: the layout asks for the letter.
func (r *reader) enum(c cell, name string, allowed []string, optional bool) (string, bool) {
	if c.empty() {
		if !optional {
			r.missing(c, name)
		}
		return "", false
	}
	text := strings.TrimSpace(c.Value)
	switch c.Kind {
	case xlsxfile.Number:
		if d, err := c.Number(); err == nil && d.IsInteger() {
			text = d.String() // a numeric cell 2 or 2.0 for regiao
		}
	case xlsxfile.Bool, xlsxfile.Error, xlsxfile.Date:
		r.add(findings.BadEnum, c, fmt.Sprintf("%s: %s is %s, not one of %s", name, clip(text), kindName(c.Kind), strings.Join(allowed, ", ")), "type one of the codes as text (capreg template has drop-down lists)")
		return "", false
	}
	for _, a := range allowed {
		if strings.EqualFold(a, text) {
			return a, true
		}
	}
	r.add(findings.BadEnum, c, fmt.Sprintf("%s: %q is not one of %s", name, clip(text), strings.Join(allowed, ", ")), "")
	return "", false
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

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// registro reads a registro ANS: 6 digits of text, or a number padded to 6.
func (r *reader) registro(c cell, name string) (string, bool) {
	if c.empty() {
		r.missing(c, name)
		return "", false
	}
	text := strings.TrimSpace(c.Value)
	switch c.Kind {
	case xlsxfile.Text:
		if sixDigits.MatchString(text) {
			return text, true
		}
	case xlsxfile.Number:
		if d, err := c.Number(); err == nil && d.IsInteger() && d.Sign() > 0 && d.LessThan(decimal.NewFromInt(1000000)) {
			return fmt.Sprintf("%06d", d.IntPart()), true
		}
	}
	msg := fmt.Sprintf("%s: %q is not a 6-digit registro ANS", name, clip(text))
	if c.Kind != xlsxfile.Text && c.Kind != xlsxfile.Number {
		msg = fmt.Sprintf("%s: %s is %s, not a 6-digit registro ANS", name, clip(text), kindName(c.Kind))
	}
	r.add(findings.BadRegistro, c, msg, "")
	return "", false
}

// kindName names a kind of cell that holds no text nor number.
func kindName(k xlsxfile.Kind) string {
	switch k {
	case xlsxfile.Bool:
		return "a TRUE/FALSE (boolean) cell"
	case xlsxfile.Error:
		return "an error cell"
	}
	return "a " + k.String() + " cell"
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
		r.add(findings.OutOfRange, c, fmt.Sprintf("%s = %s is outside %d to %d", name, a.V, lo, hi), "type a fraction between 0 and 1 (0,35 or 35%)")
		return false
	}
	return true
}

// nonNegative checks v ≥ 0.
func (r *reader) nonNegative(a capital.Amount, c cell, name string) {
	if a.V.Sign() < 0 {
		r.add(findings.Negative, c, fmt.Sprintf("%s = %s is negative", name, a.V), "")
	}
}
