package beneficiarios

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
)

// foreignDir holds beneficiary files other software wrote, and the counts the
// script that wrote them computed (testdata/beneficiarios/gen/make.py).
const foreignDir = "../../testdata/beneficiarios"

// foreignCounts are the counts of expected.json.
type foreignCounts struct {
	Total         int64                  `json:"total"`
	Promoprev     int64                  `json:"promoprev"`
	PartoAdequado int64                  `json:"parto_adequado"`
	APS           int64                  `json:"aps"`
	Remissao      map[ans.Remissao]int64 `json:"remissao"`
	PorProduto    map[string]int64       `json:"por_produto"`
}

func (want foreignCounts) check(t *testing.T, b *capital.Beneficiarios) {
	t.Helper()
	if b.Total != want.Total || b.Promoprev != want.Promoprev || b.PartoAdequado != want.PartoAdequado || b.APS != want.APS {
		t.Errorf("%s, want total %d promoprev %d parto %d aps %d", counts(b), want.Total, want.Promoprev, want.PartoAdequado, want.APS)
	}
	if !maps.Equal(b.Remissao, want.Remissao) {
		t.Errorf("remissao %v, want %v", b.Remissao, want.Remissao)
	}
	if !maps.Equal(b.PorProduto, want.PorProduto) {
		t.Errorf("products %v, want %v (accents decoded?)", b.PorProduto, want.PorProduto)
	}
}

func readExpected(t *testing.T, v any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(foreignDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

// Beneficiary files written by openpyxl and LibreOffice (an .xlsx saved
// again, and a CSV exported in ISO-8859-1 with ;) and by Python's csv module
// (every field quoted, lines ending in LF, and in a CR alone as on a classic
// Mac): the readers agree with the counts of the script on files capreg did
// not write.
func TestForeignFiles(t *testing.T) {
	var want foreignCounts
	readExpected(t, &want)
	for _, name := range []string{"openpyxl.xlsx", "libreoffice.xlsx", "libreoffice-latin1.csv", "python-lf.csv", "python-cr.csv"} {
		t.Run(name, func(t *testing.T) {
			b, l, err := Read(context.Background(), filepath.Join(foreignDir, name))
			if err != nil || b == nil || len(l) > 0 {
				t.Fatalf("counts %v, findings %v, err %v", b, l, err)
			}
			want.check(t, b)
		})
	}
}

// A line Python's csv module wrote with 5 of the header's 8 fields is an
// error naming its line, and is not counted: the counts are those of the
// other lines.
func TestForeignShortLine(t *testing.T) {
	var want struct {
		Short struct {
			foreignCounts
			Line         int `json:"line"`
			Fields       int `json:"fields"`
			HeaderFields int `json:"header_fields"`
		} `json:"python_short_line"`
	}
	readExpected(t, &want)
	b, l, err := Read(context.Background(), filepath.Join(foreignDir, "python-short-line.csv"))
	if err != nil || b == nil {
		t.Fatalf("counts %v, findings %v, err %v", b, l, err)
	}
	s := want.Short
	if got, place := places(l), fmt.Sprintf("CR-E001 python-short-line.csv!A%d", s.Line); !slices.Equal(got, []string{place}) {
		t.Fatalf("findings %v, want [%s]", got, place)
	}
	if msg := fmt.Sprintf("line %d has %d fields, the header has %d", s.Line, s.Fields, s.HeaderFields); !strings.Contains(l[0].Message, msg) {
		t.Errorf("message %q, want it to say %q", l[0].Message, msg)
	}
	s.check(t, b)
}
