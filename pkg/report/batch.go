package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// Sheet names of the batch summary workbook.
const (
	SheetLote    = "Lote"
	SheetGrafico = "Grafico"
	SheetErros   = "Erros"
)

// BatchLine is one workbook of a batch as the batch outputs show it: its
// row, with the calc document of its calculation (nil when not computed)
// in place of the calculation itself. A batch keeps a line, not the
// engine's result, for each row waiting for an earlier one.
type BatchLine struct {
	app.BatchRow // without its Calculation
	Doc          *Document
}

// NewBatchLine is the line of a batch row: the calc document of its
// calculation, as calc -o json prints it for the workbook, or why there is
// none (Error, Findings), its texts in language lg.
func NewBatchLine(r *app.BatchRow, lg lang.Lang) *BatchLine {
	l := &BatchLine{BatchRow: *r}
	l.Error, l.Findings = r.ErrorIn(lg), r.Findings.In(lg)
	if c := r.Calculation; c != nil {
		l.Calculation = nil
		l.Doc = NewDocument(c.Result, c.Warnings, Meta{File: r.File, RulebookVer: c.Rulebook.Versao, RulesFile: c.Rulebook.UserFile(), Lang: lg, Headroom: c.Headroom})
	}
	return l
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
func BatchJSONLine(w io.Writer, r *BatchLine) error {
	l := batchLine{SchemaVersion: SchemaVersion, File: r.File, Beneficiarios: r.Beneficiarios, Errors: r.Findings, Document: r.Doc}
	if r.Doc == nil {
		l.Error = &r.Error
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

// BatchCSV writes the rows of a batch as they come, after a header.
type BatchCSV struct{ c *csvWriter }

// NewBatchCSV writes the header, in dialect d: file, the calc columns,
// error.
func NewBatchCSV(w io.Writer, d CSVDialect) (*BatchCSV, error) {
	c, err := newCSVWriter(w, d, append([]bool{false}, calcCSVNumeric()...))
	if err != nil {
		return nil, err
	}
	return &BatchCSV{c}, c.header(append(append([]string{"file"}, calcCSVHeader()...), "error"))
}

// Write writes one row (the calc columns empty for a workbook not computed).
func (c *BatchCSV) Write(r *BatchLine) error {
	calc := make([]string, len(calcCSVHeader()))
	if r.Doc != nil {
		calc = calcCSVRow(r.Doc)
	}
	row := append(append([]string{r.File}, calc...), r.Error)
	if err := c.c.row(row); err != nil {
		return err
	}
	return c.c.flush()
}

// BatchSummary is the line that tells how a batch went, in elapsed time,
// in language l.
func BatchSummary(l lang.Lang, s app.BatchSummary, elapsed time.Duration) string {
	return l.T(lang.BatchSummary, l.Quantity(s.Total, lang.WorkbookNoun), l.Count(s.Computed), l.Count(s.Insufficient), l.Count(s.Failed),
		l.Fixed(decimal.New(elapsed.Milliseconds(), -3), 1))
}

// maxListed bounds the errors a table lists for one workbook.
const maxListed = 5

// BatchTable writes the rows of a batch for a person: one line per workbook
// with the applied set, PLA, CR, surplus, ICR and its status; then, at
// Close, the PROVISIONAL footnote and every failed workbook's errors. Plain
// (tab-separated) lines are written as the rows come; aligned ones need
// every row's widths, so they keep the few strings of each line until
// Close, never the row's document.
type BatchTable struct {
	w                     *stickyWriter
	plain                 bool
	l                     lang.Lang
	n                     int
	lines                 [][]string // aligned: the lines, header first
	provisional, proposal []string
	notComputed           []string // the lines under "Not computed"
}

// batchTableHeader is the table's header.
var batchTableHeader = []label{{term: "#"}, {word: lang.File}, {term: "Registro"}, {term: "Data base"}, {word: lang.BatchSet},
	{term: "PLA"}, {term: "CR"}, {word: lang.Surplus}, {term: "ICR"}, {word: lang.BatchStatus}, {word: lang.Markers}}

// batchTableRight are the columns aligned right.
var batchTableRight = []int{0, 5, 6, 7, 8}

// NewBatchTable starts a table on w in language l: plain, tab-separated
// lines for programs, else columns aligned for a terminal.
func NewBatchTable(w io.Writer, plain bool, l lang.Lang) *BatchTable {
	t := &BatchTable{w: &stickyWriter{w: w}, plain: plain, l: l}
	t.line(labels(l, batchTableHeader))
	return t
}

// line writes a plain line at once, or keeps an aligned one for Close.
func (t *BatchTable) line(l []string) {
	if t.plain {
		grid(t.w, [][]string{l}, true)
		return
	}
	t.lines = append(t.lines, l)
}

// Write adds the line of a row.
func (t *BatchTable) Write(r *BatchLine) error {
	t.n++
	l := t.l
	line := []string{fmt.Sprint(t.n), r.File}
	d := r.Doc
	if d == nil {
		t.line(append(line, "", "", "", "", "", "", "", strings.ToUpper(l.T(lang.ErrorWord)), ""))
		t.notComputed = append(t.notComputed, "  "+r.File)
		if len(r.Findings) == 0 {
			t.notComputed = append(t.notComputed, "    "+r.Error)
		}
		for i, f := range r.Findings {
			if i == maxListed {
				t.notComputed = append(t.notComputed, "    "+l.T(lang.BatchMore, l.Count(len(r.Findings)-maxListed), r.File))
				break
			}
			t.notComputed = append(t.notComputed, "    "+f.In(l).String())
		}
		return t.w.err
	}
	icr := "-"
	if d.ICRRounded != nil {
		icr = l.Fixed(*d.ICRRounded, 4)
	}
	status := l.T(lang.Sufficient)
	if !d.Sufficient {
		status = strings.ToUpper(l.T(lang.Insufficient))
	}
	t.provisional = union(t.provisional, d.Provisional)
	t.proposal = union(t.proposal, d.Proposal)
	t.line(append(line, d.RegistroANS, monthText(l, d.DataBase), d.FactorSet,
		money.BRL(d.Amounts["pla"]), money.BRL(d.Amounts["cr"]), money.BRL(d.Amounts["surplus"]), icr, status, markerText(l, rowMarkers(d))))
	return t.w.err
}

// Close writes the aligned lines, the marker notes and the workbooks not
// computed; it returns the first write error of the table.
func (t *BatchTable) Close() error {
	if !t.plain {
		grid(t.w, t.lines, false, batchTableRight...)
	}
	markerNotes(t.w, t.l, lang.NoteRows, t.provisional, t.proposal)
	if len(t.notComputed) > 0 {
		fmt.Fprintf(t.w, "\n%s\n%s\n", t.l.T(lang.BatchNotComputed), strings.Join(t.notComputed, "\n"))
	}
	return t.w.err
}

// rowMarkers are the markers of an operator's row: provisional, proposal,
// informed when any of its figures is so marked.
func rowMarkers(d *Document) []rules.Status {
	var out []rules.Status
	for _, m := range []struct {
		s     rules.Status
		names []string
	}{{rules.Provisional, d.Provisional}, {rules.Proposal, d.Proposal}, {informedMarker, d.Informed}} {
		if len(m.names) > 0 {
			out = append(out, m.s)
		}
	}
	return out
}

// stickyWriter keeps the first error of its writes (and writes no more), so
// that a table printed with fmt, which drops write errors, still reports a
// closed pipe or a full disk.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// BatchXLSX builds the batch summary workbook as the rows come: Lote (a row
// per workbook: the figures in R$, ICR, factor set, sufficiency, provisional
// and proposal flags and the error of a workbook not computed), Grafico (the
// surplus of each operator), Parametros (the parameters not confirmed in
// the regulation that the figures used, with how many operators) and Erros
// (every error of every invalid workbook, with its Sheet!Cell and fix).
// With headroom, Lote has the headroom's columns before the error's.
// Lote and Erros are streamed (to temporary files past a few megabytes);
// Grafico and Parametros need only counts. Close it in any case.
type BatchXLSX struct {
	b           *book
	headroom    bool // Lote has the headroom's columns
	lote, erros *excelize.StreamWriter
	rows        int // rows written to Lote
	errRows     int // rows written to Erros
	params      map[batchParam]int
	paramOrder  []batchParam // first use first
}

// batchParam is a parameter not confirmed in the regulation, with its status.
type batchParam struct {
	path   string
	status rules.Status
}

// batchColumns are the columns of the Lote sheet after the text ones: the
// amount's key and its heading.
var batchColumns = []struct {
	key  string
	head label
}{
	{"cb", label{term: "CB"}}, {"pla", label{term: "PLA"}}, {"crs", label{term: "CRS"}}, {"crs_pre", label{term: "CRS PRE"}},
	{"crs_pro", label{term: "CRS PRO"}}, {"crs_sus", label{term: "CRS SUS"}}, {"crs_rem", label{term: "CRS RA+RM"}},
	{"crc", label{term: "CRC"}}, {"crm", label{term: "CRM"}}, {"cro", label{term: "CRO"}}, {"cbr", label{term: "CBR"}},
	{"cr", label{term: "CR"}}, {"surplus", label{word: lang.Surplus}},
}

// loteTextColumns are the headings of the Lote sheet's columns before the
// amounts.
var loteTextColumns = []label{{word: lang.File}, {term: "Registro ANS"}, {term: "Razão social"}, {term: "Data base"},
	{word: lang.FactorSet}, {word: lang.BatchSufficient}}

// errWidth is the width of Lote's error column, in characters.
const errWidth = 70

// NewBatchXLSX starts the summary workbook, its words in language l: its
// four sheets, in order, and the headers of the streamed ones; with
// headroom, Lote's headroom columns.
func NewBatchXLSX(l lang.Lang, headroom bool) (*BatchXLSX, error) {
	b, err := newBook(l)
	if err != nil {
		return nil, err
	}
	x := &BatchXLSX{b: b, headroom: headroom, params: map[batchParam]int{}}
	if err := x.start(); err != nil {
		b.f.Close()
		return nil, err
	}
	return x, nil
}

func (x *BatchXLSX) start() error {
	f, l := x.b.f, x.b.l
	if err := f.SetSheetName("Sheet1", SheetLote); err != nil {
		return err
	}
	for _, s := range []string{SheetGrafico, SheetParametros, SheetErros} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	var err error
	if x.lote, err = x.b.streamSheet(SheetLote); err != nil {
		return err
	}
	head := labels(l, loteTextColumns)
	for _, c := range batchColumns {
		head = append(head, c.head.in(l)+" (R$)")
	}
	head = append(head, "ICR", upperFirst(l.T(lang.StatusProvisional)), upperFirst(l.T(lang.StatusProposal)), l.T(lang.BatchInformed))
	widths := []float64{36, 12, 32, 10, 16, 10}
	for range batchColumns {
		widths = append(widths, 17)
	}
	widths = append(widths, 8, 11, 10, 20)
	if x.headroom {
		head, widths = append(head, headroomHead(l)...), append(widths, headroomWidths()...)
	}
	head, widths = append(head, l.T(lang.ErrorWord)), append(widths, errWidth)
	head = append(head, contribColumns(l)...)
	for range contribColumns(l) {
		widths = append(widths, 17)
	}
	if err := x.lote.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := x.b.streamHeader(x.lote, widths, head); err != nil {
		return err
	}
	if x.erros, err = x.b.streamSheet(SheetErros); err != nil {
		return err
	}
	if err := x.erros.SetColStyle(4, 5, x.b.wrap); err != nil {
		return err
	}
	return x.b.streamHeader(x.erros, []float64{36, 10, 24, 70, 50}, []string{l.T(lang.File), l.T(lang.Code), l.T(lang.Place), l.T(lang.Message), l.T(lang.Fix)})
}

// streamSheet sets a sheet up to print and starts its StreamWriter.
func (b *book) streamSheet(s string) (*excelize.StreamWriter, error) {
	if err := b.printSetup(s); err != nil {
		return nil, err
	}
	b.streamed[s] = true
	return b.f.NewStreamWriter(s)
}

// streamHeader sets the widths of a streamed sheet's columns and writes the
// header in its first row.
func (b *book) streamHeader(sw *excelize.StreamWriter, widths []float64, head []string) error {
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: b.header, Value: h}
	}
	return sw.SetRow("A1", cells)
}

// Write adds a row to Lote, and its errors to Erros when it was not computed.
func (x *BatchXLSX) Write(r *BatchLine) error {
	b, l := x.b, x.b.l
	x.rows++
	cells := []any{r.File}
	if d := r.Doc; d != nil {
		sufficient := l.T(lang.Yes)
		if !d.Sufficient {
			sufficient = strings.ToUpper(l.T(lang.No))
		}
		cells = append(cells, d.RegistroANS, d.RazaoSocial, monthText(l, d.DataBase), d.FactorSet, sufficient)
		for _, c := range batchColumns {
			cells = append(cells, excelize.Cell{StyleID: b.brl, Value: d.AmountsRounded[c.key].InexactFloat64()})
		}
		if d.ICRRounded != nil {
			cells = append(cells, excelize.Cell{StyleID: b.ratio, Value: d.ICRRounded.InexactFloat64()})
		} else {
			cells = append(cells, nil)
		}
		cells = append(cells, flag(len(d.Provisional) > 0, l.T(lang.Provisional)), flag(len(d.Proposal) > 0, l.T(lang.Proposal)), strings.Join(d.Informed, ", "))
		if x.headroom {
			cells = append(cells, x.headroomCells(d.Headroom)...)
		}
		cells = append(cells, nil)
		cells = append(cells, b.contribCells(d)...)
		x.count(d.Provisional, rules.Provisional)
		x.count(d.Proposal, rules.Proposal)
	} else {
		cells = append(cells, make([]any, len(loteTextColumns)-1+len(batchColumns)+4)...)
		if x.headroom {
			cells = append(cells, x.headroomCells(nil)...)
		}
		cells = append(cells, excelize.Cell{StyleID: b.wrap, Value: r.Error})
	}
	// The error wraps in its column; the row grows to show it.
	opts := excelize.RowOpts{Height: rowHeight(map[string]int{r.Error: errWidth})}
	if err := x.lote.SetRow(cellName(1, x.rows+1), cells, opts); err != nil {
		return err
	}
	if r.Doc != nil {
		return nil
	}
	list := r.Findings
	if len(list) == 0 {
		list = findings.List{{Message: r.Error}}
	}
	for _, e := range list {
		x.errRows++
		cells := []any{r.File, e.Code, e.Where(), excelize.Cell{StyleID: b.wrap, Value: e.Message}, excelize.Cell{StyleID: b.wrap, Value: e.Fix}}
		opts := excelize.RowOpts{Height: rowHeight(map[string]int{e.Message: 70, e.Fix: 50})}
		if err := x.erros.SetRow(cellName(1, x.errRows+1), cells, opts); err != nil {
			return err
		}
	}
	return nil
}

// count counts the operators using each parameter of a status.
func (x *BatchXLSX) count(paths []string, status rules.Status) {
	for _, p := range paths {
		k := batchParam{p, status}
		if x.params[k] == 0 {
			x.paramOrder = append(x.paramOrder, k)
		}
		x.params[k]++
	}
}

// Finish ends the streamed sheets, fills Grafico and Parametros and writes
// the workbook to w.
func (x *BatchXLSX) Finish(w io.Writer) error {
	if x.errRows == 0 {
		if err := x.erros.SetRow("A2", []any{x.b.l.T(lang.BatchNoErrors)}); err != nil {
			return err
		}
	}
	for _, sw := range []*excelize.StreamWriter{x.lote, x.erros} {
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	f, err := x.b.finish([]func() error{x.grafico, x.parametros})
	if err != nil {
		return err
	}
	return f.Write(w)
}

// Close removes the workbook's temporary files.
func (x *BatchXLSX) Close() error { return x.b.f.Close() }

// flag is text when on, else empty.
func flag(on bool, text string) string {
	if on {
		return text
	}
	return ""
}

// parametros lists every parameter not confirmed in the regulation that
// some operator's figures used, with how many operators.
func (x *BatchXLSX) parametros() error {
	b, s, l := x.b, SheetParametros, x.b.l
	if err := b.row(s, 1, l.T(lang.BatchParametersNote, l.T(lang.Provisional), l.T(lang.Proposal))); err != nil {
		return err
	}
	if err := b.headerRow(s, 3, l.T(lang.Parameter), l.T(lang.Status), l.T(lang.Operators)); err != nil {
		return err
	}
	for i, k := range x.paramOrder {
		if err := b.row(s, 4+i, k.path, statusText(l, k.status), x.params[k]); err != nil {
			return err
		}
	}
	b.widths(s, 36, 12, 12)
	return nil
}

// grafico charts the surplus column of Lote, one bar per operator.
func (x *BatchXLSX) grafico() error {
	n := x.rows
	if n == 0 {
		return nil
	}
	col, _ := excelize.ColumnNumberToName(len(loteTextColumns) + len(batchColumns)) // the surplus
	no := false
	l := x.b.l
	return x.b.f.AddChart(SheetGrafico, "A1", &excelize.Chart{
		Type:       excelize.Col,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.T(lang.BatchChart)}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: &no,
		XAxis:      excelize.ChartAxis{TickLabelPosition: excelize.ChartTickLabelLow}, // below the negative bars
		YAxis:      excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		Series: []excelize.ChartSeries{{
			Name:       l.T(lang.Surplus),
			Categories: fmt.Sprintf("%s!$B$2:$B$%d", SheetLote, n+1),
			Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", SheetLote, col, col, n+1),
		}},
		Dimension: excelize.ChartDimension{Width: uint(min(max(640, 120+16*n), 8000)), Height: 400},
	})
}
