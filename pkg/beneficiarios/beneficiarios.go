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
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
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
// findings point at. The separator (, or ;) is the one the header line uses
// more; each field is UTF-8 if valid, else Latin-1; lines end in LF, CRLF or
// a CR alone. A line with fewer fields than the header is an error naming
// the line, and is not counted.
func ReadCSV(ctx context.Context, r io.Reader, name string) (*capital.Beneficiarios, findings.List, error) {
	col := &collector{sheet: name}
	c := NewCounter(name, col.report)
	ll := &lineLimit{r: &crLines{r: r}, ascii: true}
	br := bufio.NewReaderSize(ll, 64<<10)
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
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line, err = pe.Line, pe.Err
			}
			msg := fmt.Sprintf("the file cannot be read as CSV: %v", err)
			if line > 0 {
				msg = fmt.Sprintf("line %d cannot be read as CSV: %v", line, err)
			}
			col.add(findings.New(findings.Unreadable, name, axis(1, max(line, 1)), msg, "save the file again as CSV (UTF-8 or Latin-1, separated by , or ;)"))
			return nil, col.l, nil
		}
		for i, v := range rec {
			if !ll.ascii && !utf8.ValidString(v) { // the reader is ahead of rec: all read so far is ASCII, so is rec
				rec[i] = latin1(v)
			}
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
		line, _ := cr.FieldPos(0)
		if len(rec) < width && strings.TrimSpace(strings.Join(rec, "")) != "" {
			col.add(findings.New(findings.Unreadable, name, axis(1, line),
				fmt.Sprintf("line %d has %d fields, the header has %d: the line is not counted", line, len(rec), width),
				fmt.Sprintf("give the line all %d fields: an empty value still needs its separator (%c)", width, cr.Comma)))
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

// latin1 decodes ISO-8859-1 bytes.
func latin1(s string) string {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

// crLines turns the line breaks of classic Mac files, a CR alone, into LF
// as it reads, so that encoding/csv, which breaks lines at LF and CRLF only,
// does not read such a file as one line. A CR inside a quoted field is data
// and stays; a CRLF stays (encoding/csv reads it as LF), also when a read
// ends between its CR and its LF.
type crLines struct {
	r      io.Reader
	quoted bool // inside a quoted field: an odd number of quotes read so far
	cr     bool // the last read ended in a CR, made LF: an LF starting the next one is its pair
}

func (c *crLines) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if c.cr && n > 0 {
		c.cr = false
		if p[0] == '\n' {
			n = copy(p, p[1:n])
			if n == 0 && err == nil {
				return c.Read(p)
			}
		}
	}
	b := p[:n]
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\r')
		if j < 0 {
			c.quoted = c.quoted != (bytes.Count(b[i:], quote)%2 == 1)
			break
		}
		j += i
		c.quoted = c.quoted != (bytes.Count(b[i:j], quote)%2 == 1)
		if !c.quoted {
			switch {
			case j+1 == n:
				b[j], c.cr = '\n', true
			case b[j+1] != '\n':
				b[j] = '\n'
			}
		}
		i = j + 1
	}
	return n, err
}

var quote = []byte{'"'}

// lineLimit fails a read once a line grows past maxLine bytes, so a file
// without line breaks cannot make the CSV reader hold it whole.
// It also notes whether every byte so far was ASCII.
type lineLimit struct {
	r     io.Reader
	cur   int
	ascii bool
}

var errLongLine = fmt.Errorf("a line is longer than %d bytes", maxLine)

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	// Lines inside p are shorter than p (the bufio.Reader's buffer, far
	// below maxLine); only the line going on from the last read and the one
	// p ends in can be long.
	if first := bytes.IndexByte(p[:n], '\n'); first < 0 {
		l.cur += n
	} else if l.cur+first > maxLine {
		return 0, errLongLine
	} else {
		l.cur = n - 1 - bytes.LastIndexByte(p[:n], '\n')
	}
	if l.cur > maxLine {
		return 0, errLongLine
	}
	if l.ascii {
		l.ascii = isASCII(p[:n])
	}
	return n, err
}

// isASCII reports whether b is all ASCII, eight bytes at a time.
func isASCII(b []byte) bool {
	for ; len(b) >= 8; b = b[8:] {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
