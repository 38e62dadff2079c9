package csvfile

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/capreg/capreg/pkg/lang"
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
	if line, msg := Explain(err); line != 2 || msg.String() != `line 2 cannot be read as CSV: extraneous or missing " in quoted-field` ||
		msg.In(lang.PtBR) != `a linha 2 não pode ser lida como CSV: há aspas (") a mais ou faltando em um campo entre aspas` {
		t.Errorf("%d %q %q", line, msg, msg.In(lang.PtBR))
	}
	_, _, err = readAll(t, strings.NewReader("a,b\n1,2\n3,x\"y\n"))
	if line, msg := Explain(err); line != 3 || msg.String() != `line 3 cannot be read as CSV: bare " in non-quoted-field` ||
		msg.In(lang.PtBR) != `a linha 3 não pode ser lida como CSV: há aspas (") em um campo que não está entre aspas` {
		t.Errorf("%d %q %q", line, msg, msg.In(lang.PtBR))
	}
	_, _, err = readAll(t, strings.NewReader(strings.Repeat("x", MaxLine+1)))
	if line, msg := Explain(err); !errors.Is(err, ErrLongLine) || line != 0 || msg.String() != "the file cannot be read as CSV: a line is longer than 1048576 bytes" ||
		msg.In(lang.PtBR) != "o arquivo não pode ser lido como CSV: uma linha tem mais de 1.048.576 bytes" {
		t.Errorf("%v: %d %q %q", err, line, msg, msg.In(lang.PtBR))
	}
	// encoding/csv's words, which Explain puts in Portuguese, are its own in English.
	for _, e := range []error{csv.ErrBareQuote, csv.ErrQuote} {
		if _, msg := Explain(e); msg.String() != "the file cannot be read as CSV: "+e.Error() {
			t.Errorf("%v: %q", e, msg)
		}
	}
}
