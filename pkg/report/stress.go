package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/cenarios"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// SheetEstresse and SheetCenarios are the sheets of the stress workbook
// (with Parametros and Validacao).
const (
	SheetEstresse = "Estresse"
	SheetCenarios = "Cenarios"
)

// StressDocument is the JSON of capreg stress: the base as calc's document
// and each scenario's figures.
type StressDocument struct {
	SchemaVersion string             `json:"schema_version"`
	CenariosFile  string             `json:"cenarios_file,omitempty"` // "" for the built-in set
	Base          *Document          `json:"base"`
	Scenarios     []ScenarioDocument `json:"scenarios"`
}

// ScenarioDocument is one scenario in the stress JSON: its shocks (group →
// factor) and the figures computed under them, with the change of the
// surplus against the base and the warnings the base has not.
type ScenarioDocument struct {
	Name           string                     `json:"name"`
	Description    string                     `json:"description,omitempty"`
	Shocks         map[string]decimal.Decimal `json:"shocks"`
	FactorSet      string                     `json:"factor_set"`
	Sufficient     bool                       `json:"sufficient"`
	Amounts        map[string]decimal.Decimal `json:"amounts"`
	AmountsRounded map[string]decimal.Decimal `json:"amounts_rounded"`
	ICR            *decimal.Decimal           `json:"icr"`
	ICRRounded     *decimal.Decimal           `json:"icr_rounded"`
	DeltaSurplus   decimal.Decimal            `json:"delta_surplus"`
	Warnings       []findings.Finding         `json:"warnings"`
}

// NewStressDocument builds the stress JSON.
func NewStressDocument(st *app.StressTest, m Meta) *StressDocument {
	mb := m // the base is calc's document of the workbook, headroom included
	mb.Headroom = st.Headroom
	d := &StressDocument{SchemaVersion: SchemaVersion, CenariosFile: st.File, Base: NewDocument(st.Base, st.Warnings, mb),
		Scenarios: []ScenarioDocument{}}
	for i, s := range st.Scenarios {
		r := NewDocument(s.Result, s.Warnings, m)
		shocks := map[string]decimal.Decimal{}
		for g, k := range s.Shocks {
			shocks[string(g)] = k
		}
		d.Scenarios = append(d.Scenarios, ScenarioDocument{
			Name: s.Name, Description: s.Description, Shocks: shocks,
			FactorSet: r.FactorSet, Sufficient: r.Sufficient, Amounts: r.Amounts, AmountsRounded: r.AmountsRounded,
			ICR: r.ICR, ICRRounded: r.ICRRounded, DeltaSurplus: st.DeltaSurplus(i), Warnings: r.Warnings,
		})
	}
	return d
}

// stressRows are the figures of the stress table and workbook: the amount
// keys with their short labels (the surplus's in the language).
var stressRows = []struct {
	key   string
	label string
}{
	{"cb", "CB"}, {"pla", "PLA"}, {"crs", "CRS"}, {"crs_pre", "  PRE"}, {"crs_pro", "  PRO"}, {"crs_sus", "  SUS"},
	{"crs_rem", "  RA+RM"}, {"crc", "CRC"}, {"crm", "CRM"}, {"cro", "CRO"}, {"cbr", "CBR"}, {"cr", "CR"}, {"surplus", ""},
}

// rowLabel is the label of a stress row in language l.
func rowLabel(l lang.Lang, key, label string) string {
	if key == "surplus" {
		return l.T(lang.Surplus)
	}
	return label
}

// results are the base's result and each scenario's, in column order.
func (st stressView) results() []*capital.Result {
	out := []*capital.Result{st.Base}
	for _, s := range st.Scenarios {
		out = append(out, s.Result)
	}
	return out
}

// stressView is a stress test as its renderers see it.
type stressView struct{ *app.StressTest }

// names are the column names: the base's, then each scenario's.
func (st stressView) names(l lang.Lang) []string {
	out := []string{l.T(lang.StressBase)}
	for _, s := range st.Scenarios {
		out = append(out, s.Name)
	}
	return out
}

// StressTable writes the base and the scenarios side by side for a
// person, the base first: every figure, the change of the surplus, ICR and
// sufficiency; then what each scenario multiplies, the verdict, the
// footnotes and the warnings.
func StressTable(w io.Writer, st *app.StressTest, m Meta) error {
	v, b := stressView{st}, &strings.Builder{}
	if err := v.head(b, m); err != nil {
		return err
	}
	v.sideBySide(b, m.Lang, m.Plain)
	v.notes(b, m.Lang)
	_, err := io.WriteString(w, b.String())
	return err
}

// head writes the title and who, when, from which files.
func (v stressView) head(w io.Writer, m Meta) error {
	l, op := m.Lang, v.Base.Operadora
	fmt.Fprintf(w, "%s\n", l.T(lang.StressTitle))
	source := l.T(lang.StressBuiltin)
	if v.File != "" {
		source = v.File
	}
	head := [][2]string{
		{"Operadora", op.RegistroANS + "  " + op.RazaoSocial},
		{"Data base", l.Month(op.DataBase)},
	}
	if m.File != "" {
		head = append(head, [2]string{l.T(lang.TableInput), m.File})
	}
	head = append(head, [2]string{l.T(lang.StressScenarios), source}, [2]string{l.T(lang.TableRulebook), m.RulebookVer + rulesSuffix(m.RulesFile)})
	tw := columns(w)
	for _, h := range head {
		fmt.Fprintf(tw, "%s\t%s\n", h[0], h[1])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// sideBySide writes the columns: factor set, figures, the change
// of the surplus, ICR, sufficiency.
func (v stressView) sideBySide(w io.Writer, l lang.Lang, plain bool) {
	results := v.results()
	rows := [][]string{append([]string{""}, v.names(l)...)}
	set := []string{l.T(lang.FactorSet)}
	for _, r := range results {
		set = append(set, r.FactorSet)
	}
	rows = append(rows, set)
	for _, sr := range stressRows {
		row := []string{rowLabel(l, sr.key, sr.label)}
		for _, r := range results {
			row = append(row, money.BRL(Figures(r)[sr.key].Value))
		}
		rows = append(rows, row)
	}
	delta, icr, ok := []string{l.T(lang.StressDeltaSurplus), "-"}, []string{"ICR"}, []string{upperFirst(l.T(lang.Sufficient))}
	for i := range v.Scenarios {
		delta = append(delta, money.BRL(v.DeltaSurplus(i)))
	}
	for _, r := range results {
		icr = append(icr, icrText(l, r))
		ok = append(ok, yesNo(l, r.Sufficient))
	}
	rows = append(rows, delta, icr, ok)
	right := make([]int, len(results))
	for i := range right {
		right[i] = i + 1
	}
	grid(w, rows, plain, right...)
}

// notes writes what each scenario multiplies, the parcels no scenario
// moves, the verdict, the footnotes and the warnings (the base's, then
// each scenario's own).
func (v stressView) notes(w io.Writer, l lang.Lang) {
	fmt.Fprintf(w, "\n%s\n", l.T(lang.StressLegend))
	for _, s := range v.Scenarios {
		line := s.Name + ": " + cenarios.Shocks(l, s.Scenario)
		if s.Description != "" {
			line += " — " + s.Description
		}
		fmt.Fprintf(w, "  %s\n", line)
	}
	if p := v.Base.Informed(); len(p) > 0 {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.StressInformed, strings.Join(p, ", ")))
	}
	if bad := v.Insufficient(l.T(lang.StressBase)); len(bad) > 0 {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.StressInsufficientIn, strings.Join(bad, ", ")))
	} else {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.StressAllSufficient))
	}
	var provisional, proposal []string
	for _, r := range v.results() {
		provisional = union(provisional, r.Provisional())
		proposal = union(proposal, r.Proposal())
	}
	if len(provisional) > 0 {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.StressProvisional, strings.Join(provisional, ", ")))
	}
	if len(proposal) > 0 {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.StressProposal, strings.Join(proposal, ", ")))
	}
	list := func(title string, r *capital.Result, warnings findings.List) {
		if shown := unfootnoted(worded(l, r, warnings)); len(shown) > 0 {
			fmt.Fprintf(w, "\n%s\n", title)
			for _, f := range shown {
				fmt.Fprintf(w, "  %s\n", f.String())
			}
		}
	}
	list(l.T(lang.TableWarnings), v.Base, v.Warnings)
	for _, s := range v.Scenarios {
		list(l.T(lang.StressWarningsUnder, s.Name), s.Result, s.Warnings)
	}
}

// icrText is a result's ICR to 4 places in language l, or "-" when CR is
// zero.
func icrText(l lang.Lang, r *capital.Result) string {
	if r.ICR == nil {
		return "-"
	}
	return l.Fixed(r.ICR.Value, 4)
}

// stressCSVHeader is the header of the stress CSV: the scenario, its
// description and its factor on every group (1: unchanged), then the calc
// columns and the change of the surplus.
func stressCSVHeader() ([]string, []bool) {
	h := []string{"scenario", "description"}
	for _, g := range analysis.Groups {
		h = append(h, "shock_"+string(g))
	}
	numeric := make([]bool, len(h))
	for i := 2; i < len(h); i++ {
		numeric[i] = true
	}
	h = append(append(h, calcCSVHeader()...), "delta_surplus")
	numeric = append(append(numeric, calcCSVNumeric()...), true)
	return h, numeric
}

// StressCSV writes one row for the base and one per scenario, in dialect
// d.
func StressCSV(w io.Writer, st *app.StressTest, m Meta, d CSVDialect) error {
	doc := NewStressDocument(st, m)
	header, numeric := stressCSVHeader()
	row := func(name, descr string, shocks map[string]decimal.Decimal, calc *Document, delta decimal.Decimal) []string {
		r := []string{name, descr}
		for _, g := range analysis.Groups {
			k, ok := shocks[string(g)]
			if !ok {
				k = decimal.NewFromInt(1)
			}
			r = append(r, k.String())
		}
		return append(append(r, calcCSVRow(calc)...), money.Round(delta).StringFixed(2))
	}
	rows := [][]string{row(m.Lang.T(lang.StressBase), "", nil, doc.Base, decimal.Zero)}
	for i, s := range st.Scenarios {
		rows = append(rows, row(s.Name, s.Description, doc.Scenarios[i].Shocks, NewDocument(s.Result, s.Warnings, m), st.DeltaSurplus(i)))
	}
	return writeCSV(w, d, header, rows, numeric)
}

// StressXLSX builds the stress workbook: Estresse (the base and the
// scenarios, a row each, and a chart of the surplus by scenario), Cenarios
// (the factor of every group in every scenario), Parametros and Validacao
// (the base's warnings, then each scenario's own, named).
func StressXLSX(st *app.StressTest, rb *rules.Rulebook, m Meta) (*excelize.File, error) {
	b, err := newBook(m.Lang)
	if err != nil {
		return nil, err
	}
	warnings := worded(m.Lang, st.Base, st.Warnings)
	for _, s := range st.Scenarios {
		for _, f := range worded(m.Lang, s.Result, s.Warnings) {
			f.Message = s.Name + ": " + f.Message
			warnings = append(warnings, f)
		}
	}
	return b.finish([]func() error{
		func() error { return b.estresse(stressView{st}) },
		func() error { return b.cenariosSheet(stressView{st}) },
		func() error { return b.parametros(st.Base, rb) },
		func() error { return b.validacao(warnings) },
	})
}

// estresse fills the sheet Estresse: a row per column of the table (the
// base first), the figures as BRL numbers, and the chart of the surplus.
func (b *book) estresse(v stressView) error {
	f, s, l := b.f, SheetEstresse, b.l
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	op := v.Base.Operadora
	if err := b.row(s, 1, l.T(lang.StressSheetTitle, op.RegistroANS, op.RazaoSocial, l.Month(op.DataBase))); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", b.title); err != nil {
		return err
	}
	head := []string{l.T(lang.StressScenario), l.T(lang.FactorSet), upperFirst(l.T(lang.Sufficient))}
	for _, sr := range stressRows {
		head = append(head, strings.TrimSpace(rowLabel(l, sr.key, sr.label)))
	}
	head = append(head, l.T(lang.StressDeltaSurplus)+" (R$)", "ICR", l.T(lang.StressShocks))
	if err := b.headerRow(s, 3, head...); err != nil {
		return err
	}
	names := v.names(l)
	for i, r := range v.results() {
		rr := 4 + i
		shocks, delta := "", decimal.Zero
		if i > 0 {
			shocks, delta = cenarios.Shocks(l, v.Scenarios[i-1].Scenario), v.DeltaSurplus(i-1)
		}
		if err := b.row(s, rr, names[i], r.FactorSet, yesNo(l, r.Sufficient)); err != nil {
			return err
		}
		fig := Figures(r)
		for j, sr := range stressRows {
			if err := b.amount(s, cellName(4+j, rr), fig[sr.key]); err != nil {
				return err
			}
		}
		col := 4 + len(stressRows)
		if err := b.amount(s, cellName(col, rr), &capital.Node{Value: delta}); err != nil {
			return err
		}
		if r.ICR != nil {
			if err := f.SetCellFloat(s, cellName(col+1, rr), r.ICR.Value.Round(4).InexactFloat64(), -1, 64); err != nil {
				return err
			}
			if err := f.SetCellStyle(s, cellName(col+1, rr), cellName(col+1, rr), b.ratio); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(s, cellName(col+2, rr), shocks); err != nil {
			return err
		}
	}
	b.widths(s, 24, 16, 11, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17, 20, 8, 60)
	surplus, _ := excelize.ColumnNumberToName(3 + len(stressRows)) // the last figure
	last := 3 + len(names)
	if p := v.Base.Informed(); len(p) > 0 {
		if err := b.row(s, last+2, l.T(lang.StressInformed, strings.Join(p, ", "))); err != nil {
			return err
		}
	}
	return f.AddChart(s, cellName(1, last+4), &excelize.Chart{
		Type:   excelize.Col,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.StressChartTitle)}}},
		Legend: excelize.ChartLegend{Position: "none"},
		YAxis:  excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$%s$3", s, surplus), // the header, a cell: a bare text would be read as a defined name
			Categories: fmt.Sprintf("%s!$A$4:$A$%d", s, last),
			Values:     fmt.Sprintf("%s!$%s$4:$%s$%d", s, surplus, surplus, last),
		}},
		Dimension: excelize.ChartDimension{Width: 720, Height: 340},
	})
}

// cenariosSheet fills the sheet Cenarios: a row per scenario with its factor on
// every group (1: unchanged) and its description.
func (b *book) cenariosSheet(v stressView) error {
	f, s, l := b.f, SheetCenarios, b.l
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := b.row(s, 1, l.T(lang.StressFactorsTitle)); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", b.title); err != nil {
		return err
	}
	head := []string{l.T(lang.StressScenario)}
	for _, g := range analysis.Groups {
		head = append(head, cenarios.GroupLabel(l, g))
	}
	if err := b.headerRow(s, 3, append(head, l.T(lang.StressDescription))...); err != nil {
		return err
	}
	one := decimal.NewFromInt(1)
	for i, sc := range v.Scenarios {
		rr := 4 + i
		if err := f.SetCellStr(s, cellName(1, rr), sc.Name); err != nil {
			return err
		}
		for j, g := range analysis.Groups {
			k, ok := sc.Shocks[g]
			if !ok {
				k = one
			}
			if err := f.SetCellFloat(s, cellName(2+j, rr), k.InexactFloat64(), -1, 64); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(s, cellName(2+len(analysis.Groups), rr), sc.Description); err != nil {
			return err
		}
	}
	b.widths(s, 24, 10, 16, 17, 10, 10, 10, 10, 10, 12, 50)
	return nil
}
