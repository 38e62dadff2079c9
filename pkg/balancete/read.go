package balancete

import (
	"context"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/csvfile"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// Limits of one file.
const (
	// maxRows bounds the rows kept, those of the operator read: the chart
	// has a few thousand accounts, so this is years of months.
	maxRows = 200_000
	// checkEvery is how many lines are read between looks at the context.
	checkEvery = 4096
	// maxListed bounds the registros a message lists.
	maxListed = 10
	// maxNoted bounds the distinct registros noted for those messages.
	maxNoted = 100_000
)

// Read reads the balancete file at path: the first sheet of a workbook, or
// a CSV file when the name ends in .csv; the form (ANS open data or ERP
// export) is known by the header row. registro (6 digits, or "") selects
// one operator in a file that names several, skipping the other operators'
// lines without reading their values, and names the operator of a file
// that names none. It returns a sheet per operator and month of the file,
// sorted by registro and month, or none when the findings hold an error;
// the findings name path (File) and the place. The error is ctx's, when it
// stopped the reading.
func Read(ctx context.Context, path, registro string) ([]*Sheet, findings.List, error) {
	if !strings.EqualFold(filepath.Ext(path), ".csv") {
		return readXLSX(ctx, path, registro)
	}
	f, bad := xlsxfile.OpenRegular(path)
	if f == nil {
		for i := range bad {
			bad[i].File = path
		}
		return nil, bad, nil
	}
	defer f.Close()
	return ReadCSV(ctx, f, path, registro)
}

// ReadCSV reads a balancete CSV file from r, as Read does; name is the
// file's path, which the sheets and findings name. The file is read as
// csvfile reads CSV (, or ;, UTF-8 or Latin-1 with or without BOM, any line
// ends, bounded lines); its places are named base!Cell, Cell as a
// spreadsheet shows the file (C12: the third field of line 12).
func ReadCSV(ctx context.Context, r io.Reader, name, registro string) ([]*Sheet, findings.List, error) {
	b := newBuilder(name, filepath.Base(name), registro, true)
	if b.stop {
		return nil, b.found.Findings(), nil
	}
	cr := csvfile.NewReader(r)
	unreadable := func(err error) ([]*Sheet, findings.List, error) {
		line, msg := csvfile.Explain(err)
		b.add(findings.Unreadable, 1, max(line, 1), msg, lang.M("save the file again as CSV (UTF-8 or Latin-1, separated by ; or ,)"))
		return nil, b.found.Findings(), nil
	}
	rec, err := cr.Read()
	switch {
	case err == io.EOF:
		rec = nil
	case err != nil:
		return unreadable(err)
	}
	if !b.header(rec, cr.Line()) {
		return nil, b.found.Findings(), nil
	}
	reg := b.h.idx[colRegistro]
	var cells []xlsxfile.Cell
	for n := 1; !b.stop; n++ {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, b.found.Findings(), ctx.Err()
		}
		rec, err := cr.ReadRaw()
		if err == io.EOF {
			break
		}
		if err != nil {
			return unreadable(err)
		}
		if reg >= 0 {
			v := ""
			if reg < len(rec) {
				v = rec[reg]
			}
			if b.skip(v) {
				continue
			}
		}
		cr.Decode(rec)
		cells = cells[:0]
		for i, v := range rec {
			cells = append(cells, xlsxfile.Cell{Col: i + 1, Kind: xlsxfile.Text, Value: v})
		}
		b.row(cells, cr.Line())
	}
	return b.finish()
}

// readXLSX reads the first sheet of the workbook at path.
func readXLSX(ctx context.Context, path, registro string) ([]*Sheet, findings.List, error) {
	book, l, err := xlsxfile.Open(ctx, path)
	if book == nil {
		for i := range l {
			l[i].File = path
		}
		return nil, l, err
	}
	defer book.Close()
	if len(book.Sheets()) == 0 {
		f := findings.New(findings.MissingSheet, "", "", lang.M("the workbook has no sheet: a balancete is its first sheet"))
		f.File = path
		return nil, findings.List{f}, nil
	}
	name := book.Sheets()[0]
	b := newBuilder(path, name, registro, false)
	if b.stop {
		return nil, b.found.Findings(), nil
	}
	b.date1904 = book.Date1904()
	unreadable := func(err error) ([]*Sheet, findings.List, error) {
		if ctx.Err() != nil {
			return nil, b.found.Findings(), ctx.Err()
		}
		f := xlsxfile.UnreadableSheet(name, err)
		f.File = path
		b.found.Add(f)
		return nil, b.found.Findings(), nil
	}
	rows, err := book.Rows(ctx, name)
	if err != nil {
		return unreadable(err)
	}
	defer rows.Close()
	first := true
	for !b.stop && rows.Next() {
		if first {
			first = false
			if !b.header(rows.Values(), rows.Row()) {
				return nil, b.found.Findings(), nil
			}
			continue
		}
		cells := rows.Dense()
		if i := b.h.idx[colRegistro]; i >= 0 && b.skip(cell(cells, i).Value) {
			continue
		}
		b.row(cells, rows.Row())
	}
	if err := rows.Err(); err != nil {
		return unreadable(err)
	}
	if first && !b.header(nil, 1) {
		return nil, b.found.Findings(), nil
	}
	return b.finish()
}

// key is the operator and month of a row: a sheet.
type key struct {
	registro string
	mes      period.Month
}

// builder turns a file's rows into sheets, one per operator and month,
// with a finding for every problem.
type builder struct {
	file     string // the path, for the sheets and the findings' File
	place    string // Place.Sheet: the sheet of an xlsx, the name of a CSV
	csv      bool
	date1904 bool

	sel, selShort string // the registro selected, 6 digits and without its leading zeros
	h             header
	fileMonth     period.Month // the month in the file's name (zero when none)

	groups map[key][]Row
	kept   int

	// The registros of the file, noted as they change from line to line.
	last     string
	regs     map[string]bool
	matched  bool // a line of the registro selected was seen
	several  bool // without a selection, a second operator was seen
	lastData string
	lastMes  period.Month

	found  findings.Collector // the errors capped: past the cap the reading stops
	stop   bool
	failed bool // an error was found: no sheets
}

var fileMonth = regexp.MustCompile(`(?:^|[^0-9])([0-9]{4}-(?:0[1-9]|1[0-2]))(?:[^0-9]|$)`)

func newBuilder(file, place, registro string, csv bool) *builder {
	b := &builder{file: file, place: place, csv: csv, groups: map[key][]Row{}, regs: map[string]bool{}}
	if m := fileMonth.FindStringSubmatch(filepath.Base(file)); m != nil {
		b.fileMonth, _ = parse.Month(m[1])
	}
	if registro != "" {
		r, err := parse.Registro(registro, true)
		if err != nil {
			b.add(findings.BadRegistro, 0, 0, lang.M("the registro ANS selected, %q, is not a registro ANS", findings.Clip(registro)), lang.M("give the operator's 6-digit registro ANS (e.g. 005711)"))
			b.stop = true
		}
		b.sel, b.selShort = r, strings.TrimLeft(r, "0")
	}
	return b
}

// add records a finding of code at the cell (col, row), 1-based (see put),
// with msg and fix (the zero Msg for the code's).
func (b *builder) add(code string, col, row int, msg, fix lang.Msg) {
	b.put(findings.New(code, "", "", b.line(row, msg)).WithFix(fix), col, row)
}

// line is msg of the 1-based row; a CSV file's message names the line.
func (b *builder) line(row int, msg lang.Msg) lang.Msg {
	if b.csv && row > 0 {
		return lang.M("line %d: %s", lang.Ordinal(row), msg)
	}
	return msg
}

// put records f at the cell (col, row), 1-based; col 0 names the row
// alone, row 0 the file. Past findings.MaxErrorsPerSheet errors the
// reading stops.
func (b *builder) put(f findings.Finding, col, row int) {
	if row > 0 {
		f.Cell = xlsxfile.CellName(max(col, 1), row)
	}
	f.Sheet, f.File = b.place, b.file
	b.failed = b.failed || f.Severity == findings.Error
	b.found.Add(f)
	b.stop = b.stop || b.found.Full(b.place)
}

// header recognises the header row (its 1-based row), false when the file
// cannot be read on.
func (b *builder) header(names []string, row int) bool {
	if len(names) == 0 {
		b.add(findings.BalanceteHeader, 0, 0, lang.M("the file is empty: a balancete starts with its header row"), lang.Msg{})
		return false
	}
	h, probs := recognise(names)
	b.h = h
	for _, p := range probs {
		code := findings.BalanceteHeader
		if p.Warning {
			code = findings.ExtraColumn
		}
		b.add(code, p.Col+1, row, p.Msg, lang.Msg{})
	}
	if b.failed {
		return false
	}
	if h.form == erp && h.idx[colMes] < 0 && b.fileMonth.IsZero() {
		b.add(findings.BalanceteMonth, 0, 0, lang.M("the file has no mes column and its name (%s) holds no month AAAA-MM: the month of its balances is unknown", filepath.Base(b.file)), lang.Msg{})
		return false
	}
	return true
}

// skip reports whether the line of registro v is another operator's: one
// not selected, or, without a selection, any line once a second operator
// was seen (the file is refused then). It reads no other field.
func (b *builder) skip(v string) bool {
	if b.sel != "" {
		if v == b.sel || strings.TrimLeft(strings.TrimSpace(v), "0") == b.selShort {
			b.matched = true
			return false
		}
		b.note(v)
		return true
	}
	b.note(v)
	return b.several
}

// note notes the registro of a line for the messages that list the
// file's operators.
func (b *builder) note(v string) {
	if v == b.last {
		return
	}
	b.last = v
	r, err := parse.Registro(v, true)
	if err != nil || b.regs[r] || len(b.regs) >= maxNoted {
		return
	}
	b.regs[r] = true
	if b.sel == "" && len(b.regs) > 1 && !b.several {
		b.several = true
		clear(b.groups) // the file is refused: its rows are of no use
		b.kept = 0
	}
}

// row reads a line (or sheet row) of the operator: cells by column, row
// its 1-based number.
func (b *builder) row(cells []xlsxfile.Cell, row int) {
	blank := true
	for _, c := range cells {
		if !c.Empty() {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	ok := true
	k := key{registro: b.sel}
	if i := b.h.idx[colRegistro]; i >= 0 {
		if v, has := b.text(cells, i, row); !has {
			ok = false
		} else if r, err := parse.Registro(v, true); err == nil {
			k.registro = r
		} else {
			b.add(findings.BadRegistro, i+1, row, lang.M("%s: %q is not a registro ANS", b.name(i), findings.Clip(v)), lang.Msg{})
			ok = false
		}
	}
	conta, has := b.text(cells, b.h.idx[colConta], row)
	ok = ok && has
	switch i := b.h.idx[colMes]; {
	case b.h.form == openData:
		k.mes, has = b.data(cells, i, row)
		ok = ok && has
	case i >= 0:
		k.mes, has = b.month(cells, i, row)
		ok = ok && has
	default:
		k.mes = b.fileMonth
	}
	r := Row{Conta: conta, Place: Place{Sheet: b.place, Cell: xlsxfile.CellName(b.h.idx[colConta]+1, row)}}
	r.Final, has = b.number(cells, colFinal, row)
	ok = ok && has
	if b.h.idx[colInicial] >= 0 {
		r.Inicial, has = b.number(cells, colInicial, row)
		r.HasInicial = true
		ok = ok && has
	}
	if !ok {
		return
	}
	if b.kept++; b.kept > maxRows {
		b.add(findings.Unreadable, 0, row, lang.M("more than %d rows of one operator: the file is not read", maxRows), lang.M("give the balancete of one operator, one month to a few years"))
		b.stop = true
		return
	}
	b.groups[k] = append(b.groups[k], r)
}

// cell is the cell of 0-based column i of a row (a blank one past its end).
func cell(cells []xlsxfile.Cell, i int) xlsxfile.Cell {
	if i >= 0 && i < len(cells) {
		return cells[i]
	}
	return xlsxfile.Cell{Col: i + 1}
}

// value is the cell of column i, false (after a finding) when it holds
// nothing or a formula without a value.
func (b *builder) value(cells []xlsxfile.Cell, i, row int) (xlsxfile.Cell, bool) {
	switch c := cell(cells, i); {
	case c.Kind == xlsxfile.Formula:
		b.add(findings.FormulaNoValue, i+1, row, lang.M("%s: the formula %s has no value", b.name(i), findings.Clip(c.Formula)), lang.Msg{})
		return c, false
	case c.Empty():
		b.add(findings.EmptyValue, i+1, row, lang.M("%s is empty", b.name(i)), lang.Msg{})
		return c, false
	default:
		return c, true
	}
}

// name is the name, in the file's form, of the column at 0-based index i.
func (b *builder) name(i int) lang.Msg {
	for c, j := range b.h.idx {
		if j == i {
			return lang.Text(columnNames[b.h.form][c])
		}
	}
	return lang.M("column %d", i+1)
}

// text is column i's text, trimmed.
func (b *builder) text(cells []xlsxfile.Cell, i, row int) (string, bool) {
	c, ok := b.value(cells, i, row)
	return strings.TrimSpace(c.Value), ok
}

// number reads column c's amount: a numeric cell, or text in pt-BR
// (1.234,56, the open data's decimal comma) or plain (1234.56).
func (b *builder) number(cells []xlsxfile.Cell, c, row int) (decimal.Decimal, bool) {
	i := b.h.idx[c]
	v, ok := b.value(cells, i, row)
	if !ok {
		return decimal.Decimal{}, false
	}
	d, err := v.Number()
	if err != nil {
		b.parseError(err, findings.BadNumber, i, row)
		return decimal.Decimal{}, false
	}
	return d, true
}

// month reads the ERP's mes: AAAA-MM (or MM/AAAA), or a date cell.
func (b *builder) month(cells []xlsxfile.Cell, i, row int) (period.Month, bool) {
	v, ok := b.value(cells, i, row)
	if !ok {
		return period.Month{}, false
	}
	m, err := v.Month(b.date1904)
	if err != nil {
		b.parseError(err, findings.BadDate, i, row)
		return period.Month{}, false
	}
	return m, true
}

// dataLayouts are the forms of the open data's DATA.
var dataLayouts = []string{"2006-01-02", "2006/01/02", "02/01/2006", "2/1/2006"}

// data reads the open data's DATA, the first day of the quarter (or a
// date cell), as the quarter's last month: the month whose end the
// balances are at.
func (b *builder) data(cells []xlsxfile.Cell, i, row int) (period.Month, bool) {
	v, ok := b.value(cells, i, row)
	if !ok {
		return period.Month{}, false
	}
	if v.Kind == xlsxfile.Text && v.Value == b.lastData {
		return b.lastMes, true
	}
	var t time.Time
	var err error
	if v.Kind == xlsxfile.Text {
		err = &parse.Error{Kind: parse.Syntax, Text: v.Value, Msg: lang.M("%q is not a date", findings.Clip(v.Value)),
			Fix: lang.M("write DATA as AAAA-MM-DD, AAAA/MM/DD or DD/MM/AAAA (the first day of the quarter)")}
		s := strings.TrimSpace(v.Value)
		for _, layout := range dataLayouts {
			if d, perr := time.Parse(layout, s); perr == nil {
				t, err = d, nil
				break
			}
		}
	} else {
		t, err = v.Date(b.date1904)
	}
	if err != nil {
		b.parseError(err, findings.BadDate, i, row)
		return period.Month{}, false
	}
	m := period.MonthOf(t).QuarterEnd()
	if v.Kind == xlsxfile.Text {
		b.lastData, b.lastMes = v.Value, m
	}
	return m, true
}

// parseError reports a value column i could not be read as (see
// parse.Finding).
func (b *builder) parseError(err error, code string, i, row int) {
	b.put(parse.FindingOf(code, "", "", b.line(row, b.name(i)), err), i+1, row)
}

// finish checks the operators of the file and builds its sheets.
func (b *builder) finish() ([]*Sheet, findings.List, error) {
	if b.stop && b.failed {
		return nil, b.found.Findings(), nil
	}
	switch {
	case b.several:
		b.add(findings.BalanceteOperators, 0, 0, lang.M("the file holds %s: a registro ANS must select the one to read", b.operators()), lang.Msg{})
	case b.sel != "" && b.h.idx[colRegistro] >= 0 && !b.matched:
		msg := lang.M("the file holds no line of registro %s", b.sel)
		if len(b.regs) > 0 {
			msg = lang.M("the file holds no line of registro %s (it holds %s)", b.sel, b.operators())
		}
		b.add(findings.BalanceteNoRows, 0, 0, msg, lang.M("check the registro ANS, or give the file of that operator"))
	case len(b.groups) == 0 && !b.failed:
		b.add(findings.BalanceteNoRows, 0, 0, lang.M("the file holds no account, only its header"), lang.M("give the file with the operator's accounts"))
	}
	keys := make([]key, 0, len(b.groups))
	for k := range b.groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].registro != keys[j].registro {
			return keys[i].registro < keys[j].registro
		}
		return keys[i].mes.Before(keys[j].mes)
	})
	sheets := make([]*Sheet, 0, len(keys))
	for _, k := range keys {
		s, l := NewSheet(b.file, k.registro, k.mes, b.h.form == openData, b.groups[k])
		for _, f := range l {
			b.found.Add(f)
		}
		sheets = append(sheets, s)
	}
	if b.found.Findings().HasErrors() {
		return nil, b.found.Findings(), nil
	}
	return sheets, b.found.Findings(), nil
}

// operators lists the registros noted: "3 operators: 005711, 316458,
// 333239", the first maxListed of them.
func (b *builder) operators() lang.Msg {
	regs := make([]string, 0, len(b.regs))
	for r := range b.regs {
		regs = append(regs, r)
	}
	sort.Strings(regs)
	switch {
	case len(regs) == 1:
		return lang.M("1 operator: %s", regs[0])
	case len(regs) > maxListed:
		return lang.M("%d operators: %s and %d more", len(regs), strings.Join(regs[:maxListed], ", "), len(regs)-maxListed)
	}
	return lang.M("%d operators: %s", len(regs), strings.Join(regs, ", "))
}
