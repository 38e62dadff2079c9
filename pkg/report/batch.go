package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
)

// Sheet names of the batch summary workbook.
const (
	SheetLote    = "Lote"
	SheetGrafico = "Grafico"
	SheetErros   = "Erros"
)

// BatchRow is one workbook of a batch: its document, or why there is none.
type BatchRow struct {
	File          string
	Beneficiarios string        // the beneficiary file used, if any
	Doc           *Document     // nil when the workbook could not be computed
	Error         string        // why not, in one line
	Findings      findings.List // the error findings of an invalid workbook
	Internal      bool          // the error is a bug of capreg's, not of the input
}

// batchLine is a row as a JSON line: the calc document (schema 1) plus file,
// error (null when computed) and, for an invalid workbook, its errors.
type batchLine struct {
	SchemaVersion string             `json:"schema_version"`
	File          string             `json:"file"`
	Beneficiarios string             `json:"beneficiarios,omitempty"`
	Error         *string            `json:"error"`
	Errors        []findings.Finding `json:"errors,omitempty"`
	*Document
}

// BatchJSONLine writes a row as one line of JSON.
func BatchJSONLine(w io.Writer, r *BatchRow) error {
	l := batchLine{SchemaVersion: SchemaVersion, File: r.File, Beneficiarios: r.Beneficiarios, Errors: r.Findings, Document: r.Doc}
	if r.Doc == nil {
		l.Error = &r.Error
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

// BatchCSV writes the rows of a batch as they come, after a header.
type BatchCSV struct {
	cw      *csv.Writer
	numeric []bool
}

// NewBatchCSV writes the header: file, the calc columns, error.
func NewBatchCSV(w io.Writer) (*BatchCSV, error) {
	c := &BatchCSV{cw: csv.NewWriter(w), numeric: append([]bool{false}, calcCSVNumeric()...)}
	header := append(append([]string{"file"}, CalcCSVHeader()...), "error")
	return c, c.cw.Write(header)
}

// Write writes one row (the calc columns empty for a workbook not computed).
func (c *BatchCSV) Write(r *BatchRow) error {
	calc := make([]string, len(CalcCSVHeader()))
	if r.Doc != nil {
		calc = CalcCSVRow(r.Doc)
	}
	row := append(append([]string{r.File}, calc...), r.Error)
	if err := c.cw.Write(safeRow(row, c.numeric)); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// BatchSummary counts the outcome of a batch.
type BatchSummary struct {
	Total, Computed, Failed, Insufficient int
	Internal                              int // failed by a bug of capreg's
	Elapsed                               time.Duration
}

// Add counts a row.
func (s *BatchSummary) Add(r *BatchRow) {
	s.Total++
	switch {
	case r.Doc == nil:
		s.Failed++
		if r.Internal {
			s.Internal++
		}
	case !r.Doc.Sufficient:
		s.Computed++
		s.Insufficient++
	default:
		s.Computed++
	}
}

func (s BatchSummary) String() string {
	return fmt.Sprintf("%d workbooks: %d computed (%d insufficient), %d failed, in %.1f s",
		s.Total, s.Computed, s.Insufficient, s.Failed, s.Elapsed.Seconds())
}

// maxListed bounds the errors a table lists for one workbook.
const maxListed = 5

// BatchTable writes the rows for a person: one line per workbook with the
// applied set, PLA, CR, surplus, ICR and its status; then the PROVISIONAL
// footnote and every failed workbook's errors.
func BatchTable(w io.Writer, rows []*BatchRow, plain bool) error {
	grid := [][]string{{"#", "File", "Registro", "Data base", "Set", "PLA", "CR", "Surplus", "ICR", "Status", "Markers"}}
	var provisional, proposal []string
	var failed []*BatchRow
	for i, r := range rows {
		line := []string{fmt.Sprint(i + 1), r.File}
		d := r.Doc
		if d == nil {
			failed = append(failed, r)
			grid = append(grid, append(line, "", "", "", "", "", "", "", "ERROR", ""))
			continue
		}
		icr := "-"
		if d.ICRRounded != nil {
			icr = money.PtBR(*d.ICRRounded, 4)
		}
		status := "sufficient"
		if !d.Sufficient {
			status = "INSUFFICIENT"
		}
		var marks []string
		if len(d.Provisional) > 0 {
			marks = append(marks, "PROVISIONAL")
		}
		if len(d.Proposal) > 0 {
			marks = append(marks, "PROPOSAL")
		}
		if len(d.Informed) > 0 {
			marks = append(marks, "informed")
		}
		provisional = union(provisional, d.Provisional)
		proposal = union(proposal, d.Proposal)
		grid = append(grid, append(line, d.RegistroANS, d.DataBase, d.FactorSet,
			money.BRL(d.Amounts["pla"]), money.BRL(d.Amounts["cr"]), money.BRL(d.Amounts["surplus"]), icr, status, strings.Join(marks, ", ")))
	}
	Grid(w, grid, plain, 0, 5, 6, 7, 8)
	markerNotes(w, "rows", provisional, proposal)
	if len(failed) > 0 {
		fmt.Fprintf(w, "\nNot computed\n")
		for _, r := range failed {
			fmt.Fprintf(w, "  %s\n", r.File)
			if len(r.Findings) == 0 {
				fmt.Fprintf(w, "    %s\n", r.Error)
			}
			for i, f := range r.Findings {
				if i == maxListed {
					fmt.Fprintf(w, "    ... and %d more (capreg validate %s)\n", len(r.Findings)-maxListed, r.File)
					break
				}
				fmt.Fprintf(w, "    %s\n", f.String())
			}
		}
	}
	return nil
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// batchColumns are the columns of the Lote sheet after the text ones.
var batchColumns = []struct{ key, head string }{
	{"cb", "CB"}, {"pla", "PLA"}, {"crs", "CRS"}, {"crs_pre", "CRS PRE"}, {"crs_pro", "CRS PRO"},
	{"crs_sus", "CRS SUS"}, {"crs_rem", "CRS RA+RM"}, {"crc", "CRC"}, {"crm", "CRM"}, {"cro", "CRO"},
	{"cbr", "CBR"}, {"cr", "CR"}, {"surplus", "Excedente"},
}

// BatchXLSX builds the batch summary workbook: Lote (a row per workbook:
// the figures in R$, ICR, factor set, sufficiency, provisional and proposal
// flags and the error of a workbook not computed), Grafico (the
// surplus of each operator), Parametros (the parameters not confirmed in
// the regulation that the figures used, with how many operators) and Erros
// (every error of every invalid workbook, with its Sheet!Cell and fix).
func BatchXLSX(rows []*BatchRow) (*excelize.File, error) {
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	return b.finish([]func() error{
		func() error { return b.lote(rows) },
		func() error { return b.grafico(len(rows)) },
		func() error { return b.parametrosLote(rows) },
		func() error { return b.erros(rows) },
	})
}

// errWidth is the width of Lote's error column, in characters.
const errWidth = 70

func (b *book) lote(rows []*BatchRow) error {
	f, s := b.f, SheetLote
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	if err := b.printSetup(s); err != nil {
		return err
	}
	b.streamed[s] = true
	sw, err := f.NewStreamWriter(s)
	if err != nil {
		return err
	}
	head := []string{"Arquivo", "Registro ANS", "Razão social", "Data base", "Conjunto de fatores", "Suficiente"}
	for _, c := range batchColumns {
		head = append(head, c.head+" (R$)")
	}
	head = append(head, "ICR", "Provisório", "Proposta", "Informados", "Erro")
	widths := []float64{36, 12, 32, 10, 16, 10}
	for range batchColumns {
		widths = append(widths, 17)
	}
	widths = append(widths, 8, 11, 10, 20, errWidth)
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: b.header, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for i, r := range rows {
		cells := []any{r.File}
		if d := r.Doc; d != nil {
			cells = append(cells, d.RegistroANS, d.RazaoSocial, d.DataBase, d.FactorSet, map[bool]string{true: "sim", false: "NÃO"}[d.Sufficient])
			for _, c := range batchColumns {
				cells = append(cells, excelize.Cell{StyleID: b.brl, Value: d.AmountsRounded[c.key].InexactFloat64()})
			}
			if d.ICRRounded != nil {
				cells = append(cells, excelize.Cell{StyleID: b.ratio, Value: d.ICRRounded.InexactFloat64()})
			} else {
				cells = append(cells, nil)
			}
			cells = append(cells, flag(len(d.Provisional) > 0, "PROVISÓRIO"), flag(len(d.Proposal) > 0, "PROPOSTA"), strings.Join(d.Informed, ", "), nil)
		} else {
			cells = append(cells, make([]any, len(head)-2)...)
			cells = append(cells, excelize.Cell{StyleID: b.wrap, Value: r.Error})
		}
		// The error wraps in its column; the row grows to show it.
		opts := excelize.RowOpts{Height: rowHeight(map[string]int{r.Error: errWidth})}
		if err := sw.SetRow(cellName(1, i+2), cells, opts); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// flag is text when on, else empty.
func flag(on bool, text string) string {
	if on {
		return text
	}
	return ""
}

// parametrosLote lists every parameter not confirmed in the regulation that
// some operator's figures used, with how many operators.
func (b *book) parametrosLote(rows []*BatchRow) error {
	f, s := b.f, SheetParametros
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := b.row(s, 1, "Operadoras marcadas PROVISÓRIO usam parâmetros não confirmados na regulação; PROPOSTA, a proposta de incentivo da ANS ainda não vigente. Confirme-os num arquivo de regras (capreg rules export; --rules)."); err != nil {
		return err
	}
	if err := b.headerRow(s, 3, "Parâmetro", "Situação", "Operadoras"); err != nil {
		return err
	}
	type key struct{ path, status string }
	count := map[key]int{}
	var order []key
	for _, r := range rows {
		if r.Doc == nil {
			continue
		}
		for _, l := range []struct {
			names  []string
			status string
		}{{r.Doc.Provisional, "provisório"}, {r.Doc.Proposal, "proposta"}} {
			for _, p := range l.names {
				k := key{p, l.status}
				if count[k] == 0 {
					order = append(order, k)
				}
				count[k]++
			}
		}
	}
	for i, k := range order {
		if err := b.row(s, 4+i, k.path, k.status, count[k]); err != nil {
			return err
		}
	}
	b.widths(s, 36, 12, 12)
	return nil
}

// grafico charts the surplus column of Lote, one bar per operator.
func (b *book) grafico(n int) error {
	s := SheetGrafico
	if _, err := b.f.NewSheet(s); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	col, _ := excelize.ColumnNumberToName(6 + len(batchColumns)) // Excedente
	no := false
	return b.f.AddChart(s, "A1", &excelize.Chart{
		Type:       excelize.Col,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Excedente (PLA − CR) por operadora (R$)"}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: &no,
		XAxis:      excelize.ChartAxis{TickLabelPosition: excelize.ChartTickLabelLow}, // below the negative bars
		YAxis:      excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Series: []excelize.ChartSeries{{
			Name:       "Excedente",
			Categories: fmt.Sprintf("%s!$B$2:$B$%d", SheetLote, n+1),
			Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", SheetLote, col, col, n+1),
		}},
		Dimension: excelize.ChartDimension{Width: uint(min(max(640, 120+16*n), 8000)), Height: 400},
	})
}

func (b *book) erros(rows []*BatchRow) error {
	f, s := b.f, SheetErros
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := b.headerRow(s, 1, "Arquivo", "Código", "Local", "Mensagem", "Correção"); err != nil {
		return err
	}
	r := 2
	for _, row := range rows {
		if row.Doc != nil {
			continue
		}
		list := row.Findings
		if len(list) == 0 {
			list = findings.List{{Message: row.Error}}
		}
		for _, e := range list {
			for j, t := range []string{row.File, e.Code, e.Where(), e.Message, e.Fix} {
				if err := f.SetCellStr(s, cellName(j+1, r), t); err != nil {
					return err
				}
			}
			if err := b.fitHeight(s, r, map[string]int{e.Message: 70, e.Fix: 50}); err != nil {
				return err
			}
			r++
		}
	}
	if r == 2 {
		if err := f.SetCellStr(s, "A2", "nenhum erro: todas as planilhas foram calculadas"); err != nil {
			return err
		}
	}
	b.widths(s, 36, 10, 24, 70, 50)
	return f.SetColStyle(s, "D:E", b.wrap)
}
