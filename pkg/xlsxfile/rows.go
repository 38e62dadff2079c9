package xlsxfile

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// Spreadsheet bounds (Excel's): rows, columns, characters in a cell.
const (
	maxRows    = 1048576
	maxColumns = 16384
	// maxCellText bounds the text of one cell kept, in bytes: Excel holds
	// 32,767 characters, four bytes each at most.
	maxCellText = 4 * 32767
)

// checkEvery is how many row elements are read between looks at the
// context: a cancelled read ends within milliseconds.
const checkEvery = 1024

// Rows streams the rows of one sheet that hold something (a value, or a
// formula without one); rows of only blank or styled cells are skipped. It
// reads the sheet's XML itself, so it never holds more than a row: the
// rows must come in order, each once, and the cells of a row in column
// order, each once (what Excel writes; anything else is refused, since
// merging rows or cells would change what is read). It stops at malformed
// XML, a damaged part and a done context, each reported by Err.
type Rows struct {
	ctx   context.Context
	book  *Book
	sheet string
	rc    io.Closer
	x     *scanner
	err   error
	done  bool
	again bool // Next gives the current row again (Header left it)
	seen  int  // row elements read, for the context checks

	data    int // the depth of the sheetData element, 0 outside it
	inRow   bool
	row     int // the current row's number; 0 until known
	prevRow int
	prevCol int
	cells   []Cell
	dense   []Cell
	values  []string

	// the cell being read
	inCell    bool
	col       int
	typ       cellType
	rawType   string // an unknown type, for its message
	hasV      bool
	hasF      bool
	hasIs     bool
	v, f, is  []byte
	capture   *[]byte // the text being collected
	captureAt int     // at this depth
}

// SheetError is a sheet the reader refuses: malformed, out of order or
// damaged. Row is the row it concerns (0 when none), Cell the cell ("" when
// none), Err why.
type SheetError struct {
	Sheet string
	Row   int
	Cell  string
	Err   error
}

func (e *SheetError) Error() string { return e.msg().String() }

// In is the error's text in language l.
func (e *SheetError) In(l lang.Lang) string { return e.msg().In(l) }

func (e *SheetError) msg() lang.Msg {
	if e.Row > 0 {
		return lang.M("sheet %s, row %d: %v", e.Sheet, lang.Ordinal(e.Row), e.Err)
	}
	return lang.M("sheet %s: %v", e.Sheet, e.Err)
}

// UnreadableSheet is the finding of a sheet whose reading stopped on err,
// as Book.Rows or Rows.Err give it: CR-E001 at the cell it stopped at (when
// it stopped at one), with the row and why.
func UnreadableSheet(sheet string, err error) findings.Finding {
	msg, cell := lang.M("the sheet cannot be read: %v", err), ""
	var se *SheetError
	if errors.As(err, &se) {
		msg, cell = lang.M("the sheet cannot be read: %v", se.Err), se.Cell
		if se.Row > 0 {
			msg = lang.M("the sheet cannot be read: row %d: %v", lang.Ordinal(se.Row), se.Err)
		}
	}
	return findings.New(findings.Unreadable, sheet, cell, msg)
}

// fail refuses the sheet at row, for err.
func (r *Rows) fail(row int, err error) bool {
	return r.failCell(row, "", err)
}

// failCell refuses the sheet at one cell.
func (r *Rows) failCell(row int, cell string, err error) bool {
	r.err = &SheetError{Sheet: r.sheet, Row: row, Cell: cell, Err: err}
	r.done = true
	return false
}

// Next reads the next row that holds something; false at the end of the
// sheet or on an error (see Err).
func (r *Rows) Next() bool {
	if r.again {
		r.again = false
		return true
	}
	if r.done {
		return false
	}
	for {
		k, err := r.x.next()
		if err == io.EOF {
			r.done = true
			return false
		}
		if err != nil {
			return r.fail(r.lastRow(), err)
		}
		switch k {
		case tokStart:
			if !r.start() {
				return false
			}
		case tokEnd:
			if ok, row := r.end(); !ok || row {
				return ok
			}
		case tokText:
			if r.capture != nil && r.x.depth() == r.captureAt {
				*r.capture = appendCapped(*r.capture, r.x.text)
			}
		}
	}
}

// lastRow is the row being read, or the last one read, for a message.
func (r *Rows) lastRow() int {
	if r.inRow && r.row > 0 {
		return r.row
	}
	return r.prevRow
}

func (r *Rows) axis() string { return CellName(r.col, r.lastRow()) }

func (r *Rows) start() bool {
	d, x := r.x.depth(), r.x
	switch {
	case r.data == 0:
		if d == 2 && x.is("sheetData") {
			r.data = d
		}
	case d == r.data+1 && x.is("row"):
		return r.startRow()
	case d == r.data+2 && r.inRow && x.is("c"):
		return r.startCell()
	case d == r.data+3 && r.inCell:
		switch {
		case x.is("v"):
			r.hasV, r.capture, r.captureAt = true, &r.v, d
		case x.is("f"):
			r.hasF, r.capture, r.captureAt = true, &r.f, d
		case x.is("is"):
			r.hasIs = true
		}
	case r.inCell && r.hasIs && x.is("t") && r.inInlineText(d):
		r.capture, r.captureAt = &r.is, d
	}
	return true
}

// inInlineText reports whether a t element at depth d is the text of the
// cell's inline string: is > t, or is > r > t (a rich text run), never the
// phonetic is > rPh > t.
func (r *Rows) inInlineText(d int) bool {
	switch d {
	case r.data + 4:
		return string(r.x.openLocal(d-2)) == "is"
	case r.data + 5:
		return string(r.x.openLocal(d-3)) == "is" && string(r.x.openLocal(d-2)) == "r"
	}
	return false
}

func (r *Rows) startRow() bool {
	r.seen++
	if r.seen%checkEvery == 0 {
		if err := r.ctx.Err(); err != nil {
			r.err, r.done = err, true
			return false
		}
	}
	r.inRow, r.row, r.prevCol, r.cells = true, 0, 0, r.cells[:0]
	v, ok, err := r.x.attr("r")
	if err != nil {
		return r.fail(r.prevRow, err)
	}
	if ok {
		n, good := atoi(v)
		if !good || n < 1 || n > maxRows {
			return r.fail(r.prevRow, lang.Errorf("a row is numbered %q, not 1 to %d", findings.Clip(string(v)), maxRows))
		}
		return r.setRow(n)
	}
	return true
}

// atoi reads a decimal number of at most 9 digits.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// setRow numbers the current row, which must come after the last.
func (r *Rows) setRow(n int) bool {
	switch {
	case n == r.prevRow:
		return r.fail(n, lang.Errorf("the row appears twice in the sheet's XML; capreg does not merge rows"))
	case n < r.prevRow:
		return r.fail(n, lang.Errorf("the row comes after row %d in the sheet's XML (rows out of order); capreg does not reorder rows", lang.Ordinal(r.prevRow)))
	}
	r.row = n
	return true
}

func (r *Rows) startCell() bool {
	r.inCell, r.hasV, r.hasF, r.hasIs = true, false, false, false
	r.v, r.f, r.is, r.capture = r.v[:0], r.f[:0], r.is[:0], nil
	t, _, err := r.x.attr("t")
	if err != nil {
		return r.fail(r.lastRow(), err)
	}
	r.typ = typeOf(t)
	if r.typ == tUnknown {
		r.rawType = findings.Clip(string(t))
	}
	ref, hasRef, err := r.x.attr("r")
	if err != nil {
		return r.fail(r.lastRow(), err)
	}
	col := r.prevCol + 1
	if hasRef {
		c, row, ok := parseCellName(ref)
		if !ok {
			return r.fail(r.lastRow(), lang.Errorf("a cell is named %q, not a cell reference", findings.Clip(string(ref))))
		}
		if r.row == 0 && !r.setRow(row) {
			return false
		}
		if row != r.row {
			return r.fail(r.row, lang.Errorf("cell %s is inside row %d", string(ref), lang.Ordinal(r.row)))
		}
		col = c
	} else if r.row == 0 && !r.setRow(r.prevRow+1) {
		return false
	}
	switch {
	case col > maxColumns:
		return r.fail(r.row, lang.Errorf("a cell lies past the last column (XFD)"))
	case col == r.prevCol:
		return r.failCell(r.row, CellName(col, r.row), lang.Errorf("cell %s appears twice in the row; capreg does not merge cells", CellName(col, r.row)))
	case col < r.prevCol:
		return r.failCell(r.row, CellName(col, r.row), lang.Errorf("cell %s comes after %s (cells out of order); capreg does not reorder cells", CellName(col, r.row), CellName(r.prevCol, r.row)))
	}
	r.col, r.prevCol = col, col
	return true
}

// end handles an end tag; row reports a row ended that holds something.
func (r *Rows) end() (ok, row bool) {
	d := r.x.depth() // the element ended was at d+1
	if r.capture != nil && d+1 == r.captureAt {
		r.capture = nil
	}
	switch {
	case r.data == 0:
	case d+1 == r.data:
		r.data = 0
	case d+1 == r.data+2 && r.inCell:
		r.inCell = false
		return r.endCell(), false
	case d+1 == r.data+1 && r.inRow:
		r.inRow = false
		if r.row == 0 && !r.setRow(r.prevRow+1) {
			return false, false
		}
		r.prevRow = r.row
		r.dense, r.values = r.dense[:0], r.values[:0]
		return true, len(r.cells) > 0
	}
	return true, false
}

func (r *Rows) endCell() bool {
	c := Cell{Col: r.col}
	if r.hasF {
		c.Formula = string(r.f)
	}
	noValue := func() {
		if r.hasF && !(r.typ == tStr && r.hasV) {
			c.Kind = Formula
		}
	}
	switch r.typ {
	case tNumber:
		if len(trimSpace(r.v)) == 0 {
			noValue()
		} else if v, ok := normalize(r.v); ok {
			c.Kind, c.Value = Number, v
		} else {
			c.Kind, c.Value = Text, string(r.v) // stored as a number, but none
		}
	case tShared:
		if !r.hasV {
			noValue()
			break
		}
		i, ok := atoi(trimSpace(r.v))
		sst := r.book.sst
		if !ok || i >= len(sst) {
			return r.failCell(r.row, r.axis(), lang.Errorf("cell %s refers to shared string %q, which the workbook does not have", r.axis(), findings.Clip(string(r.v))))
		}
		c.Kind, c.Value = Text, sst[i]
	case tInline:
		switch {
		case r.hasIs:
			c.Kind, c.Value = Text, string(unescape(r.is))
		case r.hasV:
			c.Kind, c.Value = Text, string(r.v)
		default:
			noValue()
		}
	case tStr:
		if r.hasV {
			c.Kind, c.Value = Text, string(r.v)
		} else {
			noValue()
		}
	case tBool:
		switch string(trimSpace(r.v)) {
		case "1", "true", "TRUE":
			c.Kind, c.Value = Bool, "TRUE"
		case "0", "false", "FALSE":
			c.Kind, c.Value = Bool, "FALSE"
		case "":
			noValue()
		default:
			return r.failCell(r.row, r.axis(), lang.Errorf("cell %s is a boolean cell holding %q", r.axis(), findings.Clip(string(r.v))))
		}
	case tDate:
		if len(trimSpace(r.v)) == 0 {
			noValue()
		} else {
			c.Kind, c.Value = Date, isoDate(r.v)
		}
	case tError:
		if len(trimSpace(r.v)) == 0 {
			noValue()
		} else {
			c.Kind, c.Value = Error, string(trimSpace(r.v))
		}
	default:
		return r.failCell(r.row, r.axis(), lang.Errorf("cell %s has the unknown type t=%q", r.axis(), r.rawType))
	}
	if c.Kind == Text && c.Value == "" {
		c.Kind = Blank // an empty string; a formula's Formula stays
	}
	if c.Kind != Blank {
		r.cells = append(r.cells, c)
	}
	return true
}

// Row is the 1-based number of the current row.
func (r *Rows) Row() int { return r.row }

// Cells are the current row's cells that hold something, in column order;
// valid until the next call to Next.
func (r *Rows) Cells() []Cell { return r.cells }

// Dense is the current row by column: Dense()[i] is column i+1, up to the
// last cell that holds something, blank cells of Kind Blank. Valid until
// the next call to Next.
func (r *Rows) Dense() []Cell {
	if len(r.dense) == 0 && len(r.cells) > 0 {
		last := r.cells[len(r.cells)-1].Col
		for i := 1; i <= last; i++ {
			r.dense = append(r.dense, Cell{Col: i})
		}
		for _, c := range r.cells {
			r.dense[c.Col-1] = c
		}
	}
	return r.dense
}

// Values is the current row by column as text (see Dense): the Value of
// each cell, "" for a blank cell or a formula without a value. Valid until
// the next call to Next.
func (r *Rows) Values() []string {
	if len(r.values) == 0 && len(r.cells) > 0 {
		for _, c := range r.Dense() {
			r.values = append(r.values, c.Value)
		}
	}
	return r.values
}

// Header reads a table's header, row 1, before its rows: its values (see
// Values). When the first row holding anything comes later, the header is
// missing: Header gives nil, and Next gives that row first. Nil too when
// the sheet holds nothing, or cannot be read (see Err).
func (r *Rows) Header() []string {
	if !r.Next() {
		return nil
	}
	if r.row == 1 {
		return r.Values()
	}
	r.again = true
	return nil
}

// HeaderColumns maps the names of a header row to their 0-based columns: each
// name known accepts, case, blanks and a byte-order mark forgiven (a name
// repeated counts at its first column), in cols; the columns holding any
// other name, in order, in extra.
func HeaderColumns(vals []string, known func(name string) bool) (cols map[string]int, extra []int) {
	cols = map[string]int{}
	for i, v := range vals {
		h := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(v, "\ufeff")))
		switch _, dup := cols[h]; {
		case h == "" || dup:
		case known(h):
			cols[h] = i
		default:
			extra = append(extra, i)
		}
	}
	return cols, extra
}

// Err is what stopped the reading early: a *SheetError, or the context's
// error. Nil when the sheet was read to its end (or Close was called).
func (r *Rows) Err() error { return r.err }

// Close ends the reading.
func (r *Rows) Close() error {
	r.done = true
	return r.rc.Close()
}

// cellType is a cell's t attribute.
type cellType uint8

const (
	tNumber cellType = iota // "n", or no t
	tShared                 // "s"
	tInline                 // "inlineStr"
	tStr                    // "str": a formula's string
	tBool                   // "b"
	tDate                   // "d"
	tError                  // "e"
	tUnknown
)

func typeOf(t []byte) cellType {
	switch string(t) {
	case "", "n":
		return tNumber
	case "s":
		return tShared
	case "inlineStr":
		return tInline
	case "str":
		return tStr
	case "b":
		return tBool
	case "d":
		return tDate
	case "e":
		return tError
	}
	return tUnknown
}

// CellName names a cell: column 2, row 7 is "B7"; "" when col or row is
// below 1, a place that is no one cell (a whole column, a whole sheet).
func CellName(col, row int) string {
	if col < 1 || row < 1 {
		return ""
	}
	var b [8]byte
	i := len(b)
	for c := col; c > 0; c = (c - 1) / 26 {
		i--
		b[i] = byte('A' + (c-1)%26)
	}
	return string(b[i:]) + strconv.Itoa(row)
}

// ParseCellName reads a cell reference "B7" (letters, then a row number);
// ok is false for anything else, or a cell outside the sheet's bounds.
func ParseCellName(s string) (col, row int, ok bool) { return parseCellName([]byte(s)) }

func parseCellName(s []byte) (col, row int, ok bool) {
	i := 0
	for i < len(s) && i < 4 {
		c := s[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == 0 || i == len(s) || col > maxColumns {
		return 0, 0, false
	}
	for _, c := range s[i:] {
		if c < '0' || c > '9' || row > maxRows {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	if row < 1 || row > maxRows {
		return 0, 0, false
	}
	return col, row, true
}
