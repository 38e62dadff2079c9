package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// SetDocument is one factor set in the compare JSON: the calc document of
// that set plus the verdict and the saving against padrao.
type SetDocument struct {
	*Document
	Set       string           `json:"set"`
	Eligible  bool             `json:"eligible"`
	Applied   bool             `json:"applied"`
	Reason    string           `json:"reason"`
	Saving    decimal.Decimal  `json:"saving_vs_padrao"`
	SavingPct *decimal.Decimal `json:"saving_vs_padrao_pct"`
}

// CompareDocument is the JSON of capreg compare.
type CompareDocument struct {
	SchemaVersion string        `json:"schema_version"`
	RegistroANS   string        `json:"registro_ans"`
	DataBase      string        `json:"data_base"`
	Applied       string        `json:"applied"`
	Sets          []SetDocument `json:"sets"`
}

// NewCompareDocument builds the compare JSON.
func NewCompareDocument(c *app.Comparison, m Meta) *CompareDocument {
	d := &CompareDocument{SchemaVersion: SchemaVersion, RegistroANS: c.Auto.Operadora.RegistroANS,
		DataBase: c.Auto.Operadora.DataBase.String(), Applied: c.Auto.FactorSet}
	for i, r := range c.BySet {
		v := c.Auto.Sets[i]
		s, pct := c.Saving(i)
		d.Sets = append(d.Sets, SetDocument{
			Document: NewDocument(r, append(slices.Clone(c.Warnings), r.Warnings...), m),
			Set:      v.Set, Eligible: v.Eligible, Applied: v.Chosen, Reason: setReasonText(m.Lang, v.Reason), Saving: s, SavingPct: pct,
		})
	}
	return d
}

// compareRows are the figures of the comparison: key and label (the
// parts of CRS indented).
var compareRows = []struct {
	key   string
	label label
}{
	{"crs", label{term: "CRS"}}, {"crs_pre", label{term: "  PRE"}}, {"crs_pro", label{term: "  PRO"}}, {"crs_sus", label{term: "  SUS"}},
	{"crs_rem", label{term: "  RA+RM"}}, {"cbr", label{term: "CBR"}}, {"cr", label{term: "CR"}}, {"surplus", label{word: lang.Surplus}},
}

// CompareTable writes the sets side by side, in the language of m.
func CompareTable(w io.Writer, c *app.Comparison, m Meta) error {
	op := c.Auto.Operadora
	l := m.Lang
	sw := &stickyWriter{w: w}
	fmt.Fprintln(sw, l.T(lang.CompareTitle))
	head := tabwriter.NewWriter(sw, 0, 0, 3, ' ', 0)
	fmt.Fprintf(head, "Operadora\t%s  %s\nData base\t%s\n%s\t%s\n", op.RegistroANS, op.RazaoSocial, l.Month(op.DataBase),
		l.T(lang.CompareApplied), l.T(lang.CompareAppliedWhat, c.Auto.FactorSet))
	if err := head.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(sw)
	cols := []string{""}
	for _, v := range c.Auto.Sets {
		name := v.Set
		if v.Chosen {
			name += " *"
		}
		cols = append(cols, name)
	}
	rows := [][]string{cols}
	el := []string{l.T(lang.Eligible)}
	for _, v := range c.Auto.Sets {
		el = append(el, yesNo(l, v.Eligible))
	}
	rows = append(rows, el)
	for _, cr := range compareRows {
		row := []string{cr.label.in(l)}
		for _, r := range c.BySet {
			row = append(row, money.BRL(Figures(r)[cr.key].Value))
		}
		rows = append(rows, row)
	}
	sav, pct := []string{l.T(lang.CompareSaving, "CR")}, []string{l.T(lang.CompareSaving, "%")}
	for i := range c.BySet {
		s, p := c.Saving(i)
		sav = append(sav, money.BRL(s))
		if p != nil {
			pct = append(pct, l.Percent(*p, 2))
		} else {
			pct = append(pct, "-")
		}
	}
	rows = append(rows, sav, pct)
	right := make([]int, 0, len(cols))
	for i := 1; i < len(cols); i++ {
		right = append(right, i)
	}
	grid(sw, rows, m.Plain, right...)
	fmt.Fprintf(sw, "\n%s\n", l.T(lang.CompareWhy))
	for _, v := range c.Auto.Sets {
		fmt.Fprintf(sw, "  %s: %s\n", v.Set, setReasonText(l, v.Reason))
	}
	var names []string
	for _, r := range c.BySet {
		for _, p := range r.Proposal() {
			if !slices.Contains(names, p) {
				names = append(names, p)
			}
		}
	}
	if p := c.Auto.Provisional(); len(p) > 0 {
		fmt.Fprintf(sw, "\n%s\n", l.T(lang.CompareProvisional, l.T(lang.Provisional), strings.Join(p, ", ")))
	}
	if len(names) > 0 {
		fmt.Fprintf(sw, "%s\n", l.T(lang.CompareProposal, l.T(lang.Proposal), strings.Join(names, ", ")))
	}
	return sw.err
}

// CompareCSV writes one row per factor set.
func CompareCSV(w io.Writer, c *app.Comparison, m Meta, dialect CSVDialect) error {
	d := NewCompareDocument(c, m)
	header := append([]string{"set", "eligible", "applied"}, calcCSVHeader()...)
	header = append(header, "saving_vs_padrao", "saving_vs_padrao_pct", "reason")
	numeric := append([]bool{false, false, false}, calcCSVNumeric()...)
	numeric = append(numeric, true, true, false)
	var rows [][]string
	for _, s := range d.Sets {
		pct := ""
		if s.SavingPct != nil {
			pct = s.SavingPct.Round(6).String()
		}
		row := append([]string{s.Set, fmt.Sprint(s.Eligible), fmt.Sprint(s.Applied)}, calcCSVRow(s.Document)...)
		rows = append(rows, append(row, money.Round(s.Saving).StringFixed(2), pct, s.Reason))
	}
	return writeCSV(w, dialect, header, rows, numeric)
}

// CompareXLSX builds the comparison workbook: Comparacao (sets side by side
// and a chart of CR by set), Parametros and Validacao, its words in the
// language of m.
func CompareXLSX(c *app.Comparison, rb *rules.Rulebook, m Meta) (*excelize.File, error) {
	b, err := newBook(m.Lang)
	if err != nil {
		return nil, err
	}
	return b.finish([]func() error{
		func() error { return b.comparacao(c) },
		func() error { return b.parametros(c.Auto, rb) },
		func() error {
			return b.validacao(worded(m.Lang, c.Auto, append(slices.Clone(c.Warnings), c.Auto.Warnings...)))
		},
	})
}

func (b *book) comparacao(c *app.Comparison) error {
	f, s, l := b.f, SheetComparacao, b.l
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	op := c.Auto.Operadora
	if err := b.row(s, 1, fmt.Sprintf("%s — %s %s, data base %s", l.T(lang.TableFactorSets), op.RegistroANS, op.RazaoSocial, l.Month(op.DataBase))); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", b.title); err != nil {
		return err
	}
	head := []string{l.T(lang.CompareSet), upperFirst(l.T(lang.Eligible)), l.T(lang.CompareApplied)}
	for _, cr := range compareRows {
		head = append(head, strings.TrimSpace(cr.label.in(l)))
	}
	head = append(head, l.T(lang.CompareSaving, "R$"), l.T(lang.CompareReason))
	if err := b.headerRow(s, 3, head...); err != nil {
		return err
	}
	for i, r := range c.BySet {
		v := c.Auto.Sets[i]
		rr := 4 + i
		if err := b.row(s, rr, v.Set, yesNo(l, v.Eligible), flag(v.Chosen, l.T(lang.Yes))); err != nil {
			return err
		}
		for j, cr := range compareRows {
			if err := b.amount(s, cellName(4+j, rr), Figures(r)[cr.key]); err != nil {
				return err
			}
		}
		sv, _ := c.Saving(i)
		if err := b.amount(s, cellName(4+len(compareRows), rr), &capital.Node{Value: sv}); err != nil {
			return err
		}
		why := setReasonText(l, v.Reason)
		if err := f.SetCellStr(s, cellName(5+len(compareRows), rr), why); err != nil {
			return err
		}
		if err := b.fitHeight(s, rr, map[string]int{why: 50}); err != nil {
			return err
		}
	}
	b.widths(s, 16, 9, 9, 17, 17, 17, 17, 17, 17, 17, 17, 20, 50)
	if err := f.SetColStyle(s, "M", b.wrap); err != nil {
		return err
	}
	crCol, _ := excelize.ColumnNumberToName(4 + 6) // CR is the 7th figure
	last := 3 + len(c.BySet)
	return f.AddChart(s, "A11", &excelize.Chart{
		Type:   excelize.Col,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.CompareChart)}}},
		Legend: excelize.ChartLegend{Position: "none"},
		YAxis:  excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Series: []excelize.ChartSeries{{
			Name:       "CR",
			Categories: fmt.Sprintf("%s!$A$4:$A$%d", s, last),
			Values:     fmt.Sprintf("%s!$%s$4:$%s$%d", s, crCol, crCol, last),
		}},
		Dimension: excelize.ChartDimension{Width: 640, Height: 320},
	})
}
