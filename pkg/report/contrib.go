package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
)

// ContributionsDoc is "contributions" in the calc JSON: the risks' Euler
// contributions (capital.Contributions) as decimal strings at full
// precision, like "amounts".
type ContributionsDoc struct {
	CBR CBRParts `json:"cbr"`
	// CRS is null when CRS is informed (Parcelas_Informadas): its parts are
	// not known.
	CRS             *CRSParts       `json:"crs"`
	Diversification decimal.Decimal `json:"diversification"`
}

// CBRParts are the contributions to CBR; they add up to CBR.
type CBRParts struct {
	CRS decimal.Decimal `json:"crs"`
	CRC decimal.Decimal `json:"crc"`
	CRM decimal.Decimal `json:"crm"`
	CRO decimal.Decimal `json:"cro"`
}

// CRSParts are the contributions to CRS; they add up to CRS.
type CRSParts struct {
	PRE    decimal.Decimal `json:"pre"`
	PROSUS decimal.Decimal `json:"pro_sus"`
	Rem    decimal.Decimal `json:"rem"`
}

// newContributionsDoc is the JSON of a result's contributions (nil for
// none).
func newContributionsDoc(c *capital.Contributions) *ContributionsDoc {
	if c == nil {
		return nil
	}
	d := &ContributionsDoc{
		CBR:             CBRParts{CRS: c.CRS.Value, CRC: c.CRC.Value, CRM: c.CRM.Value, CRO: c.CRO.Value},
		Diversification: c.Diversification.Value,
	}
	if in := c.InsideCRS; in != nil {
		d.CRS = &CRSParts{PRE: in.PRE.Value, PROSUS: in.PROSUS.Value, Rem: in.Rem.Value}
	}
	return d
}

// contribRow is a line of the contributions: the risk's symbol and words,
// its part, the whole it is a share of, and the figure whose markers it
// carries (a part of BCBR depends on all of CRS, CRC and CRM).
type contribRow struct {
	symbol      string
	words       lang.Key
	part, whole *capital.Node
	marks       *capital.Node
}

// cbrRows are the contributions to CBR, then CBR itself.
func cbrRows(r *capital.Result) []contribRow {
	c := r.Contributions
	return []contribRow{
		{"CRS", lang.ContribUnderwriting, c.CRS, r.CBR, r.BCBR},
		{"CRC", lang.ContribCredit, c.CRC, r.CBR, r.BCBR},
		{"CRM", lang.ContribMarket, c.CRM, r.CBR, r.BCBR},
		{"CRO", lang.ContribOperational, c.CRO, r.CBR, r.CRO},
		{"CBR", lang.ContribTotal, r.CBR, r.CBR, r.CBR},
	}
}

// crsRows are the contributions to CRS, then CRS itself; none when CRS is
// informed.
func crsRows(r *capital.Result) []contribRow {
	in := r.Contributions.InsideCRS
	if in == nil {
		return nil
	}
	return []contribRow{
		{ans.PricingRisk, lang.ContribPricing, in.PRE, r.CRS, r.CRS},
		{"PRO+SUS", lang.ContribProvisions, in.PROSUS, r.CRS, r.CRS},
		{"RA+RM", lang.ContribRemission, in.Rem, r.CRS, r.CRS},
		{"CRS", lang.ContribTotal, r.CRS, r.CRS, r.CRS},
	}
}

// share is part / whole, or nil when the whole is 0.
func (c contribRow) share() *decimal.Decimal {
	if c.whole.Value.IsZero() {
		return nil
	}
	s := money.Div(c.part.Value, c.whole.Value)
	return &s
}

// shareText words a share as a percentage with two places in language l
// ("46,58%", "46.58%"), "-" without one.
func shareText(l lang.Lang, s *decimal.Decimal) string {
	if s == nil {
		return "-"
	}
	p := s.Shift(2).Round(2)
	if l.String() == string(lang.PtBR) {
		return money.PtBR(p, 2) + "%"
	}
	return p.StringFixed(2) + "%"
}

// contributionsSection writes the table's risk contributions: to CBR, the
// diversification, and to CRS (or why CRS has no split), in columns
// aligned across both blocks.
func contributionsSection(w io.Writer, l lang.Lang, r *capital.Result, plain bool) {
	c := r.Contributions
	if c == nil {
		return
	}
	indent := "  " // the rows under their titles; for programs, none
	if plain {
		indent = ""
	}
	cbr, crs := cbrRows(r), crsRows(r)
	var rows [][]string
	for _, x := range append(cbr, crs...) {
		rows = append(rows, []string{indent + x.symbol, l.T(x.words), money.BRL(x.part.Value), shareText(l, x.share()), markerText(l, markers(x.marks))})
	}
	g := &strings.Builder{}
	grid(g, rows, plain, 2, 3)
	lines := strings.SplitAfter(g.String(), "\n")
	fmt.Fprintf(w, "\n%s\n%s", l.T(lang.ContribTitle), strings.Join(lines[:len(cbr)], ""))
	fmt.Fprintf(w, "%s%s = CRS + CRC + CRM − BCBR: %s\n", indent, l.T(lang.ContribDiversification), money.BRL(c.Diversification.Value))
	if crs == nil {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.ContribCRSInformed))
		return
	}
	fmt.Fprintf(w, "\n%s\n%s", l.T(lang.ContribInsideCRS), strings.Join(lines[len(cbr):], ""))
}

// explainContributions writes the contributions' nodes after the
// explanation tree, each with rec (Explain's writer of a node).
func explainContributions(w io.Writer, l lang.Lang, r *capital.Result, rec func(*capital.Node, int)) {
	if r.Contributions == nil {
		return
	}
	fmt.Fprintf(w, "\n%s\n", l.T(lang.ContribExplainTitle))
	for _, n := range r.Contributions.Nodes() {
		rec(n.In(l), 0)
	}
}

// resumoContributions writes the contributions in Resumo beside the
// figures (columns I:K from row top): the parts of CBR with their shares,
// the diversification, then the parts of CRS or why CRS has none.
func (b *book) resumoContributions(s string, top int, r *capital.Result, l lang.Lang) error {
	if r.Contributions == nil {
		return nil
	}
	f := b.f
	const col = 9 // I
	fmtPct := "0.00%"
	pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtPct})
	if err != nil {
		return err
	}
	block := func(row int, title lang.Key, rows []contribRow) (int, error) {
		if err := b.headerRow2(s, col, row, l.T(title), l.T(lang.ContribValue), l.T(lang.ContribShare)); err != nil {
			return 0, err
		}
		for _, x := range rows {
			row++
			if err := f.SetCellStr(s, cellName(col, row), x.symbol+"  "+l.T(x.words)); err != nil {
				return 0, err
			}
			if err := b.amount(s, cellName(col+1, row), x.part); err != nil {
				return 0, err
			}
			if sh := x.share(); sh != nil {
				if err := f.SetCellFloat(s, cellName(col+2, row), sh.InexactFloat64(), -1, 64); err != nil {
					return 0, err
				}
				if err := f.SetCellStyle(s, cellName(col+2, row), cellName(col+2, row), pct); err != nil {
					return 0, err
				}
			}
		}
		return row + 1, nil
	}
	row, err := block(top, lang.ContribToCBR, cbrRows(r))
	if err != nil {
		return err
	}
	if err := f.SetCellStr(s, cellName(col, row), l.T(lang.ContribDiversification)+" = CRS + CRC + CRM − BCBR"); err != nil {
		return err
	}
	if err := b.amount(s, cellName(col+1, row), r.Contributions.Diversification); err != nil {
		return err
	}
	row += 2
	if crs := crsRows(r); crs != nil {
		if _, err := block(row, lang.ContribToCRS, crs); err != nil {
			return err
		}
	} else if err := f.SetCellStr(s, cellName(col, row), l.T(lang.ContribCRSInformed)); err != nil {
		return err
	}
	for i, wd := range []float64{44, 20, 13} {
		name, _ := excelize.ColumnNumberToName(col + i)
		if err := f.SetColWidth(s, name, name, wd); err != nil {
			return err
		}
	}
	return nil
}

// contribColumns are the batch Lote sheet's contribution columns in
// language l, after the others (so that the columns before keep their
// letters).
func contribColumns(l lang.Lang) []string {
	return []string{
		"Contrib. CRS (R$)", "Contrib. CRC (R$)", "Contrib. CRM (R$)", "Contrib. CRO (R$)",
		"Contrib. PRE (R$)", "Contrib. PRO+SUS (R$)", "Contrib. RA+RM (R$)", l.T(lang.ContribDiversification) + " (R$)",
	}
}

// contribCells are a computed row's contribution cells in Lote, rounded to
// centavos; those of CRS empty when CRS is informed.
func (b *book) contribCells(d *Document) []any {
	c := d.Contributions
	if c == nil {
		return nil
	}
	cell := func(v decimal.Decimal) any {
		return excelize.Cell{StyleID: b.brl, Value: money.Round(v).InexactFloat64()}
	}
	cells := []any{cell(c.CBR.CRS), cell(c.CBR.CRC), cell(c.CBR.CRM), cell(c.CBR.CRO)}
	if in := c.CRS; in != nil {
		cells = append(cells, cell(in.PRE), cell(in.PROSUS), cell(in.Rem))
	} else {
		cells = append(cells, nil, nil, nil)
	}
	return append(cells, cell(c.Diversification))
}
