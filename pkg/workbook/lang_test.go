package workbook_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/lang"
)

// The reader's findings speak pt-BR too, their decimals with a decimal
// comma and thousands points, and English as it always did.
func TestFindingsInPortuguese(t *testing.T) {
	clean, err := exampleBytes()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sheet, cell string
		v           any
	}{{"Operadora", "B8", 1.5}, {"PLA", "B3", -2697669.26}} {
		if err := f.SetCellValue(c.sheet, c.cell, c.v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("Notas"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	_, l := findingsOf(t, buf.Bytes())
	want := map[string][2][3]string{ // by place: en and pt-BR message and fix
		"Operadora!B8": {
			{"CR-E015", "hc = 1.5 is outside 0 to 1", "type a fraction between 0 and 1 (0,35 or 35%)"},
			{"CR-E015", "hc = 1,5 está fora do intervalo de 0 a 1", "digite uma fração entre 0 e 1 (0,35 ou 35%)"},
		},
		"PLA!B3": {
			{"CR-E016", "ded_participacoes = -2697669.26 is negative", "type the amount as a positive number"},
			{"CR-E016", "ded_participacoes = -2.697.669,26 é negativo", ""}, // the default fix is the catalogue's
		},
		"Notas": {
			{"CR-W001", "sheet Notas is not part of modelo capreg v1 and is ignored", "remove the sheet, or ignore this warning"},
			{"CR-W001", "a planilha Notas não faz parte do modelo capreg v1 e é ignorada", ""}, // idem
		},
	}
	seen := 0
	for _, fd := range l {
		w, ok := want[fd.Where()]
		if !ok {
			continue
		}
		seen++
		for i, lg := range []lang.Lang{lang.En, lang.PtBR} {
			got := fd.In(lg)
			if got.Code != w[i][0] || got.Message != w[i][1] || (w[i][2] != "" && got.Fix != w[i][2]) {
				t.Errorf("%s in %s: %s %q (fix %q), want %s %q (fix %q)", fd.Where(), lg, got.Code, got.Message, got.Fix, w[i][0], w[i][1], w[i][2])
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d findings expected: %v", seen, len(want), l)
	}
}
