package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// Sheet names of the xlsx report.
const (
	SheetResumo     = "Resumo"
	SheetMemoria    = "Memoria_de_Calculo"
	SheetParametros = "Parametros"
	SheetValidacao  = "Validacao"
	SheetComparacao = "Comparacao"
)

// brlFormat is the number format of amounts: numeric cells shown as reais.
const brlFormat = `"R$ "#,##0.00;-"R$ "#,##0.00`

// book wraps a report workbook, its styles and the language of its words.
type book struct {
	f                  *excelize.File
	l                  lang.Lang
	brl, ratio, header int
	title, wrap        int
	streamed           map[string]bool // sheets written with a StreamWriter
	resumoNext         int             // the first free row of Resumo, below its charts and notes
}

func newBook(l lang.Lang) (*book, error) {
	f := excelize.NewFile()
	b := &book{f: f, l: l, streamed: map[string]bool{}}
	var err error
	fmtBRL := brlFormat
	if b.brl, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fmtBRL}); err != nil {
		return nil, err
	}
	fmtRatio := "0.0000"
	if b.ratio, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fmtRatio}); err != nil {
		return nil, err
	}
	if b.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}); err != nil {
		return nil, err
	}
	if b.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return nil, err
	}
	if b.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	return b, nil
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// row writes values from column 1 of a row; decimals become numbers.
func (b *book) row(sheet string, r int, vals ...any) error {
	for i, v := range vals {
		if err := b.f.SetCellValue(sheet, cellName(i+1, r), v); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) headerRow(sheet string, r int, names ...string) error {
	for i, n := range names {
		if err := b.f.SetCellStr(sheet, cellName(i+1, r), n); err != nil {
			return err
		}
	}
	return b.f.SetCellStyle(sheet, cellName(1, r), cellName(len(names), r), b.header)
}

// amount writes a money value rounded to centavos as a numeric cell.
func (b *book) amount(sheet, cell string, n *capital.Node) error {
	if err := b.f.SetCellFloat(sheet, cell, money.Round(n.Value).InexactFloat64(), -1, 64); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cell, cell, b.brl)
}

func (b *book) widths(sheet string, w ...float64) {
	for i, x := range w {
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = b.f.SetColWidth(sheet, col, col, x)
	}
}

// XLSX builds the report workbook of one result: Resumo (figures and two
// charts), Memoria_de_Calculo (the explanation tree), Parametros (the
// rulebook as used) and Validacao (warnings). Its words are in the language
// of m; its sheets' names are the same in every language.
func XLSX(r *capital.Result, warnings findings.List, rb *rules.Rulebook, m Meta) (*excelize.File, error) {
	b, err := newBook(m.Lang)
	if err != nil {
		return nil, err
	}
	steps := []func() error{
		func() error { return b.resumo(r, m) },
		func() error { return b.memoria(r) },
		func() error { return b.parametros(r, rb) },
		func() error { return b.validacao(worded(m.Lang, r, warnings)) },
	}
	if m.Headroom != nil {
		steps = append(steps, func() error { return b.headroomResumo(m.Headroom, m.Lang, markers(r.Surplus)) })
	}
	return b.finish(steps)
}

// finish runs the steps that fill the sheets, then sets every sheet to print
// landscape, one page wide.
func (b *book) finish(steps []func() error) (*excelize.File, error) {
	for _, step := range steps {
		if err := step(); err != nil {
			b.f.Close()
			return nil, err
		}
	}
	for _, s := range b.f.GetSheetList() {
		if b.streamed[s] {
			continue // set before its rows were streamed
		}
		if err := b.printSetup(s); err != nil {
			b.f.Close()
			return nil, err
		}
	}
	return b.f, nil
}

// printSetup sets a sheet to print landscape, one page wide. A sheet written
// with a StreamWriter must have it before the writer is made: the writer
// keeps the settings the sheet had then.
func (b *book) printSetup(sheet string) error {
	landscape, one, any, fit := "landscape", 1, 0, true
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	return b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func (b *book) resumo(r *capital.Result, m Meta) error {
	f, s := b.f, SheetResumo
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	op, l := r.Operadora, b.l
	verdict := l.T(lang.TableSufficient)
	if !r.Sufficient {
		verdict = l.T(lang.TableInsufficient)
	}
	info := [][]any{
		{l.T(lang.TableTitle)},
		{"Registro ANS", op.RegistroANS},
		{"Razão social", op.RazaoSocial},
		{"Data base", l.Month(op.DataBase)},
		{"Modalidade", strings.TrimSpace(string(op.Modalidade) + " " + string(op.Segmentacao)), fmt.Sprintf("região %d", op.Regiao)},
		{l.T(lang.FactorSet), r.FactorSet},
		{l.T(lang.Sufficiency), verdict},
		{l.T(lang.TableRulebook), m.RulebookVer + rulesSuffix(m.RulesFile)},
	}
	for i, v := range info {
		if err := b.row(s, i+1, v...); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A1", "A1", b.title); err != nil {
		return err
	}
	const top = 10
	if err := b.headerRow(s, top, l.T(lang.Figure), l.T(lang.Value)+" (R$)", l.T(lang.Markers)); err != nil {
		return err
	}
	fig := Figures(r)
	for i, row := range tableRows {
		n := fig[row.key]
		rr := top + 1 + i
		if err := b.row(s, rr, l.T(row.label)); err != nil {
			return err
		}
		if err := b.amount(s, cellName(2, rr), n); err != nil {
			return err
		}
		if err := f.SetCellStr(s, cellName(3, rr), markerText(l, markers(n))); err != nil {
			return err
		}
	}
	icrRow := top + 1 + len(tableRows)
	if err := b.row(s, icrRow, "ICR  PLA / CR"); err != nil {
		return err
	}
	if r.ICR != nil {
		if err := f.SetCellFloat(s, cellName(2, icrRow), r.ICR.Value.Round(4).InexactFloat64(), -1, 64); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cellName(2, icrRow), cellName(2, icrRow), b.ratio); err != nil {
			return err
		}
	}
	// Footnotes below the charts, one parameter a row.
	note := icrRow + 20
	for _, fn := range []struct {
		head  string
		names []string
	}{
		{l.T(lang.XlsxProvisionalNote, l.T(lang.Provisional)), r.Provisional()},
		{l.T(lang.XlsxProposalNote, l.T(lang.Proposal)), r.Proposal()},
		{l.T(lang.XlsxInformedNote, l.T(lang.Informed)), r.Informed()},
	} {
		if len(fn.names) == 0 {
			continue
		}
		if err := b.row(s, note, fn.head); err != nil {
			return err
		}
		for _, n := range fn.names {
			note++
			if err := b.row(s, note, "  "+n); err != nil {
				return err
			}
		}
		note += 2
	}
	b.resumoNext = note
	b.widths(s, 40, 22, 28, 3, 3, 12, 20)
	// The charts' data: a small table beside the figures (F:G).
	if err := b.headerRow2(s, 6, top, l.T(lang.XlsxCharts), l.T(lang.Value)+" (R$)"); err != nil {
		return err
	}
	series := []struct{ label, key string }{{"CRS", "crs"}, {"CRC", "crc"}, {"CRM", "crm"}, {"CRO", "cro"}, {"PLA", "pla"}, {"CR", "cr"}}
	for i, x := range series {
		rr := top + 1 + i
		if err := f.SetCellStr(s, cellName(6, rr), x.label); err != nil {
			return err
		}
		if err := b.amount(s, cellName(7, rr), fig[x.key]); err != nil {
			return err
		}
	}
	chart := func(title string, first, last int) *excelize.Chart {
		return &excelize.Chart{
			Type:   excelize.Col,
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
			Legend: excelize.ChartLegend{Position: "none"},
			YAxis:  excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
			Series: []excelize.ChartSeries{{
				Name:       title,
				Categories: fmt.Sprintf("%s!$F$%d:$F$%d", s, first, last),
				Values:     fmt.Sprintf("%s!$G$%d:$G$%d", s, first, last),
			}},
			Dimension: excelize.ChartDimension{Width: 480, Height: 280},
		}
	}
	if err := b.resumoContributions(s, top, r, m.Lang); err != nil {
		return err
	}
	if err := f.AddChart(s, "A27", chart(l.T(lang.XlsxChartCBR), top+1, top+4)); err != nil {
		return err
	}
	return f.AddChart(s, "C27", chart(l.T(lang.XlsxChartPLA), top+5, top+6))
}

// headerRow2 writes a header starting at column col.
func (b *book) headerRow2(sheet string, col, r int, names ...string) error {
	for i, n := range names {
		if err := b.f.SetCellStr(sheet, cellName(col+i, r), n); err != nil {
			return err
		}
	}
	return b.f.SetCellStyle(sheet, cellName(col, r), cellName(col+len(names)-1, r), b.header)
}

func (b *book) memoria(r *capital.Result) error {
	f, s, l := b.f, SheetMemoria, b.l
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := b.headerRow(s, 1, l.T(lang.XlsxLevel), l.T(lang.XlsxKey), l.T(lang.Figure), l.T(lang.Value), l.T(lang.XlsxFormula),
		l.T(lang.XlsxInputs), l.T(lang.XlsxParameters), l.T(lang.Markers)); err != nil {
		return err
	}
	row := 2
	var err error
	var walk func(n *capital.Node, depth int)
	walk = func(n *capital.Node, depth int) {
		if err != nil {
			return
		}
		var ins, ps []string
		for _, in := range n.Inputs {
			v := l.Number(in.Value)
			if in.Text != "" {
				v = in.Text
			}
			cell := ""
			if in.Cell != "" {
				cell = " (" + in.Cell + ")"
			}
			ins = append(ins, in.Name+" = "+v+cell)
		}
		for _, p := range n.Params {
			ps = append(ps, fmt.Sprintf("%s = %s [%s]", p.Path, p.Value, statusText(l, p.Status)))
		}
		if err = b.row(s, row, depth, n.Key, strings.Repeat("  ", depth)+n.Label); err != nil { // label: see fitHeight below
			return
		}
		if err = f.SetCellFloat(s, cellName(4, row), n.Value.InexactFloat64(), -1, 64); err != nil {
			return
		}
		texts := []string{n.Formula, strings.Join(ins, "\n"), strings.Join(ps, "\n"), markerText(l, markers(n))}
		for i, t := range texts {
			if err = f.SetCellStr(s, cellName(5+i, row), t); err != nil {
				return
			}
		}
		label := strings.Repeat("  ", depth) + n.Label
		if err = b.fitHeight(s, row, map[string]int{n.Key: 20, label: 38, texts[0]: 38, texts[1]: 58, texts[2]: 58}); err != nil {
			return
		}
		row++
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(r.Tree.In(l), 0)
	if r.Contributions != nil {
		for _, n := range r.Contributions.Nodes() {
			walk(n.In(l), 0)
		}
	}
	if err != nil {
		return err
	}
	b.widths(s, 6, 22, 40, 18, 40, 60, 60, 16)
	return f.SetColStyle(s, "A:H", b.wrap)
}

func (b *book) parametros(r *capital.Result, rb *rules.Rulebook) error {
	f, s, l := b.f, SheetParametros, b.l
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	leaves, err := rb.Leaves()
	if err != nil {
		return err
	}
	used := map[string]bool{}
	r.Tree.Walk(func(n *capital.Node) {
		for _, p := range n.Params {
			used[strings.SplitN(p.Path, "[", 2)[0]] = true
		}
	})
	if err := b.headerRow(s, 1, l.T(lang.Parameter), l.T(lang.Value), l.T(lang.Status), l.T(lang.Source), l.T(lang.XlsxUsed)); err != nil {
		return err
	}
	for i, p := range leaves {
		for j, t := range []string{p.Path, p.Value, statusText(l, p.Status), p.Source, yesNo(l, used[p.Path])} {
			if err := f.SetCellStr(s, cellName(j+1, i+2), t); err != nil {
				return err
			}
		}
		if err := b.fitHeight(s, i+2, map[string]int{p.Value: 40, p.Source: 70}); err != nil {
			return err
		}
	}
	b.widths(s, 44, 40, 12, 70, 12)
	return f.SetColStyle(s, "B:D", b.wrap)
}

func (b *book) validacao(warnings findings.List) error {
	f, s, l := b.f, SheetValidacao, b.l
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := b.headerRow(s, 1, l.T(lang.Code), l.T(lang.Severity), l.T(lang.Place), l.T(lang.Message), l.T(lang.Fix)); err != nil {
		return err
	}
	for i, w := range warnings {
		for j, t := range []string{w.Code, w.Severity.In(l), w.Where(), w.Message, w.Fix} {
			if err := f.SetCellStr(s, cellName(j+1, i+2), t); err != nil {
				return err
			}
		}
		if err := b.fitHeight(s, i+2, map[string]int{w.Message: 70, w.Fix: 50}); err != nil {
			return err
		}
	}
	if len(warnings) == 0 {
		if err := f.SetCellStr(s, "A2", l.T(lang.XlsxNoWarnings)); err != nil {
			return err
		}
	}
	b.widths(s, 10, 10, 24, 70, 50)
	return f.SetColStyle(s, "D:E", b.wrap)
}

// fitHeight sets a row tall enough for its wrapped texts (text → the width
// of its column in characters): spreadsheet programs do not grow rows by
// themselves when they open a file.
func (b *book) fitHeight(sheet string, row int, texts map[string]int) error {
	if h := rowHeight(texts); h > 0 {
		return b.f.SetRowHeight(sheet, row, h)
	}
	return nil
}

// rowHeight is the height of a row that shows its wrapped texts (text → the
// width of its column in characters), or 0 when one line does.
func rowHeight(texts map[string]int) float64 {
	lines := 1
	for t, width := range texts {
		n := 0
		for _, line := range strings.Split(t, "\n") {
			n += max(1, (utf8.RuneCountInString(line)+width-1)/width)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return min(float64(lines)*13.5, 409) // Excel's row limit
}
