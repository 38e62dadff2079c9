package coleta

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// Cell is one cell of the sheet as stored in the file.
type Cell struct {
	Col, Row int
	Text     string // the stored (raw) value; "" is an empty cell
	IsText   bool   // a text cell, as opposed to a number or a date
	Formula  string // the formula of a cell that has no cached value (SharedFormula for a copy of a shared one)
}

// SharedFormula is the Formula of a cell holding a copy of a shared
// formula, which has no text of its own.
const SharedFormula = "(a shared formula)"

// Empty reports whether the cell holds nothing.
func (c Cell) Empty() bool { return strings.TrimSpace(c.Text) == "" }

// Axis names the cell: "E7".
func (c Cell) Axis() string { return Axis(c.Col, c.Row) }

// Row is one data row (one month).
type Row struct {
	Num   int // the sheet's row number
	Cells [NumFields]Cell
}

// Field returns the cell of field n (1–21).
func (r *Row) Field(n int) Cell { return r.Cells[n-1] }

// Sheet is the Coleta sheet as read: the header rows and the data rows that
// hold anything, in sheet order.
type Sheet struct {
	Numbers [NumFields]Cell // row 1
	Names   [NumFields]Cell // row 2
	Rows    []Row
}

// FormatMonth writes a month as ANS asks: mmaaaa ("032024").
func FormatMonth(m period.Month) string { return fmt.Sprintf("%02d%04d", int(m.Month), m.Year) }

// ParseMonth reads a month written mmaaaa: exactly six digits, month 01–12,
// a year from 1900 to 2199. Blanks around it are forgiven.
func ParseMonth(text string) (period.Month, error) {
	s := strings.TrimSpace(text)
	if len(s) != 6 || strings.Trim(s, "0123456789") != "" {
		return period.Month{}, monthError(text)
	}
	mm := int(s[0]-'0')*10 + int(s[1]-'0')
	yyyy := 0
	for _, c := range s[2:] {
		yyyy = yyyy*10 + int(c-'0')
	}
	if mm < 1 || mm > 12 || yyyy < 1900 || yyyy > 2199 {
		return period.Month{}, monthError(text)
	}
	return period.Month{Year: yyyy, Month: time.Month(mm)}, nil
}

func monthError(text string) error {
	s, clip := strings.TrimSpace(text), findings.Clip(text)
	switch {
	case len(s) == 5 && strings.Trim(s, "0123456789") == "":
		return lang.Errorf("%q is 5 digits: a number or date cell drops the leading zero of mmaaaa (6 characters, month then year, e.g. 032024)", clip)
	case strings.ContainsAny(s, "-/"):
		return lang.Errorf("%q is written with a separator; mmaaaa has none (6 characters, month then year, e.g. 032024)", clip)
	}
	return lang.Errorf("%q is not a month mmaaaa (6 characters, month then year, e.g. 032024)", clip)
}

// ParseValue reads the number of field f from a cell: a numeric cell exactly,
// or text in pt-BR or plain notation (asText true). It checks the field's
// size: integer digits, decimal places, not negative, whole for counts. A
// value it refuses comes with the finding that says why.
func ParseValue(f Field, c Cell) (v decimal.Decimal, asText bool, bad *findings.Finding) {
	text := strings.TrimSpace(c.Text)
	var err error
	if c.IsText {
		v, err = parse.Number(text)
		asText = true
	} else if v, err = parse.Raw(text); err != nil {
		v, err = parse.Number(text) // a stored text that is not a plain number
	}
	if err != nil {
		nf := parse.FindingOf(findings.BadNumber, SheetName, c.Axis(), field(f.Num), err)
		return v, asText, &nf
	}
	if msg := sizeError(f, v); !msg.IsZero() {
		sf := findings.New(findings.ColetaSize, SheetName, c.Axis(), msg)
		return v, asText, &sf
	}
	return v, asText, nil
}

// sizeError says how v does not fit field f, with the field's format as
// ANS words it; the zero Msg when it fits.
func sizeError(f Field, v decimal.Decimal) lang.Msg {
	limit := decimal.New(1, int32(f.IntDigits)) // 10^IntDigits
	spec := strings.ToLower(f.Spec[:1]) + f.Spec[1:]
	switch {
	case v.Sign() < 0:
		return lang.M("field %d = %s is negative (%s)", f.Num, v, spec)
	case f.Format == Integer && !v.IsInteger():
		return lang.M("field %d = %s is not a whole number (%s)", f.Num, v, spec)
	case !v.Round(int32(f.Places)).Equal(v):
		return lang.M("field %d = %s has more than %d decimal places (%s)", f.Num, v, f.Places, spec)
	case v.GreaterThanOrEqual(limit):
		return lang.M("field %d = %s has more than %d integer digits (%s)", f.Num, v, f.IntDigits, spec)
	}
	return lang.Msg{}
}
