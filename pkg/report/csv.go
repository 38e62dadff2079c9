package report

import (
	"encoding/csv"
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
		out := make([]string, len(r))
		for i, c := range r {
			if i < len(numeric) && numeric[i] {
				out[i] = c
			} else {
				out[i] = SafeCell(c)
			}
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
