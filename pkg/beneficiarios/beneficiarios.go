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
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/csvfile"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// SheetName is the sheet of a .xlsx beneficiary file.
const SheetName = "Beneficiarios"

// maxErrors bounds the error findings of one file: past it the reading
// stops, with a finding that says so.
const maxErrors = 50

// checkEvery is how many rows are read between looks at the context.
const checkEvery = 4096

// Read reads the beneficiary file at path: .csv by its extension, else a
// workbook. The counts are nil when the file could not be read at all; a
// done ctx stops the reading with ctx's error.
func Read(ctx context.Context, path string) (*capital.Beneficiarios, findings.List, error) {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		f, bad := xlsxfile.OpenRegular(path)
		if bad != nil {
			return nil, findings.List{*bad}, nil
		}
		defer f.Close()
		return ReadCSV(ctx, f, filepath.Base(path))
	}
	return readXLSX(ctx, path)
}

// collector gathers the findings of a file: every problem at sheet!Cell
// (sheet: the Beneficiarios sheet, or the CSV file's name), the errors
// capped at maxErrors.
type collector struct {
	sheet  string
	l      findings.List
	errs   int
	capped bool
}

func (c *collector) report(p Problem) {
	f := findings.New(p.Code, c.sheet, axis(p.Col, p.Row), p.Message, "")
	if p.Col == 0 {
		f.Column = p.Column
	}
	c.add(f)
}

func (c *collector) add(f findings.Finding) {
	if f.Severity == findings.Error {
		c.errs++
		if c.errs > maxErrors {
			if !c.capped {
				c.capped = true
				c.l.Add(findings.New(f.Code, c.sheet, "", fmt.Sprintf("more than %d errors; the rest of the file is not read", maxErrors), "fix the errors listed and run again"))
			}
			return
		}
	}
	c.l.Add(f)
}

func axis(col, row int) string {
	if col <= 0 || row <= 0 {
		return ""
	}
	return xlsxfile.CellName(col, row)
}

// readXLSX streams the Beneficiarios sheet of a workbook: the header in
// row 1, the values of each row as the cells show them (a TRUE/FALSE cell
// is no S or N, and is refused).
func readXLSX(ctx context.Context, path string) (*capital.Beneficiarios, findings.List, error) {
	book, bad, err := xlsxfile.Open(ctx, path)
	if book == nil {
		l, err := xlsxfile.Refusal(bad, err)
		return nil, l, err
	}
	defer book.Close()
	name, dup := book.Sheet(SheetName)
	switch {
	case dup != nil:
		return nil, findings.List{*dup}, nil
	case name == "":
		return nil, findings.List{findings.New(findings.MissingSheet, SheetName, "",
			fmt.Sprintf("the workbook has no sheet %s (it has %s)", SheetName, strings.Join(book.Sheets(), ", ")), "")}, nil
	}
	col := &collector{sheet: SheetName}
	c := NewCounter(SheetName, col.report)
	unreadable := func(err error) (*capital.Beneficiarios, findings.List, error) {
		if ctx.Err() != nil {
			return nil, col.l, ctx.Err()
		}
		return nil, append(col.l, findings.New(findings.Unreadable, SheetName, xlsxfile.ReasonCell(err), "the sheet cannot be read: "+xlsxfile.Reason(err), "")), nil
	}
	rows, err := book.Rows(ctx, name)
	if err != nil {
		return unreadable(err)
	}
	defer rows.Close()
	first := true
	for rows.Next() {
		if col.capped {
			return c.Counts(), col.l, nil
		}
		if first {
			first = false
			var head []string
			if rows.Row() == 1 {
				head = rows.Values()
			}
			if !c.Header(head) {
				return nil, col.l, nil
			}
			if rows.Row() == 1 {
				continue
			}
		}
		c.Row(rows.Values(), rows.Row())
	}
	if err := rows.Err(); err != nil {
		return unreadable(err)
	}
	if first {
		c.Header(nil)
		return nil, col.l, nil
	}
	return c.Counts(), col.l, nil
}

// ReadCSV streams a CSV beneficiary file; name is the file's name, which
// findings point at. The file is read as csvfile reads CSV (, or ;, UTF-8
// or Latin-1, any line ends, bounded lines). A line with fewer fields than
// the header is an error naming the line, and is not counted.
func ReadCSV(ctx context.Context, r io.Reader, name string) (*capital.Beneficiarios, findings.List, error) {
	col := &collector{sheet: name}
	c := NewCounter(name, col.report)
	cr := csvfile.NewReader(r)
	first := true
	width := 0 // fields of the header, up to its last named column
	for n := 1; !col.capped; n++ {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, col.l, ctx.Err()
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, msg := csvfile.Explain(err)
			col.add(findings.New(findings.Unreadable, name, axis(1, max(line, 1)), msg, "save the file again as CSV (UTF-8 or Latin-1, separated by , or ;)"))
			return nil, col.l, nil
		}
		if first {
			first = false
			if !c.Header(rec) {
				return nil, col.l, nil
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
			col.add(findings.New(findings.Unreadable, name, axis(1, line),
				fmt.Sprintf("line %d has %d fields, the header has %d: the line is not counted", line, len(rec), width),
				fmt.Sprintf("give the line all %d fields: an empty value still needs its separator (%c)", width, cr.Comma())))
			continue
		}
		c.Row(rec, line)
	}
	if first {
		c.Header(nil)
		return nil, col.l, nil
	}
	return c.Counts(), col.l, nil
}
