package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// SheetVariacao is the sheet of the capreg diff workbook.
const SheetVariacao = "Variacao"

// The two workbooks of capreg diff, as its arguments name them in both
// languages.
const (
	anteriorName = "ANTERIOR"
	atualName    = "ATUAL"
)

// stepLabels are the words of the steps of capreg diff.
var stepLabels = map[analysis.Step]lang.Key{
	analysis.StepBase: lang.DiffStepBase, analysis.StepPLA: lang.DiffStepPLA,
	analysis.StepElegibilidade: lang.DiffStepElegibilidade, analysis.StepContraprestacoes: lang.DiffStepContraprestacoes,
	analysis.StepEventos: lang.DiffStepEventos, analysis.StepABI: lang.DiffStepABI, analysis.StepRemissao: lang.DiffStepRemissao,
	analysis.StepCredito: lang.DiffStepCredito, analysis.StepMercado: lang.DiffStepMercado,
	analysis.StepOperacional: lang.DiffStepOperacional, analysis.StepInformadas: lang.DiffStepInformadas,
}

// stepLabel is the label of a state: its step's words, or ANTERIOR for the
// first state.
func stepLabel(l lang.Lang, s analysis.Step) string {
	if s == "" {
		return anteriorName
	}
	return l.T(stepLabels[s])
}

// DiffDocument is the JSON of capreg diff.
type DiffDocument struct {
	SchemaVersion string                     `json:"schema_version"`
	Anterior      *Document                  `json:"anterior"`
	Atual         *Document                  `json:"atual"`
	Steps         []DiffStep                 `json:"steps"`
	Delta         map[string]decimal.Decimal `json:"delta"`
	Warnings      []DiffWarning              `json:"warnings"`
}

// DiffStep is one step of the analysis: every amount after it, and its
// change of CR and surplus (full precision).
type DiffStep struct {
	Step         string                     `json:"step"`
	Label        string                     `json:"label"`
	FactorSet    string                     `json:"factor_set"`
	Sufficient   bool                       `json:"sufficient"`
	Amounts      map[string]decimal.Decimal `json:"amounts"`
	DeltaCR      decimal.Decimal            `json:"delta_cr"`
	DeltaSurplus decimal.Decimal            `json:"delta_surplus"`
}

// DiffWarning is a note on the two workbooks: a stable code and its words.
type DiffWarning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// diffNoteCodes are the codes of the notes in the JSON.
var diffNoteCodes = map[app.DiffNote]string{app.RegistroDiffers: "registro_differs", app.DataBaseNotAfter: "data_base_not_after"}

// diffWarnings words the notes of d in language l.
func diffWarnings(l lang.Lang, d *app.Difference) []DiffWarning {
	a, b := d.Anterior.Result.Operadora, d.Atual.Result.Operadora
	out := []DiffWarning{}
	for _, n := range d.Notes {
		w := DiffWarning{Code: diffNoteCodes[n]}
		switch n {
		case app.RegistroDiffers:
			w.Message = l.T(lang.DiffRegistro, a.RegistroANS, b.RegistroANS)
		case app.DataBaseNotAfter:
			w.Message = l.T(lang.DiffDataBase, l.Month(b.DataBase), l.Month(a.DataBase))
		}
		out = append(out, w)
	}
	return out
}

// amountValues are a result's 13 amounts at full precision.
func amountValues(r *capital.Result) map[string]decimal.Decimal {
	out := map[string]decimal.Decimal{}
	for k, n := range Figures(r) {
		out[k] = n.Value
	}
	return out
}

// NewDiffDocument builds the JSON of capreg diff: each side is the calc
// document of its workbook (m with the side's file).
func NewDiffDocument(d *app.Difference, m Meta) *DiffDocument {
	ma, mb := m, m
	ma.File, mb.File = d.AnteriorPath, d.AtualPath
	ma.Headroom, mb.Headroom = d.Anterior.Headroom, d.Atual.Headroom
	first, last := amountValues(d.Anterior.Result), amountValues(d.Atual.Result)
	doc := &DiffDocument{
		SchemaVersion: SchemaVersion,
		Anterior:      NewDocument(d.Anterior.Result, d.Anterior.Warnings, ma),
		Atual:         NewDocument(d.Atual.Result, d.Atual.Warnings, mb),
		Delta:         map[string]decimal.Decimal{},
		Warnings:      diffWarnings(m.Lang, d),
	}
	for k, v := range last {
		doc.Delta[k] = v.Sub(first[k])
	}
	for i, s := range d.States[1:] {
		prev, cur := d.States[i].Result, s.Result
		doc.Steps = append(doc.Steps, DiffStep{
			Step: string(s.Step), Label: stepLabel(m.Lang, s.Step), FactorSet: cur.FactorSet, Sufficient: cur.Sufficient,
			Amounts: amountValues(cur), DeltaCR: cur.CR.Value.Sub(prev.CR.Value), DeltaSurplus: cur.Surplus.Value.Sub(prev.Surplus.Value),
		})
	}
	return doc
}

// roundedDelta is the change between two amounts as displayed: the
// difference of the amounts rounded to centavos, so that the changes shown
// add up to the change of the totals shown, to the centavo.
func roundedDelta(from, to decimal.Decimal) decimal.Decimal {
	return money.Round(to).Sub(money.Round(from))
}

// shownDeltas are the changes of CR and surplus of the i-th state (i ≥ 1)
// as displayed (roundedDelta).
func shownDeltas(d *app.Difference, i int) (cr, surplus decimal.Decimal) {
	prev, cur := d.States[i-1].Result, d.States[i].Result
	return roundedDelta(prev.CR.Value, cur.CR.Value), roundedDelta(prev.Surplus.Value, cur.Surplus.Value)
}

// signedBRL is a change in reais with its sign: "+R$ 1,00", "-R$ 1,00",
// "R$ 0,00".
func signedBRL(x decimal.Decimal) string {
	if money.Round(x).Sign() > 0 {
		return "+" + money.BRL(x)
	}
	return money.BRL(x)
}

// DiffTable writes the analysis of change for a person: the two workbooks,
// CR and surplus after each step with their changes, every amount of both
// and its change, the footnotes and the warnings.
func DiffTable(w io.Writer, d *app.Difference, m Meta) error {
	l := m.Lang
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s\n", l.T(lang.DiffTitle))
	tw := columns(b)
	for _, s := range diffSides(d) {
		op := s.calc.Result.Operadora
		fmt.Fprintf(tw, "%s\t%s  %s\t%s\t%s\n", s.name, op.RegistroANS, op.RazaoSocial, l.Month(op.DataBase), s.path)
	}
	fmt.Fprintf(tw, "%s\t%s\n", l.T(lang.TableRulebook), m.RulebookVer+rulesSuffix(m.RulesFile))
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")
	rows := [][]string{{l.T(lang.DiffStep), l.T(lang.TableFactorSet), "CR", l.T(lang.DiffDeltaCR), l.T(lang.DiffSurplus), l.T(lang.DiffDeltaSurplus), ""}}
	for i, s := range d.States {
		r := s.Result // the state's markers are its surplus's (of PLA and CR)
		row := []string{stepLabel(l, s.Step), r.FactorSet, money.BRL(r.CR.Value), "", money.BRL(r.Surplus.Value), "", markerText(l, markers(r.Surplus))}
		if i > 0 {
			cr, surplus := shownDeltas(d, i)
			row[3], row[5] = signedBRL(cr), signedBRL(surplus)
		}
		rows = append(rows, row)
	}
	first, last := d.Anterior.Result, d.Atual.Result
	rows = append(rows, []string{l.T(lang.DiffTotal), "", "", signedBRL(roundedDelta(first.CR.Value, last.CR.Value)),
		"", signedBRL(roundedDelta(first.Surplus.Value, last.Surplus.Value)), markerText(l, bothMarkers(first.Surplus, last.Surplus))})
	grid(b, rows, m.Plain, 2, 3, 4, 5)

	fmt.Fprintf(b, "\n%s\n", l.T(lang.DiffAmounts))
	fa, fb := Figures(first), Figures(last)
	rows = [][]string{{"", anteriorName, atualName, l.T(lang.DiffChange), ""}}
	for _, row := range tableRows {
		x, y := fa[row.key], fb[row.key]
		rows = append(rows, []string{l.T(row.label), money.BRL(x.Value), money.BRL(y.Value), signedBRL(roundedDelta(x.Value, y.Value)), markerText(l, bothMarkers(x, y))})
	}
	grid(b, rows, m.Plain, 1, 2, 3)
	fmt.Fprintf(b, "\n%s\n", l.T(lang.DiffHow))
	markerNotes(b, l, lang.NoteFigures, union(first.Provisional(), last.Provisional()), union(first.Proposal(), last.Proposal()))
	if lines := diffWarningLines(l, d); len(lines) > 0 {
		fmt.Fprintf(b, "\n%s\n", l.T(lang.TableWarnings))
		for _, line := range lines {
			fmt.Fprintf(b, "  %s\n", line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// diffSide is one workbook of the analysis.
type diffSide struct {
	name, path string
	calc       *app.Calculation
}

func diffSides(d *app.Difference) []diffSide {
	return []diffSide{{anteriorName, d.AnteriorPath, d.Anterior}, {atualName, d.AtualPath, d.Atual}}
}

// diffWarningLines are the notes on the two workbooks, then each one's
// warnings (but the footnotes' notices) naming its file.
func diffWarningLines(l lang.Lang, d *app.Difference) []string {
	var lines []string
	for _, w := range diffWarnings(l, d) {
		lines = append(lines, w.Message)
	}
	for _, s := range diffSides(d) {
		for _, f := range unfootnoted(worded(l, s.calc.Result, s.calc.Warnings)) {
			f.File = s.path
			lines = append(lines, f.String())
		}
	}
	return lines
}

// diffCSVHeader is the header of the capreg diff CSV.
func diffCSVHeader() []string {
	h := append([]string{"step", "label", "factor_set", "sufficient"}, AmountKeys...)
	return append(h, "delta_cr", "delta_surplus")
}

// DiffCSV writes one row per state, ANTERIOR (step "anterior") then each
// step: the amounts rounded to centavos, and the step's change of CR and
// surplus as the difference of the rounded amounts (so the column adds up
// to the change of the rounded CR).
func DiffCSV(w io.Writer, d *app.Difference, m Meta, dialect CSVDialect) error {
	header := diffCSVHeader()
	numeric := make([]bool, len(header))
	for i := 4; i < len(header); i++ {
		numeric[i] = true
	}
	var rows [][]string
	for i, s := range d.States {
		r := s.Result
		step := string(s.Step)
		if i == 0 {
			step = "anterior"
		}
		row := []string{step, stepLabel(m.Lang, s.Step), r.FactorSet, fmt.Sprint(r.Sufficient)}
		fig := Figures(r)
		for _, k := range AmountKeys {
			row = append(row, money.Round(fig[k].Value).StringFixed(2))
		}
		if i == 0 {
			row = append(row, "", "")
		} else {
			cr, surplus := shownDeltas(d, i)
			row = append(row, cr.StringFixed(2), surplus.StringFixed(2))
		}
		rows = append(rows, row)
	}
	return writeCSV(w, dialect, header, rows, numeric)
}

// diffColumns are the amount columns of the capreg diff workbook: key and
// heading (the surplus's heading is a message).
var diffColumns = []struct{ key, head string }{
	{"cb", "CB"}, {"pla", "PLA"}, {"crs", "CRS"}, {"crs_pre", ans.PricingRisk}, {"crs_pro", "PRO"}, {"crs_sus", "SUS"},
	{"crs_rem", "RA+RM"}, {"crc", "CRC"}, {"crm", "CRM"}, {"cro", "CRO"}, {"cbr", "CBR"}, {"cr", "CR"}, {"surplus", ""},
}

// DiffXLSX builds the capreg diff workbook: the sheet Variacao with the
// states side by side, the total change, and a waterfall chart of CR from
// ANTERIOR to ATUAL.
func DiffXLSX(d *app.Difference, m Meta) (*excelize.File, error) {
	b, err := newBook(m.Lang)
	if err != nil {
		return nil, err
	}
	return b.finish([]func() error{func() error { return b.variacao(d, m.Lang) }})
}

// diffHeadRow is the row of the states' header in the Variacao sheet.
const diffHeadRow = 5

func (b *book) variacao(d *app.Difference, l lang.Lang) error {
	f, s := b.f, SheetVariacao
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	first, last := d.Anterior.Result, d.Atual.Result
	op := last.Operadora
	if err := b.row(s, 1, l.T(lang.DiffSheetTitle, op.RegistroANS, op.RazaoSocial, l.Month(first.Operadora.DataBase), l.Month(op.DataBase))); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", b.title); err != nil {
		return err
	}
	for i, side := range diffSides(d) {
		o := side.calc.Result.Operadora
		if err := b.row(s, 2+i, fmt.Sprintf("%-8s  %s  %s  %s  %s", side.name, o.RegistroANS, o.RazaoSocial, l.Month(o.DataBase), side.path)); err != nil {
			return err
		}
	}
	head := []string{l.T(lang.DiffStep), l.T(lang.TableFactorSet)}
	for _, c := range diffColumns {
		head = append(head, cmp.Or(c.head, l.T(lang.DiffSurplus)))
	}
	head = append(head, l.T(lang.DiffDeltaCR), l.T(lang.DiffDeltaSurplus))
	if err := b.headerRow(s, diffHeadRow, head...); err != nil {
		return err
	}
	// A row of amounts from column C: the 13 amounts, and the changes of CR
	// and surplus when given.
	amounts := func(rr int, vals []decimal.Decimal, dcr, dsurplus *decimal.Decimal) error {
		for j, v := range vals {
			if err := b.amount(s, cellName(3+j, rr), &capital.Node{Value: v}); err != nil {
				return err
			}
		}
		for j, v := range []*decimal.Decimal{dcr, dsurplus} {
			if v == nil {
				continue
			}
			if err := b.amount(s, cellName(3+len(diffColumns)+j, rr), &capital.Node{Value: *v}); err != nil {
				return err
			}
		}
		return nil
	}
	for i, st := range d.States {
		r, rr := st.Result, diffHeadRow+1+i
		if err := b.row(s, rr, stepLabel(l, st.Step), r.FactorSet); err != nil {
			return err
		}
		fig := Figures(r)
		vals := make([]decimal.Decimal, len(diffColumns))
		for j, c := range diffColumns {
			vals[j] = fig[c.key].Value
		}
		var dcr, dsurplus *decimal.Decimal
		if i > 0 {
			x, y := shownDeltas(d, i)
			dcr, dsurplus = &x, &y
		}
		if err := amounts(rr, vals, dcr, dsurplus); err != nil {
			return err
		}
	}
	total := diffHeadRow + 1 + len(d.States)
	fa, fb := Figures(first), Figures(last)
	vals := make([]decimal.Decimal, len(diffColumns))
	marks := []any{l.T(lang.DiffMarkers), ""}
	for j, c := range diffColumns {
		vals[j] = roundedDelta(fa[c.key].Value, fb[c.key].Value)
		marks = append(marks, markerText(l, bothMarkers(fa[c.key], fb[c.key])))
	}
	dcr, dsurplus := roundedDelta(first.CR.Value, last.CR.Value), roundedDelta(first.Surplus.Value, last.Surplus.Value)
	if err := b.row(s, total, l.T(lang.DiffTotal)); err != nil {
		return err
	}
	if err := amounts(total, vals, &dcr, &dsurplus); err != nil {
		return err
	}
	if err := b.row(s, total+1, marks...); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, cellName(1, total), cellName(1, total+1), b.header); err != nil {
		return err
	}
	widths := []float64{40}
	for range len(diffColumns) + 3 {
		widths = append(widths, 17)
	}
	b.widths(s, widths...)
	next, err := b.diffNotes(d, l, total+3)
	if err != nil {
		return err
	}
	return b.waterfall(d, l, next+1)
}

// bothMarkers are the markers of a figure in either workbook.
func bothMarkers(x, y *capital.Node) []rules.Status {
	ms := markers(x)
	for _, s := range markers(y) {
		if !slices.Contains(ms, s) {
			ms = append(ms, s)
		}
	}
	return ms
}

// waterfall writes the chart data from row top and the waterfall chart of
// CR beside it. Excel's charts have
// no waterfall type: it is a stacked column chart whose first series, the
// base, is not filled. A step that raises CR from p to c stands on p and
// rises by c − p (red); one that lowers it stands on c and falls by p − c
// (green); ANTERIOR and ATUAL are whole columns (blue). CR = max(CB, CBR)
// is never negative, so every bar stands on the axis or above it.
func (b *book) waterfall(d *app.Difference, l lang.Lang, top int) error {
	f, s := b.f, SheetVariacao
	if err := b.headerRow(s, top, l.T(lang.DiffChartData), l.T(lang.DiffSeriesBase), l.T(lang.DiffSeriesUp),
		l.T(lang.DiffSeriesDown), l.T(lang.DiffSeriesTotal)); err != nil {
		return err
	}
	type bar struct {
		label                 string
		base, up, down, total decimal.Decimal
	}
	bars := []bar{{label: anteriorName, total: money.Round(d.Anterior.Result.CR.Value)}}
	var levels []decimal.Decimal // CR after each step
	for i, st := range d.States[1:] {
		p, c := money.Round(d.States[i].Result.CR.Value), money.Round(st.Result.CR.Value)
		levels = append(levels, c)
		bars = append(bars, bar{label: stepLabel(l, st.Step), base: decimal.Min(p, c),
			up: decimal.Max(c.Sub(p), decimal.Zero), down: decimal.Max(p.Sub(c), decimal.Zero)})
	}
	bars = append(bars, bar{label: atualName, total: money.Round(d.Atual.Result.CR.Value)})
	for i, x := range bars {
		rr := top + 1 + i
		if err := f.SetCellStr(s, cellName(1, rr), x.label); err != nil {
			return err
		}
		for j, v := range []decimal.Decimal{x.base, x.up, x.down, x.total} {
			if err := b.amount(s, cellName(2+j, rr), &capital.Node{Value: v}); err != nil {
				return err
			}
		}
	}
	lastRow := top + len(bars)
	series := func(col int, fill excelize.Fill) excelize.ChartSeries {
		c, _ := excelize.ColumnNumberToName(col)
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", s, c, top),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", s, top+1, lastRow),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", s, c, top+1, c, lastRow),
			Fill:       fill,
		}
	}
	solid := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	gap := uint(40)
	return f.AddChart(s, cellName(7, top), &excelize.Chart{
		Type:     excelize.ColStacked,
		Title:    excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.DiffChartTitle)}}},
		Legend:   excelize.ChartLegend{Position: "none"},
		GapWidth: &gap,
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Minimum: axisFloor(bars[0].total, levels...), NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Series: []excelize.ChartSeries{
			series(2, excelize.Fill{Type: "pattern", Pattern: 0}), // the base: no fill
			series(3, solid("C00000")), series(4, solid("548235")), series(5, solid("2F5597")),
		},
		Dimension: excelize.ChartDimension{Width: 960, Height: 420},
	})
}

// axisFloor is where the waterfall's value axis starts: 0, unless the
// levels of CR (first, then rest) stay far from it, when it starts below
// the lowest level by the span of the levels, rounded down to two
// significant digits, so that the steps show as more than a line (the
// columns of ANTERIOR and ATUAL then stand on the floor, not on 0). nil
// leaves the axis at 0.
func axisFloor(first decimal.Decimal, rest ...decimal.Decimal) *float64 {
	lo, hi := first, first
	for _, x := range rest {
		lo, hi = decimal.Min(lo, x), decimal.Max(hi, x)
	}
	floor := lo.Sub(hi.Sub(lo))
	if hi.Equal(lo) || floor.Sign() <= 0 {
		return nil
	}
	e := int32(len(floor.Truncate(0).String()) - 2) // floor's digits but two
	v := floor.Shift(-e).Floor().Shift(e).InexactFloat64()
	return &v
}

// diffNotes writes, from row r, how the steps are taken, the PROVISIONAL
// and PROPOSAL notes (their lists of parameters broken into lines a sheet
// shows) and the warnings, and returns the next row.
func (b *book) diffNotes(d *app.Difference, l lang.Lang, r int) (int, error) {
	first, last := d.Anterior.Result, d.Atual.Result
	var notes strings.Builder
	markerNotes(&notes, l, lang.NoteFigures, union(first.Provisional(), last.Provisional()), union(first.Proposal(), last.Proposal()))
	lines := strings.Split(l.T(lang.DiffHow), "\n")
	for _, line := range strings.Split(notes.String(), "\n") {
		lines = append(lines, wrapList(line, 120)...)
	}
	if w := diffWarningLines(l, d); len(w) > 0 {
		lines = append(lines, "", l.T(lang.TableWarnings))
		lines = append(lines, w...)
	}
	for _, line := range lines {
		if err := b.row(SheetVariacao, r, line); err != nil {
			return 0, err
		}
		r++
	}
	return r, nil
}

// wrapList breaks a line holding a list separated by ", " into lines of
// at most width characters (a single item may be longer), indented as the
// line is.
func wrapList(line string, width int) []string {
	if utf8.RuneCountInString(line) <= width {
		return []string{line}
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	var out []string
	cur := ""
	for _, item := range strings.Split(strings.TrimLeft(line, " "), ", ") {
		switch {
		case cur == "":
			cur = indent + item
		case utf8.RuneCountInString(cur)+2+utf8.RuneCountInString(item) > width:
			out = append(out, cur+",")
			cur = indent + item
		default:
			cur += ", " + item
		}
	}
	return append(out, cur)
}
