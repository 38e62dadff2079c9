package workbook

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
)

// The Beneficiarios sheet is counted by pkg/beneficiarios' Counter, its
// problems at Beneficiarios!Cell with the workbook's codes.
func TestBeneficiariosSheet(t *testing.T) {
	f, err := excelize.OpenFile("../../examples/operadora-exemplo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.NewSheet("Beneficiarios"); err != nil {
		t.Fatal(err)
	}
	for i, r := range [][]any{
		{"id", "produto", "tipo_contratacao", "segmento", "remissao", "promoprev", "parto_adequado", "aps"},
		{1, "P1", "individual", "medico_hospitalar", "nenhuma", "N", "N", "S"},
		{2, "P1", "individual", "medico_hospitalar", "nenhuma", "talvez", "N", "N"},
		{3, "", "Individual", "odontologico", "remido_vitalicio", "", "", ""},
		{},
		{5, "P2", "familiar", "odontologico", "nenhuma", "n", "s", "N"},
	} {
		if err := f.SetSheetRow("Beneficiarios", "A"+string(rune('1'+i)), &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	in, l, _ := Read(context.Background(), bytes.NewReader(buf.Bytes()))
	var got []string
	for _, fd := range l {
		if fd.Sheet == "Beneficiarios" {
			got = append(got, fd.Code+" "+fd.Where())
		}
	}
	want := []string{findings.BadEnum + " Beneficiarios!F3", findings.EmptyValue + " Beneficiarios!B4", findings.BadEnum + " Beneficiarios!C6"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	b := in.Beneficiarios
	// 4 rows (row 5 is blank); aps S on row 2, parto S on row 6; remido_vitalicio on row 4.
	if b == nil || b.Total != 4 || b.APS != 1 || b.PartoAdequado != 1 || b.Promoprev != 0 ||
		b.Remissao["remido_vitalicio"] != 1 || b.Remissao["nenhuma"] != 3 || b.PorProduto["P1"] != 2 || b.PorProduto[""] != 1 {
		t.Errorf("counts %+v", b)
	}
}
