package coleta

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
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

func (v *validator) add(code string, c Cell, msg, fix string) {
	v.l.Add(findings.NewText(code, SheetName, c.Axis(), msg, fix))
}

// missing reports a required cell that is empty, telling apart a formula
// without a cached value.
func (v *validator) missing(c Cell, msg string) {
	if c.Formula != "" {
		v.add(findings.FormulaNoValue, c, fmt.Sprintf("%s: the formula =%s has no cached value", msg, findings.Clip(c.Formula)), "")
		return
	}
	v.add(findings.EmptyValue, c, msg, "")
}

// Validate checks the sheet against every rule of the collection layout and
// returns the findings, each at its cell of the Coleta sheet.
func Validate(s *Sheet) findings.List {
	v := &validator{asText: map[int][]Cell{}}
	if !v.header(s) {
		return v.l
	}
	v.names(s)
	if len(s.Rows) == 0 {
		v.add(findings.ColetaSequence, Cell{Col: 1, Row: FirstDataRow}, "the sheet has no data rows", "add one row per month from 2018-01 to the data base (capreg coleta template writes them)")
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
			what := "is empty"
			if !c.Empty() {
				what = fmt.Sprintf("holds %q", findings.Clip(c.Text))
			}
			v.add(findings.ColetaLayout, c, fmt.Sprintf("row 1 holds the field numbers 1 to 21 in columns A to U; %s %s instead of %s", c.Axis(), what, want),
				fmt.Sprintf("type %s in %s (capreg coleta template writes the header)", want, c.Axis()))
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
			v.add(findings.ColetaHeaderName, c, fmt.Sprintf("the name of field %d is not ANS's: %q", f.Num, findings.Clip(f.Name)), "")
		}
	}
}

func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (v *validator) parseRow(r *Row) parsedRow {
	p := parsedRow{row: r}
	if c := r.Field(1); c.Empty() {
		v.missing(c, "field 1 (registro ANS) is empty")
	} else if reg, err := parse.Registro(c.Text, !c.IsText); err != nil {
		v.l.Add(parse.Finding(findings.BadRegistro, SheetName, c.Axis(), "field 1", err))
	} else {
		p.registro, p.registroOK = reg, true
		if reg != strings.TrimSpace(c.Text) {
			v.regShort = append(v.regShort, c)
		}
	}
	if c := r.Field(2); c.Empty() {
		v.missing(c, "field 2 (data base, mmaaaa) is empty")
	} else if m, err := ParseMonth(c.Text); err != nil {
		v.add(findings.ColetaMonthFormat, c, "field 2: "+err.Error(), "")
	} else {
		p.month, p.monthOK = m, true
	}
	for i, n := range []int{3, 4} {
		c := r.Field(n)
		if c.Empty() {
			continue
		}
		if m, err := ParseMonth(c.Text); err != nil {
			v.add(findings.ColetaMonthFormat, c, fmt.Sprintf("field %d: %v", n, err), "")
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
		where := cells[0].Axis() + " holds the number"
		if len(cells) > 1 {
			where = fmt.Sprintf("%s and %d more cells hold numbers", cells[0].Axis(), len(cells)-1)
		}
		v.add(findings.ColetaNumberAsText, cells[0], fmt.Sprintf("field %d: %s as text", n, where), "")
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
	where := c.Axis() + " holds"
	if len(v.regShort) > 1 {
		where = fmt.Sprintf("%s and %d more cells hold", c.Axis(), len(v.regShort)-1)
	}
	reg, _ := parse.Registro(n, true)
	v.add(findings.ColetaRegistroNumber, c, fmt.Sprintf("field 1: %s the registro ANS as a number (%s, read as %s): the sheet sent to ANS holds %d digits where the field has 6", where, n, reg, len(n)), "")
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
			v.add(findings.ColetaRegistroVaries, p.row.Field(1), fmt.Sprintf("field 1 = %s, but %s holds %s", p.registro, rows[first].row.Field(1).Axis(), rows[first].registro), "")
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
			v.add(findings.ColetaProgramStart, c, fmt.Sprintf("field %d = %s, but %s holds %s: a program has one start month", n, FormatMonth(p.starts[i]), s.Cell, s), "")
		}
	}
	if !s.Known {
		return s
	}
	prog := [2]string{"PROMOPREV", "APS"}[i]
	for _, p := range rows {
		if c := p.row.Field(n); c.Empty() && p.monthOK && !p.month.Before(s.Month) {
			v.missing(c, fmt.Sprintf("field %d is empty, but the %s started in %s (%s): fill it in every row from the start on", n, prog, s, s.Cell))
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
			v.add(findings.ColetaSequence, c, fmt.Sprintf("field 2 = %s (%s) is before 2018-01, the first month ANS asks for", FormatMonth(m), m), "delete the row")
			continue
		case seen[m] != "":
			v.add(findings.DuplicateMonth, c, fmt.Sprintf("month %s (%s) appears again (first at %s)", FormatMonth(m), m, seen[m]), "")
			continue
		}
		seen[m] = c.Axis()
		if i == 0 && m.After(FirstMonth) {
			v.add(findings.ColetaLateStart, c, fmt.Sprintf("the rows start at %s, after 2018-01", m), "")
		}
		if havePrev {
			switch {
			case m.Before(prev):
				v.add(findings.ColetaSequence, c, fmt.Sprintf("month %s comes after %s: the rows are out of order", m, prev), "sort the rows by month")
				continue
			case m.Sub(prev) == 2:
				v.add(findings.ColetaSequence, c, fmt.Sprintf("month %s is missing before %s", prev.Add(1), m), "")
			case m.Sub(prev) > 2:
				v.add(findings.ColetaSequence, c, fmt.Sprintf("months %s to %s are missing before %s", prev.Add(1), m.Add(-1), m), "")
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
					v.missing(c, fmt.Sprintf("field %d is empty", n))
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
				when := fmt.Sprintf("from the %s start %s (%s) on", f.Program, start, start.Cell)
				if f.Program == APSHomologation {
					when = fmt.Sprintf("in the APS homologation month %s (%s)", start, start.Cell)
				}
				v.missing(c, fmt.Sprintf("field %d is empty in %s; it is required %s", n, p.month, when))
			case !active && !c.Empty():
				v.notApplicable(f, c, p.month, start)
			}
		}
	}
}

func (v *validator) notApplicable(f Field, c Cell, m period.Month, start Start) {
	var why string
	switch {
	case !start.Known && f.Program == Promoprev:
		why = "the operator has no PROMOPREV (field 3 is empty)"
	case !start.Known:
		why = "the operator has no APS certification (field 4 is empty)"
	case f.Program == APSHomologation:
		why = fmt.Sprintf("it belongs only in the row of the homologation month %s (%s)", start, start.Cell)
	default:
		why = fmt.Sprintf("%s is before the %s start %s (%s)", m, f.Program, start, start.Cell)
	}
	code := findings.ColetaBeforeProgram
	if f.Program == APSHomologation {
		code = findings.ColetaField12
	}
	v.add(code, c, fmt.Sprintf("field %d is filled in %s, but %s", f.Num, m, why), "")
}

// overTotal checks 6 ≤ 5 and 7 ≤ 5.
func (v *validator) overTotal(rows []parsedRow) {
	for _, p := range rows {
		if !p.numOK[5] {
			continue
		}
		for _, n := range []int{6, 7} {
			if p.numOK[n] && p.nums[n].GreaterThan(p.nums[5]) {
				v.add(findings.ColetaOverTotal, p.row.Field(n), fmt.Sprintf("field %d = %s exceeds field 5 = %s, the operator's total", n, p.nums[n], p.nums[5]), "")
			}
		}
	}
}
