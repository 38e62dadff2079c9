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

// writeCSV writes a header and rows; text cells are made formula-safe, numbers
// (numeric[i] true) are written as they are.
func writeCSV(w io.Writer, header []string, rows [][]string, numeric []bool) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(safeRow(r, numeric)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeRow makes the text cells of a row formula-safe; numbers (numeric[i]
// true) stay as they are.
func safeRow(r []string, numeric []bool) []string {
	out := make([]string, len(r))
	for i, c := range r {
		if i < len(numeric) && numeric[i] {
			out[i] = c
		} else {
			out[i] = safeCell(c)
		}
	}
	return out
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

// CalcCSV writes documents one row each.
func CalcCSV(w io.Writer, docs ...*Document) error {
	rows := make([][]string, len(docs))
	for i, d := range docs {
		rows[i] = calcCSVRow(d)
	}
	return writeCSV(w, calcCSVHeader(), rows, calcCSVNumeric())
}
