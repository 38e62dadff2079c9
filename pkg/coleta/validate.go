package coleta

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// Start is a program's start month as the sheet gives it (field 3 or 4).
type Start struct {
	Month period.Month
	Known bool
	Cell  string // where it was first given ("C3")
}

func (s Start) String() string { return FormatMonth(s.Month) }

func (s Start) ptr() *period.Month {
	if !s.Known {
		return nil
	}
	return &s.Month
}

// parsedRow is a data row with the values that could be read.
type parsedRow struct {
	row        *Row
	registro   string
	month      period.Month
	monthOK    bool
	starts     [2]period.Month // fields 3, 4
	startsOK   [2]bool
	nums       [NumFields + 1]decimal.Decimal // by field number
	numOK      [NumFields + 1]bool
	registroOK bool
}

type validator struct {
	l        findings.List
	asText   map[int][]Cell // field → cells holding a number as text
	regShort []Cell         // field 1 cells holding a registro as a number of fewer than 6 digits
}

// add records a finding of code at c, with msg and fix (the zero Msg for
// the code's).
func (v *validator) add(code string, c Cell, msg, fix lang.Msg) {
	v.l.Add(findings.New(code, SheetName, c.Axis(), msg).WithFix(fix))
}

// missing reports a required cell that is empty, telling apart a formula
// without a cached value.
func (v *validator) missing(c Cell, msg lang.Msg) {
	switch c.Formula {
	case "":
		v.add(findings.EmptyValue, c, msg, lang.Msg{})
	case SharedFormula:
		v.add(findings.FormulaNoValue, c, lang.M("%s: the formula =(a shared formula) has no cached value", msg), lang.Msg{})
	default:
		v.add(findings.FormulaNoValue, c, lang.M("%s: the formula =%s has no cached value", msg, findings.Clip(c.Formula)), lang.Msg{})
	}
}

// field names field n in a message: "field 5".
func field(n int) lang.Msg { return lang.M("field %d", n) }

// Validate checks the sheet against every rule of the collection layout and
// returns the findings, each at its cell of the Coleta sheet.
func Validate(s *Sheet) findings.List {
	v := &validator{asText: map[int][]Cell{}}
	if !v.header(s) {
		return v.l
	}
	v.names(s)
	if len(s.Rows) == 0 {
		v.add(findings.ColetaSequence, Cell{Col: 1, Row: FirstDataRow}, lang.M("the sheet has no data rows"),
			lang.M("add one row per month from 2018-01 to the data base (capreg coleta template writes them)"))
		return v.l
	}
	rows := make([]parsedRow, len(s.Rows))
	for i := range s.Rows {
		rows[i] = v.parseRow(&s.Rows[i])
	}
	v.numbersAsText()
	v.registroNumbers()
	v.registros(rows)
	promo, aps := v.start(rows, 3), v.start(rows, 4)
	v.sequence(rows)
	v.conditions(rows, promo, aps)
	v.overTotal(rows)
	return v.l
}

// header checks the field numbers of row 1; the columns cannot be trusted
// without them.
func (v *validator) header(s *Sheet) bool {
	ok := true
	for i, c := range s.Numbers {
		want := strconv.Itoa(i + 1)
		got := strings.TrimSpace(c.Text)
		if d, err := decimal.NewFromString(got); err == nil && d.IsInteger() {
			got = d.String()
		}
		if got != want {
			c.Col, c.Row = i+1, NumberRow
			msg := lang.M("row 1 holds the field numbers 1 to 21 in columns A to U; %s is empty instead of %s", c.Axis(), want)
			if !c.Empty() {
				msg = lang.M("row 1 holds the field numbers 1 to 21 in columns A to U; %s holds %q instead of %s", c.Axis(), findings.Clip(c.Text), want)
			}
			v.add(findings.ColetaLayout, c, msg, lang.M("type %s in %s (capreg coleta template writes the header)", want, c.Axis()))
			ok = false
		}
	}
	return ok
}

// names warns of field names in row 2 that are not ANS's.
func (v *validator) names(s *Sheet) {
	for i, c := range s.Names {
		f := fields[i]
		c.Col, c.Row = i+1, NameRow
		if normalize(c.Text) != normalize(f.Name) {
			v.add(findings.ColetaHeaderName, c, lang.M("the name of field %d is not ANS's: %q", f.Num, findings.Clip(f.Name)), lang.Msg{})
		}
	}
}

func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (v *validator) parseRow(r *Row) parsedRow {
	p := parsedRow{row: r}
	if c := r.Field(1); c.Empty() {
		v.missing(c, lang.M("field 1 (registro ANS) is empty"))
	} else if reg, err := parse.Registro(c.Text, !c.IsText); err != nil {
		v.l.Add(parse.FindingOf(findings.BadRegistro, SheetName, c.Axis(), field(1), err))
	} else {
		p.registro, p.registroOK = reg, true
		if reg != strings.TrimSpace(c.Text) {
			v.regShort = append(v.regShort, c)
		}
	}
	if c := r.Field(2); c.Empty() {
		v.missing(c, lang.M("field 2 (data base, mmaaaa) is empty"))
	} else if m, err := ParseMonth(c.Text); err != nil {
		v.add(findings.ColetaMonthFormat, c, lang.M("%s: %v", field(2), err), lang.Msg{})
	} else {
		p.month, p.monthOK = m, true
	}
	for i, n := range []int{3, 4} {
		c := r.Field(n)
		if c.Empty() {
			continue
		}
		if m, err := ParseMonth(c.Text); err != nil {
			v.add(findings.ColetaMonthFormat, c, lang.M("%s: %v", field(n), err), lang.Msg{})
		} else {
			p.starts[i], p.startsOK[i] = m, true
		}
	}
	for n := 5; n <= NumFields; n++ {
		c := r.Field(n)
		if c.Empty() {
			continue
		}
		d, asText, bad := ParseValue(FieldOf(n), c)
		if bad != nil {
			v.l.Add(*bad)
			continue
		}
		if asText {
			v.asText[n] = append(v.asText[n], c)
		}
		p.nums[n], p.numOK[n] = d, true
	}
	return p
}

// numbersAsText warns once per field of numbers stored as text.
func (v *validator) numbersAsText() {
	for n := 5; n <= NumFields; n++ {
		cells := v.asText[n]
		if len(cells) == 0 {
			continue
		}
		msg := lang.M("field %d: %s holds the number as text", n, cells[0].Axis())
		if len(cells) > 1 {
			msg = lang.M("field %d: %s and %d more cells hold numbers as text", n, cells[0].Axis(), len(cells)-1)
		}
		v.add(findings.ColetaNumberAsText, cells[0], msg, lang.Msg{})
	}
}

// registroNumbers warns once of registros typed as numbers of fewer than
// six digits: read with their leading zeros, as everywhere in capreg, but
// the file itself, which goes to ANS, holds fewer digits than field 1 has.
func (v *validator) registroNumbers() {
	if len(v.regShort) == 0 {
		return
	}
	c := v.regShort[0]
	n := strings.TrimSpace(c.Text)
	reg, _ := parse.Registro(n, true)
	msg := lang.M("field 1: %s holds the registro ANS as a number (%s, read as %s): the sheet sent to ANS holds %d digits where the field has 6", c.Axis(), n, reg, len(n))
	if len(v.regShort) > 1 {
		msg = lang.M("field 1: %s and %d more cells hold the registro ANS as a number (%s, read as %s): the sheet sent to ANS holds %d digits where the field has 6",
			c.Axis(), len(v.regShort)-1, n, reg, len(n))
	}
	v.add(findings.ColetaRegistroNumber, c, msg, lang.Msg{})
}

// registros checks that every row names the same operator.
func (v *validator) registros(rows []parsedRow) {
	first := -1
	for i, p := range rows {
		if !p.registroOK {
			continue
		}
		if first < 0 {
			first = i
			continue
		}
		if p.registro != rows[first].registro {
			v.add(findings.ColetaRegistroVaries, p.row.Field(1), lang.M("field 1 = %s, but %s holds %s", p.registro, rows[first].row.Field(1).Axis(), rows[first].registro), lang.Msg{})
		}
	}
}

// start finds a program's start month (field 3 or 4): the first one given,
// with every other row agreeing, and filled in every row from the start on.
func (v *validator) start(rows []parsedRow, n int) Start {
	i := n - 3
	var s Start
	for _, p := range rows {
		if !p.startsOK[i] {
			continue
		}
		c := p.row.Field(n)
		if !s.Known {
			s = Start{Month: p.starts[i], Known: true, Cell: c.Axis()}
			continue
		}
		if p.starts[i] != s.Month {
			v.add(findings.ColetaProgramStart, c, lang.M("field %d = %s, but %s holds %s: a program has one start month", n, FormatMonth(p.starts[i]), s.Cell, s), lang.Msg{})
		}
	}
	if !s.Known {
		return s
	}
	prog := [2]string{"PROMOPREV", "APS"}[i]
	for _, p := range rows {
		if c := p.row.Field(n); c.Empty() && p.monthOK && !p.month.Before(s.Month) {
			v.missing(c, lang.M("field %d is empty, but the %s started in %s (%s): fill it in every row from the start on", n, prog, s, s.Cell))
		}
	}
	return s
}

// sequence checks one row per month, in order, without gaps, from 2018-01.
func (v *validator) sequence(rows []parsedRow) {
	seen := map[period.Month]string{}
	var prev period.Month
	havePrev := false
	for i, p := range rows {
		if !p.monthOK {
			if havePrev { // an unreadable month (already reported) takes the next slot
				prev = prev.Add(1)
			}
			continue
		}
		c, m := p.row.Field(2), p.month
		switch {
		case m.Before(FirstMonth):
			v.add(findings.ColetaSequence, c, lang.M("field 2 = %s (%s) is before 2018-01, the first month ANS asks for", FormatMonth(m), m), lang.M("delete the row"))
			continue
		case seen[m] != "":
			v.add(findings.DuplicateMonth, c, lang.M("month %s (%s) appears again (first at %s)", FormatMonth(m), m, seen[m]), lang.Msg{})
			continue
		}
		seen[m] = c.Axis()
		if i == 0 && m.After(FirstMonth) {
			v.add(findings.ColetaLateStart, c, lang.M("the rows start at %s, after 2018-01", m), lang.Msg{})
		}
		if havePrev {
			switch {
			case m.Before(prev):
				v.add(findings.ColetaSequence, c, lang.M("month %s comes after %s: the rows are out of order", m, prev), lang.M("sort the rows by month"))
				continue
			case m.Sub(prev) == 2:
				v.add(findings.ColetaSequence, c, lang.M("month %s is missing before %s", prev.Add(1), m), lang.Msg{})
			case m.Sub(prev) > 2:
				v.add(findings.ColetaSequence, c, lang.M("months %s to %s are missing before %s", prev.Add(1), m.Add(-1), m), lang.Msg{})
			}
		}
		prev, havePrev = m, true
	}
}

// conditions checks which fields each month needs: every month's fields
// always, a program's fields from its start on and never before or without
// it, field 12 only in the APS homologation month.
func (v *validator) conditions(rows []parsedRow, promo, aps Start) {
	for _, p := range rows {
		for n := 5; n <= NumFields; n++ {
			f, c := FieldOf(n), p.row.Field(n)
			if f.Program == Always {
				if c.Empty() {
					v.missing(c, lang.M("field %d is empty", n))
				}
				continue
			}
			if !p.monthOK {
				continue // which program fields apply is unknown
			}
			start := promo
			if f.Program != Promoprev {
				start = aps
			}
			active := f.Applies(p.month, promo.ptr(), aps.ptr())
			switch {
			case active && c.Empty():
				when := lang.M("from the %s start %s (%s) on", f.Program, start, start.Cell)
				if f.Program == APSHomologation {
					when = lang.M("in the APS homologation month %s (%s)", start, start.Cell)
				}
				v.missing(c, lang.M("field %d is empty in %s; it is required %s", n, p.month, when))
			case !active && !c.Empty():
				v.notApplicable(f, c, p.month, start)
			}
		}
	}
}

func (v *validator) notApplicable(f Field, c Cell, m period.Month, start Start) {
	var why lang.Msg
	switch {
	case !start.Known && f.Program == Promoprev:
		why = lang.M("the operator has no PROMOPREV (field 3 is empty)")
	case !start.Known:
		why = lang.M("the operator has no APS certification (field 4 is empty)")
	case f.Program == APSHomologation:
		why = lang.M("it belongs only in the row of the homologation month %s (%s)", start, start.Cell)
	default:
		why = lang.M("%s is before the %s start %s (%s)", m, f.Program, start, start.Cell)
	}
	code := findings.ColetaBeforeProgram
	if f.Program == APSHomologation {
		code = findings.ColetaField12
	}
	v.add(code, c, lang.M("field %d is filled in %s, but %s", f.Num, m, why), lang.Msg{})
}

// overTotal checks 6 ≤ 5 and 7 ≤ 5.
func (v *validator) overTotal(rows []parsedRow) {
	for _, p := range rows {
		if !p.numOK[5] {
			continue
		}
		for _, n := range []int{6, 7} {
			if p.numOK[n] && p.nums[n].GreaterThan(p.nums[5]) {
				v.add(findings.ColetaOverTotal, p.row.Field(n), lang.M("field %d = %s exceeds field 5 = %s, the operator's total", n, p.nums[n], p.nums[5]), lang.Msg{})
			}
		}
	}
}
