package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// SafeCell keeps a spreadsheet from running a text cell as a formula: text
// starting with = + - @ (or a tab or carriage return) gets a leading '.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSV writes a header and rows; text cells are made formula-safe, numbers
// (numeric[i] true) are written as they are.
func CSV(w io.Writer, header []string, rows [][]string, numeric []bool) error {
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
			out[i] = SafeCell(c)
		}
	}
	return out
}

// CalcCSVHeader is the header of the one-row-per-operator CSV.
func CalcCSVHeader() []string {
	h := []string{"registro_ans", "razao_social", "data_base", "factor_set", "sufficient"}
	h = append(h, AmountKeys...)
	return append(h, "icr", "provisional", "proposal", "informed", "warnings")
}

// calcCSVNumeric marks the numeric columns of CalcCSVHeader.
func calcCSVNumeric() []bool {
	n := make([]bool, len(CalcCSVHeader()))
	for i := 5; i < 5+len(AmountKeys)+1; i++ {
		n[i] = true
	}
	return n
}

// CalcCSVRow is one operator's row: amounts rounded to centavos as plain
// numbers.
func CalcCSVRow(d *Document) []string {
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
		rows[i] = CalcCSVRow(d)
	}
	return CSV(w, CalcCSVHeader(), rows, calcCSVNumeric())
}
