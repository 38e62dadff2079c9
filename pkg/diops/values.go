package diops

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/parse"
)

// The values of the open element's text; each reports what it cannot read
// and returns ok false.

var numberFix = lang.M("write the number with a decimal point and no thousands separator, e.g. 1234567.89")

// number reads a decimal: an optional sign, digits, and optionally a point
// and digits (-1234567.89).
func (r *reader) number(text string) (decimal.Decimal, bool) {
	if isDecimal(text) {
		if d, err := decimal.NewFromString(text); err == nil {
			return d, true
		}
	}
	r.bad(lang.M("%s %q is not a number with a decimal point", r.openName(), text), numberFix)
	return decimal.Decimal{}, false
}

// optional reads a number for a field that may be left out: nil when it
// cannot be read.
func (r *reader) optional(text string) *decimal.Decimal {
	d, ok := r.number(text)
	if !ok {
		return nil
	}
	return &d
}

func isDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	intPart, frac, point := strings.Cut(s, ".")
	return parse.Digits(intPart) && (!point || parse.Digits(frac))
}

// atoi is the value of digits that parse.Digits accepted, short enough.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// yearDigits reports whether s is a year in 4 digits.
func yearDigits(s string) bool { return len(s) == 4 && parse.Digits(s) && s[0] != '0' }

// periodo reads a trimestre (top 4) or mes (top 12): n, zero-padded or not,
// or the year in 4 digits and n in 3 (2023003). year is 0 in the short
// form.
func periodo(s string, top int) (year, n int, ok bool) {
	switch {
	case !parse.Digits(s):
		return 0, 0, false
	case len(s) <= 3:
		n = atoi(s)
	case len(s) == 7 && yearDigits(s[:4]):
		year, n = atoi(s[:4]), atoi(s[4:])
	default:
		return 0, 0, false
	}
	return year, n, n >= 1 && n <= top
}

// conta reads an account code of the ANS chart: digits.
func (r *reader) conta(text string) (string, bool) {
	if !parse.Digits(text) {
		r.bad(lang.M("%s %q is not an account code of the ANS chart (digits only)", r.openName(), text), lang.M("write the account code in digits, without dots or blanks, e.g. 31111101"))
		return "", false
	}
	return text, true
}

// registro reads a registro ANS by the one rule of capreg (parse.Registro),
// as a number: an ERP writes 5711 for 005711; code is the finding's.
func (r *reader) registro(text, code string) (string, bool) {
	if reg, err := parse.Registro(text, true); err == nil {
		return reg, true
	}
	r.add(code, r.place(), lang.M("%s %q is not a registro ANS (up to 6 digits)", r.openName(), text), lang.M("write the 6-digit registro ANS, e.g. 123456 or 005711"))
	return "", false
}

// movimentacao reads CAMPOn, lo ≤ n ≤ hi.
func (r *reader) movimentacao(text string, lo, hi int) (int, bool) {
	if len(text) > 5 && strings.EqualFold(text[:5], "CAMPO") && parse.Digits(text[5:]) && len(text) <= 7 {
		if n := atoi(text[5:]); n >= lo && n <= hi {
			return n, true
		}
	}
	r.bad(lang.M("movimentacao %q is not one of CAMPO%d to CAMPO%d", text, lo, hi), lang.M("write CAMPO%d to CAMPO%d, the field of the ANS table", lo, hi))
	return 0, false
}

// sinal reads tpSinal: P or N.
func (r *reader) sinal(text string) (string, bool) {
	for _, s := range layout.Sinais {
		if strings.EqualFold(text, s) {
			return s, true
		}
	}
	r.bad(lang.M("tpSinal %q is not %s or %s", text, layout.Sinais[0], layout.Sinais[1]), lang.M("write P for an entrada, N for a saída"))
	return "", false
}

// indexador reads tpIndexador: one of ans.Indexadores.
func (r *reader) indexador(text string) (ans.Indexador, bool) {
	if i := slices.IndexFunc(ans.Indexadores(), func(x ans.Indexador) bool { return strings.EqualFold(text, string(x)) }); i >= 0 {
		return ans.Indexadores()[i], true
	}
	list := strings.Join(ans.Spellings(ans.Indexadores()), ", ")
	r.bad(lang.M("tpIndexador %q is not one of %s", text, list), lang.M("write one of %s", list))
	return "", false
}

// openName is the open element's name.
func (r *reader) openName() string { return r.stack[len(r.stack)-1].name }
