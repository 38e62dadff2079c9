package csvfile

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll reads every record through r's cuts, joined by | per record.
func readAll(t *testing.T, r io.Reader) ([]string, rune, error) {
	t.Helper()
	cr := NewReader(r)
	var out []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, cr.Comma(), nil
		}
		if err != nil {
			return out, cr.Comma(), err
		}
		out = append(out, strings.Join(rec, "|"))
	}
}

func TestReader(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       []string
		comma      rune
	}{
		{"comma", "a,b\n1,2\n", []string{"a|b", "1|2"}, ','},
		// More semicolons than commas in the first line: the decimal comma
		// of the data does not count.
		{"semicolon", "a;b;c\n1,5;2;3\n", []string{"a|b|c", "1,5|2|3"}, ';'},
		// A BOM before a quoted first field: dropped, so the quote opens the field.
		{"BOM and quotes", "\ufeff\"DATA\";\"REG_ANS\"\r\n\"2025-01-01\";\"316458\"\r\n", []string{"DATA|REG_ANS", "2025-01-01|316458"}, ';'},
		{"Latin-1", "a;b\nSa\xfade;Sa\xc3\xbade\n", []string{"a|b", "Saúde|Saúde"}, ';'},
		{"CR alone", "a,b\r1,\"x\ry\"\r2,3\r", []string{"a|b", "1|x\ry", "2|3"}, ','},
		{"empty", "", nil, ','},
		{"BOM only", "\ufeff", nil, ','},
		{"short", "a", []string{"a"}, ','},
	} {
		for _, r := range []io.Reader{strings.NewReader(c.data), iotest.OneByteReader(strings.NewReader(c.data))} {
			got, comma, err := readAll(t, r)
			if err != nil || !slices.Equal(got, c.want) || comma != c.comma {
				t.Errorf("%s: %q %q %v, want %q %q", c.name, got, comma, err, c.want, c.comma)
			}
		}
	}
}

// ReadRaw leaves the bytes as in the file; Decode turns them to UTF-8.
func TestReadRawDecode(t *testing.T) {
	cr := NewReader(strings.NewReader("a;b\nS\xe3o;1\n"))
	cr.Read()
	rec, err := cr.ReadRaw()
	if err != nil || rec[0] != "S\xe3o" || cr.Line() != 2 {
		t.Fatalf("%q %v line %d", rec, err, cr.Line())
	}
	cr.Decode(rec)
	if rec[0] != "São" {
		t.Errorf("decoded %q", rec[0])
	}
}

func TestExplain(t *testing.T) {
	_, _, err := readAll(t, strings.NewReader("a,b\n1,\"2\n"))
	if line, msg := Explain(err); line != 2 || !strings.HasPrefix(msg, "line 2 cannot be read as CSV: ") {
		t.Errorf("%d %q", line, msg)
	}
	_, _, err = readAll(t, strings.NewReader(strings.Repeat("x", MaxLine+1)))
	if line, msg := Explain(err); !errors.Is(err, ErrLongLine) || line != 0 || !strings.Contains(msg, "longer than") {
		t.Errorf("%v: %d %q", err, line, msg)
	}
}
