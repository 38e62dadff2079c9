package beneficiarios

import (
	"strings"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// A Problem is one bad header or value a Counter found.
type Problem struct {
	Code    string   // findings code
	Column  string   // the layout column ("" for a column the layout does not have)
	Col     int      // the cell's 1-based column; 0 for a column missing from the header
	Row     int      // the cell's 1-based row
	Message lang.Msg // none for EmptyValue: the reader words it (xlsxfile.Cell.Missing)
}

// A Counter aggregates beneficiary rows in one pass into the counts capreg
// uses (total, per program, per remission status, per product), handing
// every problem to its report function. It is the one aggregation of
// beneficiary data: of a .csv or .xlsx file (Read) and of the Beneficiarios
// sheet of an input workbook (pkg/workbook, which reports the problems at
// its own Sheet!Cell places). Its per-row work allocates nothing.
type Counter struct {
	report func(Problem)
	b      capital.Beneficiarios
	idx    [nColumns]int // a row's index of each column; -1 when absent
	rem    []int64       // by index in layout.Remissoes
}

// The columns of the layout, in its order.
const (
	colID = iota
	colProduto
	colTipo
	colSegmento
	colRemissao
	colPromoprev
	colParto
	colAPS
	nColumns
)

var (
	columns   = [nColumns]string{"id", "produto", "tipo_contratacao", "segmento", "remissao", string(ans.Promoprev), string(ans.PartoAdequado), string(ans.APS)}
	remissoes = layout.Remissoes
	flags     = [...]int{colPromoprev, colParto, colAPS}
)

func init() {
	sheet, _ := layout.Lookup(SheetName)
	if len(sheet.Fields) != nColumns {
		panic("beneficiarios: the layout's Beneficiarios columns changed")
	}
	for i, fd := range sheet.Fields {
		if fd.Name != columns[i] {
			panic("beneficiarios: the layout's Beneficiarios columns changed")
		}
	}
}

// NewCounter returns a counter whose counts name source and whose problems
// go to report.
func NewCounter(source string, report func(Problem)) *Counter {
	c := &Counter{report: report, rem: make([]int64, len(remissoes)),
		b: capital.Beneficiarios{Source: source, Remissao: map[ans.Remissao]int64{}, PorProduto: map[string]int64{}}}
	for i := range c.idx {
		c.idx[i] = -1
	}
	return c
}

// Header maps the columns of the header row (row 1) and reports extra
// columns and missing required ones; false when a required one is missing.
func (c *Counter) Header(vals []string) bool {
	sheet, _ := layout.Lookup(SheetName)
	cols, extra := xlsxfile.HeaderColumns(vals, func(h string) bool { _, ok := sheet.Field(h); return ok })
	for _, i := range extra {
		c.report(Problem{Code: findings.ExtraColumn, Col: i + 1, Row: 1, Message: lang.M("column %q is not part of %s and is ignored", findings.Clip(vals[i]), SheetName)})
	}
	ok := true
	for _, fd := range sheet.Fields {
		if _, found := cols[fd.Name]; !found && !fd.Optional {
			c.report(Problem{Code: findings.MissingColumn, Column: fd.Name, Message: lang.M("column %s is missing from the header (row 1)", fd.Name)})
			ok = false
		}
	}
	c.Map(cols)
	return ok
}

// Map sets the columns from a header a reader mapped itself: the index in a
// row of each layout column present.
func (c *Counter) Map(cols map[string]int) {
	for i, name := range columns {
		c.idx[i] = -1
		if j, ok := cols[name]; ok {
			c.idx[i] = j
		}
	}
}

// value is the trimmed value of column k in vals, and the cell's 1-based
// column (0 when the column is absent).
func (c *Counter) value(vals []string, k int) (string, int) {
	i := c.idx[k]
	if i < 0 {
		return "", 0
	}
	if i < len(vals) {
		return trim(vals[i]), i + 1
	}
	return "", i + 1
}

// Row counts one data row (row is its 1-based number); a row blank in
// every layout column is skipped.
func (c *Counter) Row(vals []string, row int) {
	blank := true
	for _, i := range c.idx {
		if i >= 0 && i < len(vals) && trim(vals[i]) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	b := &c.b
	produto, col := c.value(vals, colProduto)
	if produto == "" {
		c.report(Problem{Code: findings.EmptyValue, Column: columns[colProduto], Col: col, Row: row})
	}
	b.Total++
	b.PorProduto[produto]++
	c.enum(vals, row, colTipo, layout.TiposContratacao)
	c.enum(vals, row, colSegmento, layout.Segmentos)
	if i := c.enum(vals, row, colRemissao, remissoes); i >= 0 {
		c.rem[i]++
	}
	for _, k := range flags {
		switch v, col := c.value(vals, k); {
		case v == "" || v == "N" || v == "n":
		case v == "S" || v == "s":
			switch k {
			case colPromoprev:
				b.Promoprev++
			case colParto:
				b.PartoAdequado++
			default:
				b.APS++
			}
		default:
			c.report(Problem{Code: findings.BadEnum, Column: columns[k], Col: col, Row: row, Message: lang.M("%s: %q is not S or N (empty is N)", columns[k], findings.Clip(v))})
		}
	}
}

// enum is the index in allowed of column k's value (case forgiven), or -1
// after reporting it empty or not allowed.
func (c *Counter) enum(vals []string, row, k int, allowed []string) int {
	v, col := c.value(vals, k)
	name := columns[k]
	if v == "" {
		c.report(Problem{Code: findings.EmptyValue, Column: name, Col: col, Row: row})
		return -1
	}
	for i, a := range allowed {
		if a == v {
			return i
		}
	}
	for i, a := range allowed {
		if strings.EqualFold(a, v) {
			return i
		}
	}
	c.report(Problem{Code: findings.BadEnum, Column: name, Col: col, Row: row, Message: lang.M("%s: %q is not one of %s", name, findings.Clip(v), strings.Join(allowed, ", "))})
	return -1
}

// Counts are the counts of the rows so far.
func (c *Counter) Counts() *capital.Beneficiarios {
	for i, n := range c.rem {
		if n > 0 {
			c.b.Remissao[ans.Remissao(remissoes[i])] = n
		}
	}
	return &c.b
}

// trim is strings.TrimSpace, without its call for the usual value that
// starts and ends with a printable ASCII character.
func trim(s string) string {
	if n := len(s); n > 0 && s[0] > ' ' && s[0] < utf8.RuneSelf && s[n-1] > ' ' && s[n-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}
