package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// runBaseline runs one bare loop over path and prints the rows it read.
func runBaseline(kind, path string) int {
	var n int
	var err error
	switch kind {
	case "excelize":
		n, err = bareExcelize(path)
	case "csv":
		n, err = bareCSV(path, ',')
	case "csv-semicolon":
		n, err = bareCSV(path, ';')
	default:
		err = fmt.Errorf("no baseline %q (excelize, csv, csv-semicolon)", kind)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(n)
	return 0
}

// bareExcelize is the floor of the library capreg reads workbooks with:
// open the file and walk its Beneficiarios sheet with the Rows iterator,
// taking each row's raw values (the call capreg makes per row), and nothing
// else: no package check, no counting.
func bareExcelize(path string) (int, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.Rows("Beneficiarios")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	opts := excelize.Options{RawCellValue: true}
	for rows.Next() {
		if _, err := rows.Columns(opts); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Error()
}

// bareCSV is the floor of encoding/csv: read every record of the file,
// separated by comma, reusing it, as capreg does, and nothing else (no
// decoding of Latin-1, no look at a field).
func bareCSV(path string, comma rune) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	n := 0
	for {
		if _, err := r.Read(); err == io.EOF {
			return n, nil
		} else if err != nil {
			return n, err
		}
		n++
	}
}
