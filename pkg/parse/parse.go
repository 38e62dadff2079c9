// Package parse reads the values a person types into a workbook: numbers in
// pt-BR or plain notation, percentages, dates and months, the registro ANS.
// Every failure is an *Error that says which rule the text broke and how to
// fix it; Finding makes it the finding a reader reports.
package parse

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
)

// Kind classifies a parse failure.
type Kind int

// The kinds of parse failure.
const (
	Syntax    Kind = iota + 1 // not a number / date / month at all
	Ambiguous                 // "1.234": thousands or decimals?
)

// Error is a value that could not be read.
type Error struct {
	Kind Kind
	Text string   // the offending text
	Msg  lang.Msg // the rule broken
	Fix  lang.Msg // what would fix it (zero: the finding's code's)
}

func (e *Error) Error() string { return e.Msg.String() }

// In is the error's text in language l.
func (e *Error) In(l lang.Lang) string { return e.Msg.In(l) }

func syntaxErr(text string, what, fix lang.Msg) error {
	return &Error{Kind: Syntax, Text: text, Msg: lang.M("%q is not %s", findings.Clip(text), what), Fix: fix}
}

// maxNumberLen bounds the text of a number: an amount of trillions of reais
// with centavos and separators has 25 characters; more is not a number.
const maxNumberLen = 64

func tooLong(text string) error {
	if len(text) > maxNumberLen {
		return &Error{Kind: Syntax, Text: text, Msg: lang.M("%q is too long for a number", findings.Clip(text)), Fix: NumberFix}
	}
	return nil
}

// NumberFix is the fix of a value that is no number.
var NumberFix = lang.M("type a numeric cell, or text like 1.234.567,89 (pt-BR) or 1234567.89 (plain)")

// The values the errors say a text is not.
var (
	aNumber = lang.M("a number")
	aDate   = lang.M("a date")
	aMonth  = lang.M("a month")
)

var (
	ptBRInt  = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})*$`)
	plainInt = regexp.MustCompile(`^[0-9]+$`)
	digits   = regexp.MustCompile(`^[0-9]*$`)
)

// Number reads a number typed as text: pt-BR ("1.234.567,89", "-12,5"),
// plain ("1234567.89") or pt-BR thousands without decimals ("1.234.567").
// A lone dot followed by exactly three digits ("1.234") is ambiguous and
// refused. An optional "R$" prefix and surrounding blanks are ignored.
func Number(text string) (decimal.Decimal, error) {
	if err := tooLong(text); err != nil {
		return decimal.Decimal{}, err
	}
	s := strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " "))
	neg := false
	if rest, ok := strings.CutPrefix(s, "-"); ok { // "-R$ 12,50" or "-12,50"
		neg, s = true, strings.TrimSpace(rest)
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "R$"))
	if rest, ok := strings.CutPrefix(s, "-"); ok && !neg { // "R$ -12,50"
		neg, s = true, strings.TrimSpace(rest)
	} else if !neg {
		s = strings.TrimPrefix(s, "+")
	}
	if s == "" {
		return decimal.Decimal{}, syntaxErr(text, aNumber, NumberFix)
	}
	var intPart, frac string
	if strings.Contains(s, ",") {
		// pt-BR: one comma for decimals, dots group thousands.
		var ok bool
		intPart, frac, ok = strings.Cut(s, ",")
		if !ok || strings.Contains(frac, ",") || !digits.MatchString(frac) || frac == "" ||
			!(ptBRInt.MatchString(intPart) || plainInt.MatchString(intPart)) {
			return decimal.Decimal{}, syntaxErr(text, aNumber, NumberFix)
		}
		intPart = strings.ReplaceAll(intPart, ".", "")
	} else {
		switch strings.Count(s, ".") {
		case 0:
			intPart = s
		case 1:
			intPart, frac, _ = strings.Cut(s, ".")
			if len(frac) == 3 && intPart != "" && intPart != "0" && digits.MatchString(frac) {
				return decimal.Decimal{}, &Error{Kind: Ambiguous, Text: text,
					Msg: lang.M("%q is ambiguous: %s thousand or %s", findings.Clip(text), intPart, s),
					Fix: lang.M("type a numeric cell, or write it unambiguously (1.234,00 or 1234)")}
			}
		default:
			if !ptBRInt.MatchString(s) {
				return decimal.Decimal{}, syntaxErr(text, aNumber, NumberFix)
			}
			intPart = strings.ReplaceAll(s, ".", "")
		}
		if !digits.MatchString(intPart) || !digits.MatchString(frac) || intPart+frac == "" {
			return decimal.Decimal{}, syntaxErr(text, aNumber, NumberFix)
		}
	}
	if intPart == "" {
		intPart = "0"
	}
	lit := intPart
	if frac != "" {
		lit += "." + frac
	}
	if neg {
		lit = "-" + lit
	}
	d, err := decimal.NewFromString(lit)
	if err != nil {
		return decimal.Decimal{}, syntaxErr(text, aNumber, NumberFix)
	}
	return d, nil
}

// Raw reads the stored value of a numeric spreadsheet cell ("1234.5",
// "1.5E-3"). It is exact: the digits in the file become the decimal.
func Raw(raw string) (decimal.Decimal, error) {
	if err := tooLong(raw); err != nil {
		return decimal.Decimal{}, err
	}
	s := strings.TrimSpace(raw)
	if s == "" || strings.ContainsAny(s, ",_") {
		return decimal.Decimal{}, syntaxErr(raw, aNumber, NumberFix)
	}
	f, err := strconv.ParseFloat(s, 64) // syntax check only; the value comes from the text
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return decimal.Decimal{}, syntaxErr(raw, aNumber, NumberFix)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, syntaxErr(raw, aNumber, NumberFix)
	}
	return d, nil
}

var registroFix = lang.M("type the 6 digits of the registro ANS, leading zeros included (005711)")

// Registro reads a registro ANS, which has six digits: text of exactly six
// digits ("005711"; blanks around it are forgiven), or, when numeric, the
// stored value of a numeric cell, a whole number from 1 to 999999 padded to
// six digits. A number cell drops the leading zeros a person typed (5711
// for 005711), and no registro is all zeros, so the padding restores the
// registro; text of fewer digits ("05711") is refused, as a digit may be
// missing anywhere.
func Registro(text string, numeric bool) (string, error) {
	s := strings.TrimSpace(text)
	switch {
	case numeric && len(s) <= 6 && Digits(s) && strings.Trim(s, "0") != "":
		return strings.Repeat("0", 6-len(s)) + s, nil // the usual value, read without Raw's cost
	case numeric:
		if d, err := Raw(s); err == nil && d.IsInteger() && d.Sign() > 0 && d.LessThan(decimal.New(1, 6)) {
			return fmt.Sprintf("%06d", d.IntPart()), nil
		}
	case len(s) == 6 && Digits(s):
		return s, nil
	}
	return "", &Error{Kind: Syntax, Text: text, Msg: lang.M("%q is not a 6-digit registro ANS", findings.Clip(s)), Fix: registroFix}
}

// Digits reports whether s is one or more ASCII digits (an account code,
// a registro, a year).
func Digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Percent reads a fraction typed as text: "0,35", "0.35" or "35%".
func Percent(text string) (decimal.Decimal, error) {
	s := strings.TrimSpace(text)
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		d, err := Number(rest)
		if err != nil {
			return d, err
		}
		return d.Shift(-2), nil
	}
	return Number(s)
}

// DateFix is the fix of a value that is no date.
var DateFix = lang.M("type a date cell, or text AAAA-MM-DD (or DD/MM/AAAA)")

// Date reads a date typed as text: AAAA-MM-DD or DD/MM/AAAA.
func Date(text string) (time.Time, error) {
	s := strings.TrimSpace(text)
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, syntaxErr(text, aDate, DateFix)
}

var monthFix = lang.M("type a date cell, or text AAAA-MM (or MM/AAAA)")

// Month reads a month typed as text: AAAA-MM or MM/AAAA; a full date names
// its month.
func Month(text string) (period.Month, error) {
	s := strings.TrimSpace(text)
	for _, layout := range []string{"2006-01", "01/2006", "1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return period.MonthOf(t), nil
		}
	}
	if t, err := Date(s); err == nil {
		return period.MonthOf(t), nil
	}
	return period.Month{}, syntaxErr(text, aMonth, monthFix)
}

// Serial converts a spreadsheet date serial to a date; any time of day is
// dropped. In the 1900 date system (Excel's default, LibreOffice's and
// openpyxl's) serial 1 is 1900-01-01; in the 1904 system (date1904: Excel
// for Mac's, which a workbook keeps in workbookPr) serial 0 is 1904-01-01,
// so the same date has a serial 1462 smaller.
func Serial(raw string, date1904 bool) (time.Time, error) {
	d, err := Raw(raw)
	// Below the first day is a time of day alone (or nothing), and any time
	// on 9999-12-31 is still that day.
	first, last, epoch := int64(1), int64(2958465), time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		first, last, epoch = 0, 2958465-1462, time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if err != nil || d.LessThan(decimal.NewFromInt(first)) || d.GreaterThanOrEqual(decimal.NewFromInt(last+1)) {
		return time.Time{}, syntaxErr(raw, aDate, DateFix)
	}
	days := d.IntPart()
	if !date1904 && days < 61 { // Excel counts a 29 Feb 1900 that never was.
		epoch = epoch.AddDate(0, 0, 1)
	}
	return epoch.AddDate(0, 0, int(days)), nil
}

// Finding is the finding of a value that could not be read: of code, or
// CR-E007 when it is an ambiguous number (1.234); the message "what: why",
// the fix the parse error's own (the catalogue's for any other error).
// what is a name, the same in every language (a campo, a column).
func Finding(code, sheet, cell, what string, err error) findings.Finding {
	return FindingOf(code, sheet, cell, lang.Text(what), err)
}

// FindingOf is Finding for a what in words of the language ("field 12").
func FindingOf(code, sheet, cell string, what lang.Msg, err error) findings.Finding {
	pe, ok := IsParseError(err)
	if ok && pe.Kind == Ambiguous {
		code = findings.AmbiguousNumber
	}
	f := findings.New(code, sheet, cell, lang.M("%s: %v", what, err))
	if ok {
		f = f.WithFix(pe.Fix)
	}
	return f
}

// IsParseError reports whether err is an *Error, and returns it.
func IsParseError(err error) (*Error, bool) {
	var pe *Error
	ok := errors.As(err, &pe)
	return pe, ok
}
