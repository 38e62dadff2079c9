package beneficiarios

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// Beneficiary files written by openpyxl and LibreOffice (an .xlsx saved
// again, and a CSV exported in ISO-8859-1 with ;), with the counts computed
// by the Python script that wrote them (testdata/beneficiarios/gen/make.py):
// the readers agree on files capreg did not write.
func TestForeignFiles(t *testing.T) {
	dir := "../../testdata/beneficiarios"
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Total         int64            `json:"total"`
		Promoprev     int64            `json:"promoprev"`
		PartoAdequado int64            `json:"parto_adequado"`
		APS           int64            `json:"aps"`
		Remissao      map[string]int64 `json:"remissao"`
		PorProduto    map[string]int64 `json:"por_produto"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"openpyxl.xlsx", "libreoffice.xlsx", "libreoffice-latin1.csv"} {
		t.Run(name, func(t *testing.T) {
			b, l, err := Read(context.Background(), filepath.Join(dir, name))
			if err != nil || b == nil || len(l) > 0 {
				t.Fatalf("counts %v, findings %v, err %v", b, l, err)
			}
			if b.Total != want.Total || b.Promoprev != want.Promoprev || b.PartoAdequado != want.PartoAdequado || b.APS != want.APS {
				t.Errorf("%s, want total %d promoprev %d parto %d aps %d", counts(b), want.Total, want.Promoprev, want.PartoAdequado, want.APS)
			}
			if !maps.Equal(b.Remissao, want.Remissao) {
				t.Errorf("remissao %v, want %v", b.Remissao, want.Remissao)
			}
			if !maps.Equal(b.PorProduto, want.PorProduto) {
				t.Errorf("products %v, want %v (accents decoded?)", b.PorProduto, want.PorProduto)
			}
		})
	}
}
