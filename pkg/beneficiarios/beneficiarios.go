// Package beneficiarios reads a beneficiary file given apart from the input
// workbook: a .xlsx with a Beneficiarios sheet, or a .csv with the same
// header (UTF-8 or Latin-1, separated by , or ;). It streams the rows, never
// holding the file's rows in memory, and returns the counts capreg uses
// (total, per program, per remission status, per product) with a finding
// for every bad value, named Sheet!Cell (for a CSV, file!Cell as a
// spreadsheet shows it).
package beneficiarios

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// SheetName is the sheet of a .xlsx beneficiary file.
const SheetName = "Beneficiarios"

// maxErrors bounds the error findings of one file: past it the reading
// stops, with a finding that says so.
const maxErrors = 50

// maxLine bounds one line of a CSV file.
const maxLine = 1 << 20

// checkEvery is how many rows are read between looks at the context.
const checkEvery = 4096

// Read reads the beneficiary file at path: .csv by its extension, else a
// workbook. The counts are nil when the file could not be read at all; a
// done ctx stops the reading with ctx's error.
func Read(ctx context.Context, path string) (*capital.Beneficiarios, findings.List, error) {
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		f, err := os.Open(path)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, findings.List{findings.New(findings.Unreadable, "", "", fmt.Sprintf("cannot read %s: %v", path, err), "")}, nil
		}
		defer f.Close()
		return ReadCSV(ctx, f, filepath.Base(path))
	}
	return readXLSX(ctx, path)
}

// counter aggregates rows and collects findings.
type counter struct {
	sheet  string // where findings point: the sheet, or the CSV file's name
	b      capital.Beneficiarios
	l      findings.List
	errs   int
	cols   map[string]int
	capped bool
	rowNum int // the data row being read
}

func newCounter(sheet string) *counter {
	return &counter{sheet: sheet, b: capital.Beneficiarios{Source: sheet, Remissao: map[string]int64{}, PorProduto: map[string]int64{}}}
}

func (c *counter) add(code string, col, row int, msg, fix string) {
	f := findings.New(code, c.sheet, axis(col, row), msg, fix)
	if f.Severity == findings.Error {
		c.errs++
		if c.errs > maxErrors {
			if !c.capped {
				c.capped = true
				c.l.Add(findings.New(code, c.sheet, "", fmt.Sprintf("more than %d errors; the rest of the file is not read", maxErrors), "fix the errors listed and run again"))
			}
			return
		}
	}
	c.l.Add(f)
}

func axis(col, row int) string {
	a, _ := excelize.CoordinatesToCellName(col, row)
	return a
}

func (c *counter) stop() bool { return c.capped }

// header maps the layout's columns to their indexes; false when a required
// one is missing.
func (c *counter) header(vals []string) bool {
	sheet, _ := layout.Lookup(SheetName)
	c.cols = map[string]int{}
	for i, v := range vals {
		h := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(v, "\ufeff")))
		if h == "" {
			continue
		}
		if _, known := sheet.Field(h); known {
			if _, dup := c.cols[h]; !dup {
				c.cols[h] = i
			}
			continue
		}
		c.add(findings.ExtraColumn, i+1, 1, fmt.Sprintf("column %q is not part of %s and is ignored", clip(v), SheetName), "")
	}
	ok := true
	for _, fd := range sheet.Fields {
		if _, found := c.cols[fd.Name]; !found && !fd.Optional {
			f := findings.New(findings.MissingColumn, c.sheet, "", fmt.Sprintf("column %s is missing from the header (row 1)", fd.Name), "")
			f.Column = fd.Name
			c.l.Add(f)
			c.errs++
			ok = false
		}
	}
	return ok
}

// row counts one data row (row is its 1-based number).
func (c *counter) row(vals []string, row int) {
	c.rowNum = row
	get := func(name string) (string, int) {
		i, ok := c.cols[name]
		if !ok {
			return "", 0
		}
		if i < len(vals) {
			return strings.TrimSpace(vals[i]), i + 1
		}
		return "", i + 1
	}
	blank := true
	for _, i := range c.cols {
		if i < len(vals) && strings.TrimSpace(vals[i]) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	b := &c.b
	produto, col := get("produto")
	if produto == "" {
		c.add(findings.EmptyValue, col, row, "produto is empty", "")
	}
	b.Total++
	b.PorProduto[produto]++
	c.enum("tipo_contratacao", layout.TiposContratacao, get)
	c.enum("segmento", layout.Segmentos, get)
	if rem, ok := c.enum("remissao", layout.Remissoes, get); ok {
		b.Remissao[rem]++
	}
	for _, fl := range []struct {
		name string
		dst  *int64
	}{{"promoprev", &b.Promoprev}, {"parto_adequado", &b.PartoAdequado}, {"aps", &b.APS}} {
		v, col := get(fl.name)
		switch {
		case v == "" || strings.EqualFold(v, "N"):
		case strings.EqualFold(v, "S"):
			*fl.dst++
		default:
			c.add(findings.BadEnum, col, row, fmt.Sprintf("%s: %q is not S or N (empty is N)", fl.name, clip(v)), "")
		}
	}
}

func (c *counter) enum(name string, allowed []string, get func(string) (string, int)) (string, bool) {
	v, col := get(name)
	row := c.rowNum
	if v == "" {
		c.add(findings.EmptyValue, col, row, name+" is empty", "")
		return "", false
	}
	for _, a := range allowed {
		if strings.EqualFold(a, v) {
			return a, true
		}
	}
	c.add(findings.BadEnum, col, row, fmt.Sprintf("%s: %q is not one of %s", name, clip(v), strings.Join(allowed, ", ")), "")
	return "", false
}

func clip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// readXLSX streams the Beneficiarios sheet of a workbook.
func readXLSX(ctx context.Context, path string) (b *capital.Beneficiarios, l findings.List, err error) {
	f, bad := xlsxfile.Open(path)
	if bad != nil {
		return nil, findings.List{*bad}, nil
	}
	defer f.Close()
	c := newCounter(SheetName)
	defer func() {
		if p := recover(); p != nil {
			b, l, err = nil, append(c.l, xlsxfile.Malformed(p, SheetName)), nil
		}
	}()
	name, ok := xlsxfile.Sheet(f, SheetName)
	if !ok {
		return nil, findings.List{findings.New(findings.MissingSheet, SheetName, "",
			fmt.Sprintf("the workbook has no sheet %s (it has %s)", SheetName, strings.Join(f.GetSheetList(), ", ")), "")}, nil
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, findings.List{findings.New(findings.Unreadable, SheetName, "", "the sheet cannot be read: "+err.Error(), "")}, nil
	}
	defer rows.Close()
	n := 0
	for rows.Next() && !c.stop() {
		n++
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, c.l, ctx.Err()
		}
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, append(c.l, findings.New(findings.Unreadable, SheetName, "", "the sheet cannot be read: "+err.Error(), "")), nil
		}
		if n == 1 {
			if !c.header(vals) {
				return nil, c.l, nil
			}
			continue
		}
		c.row(vals, n)
	}
	if err := rows.Error(); err != nil {
		return nil, append(c.l, findings.New(findings.Unreadable, SheetName, "", "the sheet cannot be read: "+err.Error(), "")), nil
	}
	if n == 0 {
		c.header(nil)
		return nil, c.l, nil
	}
	return &c.b, c.l, nil
}

// ReadCSV streams a CSV beneficiary file; name is the file's name, which
// findings point at. The separator (, or ;) is the one the header line uses
// more; each field is UTF-8 if valid, else Latin-1.
func ReadCSV(ctx context.Context, r io.Reader, name string) (*capital.Beneficiarios, findings.List, error) {
	c := newCounter(name)
	br := bufio.NewReaderSize(&lineLimit{r: r}, 64<<10)
	head, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	cr := csv.NewReader(br)
	cr.Comma = ','
	if bytes.Count(head, []byte{';'}) > bytes.Count(head, []byte{','}) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	first := true
	for n := 1; !c.stop(); n++ {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, c.l, ctx.Err()
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, err = pe.Line, pe.Err
			}
			msg := fmt.Sprintf("the file cannot be read as CSV: %v", err)
			if line > 0 {
				msg = fmt.Sprintf("line %d cannot be read as CSV: %v", line, err)
			}
			c.add(findings.Unreadable, 1, max(line, 1), msg, "save the file again as CSV (UTF-8 or Latin-1, separated by , or ;)")
			return nil, c.l, nil
		}
		line, _ := cr.FieldPos(0)
		for i, v := range rec {
			if !utf8.ValidString(v) {
				rec[i] = latin1(v)
			}
		}
		if first {
			first = false
			if !c.header(rec) {
				return nil, c.l, nil
			}
			continue
		}
		c.row(rec, line)
	}
	if first {
		c.header(nil)
		return nil, c.l, nil
	}
	return &c.b, c.l, nil
}

// latin1 decodes ISO-8859-1 bytes.
func latin1(s string) string {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

// lineLimit fails a read once a line grows past maxLine bytes, so a file
// without line breaks cannot make the CSV reader hold it whole.
type lineLimit struct {
	r   io.Reader
	cur int
}

var errLongLine = fmt.Errorf("a line is longer than %d bytes", maxLine)

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.cur = 0
		} else if l.cur++; l.cur > maxLine {
			return 0, errLongLine
		}
	}
	return n, err
}
