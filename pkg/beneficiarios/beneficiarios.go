// Package beneficiarios reads a beneficiary file given apart from the input
// workbook: a .xlsx with a Beneficiarios sheet, or a .csv with the same
// header (UTF-8 or Latin-1, separated by , or ;). It streams the rows, never
// holding the file's rows in memory, and returns the counts capreg uses
// (total, per program, per remission status, per product) with a finding
// for every bad value, named Sheet!Cell (for a CSV, file!Cell as a
// spreadsheet shows it).
package beneficiarios

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/csvfile"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// SheetName is the sheet of a .xlsx beneficiary file.
const SheetName = "Beneficiarios"

// checkEvery is how many rows are read between looks at the context.
const checkEvery = 4096

// Read reads the beneficiary file at path: .csv by its extension, else a
// workbook. The counts are nil when the file could not be read at all; a
// done ctx stops the reading with ctx's error.
func Read(ctx context.Context, path string) (*capital.Beneficiarios, findings.List, error) {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		f, bad := xlsxfile.OpenRegular(path)
		if f == nil {
			return nil, bad, nil
		}
		defer f.Close()
		return ReadCSV(ctx, f, filepath.Base(path))
	}
	return readXLSX(ctx, path)
}

// reporter reports a Counter's problems into found at sheet!Cell (sheet:
// the Beneficiarios sheet, or the CSV file's name).
func reporter(found *findings.Collector, sheet string) func(Problem) {
	return func(p Problem) {
		var f findings.Finding
		if p.Code == findings.EmptyValue {
			f = xlsxfile.Cell{Col: p.Col}.Missing(sheet, p.Row, p.Column, lang.Msg{})
		} else {
			f = findings.New(p.Code, sheet, xlsxfile.CellName(p.Col, p.Row), p.Message)
		}
		if p.Col == 0 {
			f.Column = p.Column
		}
		found.Add(f)
	}
}

// readXLSX streams the Beneficiarios sheet of a workbook: the header in
// row 1, the values of each row as the cells show them (a TRUE/FALSE cell
// is no S or N, and is refused).
func readXLSX(ctx context.Context, path string) (*capital.Beneficiarios, findings.List, error) {
	book, l, err := xlsxfile.Open(ctx, path)
	if book == nil {
		return nil, l, err
	}
	defer book.Close()
	name, bad := book.Require(SheetName, findings.MissingSheet, lang.Msg{})
	if bad != nil {
		return nil, findings.List{*bad}, nil
	}
	var found findings.Collector
	c := NewCounter(SheetName, reporter(&found, SheetName))
	unreadable := func(err error) (*capital.Beneficiarios, findings.List, error) {
		if ctx.Err() != nil {
			return nil, found.Findings(), ctx.Err()
		}
		return nil, append(found.Findings(), xlsxfile.UnreadableSheet(SheetName, err)), nil
	}
	rows, err := book.Rows(ctx, name)
	if err != nil {
		return unreadable(err)
	}
	defer rows.Close()
	head := rows.Header()
	if err := rows.Err(); err != nil {
		return unreadable(err)
	}
	if !c.Header(head) {
		return nil, found.Findings(), nil
	}
	for !found.Full(SheetName) && rows.Next() {
		c.Row(rows.Values(), rows.Row())
	}
	if err := rows.Err(); err != nil {
		return unreadable(err)
	}
	return c.Counts(), found.Findings(), nil
}

// ReadCSV streams a CSV beneficiary file; name is the file's name, which
// findings point at. The file is read as csvfile reads CSV (, or ;, UTF-8
// or Latin-1, any line ends, bounded lines). A line with fewer fields than
// the header is an error naming the line, and is not counted.
func ReadCSV(ctx context.Context, r io.Reader, name string) (*capital.Beneficiarios, findings.List, error) {
	var found findings.Collector
	c := NewCounter(name, reporter(&found, name))
	cr := csvfile.NewReader(r)
	first := true
	width := 0 // fields of the header, up to its last named column
	for n := 1; !found.Full(name); n++ {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, found.Findings(), ctx.Err()
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, msg := csvfile.Explain(err)
			found.Add(findings.New(findings.Unreadable, name, xlsxfile.CellName(1, max(line, 1)), msg).WithFix(lang.M("save the file again as CSV (UTF-8 or Latin-1, separated by , or ;)")))
			return nil, found.Findings(), nil
		}
		if first {
			first = false
			if !c.Header(rec) {
				return nil, found.Findings(), nil
			}
			for i, h := range rec {
				if strings.TrimSpace(h) != "" {
					width = i + 1
				}
			}
			continue
		}
		line := cr.Line()
		if len(rec) < width && strings.TrimSpace(strings.Join(rec, "")) != "" {
			found.Add(findings.New(findings.Unreadable, name, xlsxfile.CellName(1, line),
				lang.M("line %d has %d fields, the header has %d: the line is not counted", lang.Ordinal(line), len(rec), width)).
				WithFix(lang.M("give the line all %d fields: an empty value still needs its separator (%c)", width, cr.Comma())))
			continue
		}
		c.Row(rec, line)
	}
	if first {
		c.Header(nil)
		return nil, found.Findings(), nil
	}
	return c.Counts(), found.Findings(), nil
}
