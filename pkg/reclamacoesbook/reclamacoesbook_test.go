package reclamacoesbook

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/reclamacoes"
	"github.com/capreg/capreg/pkg/xlsxfile/xlsxtest"
)

// filled is the template with a period and four products typed in.
func filled(t *testing.T) *excelize.File {
	t.Helper()
	f, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set(PeriodoSheet, "B2", "2024-10-01")
	set(PeriodoSheet, "B3", 45747) // a date serial: 2025-03-31
	for i, r := range [][]any{{"P-100", 1200, 40}, {"P-200", 300, 40}, {"P-300", 5000, 15}, {"P-400", 80, 0}} {
		if err := f.SetSheetRow(ReclamacoesSheet, fmt.Sprintf("A%d", i+2), &r); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func save(t *testing.T, f *excelize.File) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadTemplateFilled(t *testing.T) {
	in, l, _ := Read(context.Background(), save(t, filled(t)))
	if len(l) != 0 || in == nil {
		t.Fatalf("%v", l)
	}
	if in.Periodo.Inicio.Format("2006-01-02") != "2024-10-01" || in.Periodo.Fim.Format("2006-01-02") != "2025-03-31" || in.Periodo.FimRef != "Periodo!B3" {
		t.Errorf("period %+v", in.Periodo)
	}
	res, l := reclamacoes.Evaluate(*in)
	if len(l) != 0 {
		t.Fatal(l)
	}
	// Total 95: P-200 (40, fewer beneficiaries) 40/95, P-100 80/95 = 0.842 > 0.8.
	if res.Total != 95 || res.Products[0].Produto != "P-200" || res.AtRisk() != 1 {
		t.Errorf("%+v", res)
	}
	// The empty template reads with only the empty period.
	f, _ := Template()
	_, l, _ = Read(context.Background(), save(t, f))
	var got []string
	for _, x := range l {
		got = append(got, x.Code+" "+x.Where())
	}
	if !slices.Equal(got, []string{"CR-E005 Periodo!B2", "CR-E005 Periodo!B3"}) {
		t.Errorf("empty template: %v", got)
	}
}

func TestReadFindings(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(f *excelize.File)
		want   []string
	}{
		{"no Periodo sheet", func(f *excelize.File) { _ = f.DeleteSheet(PeriodoSheet) }, []string{"CR-E040 Periodo"}},
		{"no fim", func(f *excelize.File) { _ = f.SetCellValue(PeriodoSheet, "A3", "final") }, []string{"CR-E040 Periodo"}},
		{"bad header", func(f *excelize.File) { _ = f.SetCellValue(PeriodoSheet, "B1", "data") }, []string{"CR-E040 Periodo!A1"}},
		{"bad date", func(f *excelize.File) { _ = f.SetCellValue(PeriodoSheet, "B2", "31/02/2025") }, []string{"CR-E008 Periodo!B2"}},
		{"campo twice", func(f *excelize.File) { _ = f.SetSheetRow(PeriodoSheet, "A4", &[]any{"inicio", "2025-01-01"}) }, []string{"CR-E011 Periodo!A4"}},
		{"missing column", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "C1", "reclamacoes") }, []string{"CR-E040 Reclamacoes (column reclamacoes_nao_resolvidas)"}},
		{"negative", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "C3", -1) }, []string{"CR-E044 Reclamacoes!C3"}},
		{"fraction", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "B3", 1.234) }, []string{"CR-E044 Reclamacoes!B3"}},
		{"text", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "B3", "muitos") }, []string{"CR-E006 Reclamacoes!B3"}},
		{"pt-BR thousands read", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "B3", "1.234.567") }, nil},
		{"empty count", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "C4", "") }, []string{"CR-E005 Reclamacoes!C4"}},
		{"empty produto", func(f *excelize.File) { _ = f.SetCellValue(ReclamacoesSheet, "A4", "") }, []string{"CR-E005 Reclamacoes!A4"}},
		{"columns in another order", func(f *excelize.File) {
			_ = f.SetSheetCol(ReclamacoesSheet, "A", &[]any{ColReclamacoes, 40, 40, 15, 0})
			_ = f.SetSheetCol(ReclamacoesSheet, "C", &[]any{ColProduto, "P-100", "P-200", "P-300", "P-400"})
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := filled(t)
			c.break_(f)
			in, l, _ := Read(context.Background(), save(t, f))
			var got []string
			for _, x := range l {
				got = append(got, x.Code+" "+x.Where())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if (in == nil) != l.HasErrors() {
				t.Errorf("input %v with errors %v", in != nil, l.HasErrors())
			}
		})
	}
	if _, l, _ := Read(context.Background(), filepath.Join(t.TempDir(), "none.xlsx")); len(l) != 1 || l[0].Code != findings.Unreadable {
		t.Errorf("missing file: %v", l)
	}
}

// The period's dates read alike in the 1904 date system and as ISO date
// cells; a TRUE/FALSE cell is no count nor date.
func TestOtherWriters(t *testing.T) {
	f := filled(t)
	_ = f.SetCellValue(PeriodoSheet, "B2", 45566) // 2024-10-01, a serial too
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	clean := buf.Bytes()
	write := func(data []byte) string {
		path := filepath.Join(t.TempDir(), "r.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	want, l, _ := Read(context.Background(), write(clean))
	if want == nil || want.Periodo.Inicio.Format(time.DateOnly) != "2024-10-01" {
		t.Fatalf("clean: %v %v", want, l)
	}
	v1904, n1 := xlsxtest.Date1904(t, clean, `date1904="1"`)
	iso, n2 := xlsxtest.ISODates(t, clean)
	if n1 != 2 || n2 != 2 {
		t.Fatalf("%d serials shifted, %d ISO dates; want 2 and 2", n1, n2)
	}
	for name, data := range map[string][]byte{"1904": v1904, "ISO": iso} {
		got, l, _ := Read(context.Background(), write(data))
		if got == nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v %v, want %+v", name, got, l, want)
		}
	}
	for axis, code := range map[string]string{"B3": "CR-E006", "C4": "CR-E006"} {
		bad := xlsxtest.SetCell(t, clean, ReclamacoesSheet, axis, `<c r="`+axis+`" t="b"><v>1</v></c>`)
		if _, l, _ := Read(context.Background(), write(bad)); len(l) != 1 || l[0].Code != code || l[0].Cell != axis || !strings.Contains(l[0].Message, "TRUE/FALSE") {
			t.Errorf("TRUE in %s: %v", axis, l)
		}
	}
	bad := xlsxtest.SetCell(t, clean, PeriodoSheet, "B3", `<c r="B3" t="b"><v>0</v></c>`)
	if _, l, _ := Read(context.Background(), write(bad)); len(l) != 1 || l[0].Code != findings.BadDate || !strings.Contains(l[0].Message, "FALSE is a TRUE/FALSE") {
		t.Errorf("FALSE as fim: %v", l)
	}
}
