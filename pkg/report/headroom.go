package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// The headroom (analysis.FindHeadroom) in each output: a section of the
// calc table, "headroom" in the JSON document (calc, and batch lines with
// --headroom), rows of the xlsx Resumo, columns of the batch's Lote.

// HeadroomDocument is the JSON of the headroom: decimal strings, pl at full
// precision, each factor (4 places at most; null when PLA ≥ CR holds up to
// analysis.MaxFactor), aporte null for a sufficient operator; markers, the
// surplus's (every figure of the headroom is computed as the surplus is:
// provisional parameters make it provisional).
type HeadroomDocument struct {
	PL      decimal.Decimal  `json:"pl"`
	Drivers []DriverDocument `json:"drivers"`
	Aporte  *decimal.Decimal `json:"aporte"`
	Markers []rules.Status   `json:"markers,omitempty"`
}

// DriverDocument is a driver's factor in the JSON.
type DriverDocument struct {
	Driver string           `json:"driver"`
	Factor *decimal.Decimal `json:"factor"`
}

// newHeadroomDocument is the JSON of h, nil for none, marked ms.
func newHeadroomDocument(h *analysis.Headroom, ms []rules.Status) *HeadroomDocument {
	if h == nil {
		return nil
	}
	d := &HeadroomDocument{PL: h.PL, Drivers: []DriverDocument{}, Aporte: h.Aporte, Markers: ms}
	for _, f := range h.Drivers {
		d.Drivers = append(d.Drivers, DriverDocument{Driver: string(f.Driver), Factor: f.Factor})
	}
	return d
}

// headroomGroups word what each driver multiplies.
var headroomGroups = map[analysis.Group]lang.Key{
	analysis.Contraprestacoes: lang.HeadroomContraprestacoes,
	analysis.Eventos:          lang.HeadroomEventos,
	analysis.ABI:              lang.HeadroomABI,
	analysis.Credito:          lang.HeadroomCredito,
	analysis.Mercado:          lang.HeadroomMercado,
}

// factorText is a driver's factor for a person: k with its 4 places, "≥ 100"
// when PLA ≥ CR holds up to the search's end, "—" when the group does not
// move the CR.
func factorText(l lang.Lang, d analysis.DriverFactor) string {
	switch {
	case d.Factor != nil:
		return l.Fixed(*d.Factor, analysis.FactorPlaces)
	case d.Inert:
		return l.T(lang.HeadroomInert)
	}
	return l.T(lang.HeadroomAtLeast, strconv.Itoa(analysis.MaxFactor))
}

// headroomTitle is the headroom's title in language l, with the markers ms
// (the surplus's) of its figures.
func headroomTitle(l lang.Lang, ms []rules.Status) string {
	if len(ms) == 0 {
		return l.T(lang.HeadroomTitle)
	}
	return l.T(lang.HeadroomTitle) + "  " + markerText(l, ms)
}

// headroomTable writes the headroom section of the calc table in language
// l, marked ms: the fall of PL the surplus allows and each driver's factor,
// with what the factor means and what it multiplies; for an insufficient
// operator, the aporte.
func headroomTable(w io.Writer, l lang.Lang, h *analysis.Headroom, ms []rules.Status, plain bool) {
	fmt.Fprintf(w, "\n%s\n", headroomTitle(l, ms))
	if h.Aporte != nil {
		fmt.Fprintf(w, "  %s\n", l.T(lang.HeadroomNone, money.BRL(*h.Aporte), money.BRL(*h.Aporte)))
		return
	}
	fmt.Fprintf(w, "  %s\n  %s\n", l.T(lang.HeadroomPL, money.BRL(h.PL)), l.T(lang.HeadroomFactors))
	var rows [][]string
	for _, d := range h.Drivers {
		rows = append(rows, []string{"  " + string(d.Driver), factorText(l, d), l.T(headroomGroups[d.Driver])})
	}
	grid(w, rows, plain, 1)
	for _, n := range headroomNotes(l, h) {
		fmt.Fprintf(w, "  %s\n", n)
	}
}

// headroomNotes say, in language l, what the null factors of h shown
// ("≥ 100", "—") mean, for those shown.
func headroomNotes(l lang.Lang, h *analysis.Headroom) []string {
	atLeast, inert := false, false
	for _, d := range h.Drivers {
		atLeast = atLeast || d.Factor == nil && !d.Inert
		inert = inert || d.Inert
	}
	var notes []string
	if atLeast {
		top := strconv.Itoa(analysis.MaxFactor)
		notes = append(notes, l.T(lang.HeadroomNoteAtLeast, top, top))
	}
	if inert {
		notes = append(notes, l.T(lang.HeadroomNoteInert))
	}
	return notes
}

// headroomResumo writes the headroom into Resumo, from its first free row
// (below the charts and the notes), in language l, marked ms, and moves
// that row below it.
func (b *book) headroomResumo(h *analysis.Headroom, l lang.Lang, ms []rules.Status) error {
	s, r := SheetResumo, b.resumoNext
	if err := b.row(s, r, headroomTitle(l, ms)); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(s, cellName(1, r), cellName(1, r), b.title); err != nil {
		return err
	}
	r++
	if h.Aporte != nil {
		if err := b.row(s, r, l.T(lang.HeadroomNone, money.BRL(*h.Aporte), money.BRL(*h.Aporte))); err != nil {
			return err
		}
		b.resumoNext = r + 3
		return b.amountRow(s, r+1, l.T(lang.HeadroomAporteLabel), *h.Aporte)
	}
	if err := b.amountRow(s, r, l.T(lang.HeadroomPLLabel), h.PL); err != nil {
		return err
	}
	r += 2
	if err := b.headerRow(s, r, l.T(lang.HeadroomGroupHead), l.T(lang.HeadroomFactorHead), l.T(lang.HeadroomWhatHead)); err != nil {
		return err
	}
	for _, d := range h.Drivers {
		r++
		if err := b.row(s, r, string(d.Driver)); err != nil {
			return err
		}
		if err := b.factorCell(s, cellName(2, r), d, l); err != nil {
			return err
		}
		if err := b.f.SetCellStr(s, cellName(3, r), l.T(headroomGroups[d.Driver])); err != nil {
			return err
		}
	}
	meaning := strings.ReplaceAll(l.T(lang.HeadroomFactors), "\n  ", " ") // one line
	for _, note := range append([]string{meaning}, headroomNotes(l, h)...) {
		r++
		if err := b.row(s, r, note); err != nil {
			return err
		}
	}
	b.resumoNext = r + 2
	return nil
}

// amountRow writes a label and an amount in R$ in a row.
func (b *book) amountRow(s string, r int, label string, v decimal.Decimal) error {
	if err := b.row(s, r, label); err != nil {
		return err
	}
	cell := cellName(2, r)
	if err := b.f.SetCellFloat(s, cell, money.Round(v).InexactFloat64(), -1, 64); err != nil {
		return err
	}
	return b.f.SetCellStyle(s, cell, cell, b.brl)
}

// factorCell writes a driver's factor: a number with 4 places, or the text
// of a null factor.
func (b *book) factorCell(s, cell string, d analysis.DriverFactor, l lang.Lang) error {
	if d.Factor == nil {
		return b.f.SetCellStr(s, cell, factorText(l, d))
	}
	if err := b.f.SetCellFloat(s, cell, d.Factor.InexactFloat64(), -1, 64); err != nil {
		return err
	}
	return b.f.SetCellStyle(s, cell, cell, b.ratio)
}

// headroomHead are the heads of Lote's headroom columns in language l: the
// fall of PL, a factor per driver, the aporte.
func headroomHead(l lang.Lang) []string {
	head := []string{l.T(lang.HeadroomPLLabel)}
	for _, g := range analysis.Drivers {
		head = append(head, l.T(lang.HeadroomFactorColumn, g))
	}
	return append(head, l.T(lang.HeadroomAporteLabel))
}

// headroomWidths are the widths of Lote's headroom columns.
func headroomWidths() []float64 {
	w := []float64{20}
	for range analysis.Drivers {
		w = append(w, 12)
	}
	return append(w, 20)
}

// headroomCells are a row's cells under Lote's headroom columns: numbers,
// empty for a null factor or aporte (the JSON line says null); all empty
// for a workbook not computed (d nil).
func (x *BatchXLSX) headroomCells(d *HeadroomDocument) []any {
	if d == nil {
		return make([]any, len(headroomWidths()))
	}
	b := x.b
	cells := []any{excelize.Cell{StyleID: b.brl, Value: money.Round(d.PL).InexactFloat64()}}
	factors := map[string]*decimal.Decimal{}
	for _, f := range d.Drivers {
		factors[f.Driver] = f.Factor
	}
	for _, g := range analysis.Drivers {
		var c any
		if k := factors[string(g)]; k != nil {
			c = excelize.Cell{StyleID: b.ratio, Value: k.InexactFloat64()}
		}
		cells = append(cells, c)
	}
	if d.Aporte != nil {
		return append(cells, excelize.Cell{StyleID: b.brl, Value: money.Round(*d.Aporte).InexactFloat64()})
	}
	return append(cells, nil)
}
