package xlsxfile

import (
	"bytes"
	"strconv"
)

// rowTracker follows the row start tags of a sheet part as it is unpacked
// and numbers them as excelize's Rows iterator does: each row is the one
// after the previous, unless its r attribute says otherwise. It costs a
// bytes.Index scan, a small part of unpacking.
type rowTracker struct {
	buf  []byte // the end of what was written, kept for the next write
	from int    // where in buf the search for row tags resumes
	last int    // the number of the last row start tag seen
}

// maxTag bounds a row start tag kept across writes; a longer one is skipped.
const maxTag = 64 << 10

// context is how much of the end of a write is kept for the "<prefix:" of a
// tag whose name starts in the next.
const context = 80

var rowName = []byte("row")

func (t *rowTracker) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	data := t.buf
	next := max(t.from, len(data)-len(rowName)+1) // where the next write's search starts
	cut := max(0, len(data)-context)              // what is dropped
	for i := t.from; ; {
		j := bytes.Index(data[i:], rowName)
		if j < 0 {
			break
		}
		j += i
		i = j + len(rowName)
		start := tagStart(data, j)
		if start < 0 {
			continue
		}
		end := -1
		if i < len(data) {
			if c := data[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '>' && c != '/' {
				continue
			}
			end = bytes.IndexByte(data[i:], '>')
		}
		if end < 0 { // the tag goes on in the next write
			if len(data)-start < maxTag {
				next, cut = j, min(cut, start)
			}
			break
		}
		t.row(data[i : i+end])
		i += end
		next = max(next, i)
	}
	n := copy(t.buf, data[cut:])
	t.buf, t.from = t.buf[:n], next-cut
	return len(p), nil
}

// tagStart is the index of the '<' that opens an element named row (with or
// without a namespace prefix) whose name starts at j, or -1.
func tagStart(data []byte, j int) int {
	if j == 0 {
		return -1
	}
	if data[j-1] == '<' {
		return j - 1
	}
	if data[j-1] != ':' {
		return -1
	}
	for k := j - 2; k >= 0 && j-k < 70; k-- {
		switch c := data[k]; {
		case c == '<':
			if k == j-2 {
				return -1 // "<:row"
			}
			return k
		case c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		default:
			return -1
		}
	}
	return -1
}

// row numbers one row start tag from its attributes.
func (t *rowTracker) row(attrs []byte) {
	t.last++
	if v, ok := attr(attrs, "r"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n != 0 {
			t.last = n
		}
	}
}

// attr finds the value of the attribute with the local name name.
func attr(s []byte, name string) ([]byte, bool) {
	for len(s) > 0 {
		s = bytes.TrimLeft(s, " \t\r\n")
		eq := bytes.IndexByte(s, '=')
		if eq < 0 {
			return nil, false
		}
		key := bytes.TrimRight(s[:eq], " \t\r\n")
		if k := bytes.LastIndexByte(key, ':'); k >= 0 {
			key = key[k+1:]
		}
		s = bytes.TrimLeft(s[eq+1:], " \t\r\n")
		if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
			return nil, false
		}
		q := s[0]
		e := bytes.IndexByte(s[1:], q)
		if e < 0 {
			return nil, false
		}
		if string(key) == name {
			return s[1 : 1+e], true
		}
		s = s[e+2:]
	}
	return nil, false
}
