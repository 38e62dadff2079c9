package xlsxfile

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// Kind is what a cell holds, as its XML types it.
type Kind uint8

// The kinds of cell.
const (
	Blank   Kind = iota // no value (an empty or only styled cell)
	Number              // a number: Value as Excel shows it, 15 significant digits
	Text                // a shared, inline or formula string
	Bool                // t="b": Value is TRUE or FALSE
	Date                // t="d": an ISO 8601 date, Value AAAA-MM-DD when it reads as one
	Error               // t="e": Value is the error, such as #DIV/0!
	Formula             // a formula without a cached value: Formula holds it
)

func (k Kind) String() string {
	switch k {
	case Number:
		return "number"
	case Text:
		return "text"
	case Bool:
		return "boolean"
	case Date:
		return "date"
	case Error:
		return "error"
	case Formula:
		return "formula without a value"
	}
	return "blank"
}

// Cell is one cell of a row as Rows reads it.
type Cell struct {
	Col     int // 1-based
	Kind    Kind
	Value   string
	Formula string // the cell's formula, when it has one ("" for a shared formula's copies)
}

// Empty reports whether the cell holds no value: blank, a formula without a
// cached value, or only blanks.
func (c Cell) Empty() bool {
	return c.Kind == Blank || c.Kind == Formula || strings.TrimSpace(c.Value) == ""
}

// Missing is the finding of a required cell that holds no value, at its
// place (the cell's column in row, of sheet): CR-E010 when it holds a
// formula without a cached value (a copy of a shared formula has no text
// of its own), else CR-E005, what (a name: a campo, a column) is empty,
// with fix (the zero Msg for the catalogue's).
func (c Cell) Missing(sheet string, row int, what string, fix lang.Msg) findings.Finding {
	cell := CellName(c.Col, row)
	if c.Kind != Formula {
		return findings.New(findings.EmptyValue, sheet, cell, lang.M("%s is empty", what)).WithFix(fix)
	}
	formula := lang.M("the formula =%s", findings.Clip(c.Formula))
	if c.Formula == "" {
		formula = lang.M("the shared formula")
	}
	return findings.New(findings.FormulaNoValue, sheet, cell, lang.M("%s: %s has no cached value", what, formula))
}

// kindError is the error of reading a cell of the wrong kind as what.
func (c Cell) kindError(what, fix lang.Msg) *parse.Error {
	v := findings.Clip(strings.TrimSpace(c.Value))
	var msg lang.Msg
	switch c.Kind {
	case Bool:
		msg = lang.M("%s is a TRUE/FALSE (boolean) cell, not %s", v, what)
		fix = lang.M("type %s (a TRUE/FALSE cell is never read as 1 or 0)", what)
	case Error:
		msg = lang.M("the cell holds the error %s, not %s", v, what)
		fix = lang.M("correct the formula, or type the value")
	case Date:
		msg = lang.M("%s is a date cell, not %s", v, what)
	default:
		return c.notA(what, fix)
	}
	return &parse.Error{Kind: parse.Syntax, Text: c.Value, Msg: msg, Fix: fix}
}

// notA is the error of a value that is not what: the value quoted.
func (c Cell) notA(what, fix lang.Msg) *parse.Error {
	return &parse.Error{Kind: parse.Syntax, Text: c.Value, Msg: lang.M("%q is not %s", findings.Clip(strings.TrimSpace(c.Value)), what), Fix: fix}
}

// The values a cell is read as, as the errors name them.
var (
	aNumber   = lang.M("a number")
	aDate     = lang.M("a date")
	aMonth    = lang.M("a month")
	aRegistro = lang.M("a 6-digit registro ANS")
)

// Number reads a number: a numeric cell exactly (as Excel shows it), or
// text in pt-BR or plain notation (parse.Number). A boolean, date or error
// cell is not a number.
func (c Cell) Number() (decimal.Decimal, error) {
	switch c.Kind {
	case Number:
		return parse.Raw(c.Value)
	case Text:
		return parse.Number(c.Value)
	}
	return decimal.Decimal{}, c.kindError(aNumber, parse.NumberFix)
}

// Registro reads a registro ANS (parse.Registro): text of six digits, or
// a numeric cell's whole number padded to six (5711 is 005711). A boolean,
// date or error cell is none.
func (c Cell) Registro() (string, error) {
	switch c.Kind {
	case Number:
		return parse.Registro(c.Value, true)
	case Text:
		return parse.Registro(c.Value, false)
	}
	return "", c.kindError(aRegistro, lang.Msg{})
}

// OneOf reads one of the allowed codes, case and blanks forgiven, as
// allowed spells it; a numeric cell's whole number is its digits (region
// 2). A boolean, date or error cell is none of them, an S or N included:
// the layout asks for the code itself, never a TRUE/FALSE standing for it.
// A code not allowed is an error whose fix is "" (the message lists them).
func (c Cell) OneOf(allowed []string) (string, error) {
	list := strings.Join(allowed, ", ")
	text := strings.TrimSpace(c.Value)
	switch c.Kind {
	case Number:
		if d, err := parse.Raw(c.Value); err == nil && d.IsInteger() {
			text = d.String()
		}
	case Bool, Error, Date:
		err := c.kindError(lang.M("one of %s", list), lang.Msg{})
		err.Fix = lang.M("type one of the codes as text (capreg template has drop-down lists)") // whatever the cell shows
		return "", err
	}
	for _, a := range allowed {
		if strings.EqualFold(a, text) {
			return a, nil
		}
	}
	return "", &parse.Error{Kind: parse.Syntax, Text: c.Value, Msg: lang.M("%q is not one of %s", findings.Clip(text), list)}
}

// Percent reads a fraction: a numeric cell exactly, or text "0,35", "0.35"
// or "35%" (parse.Percent).
func (c Cell) Percent() (decimal.Decimal, error) {
	if c.Kind == Text {
		return parse.Percent(c.Value)
	}
	return c.Number()
}

// Plausible years: a date outside them is a typing error (a day typed as a
// year, a serial of a number that is no date).
const firstYear, lastYear = 1900, 2200

func plausible(t time.Time) bool { return t.Year() >= firstYear && t.Year() <= lastYear }

// Date reads a date: a date serial of a numeric cell in the workbook's date
// system (date1904: the 1904 system), an ISO date cell, or text AAAA-MM-DD
// or DD/MM/AAAA (parse.Date), from 1900 to 2200. A boolean or error cell
// is none.
func (c Cell) Date(date1904 bool) (time.Time, error) {
	return c.date(date1904, aDate, parse.DateFix, lang.M("type a date cell, or text AAAA-MM-DD"))
}

// date reads a date as Date does; an error says the cell is not what
// (a date, a month), with fix, or plainFix when the value is no date.
func (c Cell) date(date1904 bool, what, fix, plainFix lang.Msg) (time.Time, error) {
	var t time.Time
	var err error
	switch c.Kind {
	case Number:
		t, err = parse.Serial(c.Value, date1904)
	case Text:
		t, err = parse.Date(c.Value)
	case Date:
		if t, err = time.Parse(time.DateOnly, c.Value); err != nil {
			return time.Time{}, &parse.Error{Kind: parse.Syntax, Text: c.Value, Fix: fix,
				Msg: lang.M("the date cell holds %q, which is not %s", findings.Clip(c.Value), what)}
		}
	default:
		return time.Time{}, c.kindError(what, fix)
	}
	if err != nil || !plausible(t) {
		return time.Time{}, c.notA(what, plainFix)
	}
	return t, nil
}

// Month reads a month: the month of a date (see Date), or text AAAA-MM or
// MM/AAAA (parse.Month).
func (c Cell) Month(date1904 bool) (period.Month, error) {
	monthFix := lang.M("type text AAAA-MM or a date cell")
	if c.Kind == Text {
		m, err := parse.Month(c.Value)
		if err != nil || !plausible(m.FirstDay()) {
			return period.Month{}, c.notA(aMonth, monthFix)
		}
		return m, nil
	}
	t, err := c.date(date1904, aMonth, monthFix, monthFix)
	if err != nil {
		return period.Month{}, err
	}
	return period.MonthOf(t), nil
}

// maxNumberText bounds the stored text of a number; longer is no number a
// spreadsheet writes.
const maxNumberText = 64

// excelDigits is Excel's precision: it shows, and computes with, 15
// significant digits, and stores the double nearest to them, written with
// 17 (82,15 is stored as 82.150000000000006).
const excelDigits = 15

// normalize reads the stored text of a numeric cell as Excel shows it:
// rounded to 15 significant digits (half away from zero), without trailing
// zeros, in plain notation unless it is very large or small. It works on
// the decimal digits of the text, never through a float. ok is false when s
// is no number a double can hold.
func normalize(s []byte) (string, bool) {
	s = trimSpace(s)
	if len(s) == 0 || len(s) > maxNumberText {
		return "", false
	}
	i, neg, plus := 0, false, false
	switch s[0] {
	case '-':
		neg, i = true, 1
	case '+':
		plus, i = true, 1
	}
	intStart := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intPart := s[intStart:i]
	var frac []byte
	dot := i < len(s) && s[i] == '.'
	if dot {
		i++
		fracStart := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		frac = s[fracStart:i]
	}
	if len(intPart)+len(frac) == 0 {
		return "", false
	}
	exp, hasExp := 0, false
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		hasExp = true
		i++
		expNeg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			expNeg = s[i] == '-'
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			if exp < 100000 {
				exp = exp*10 + int(s[i]-'0')
			}
			i++
		}
		if i == start {
			return "", false
		}
		if expNeg {
			exp = -exp
		}
	}
	if i != len(s) {
		return "", false
	}
	// The digits, without leading zeros, and the power of ten of the last.
	digits := make([]byte, 0, len(intPart)+len(frac))
	digits = append(append(digits, intPart...), frac...)
	exp -= len(frac)
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return "0", true
	}
	// Fast path, the usual cell: the text is already canonical.
	if !plus && !hasExp && len(digits) <= excelDigits && len(intPart) > 0 && (len(intPart) == 1 || intPart[0] != '0') &&
		(!dot || (len(frac) > 0 && frac[len(frac)-1] != '0')) {
		return string(s), true
	}
	if len(digits) > excelDigits {
		up := digits[excelDigits] >= '5'
		exp += len(digits) - excelDigits
		digits = digits[:excelDigits]
		if up {
			k := len(digits) - 1
			for k >= 0 && digits[k] == '9' {
				digits[k] = '0'
				k--
			}
			if k < 0 {
				digits = append([]byte{'1'}, digits...)
				digits = digits[:excelDigits]
				exp++
			} else {
				digits[k]++
			}
		}
	}
	for digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	// The power of ten of the first digit: a double holds 1.8E308 at most;
	// far below its smallest, no spreadsheet writes a value.
	top := exp + len(digits) - 1
	if top > 308 || top < -330 {
		return "", false
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	point := len(digits) + exp // digits before the decimal point
	switch {
	case exp >= 0 && point <= 21:
		b.Write(digits)
		b.WriteString(strings.Repeat("0", exp))
	case exp < 0 && point > 0:
		b.Write(digits[:point])
		b.WriteByte('.')
		b.Write(digits[point:])
	case exp < 0 && point > -20:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.Write(digits)
	default:
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.Write(digits[1:])
		}
		fmt.Fprintf(&b, "E%+d", point-1)
	}
	if top == 308 { // rounded up past the largest double?
		if _, err := strconv.ParseFloat(b.String(), 64); err != nil {
			return "", false
		}
	}
	return b.String(), true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func trimSpace(s []byte) []byte {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// isoDate reads the value of a t="d" cell, an ISO 8601 date with or without
// a time ("2025-01-15T00:00:00", "2025-01-15"), as AAAA-MM-DD; a value that
// is no such date is returned as written, and reading it as a date fails.
func isoDate(v []byte) string {
	v = trimSpace(v)
	if len(v) >= 10 && (len(v) == 10 || v[10] == 'T' || v[10] == ' ') {
		if _, err := time.Parse(time.DateOnly, string(v[:10])); err == nil {
			return string(v[:10])
		}
	}
	return string(v)
}

// unescape decodes the _xHHHH_ escapes Excel writes in strings for
// characters XML cannot hold (a carriage return is _x000D_; _x005F_ is the
// underscore that keeps a literal "_x000D_" from being read as one).
func unescape(s []byte) []byte {
	i := indexEscape(s, 0)
	if i < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	for i >= 0 {
		out = append(out, s[:i]...)
		u := hex4(s[i+2 : i+6])
		s = s[i+7:]
		r := rune(u)
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if j := indexEscape(s, 0); j == 0 {
				if r2 := utf16.DecodeRune(rune(u), rune(hex4(s[2:6]))); r2 != utf8.RuneError {
					r, s = r2, s[7:]
				}
			}
		}
		out = utf8.AppendRune(out, r)
		i = indexEscape(s, 0)
	}
	return append(out, s...)
}

// indexEscape is the index of the first _xHHHH_ in s at or after from, or -1.
func indexEscape(s []byte, from int) int {
	for i := from; i+7 <= len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) && isHex(s[i+5]) {
			return i
		}
	}
	return -1
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func hex4(h []byte) uint16 {
	var u uint16
	for _, c := range h {
		switch {
		case isDigit(c):
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		u = u<<4 | uint16(c)
	}
	return u
}
