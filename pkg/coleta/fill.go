package coleta

import (
	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// Counts are what the beneficiary data gives for the data-base month.
type Counts struct {
	Total     int64 // field 5
	Promoprev int64 // beneficiaries marked promoprev S (field 6)
	APS       int64 // beneficiaries marked aps S (field 7)
}

// Plan is what capreg coleta fill writes: fields 1, 2, 5, 6 and 7 of one
// month's row. A nil Promoprev or APS leaves (and makes) the cell empty.
type Plan struct {
	Row       int  // the sheet row written
	New       bool // the row is appended after the last one
	CopyFrom  int  // a new row copies this row's cell styles (0: none)
	Registro  string
	Month     period.Month
	Total     int64
	Promoprev *int64
	APS       *int64
	// Starts are fields 3 and 4 of a new row (mmaaaa or ""): the program
	// start months the sheet gives.
	Starts [2]string
	Notes  []lang.Msg // what was left empty and why, for the person
}

// PlanFill works out where and what to fill for month m from the counts.
// registro, when not "", must agree with the sheet's. The month's row must
// exist, or be the month after the last row (it is then appended).
func PlanFill(s *Sheet, m period.Month, c Counts, registro string) (*Plan, error) {
	v := &validator{asText: map[int][]Cell{}}
	if !v.header(s) {
		return nil, &findings.InputError{Findings: v.l}
	}
	rows := make([]parsedRow, len(s.Rows))
	quiet := &validator{asText: map[int][]Cell{}} // reads values; its findings are validate's business
	for i := range s.Rows {
		rows[i] = quiet.parseRow(&s.Rows[i])
	}
	p := &Plan{Month: m, Total: c.Total}
	if err := p.registro(rows, registro); err != nil {
		return nil, err
	}
	if err := p.row(s, rows, m); err != nil {
		return nil, err
	}
	for i, prog := range []struct {
		name  string
		field int
		count int64
		dst   **int64
	}{{"PROMOPREV", 6, c.Promoprev, &p.Promoprev}, {"APS", 7, c.APS, &p.APS}} {
		st := firstStart(rows, i)
		if st.Known {
			p.Starts[i] = FormatMonth(st.Month)
		}
		switch {
		case st.Known && !m.Before(st.Month):
			n := prog.count
			*prog.dst = &n
		case st.Known:
			p.Notes = append(p.Notes, lang.M("field %d left empty: the %s starts in %s (%s), after %s (%d beneficiaries marked %s S)",
				prog.field, prog.name, st, st.Cell, m, prog.count, lower(prog.name)))
		case prog.count > 0:
			p.Notes = append(p.Notes, lang.M("field %d left empty: the sheet gives no %s start (field %d is empty), yet %d beneficiaries are marked %s S",
				prog.field, prog.name, prog.field-3, prog.count, lower(prog.name)))
		}
	}
	return p, nil
}

func lower(s string) string {
	if s == "PROMOPREV" {
		return string(ans.Promoprev)
	}
	return string(ans.APS)
}

// registro settles field 1: the flag's, else the sheet's.
func (p *Plan) registro(rows []parsedRow, flag string) error {
	var sheet string
	var where string
	for _, r := range rows {
		if r.registroOK {
			sheet, where = r.registro, r.row.Field(1).Axis()
			break
		}
	}
	if flag != "" {
		reg, err := parse.Registro(flag, false)
		if err != nil {
			return lang.Errorf("--registro: %w", err)
		}
		if sheet != "" && reg != sheet {
			return lang.Errorf("--registro %s differs from the sheet's registro ANS %s (%s!%s)", reg, sheet, SheetName, where)
		}
		p.Registro = reg
		return nil
	}
	if sheet == "" {
		return lang.Errorf("the sheet names no registro ANS (field 1): give it with --registro")
	}
	p.Registro = sheet
	return nil
}

// row finds the month's row, or the row after the last for the next month.
func (p *Plan) row(s *Sheet, rows []parsedRow, m period.Month) error {
	var found []int
	var last period.Month
	haveLast := false
	for _, r := range rows {
		if !r.monthOK {
			continue
		}
		if r.month == m {
			found = append(found, r.row.Num)
		}
		if !haveLast || r.month.After(last) {
			last, haveLast = r.month, true
		}
	}
	switch {
	case len(found) == 1:
		p.Row = found[0]
		return nil
	case len(found) > 1:
		return lang.Errorf("month %s has %d rows in the sheet (rows %v): run capreg coleta validate and keep one", m, len(found), found)
	}
	if len(s.Rows) == 0 {
		p.Row, p.New = FirstDataRow, true
		return nil
	}
	if haveLast && m == last.Add(1) {
		lastRow := s.Rows[len(s.Rows)-1].Num
		p.Row, p.New, p.CopyFrom = lastRow+1, true, lastRow
		return nil
	}
	if !haveLast {
		return lang.Errorf("no row of the sheet has a readable month (field 2): run capreg coleta validate")
	}
	return lang.Errorf("the sheet has no row for %s (its last month is %s); fill adds a row only for the month after the last, %s", m, last, last.Add(1))
}

// firstStart is a program's start as the sheet first gives it (i 0: field
// 3, PROMOPREV; 1: field 4, APS).
func firstStart(rows []parsedRow, i int) Start {
	for _, r := range rows {
		if r.startsOK[i] {
			return Start{Month: r.starts[i], Known: true, Cell: r.row.Field(3 + i).Axis()}
		}
	}
	return Start{}
}
