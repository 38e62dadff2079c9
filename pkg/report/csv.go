package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// safeCell keeps a spreadsheet from running a text cell as a formula: text
// starting with = + - @ (or a tab or carriage return) gets a leading '.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVDialect is how a CSV renderer writes its file: CSVPlain for programs
// (commas, decimal points, LF line ends), CSVExcel for a spreadsheet set to
// Portuguese, which Excel and LibreOffice open into columns and numbers on
// a double click (semicolons, a decimal comma in the numbers and never in
// the text, a UTF-8 byte order mark, CRLF line ends).
type CSVDialect int

// The dialects of CSVDialect.
const (
	CSVPlain CSVDialect = iota
	CSVExcel
)

// csvWriter writes the rows of one CSV file in a dialect: every CSV
// renderer writes through it.
type csvWriter struct {
	cw      *csv.Writer
	excel   bool
	numeric []bool // the numeric columns
}

// newCSVWriter starts a CSV on w in dialect d (the byte order mark written
// at once for CSVExcel); numeric[i] marks the numeric columns.
func newCSVWriter(w io.Writer, d CSVDialect, numeric []bool) (*csvWriter, error) {
	c := &csvWriter{cw: csv.NewWriter(w), excel: d == CSVExcel, numeric: numeric}
	if c.excel {
		c.cw.Comma, c.cw.UseCRLF = ';', true
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// header writes the header line as it is.
func (c *csvWriter) header(h []string) error { return c.cw.Write(h) }

// row writes a row: text cells made formula-safe, numbers as they are; in
// CSVExcel numbers with a decimal comma, and text a spreadsheet would take
// for a number kept as text.
func (c *csvWriter) row(r []string) error {
	out := make([]string, len(r))
	for i, cell := range r {
		switch {
		case (i >= len(c.numeric) || !c.numeric[i]) && c.excel && numberLike(cell):
			out[i] = `="` + cell + `"`
		case i >= len(c.numeric) || !c.numeric[i]:
			out[i] = safeCell(cell)
		case c.excel:
			out[i] = strings.Replace(cell, ".", ",", 1)
		default:
			out[i] = cell
		}
	}
	return c.cw.Write(out)
}

// numberLike reports whether a text cell is made of digits, - and / alone
// (a registro ANS 031245, a month 2025-09): a spreadsheet would read it as a
// number or a date, dropping leading zeros, so CSVExcel writes it as the
// text formula ="031245", which Excel and LibreOffice show as the text. Its
// characters cannot make any other formula.
func numberLike(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '-' && r != '/' {
			return false
		}
	}
	return true
}

// flush writes what is buffered, and tells the first error of the writes.
func (c *csvWriter) flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// writeCSV writes a header and rows in dialect d; text cells are made
// formula-safe, numbers (numeric[i] true) are written as numbers.
func writeCSV(w io.Writer, d CSVDialect, header []string, rows [][]string, numeric []bool) error {
	c, err := newCSVWriter(w, d, numeric)
	if err != nil {
		return err
	}
	if err := c.header(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := c.row(r); err != nil {
			return err
		}
	}
	return c.flush()
}

// calcCSVHeader is the header of the one-row-per-operator CSV.
func calcCSVHeader() []string {
	h := []string{"registro_ans", "razao_social", "data_base", "factor_set", "sufficient"}
	h = append(h, AmountKeys...)
	return append(h, "icr", "provisional", "proposal", "informed", "warnings")
}

// calcCSVNumeric marks the numeric columns of calcCSVHeader.
func calcCSVNumeric() []bool {
	n := make([]bool, len(calcCSVHeader()))
	for i := 5; i < 5+len(AmountKeys)+1; i++ {
		n[i] = true
	}
	return n
}

// calcCSVRow is one operator's row: amounts rounded to centavos as plain
// numbers.
func calcCSVRow(d *Document) []string {
	row := []string{d.RegistroANS, d.RazaoSocial, d.DataBase, d.FactorSet, fmt.Sprint(d.Sufficient)}
	for _, k := range AmountKeys {
		row = append(row, d.AmountsRounded[k].StringFixed(2))
	}
	icr := ""
	if d.ICRRounded != nil {
		icr = d.ICRRounded.StringFixed(4)
	}
	return append(row, icr, strings.Join(d.Provisional, ";"), strings.Join(d.Proposal, ";"), strings.Join(d.Informed, ";"), fmt.Sprint(len(d.Warnings)))
}

// CalcCSV writes documents one row each, in dialect d.
func CalcCSV(w io.Writer, d CSVDialect, docs ...*Document) error {
	rows := make([][]string, len(docs))
	for i, doc := range docs {
		rows[i] = calcCSVRow(doc)
	}
	return writeCSV(w, d, calcCSVHeader(), rows, calcCSVNumeric())
}
