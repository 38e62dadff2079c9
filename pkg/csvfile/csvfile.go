// Package csvfile is capreg's one reader of CSV files a person or another
// program wrote: the separator (, or ;) is the one the first line uses more,
// each field is UTF-8 when valid and Latin-1 otherwise, a UTF-8 byte-order
// mark is dropped, lines end in LF, CRLF or a CR alone, and a line longer
// than MaxLine fails the reading, so that no file makes it hold more than a
// line. It streams: a record at a time, reused.
package csvfile

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/lang"
)

// MaxLine bounds one line of a CSV file.
const MaxLine = 1 << 20

// ErrLongLine is the error of a line longer than MaxLine.
var ErrLongLine = lang.Errorf("a line is longer than %d bytes", MaxLine)

// bufSize is the reading buffer, and how much of the file's start is looked
// at for the separator.
const bufSize = 64 << 10

var bom = []byte("\ufeff")

// A Reader reads the records of a CSV file.
type Reader struct {
	csv    *csv.Reader
	ll     *lineLimit
	fields int // of the record read last; 0 after an error
}

// NewReader reads CSV from r. It reads the start of r at once, to choose
// the separator: ';' when the first line holds more semicolons than commas,
// else ','.
func NewReader(r io.Reader) *Reader {
	ll := &lineLimit{r: &crLines{r: skipBOM(r)}, ascii: true}
	br := bufio.NewReaderSize(ll, bufSize)
	head, _ := br.Peek(bufSize)
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
	return &Reader{csv: cr, ll: ll}
}

// Comma is the separator of the file.
func (r *Reader) Comma() rune { return r.csv.Comma }

// Read reads the next record, its fields decoded (see Decode). The record
// is reused: it is valid until the next Read. At the end of the file the
// error is io.EOF; a malformed file gives a *csv.ParseError, a long line
// ErrLongLine (see Explain).
func (r *Reader) Read() ([]string, error) {
	rec, err := r.ReadRaw()
	if err == nil {
		r.Decode(rec)
	}
	return rec, err
}

// ReadRaw is Read without the decoding: for a caller that looks at a few
// ASCII fields of most records to skip them, and decodes the records it
// keeps with Decode before the next read.
func (r *Reader) ReadRaw() ([]string, error) {
	rec, err := r.csv.Read()
	r.fields = len(rec)
	return rec, err
}

// Decode turns, in place, each field of rec that is not valid UTF-8 into
// the text its bytes are in Latin-1 (ISO-8859-1). Call it on the record
// read last.
func (r *Reader) Decode(rec []string) {
	if r.ll.ascii { // the reader is ahead of rec: all read so far is ASCII, so is rec
		return
	}
	for i, v := range rec {
		if !utf8.ValidString(v) {
			rec[i] = latin1(v)
		}
	}
}

// Line is the 1-based line the last record read starts at; 0 when the
// last read gave no record.
func (r *Reader) Line() int {
	if r.fields == 0 {
		return 0
	}
	line, _ := r.csv.FieldPos(0)
	return line
}

// Explain words an error of Read for a finding: the line the reading
// stopped at (0 when it names none) and the message.
func Explain(err error) (line int, msg lang.Msg) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line, err = pe.Line, pe.Err
	}
	why := any(err)
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		why = lang.M(`bare " in non-quoted-field`)
	case errors.Is(err, csv.ErrQuote):
		why = lang.M(`extraneous or missing " in quoted-field`)
	}
	if line > 0 {
		return line, lang.M("line %d cannot be read as CSV: %v", lang.Ordinal(line), why)
	}
	return 0, lang.M("the file cannot be read as CSV: %v", why)
}

// skipBOM drops a UTF-8 byte-order mark from the start of r: left in, it
// would be part of the first field and make a quoted first field malformed.
func skipBOM(r io.Reader) io.Reader {
	var b [3]byte
	n, _ := io.ReadFull(r, b[:])
	if n == len(bom) && bytes.Equal(b[:], bom) {
		return r
	}
	return io.MultiReader(bytes.NewReader(b[:n]), r)
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

// lineLimit fails a read once a line grows past MaxLine bytes, so a file
// without line breaks cannot make the CSV reader hold it whole.
// It also notes whether every byte so far was ASCII.
type lineLimit struct {
	r     io.Reader
	cur   int
	ascii bool
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	// Lines inside p are shorter than p (the bufio.Reader's buffer, far
	// below MaxLine); only the line going on from the last read and the one
	// p ends in can be long.
	if first := bytes.IndexByte(p[:n], '\n'); first < 0 {
		l.cur += n
	} else if l.cur+first > MaxLine {
		return 0, ErrLongLine
	} else {
		l.cur = n - 1 - bytes.LastIndexByte(p[:n], '\n')
	}
	if l.cur > MaxLine {
		return 0, ErrLongLine
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
