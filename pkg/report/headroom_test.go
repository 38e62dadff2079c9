package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/lang"
)

func decPtr(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// A sufficient operator's headroom: a factor, one at least 100, one inert.
var sufficientHeadroom = &analysis.Headroom{PL: decimal.RequireFromString("1234.567"), Drivers: []analysis.DriverFactor{
	{Driver: analysis.Contraprestacoes, Factor: decPtr("2.5")},
	{Driver: analysis.Eventos},
	{Driver: analysis.ABI, Inert: true},
	{Driver: analysis.Credito, Factor: decPtr("12.3456")},
	{Driver: analysis.Mercado, Factor: decPtr("1")},
}}

// An insufficient one's: no drivers, the aporte.
var insufficientHeadroom = &analysis.Headroom{PL: decimal.RequireFromString("-99.999"), Drivers: []analysis.DriverFactor{}, Aporte: decPtr("99.999")}

// rowsOf are a sheet's rows, cells joined by tabs, raw values.
func rowsOf(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "\t"))
	}
	return out
}

// Resumo has the headroom below its notes: the fall of PL, a row per
// driver (a number, or the words of a null factor) and the notes of the
// null factors shown; for an insufficient operator, the aporte. In both
// languages; without a headroom, none of it.
func TestHeadroomResumo(t *testing.T) {
	c, rb := exampleCalculation(t)
	for _, tc := range []struct {
		name string
		h    *analysis.Headroom
		l    lang.Lang
		want []string
	}{
		{"sufficient en", sufficientHeadroom, lang.En, []string{
			"Headroom (how far PLA ≥ CR holds)  PROVISIONAL",
			"Fall of PL that makes PLA = CR (R$)\t1234.57",
			"Group\tLargest factor k\tInputs multiplied",
			"contraprestacoes\t2.5\tevery value of Contraprestacoes (not Operacional nor Remissao)",
			"eventos\t≥ 100\tevery value of Eventos",
			"abi\t—\tevery value of ABI",
			"credito\t12.3456\tthe nine amounts of Credito_Operadoras, the exposicao of Credito_Seguros and Credito_Ativos",
			"mercado\t1\tthe valor of Mercado_ALM and Mercado_Ativos",
			"k: the largest factor by which each group of inputs can be multiplied, the other inputs as they are, with PLA ≥ CR still true (k + 0.0001 makes PLA < CR; each k computed as calc does, the factor set included):",
			"≥ 100: PLA ≥ CR still holds at k = 100, where the search stops.",
			"—: the group does not move the CR (its values are all zero or do not enter this operator's capital, its parcel is informed, or the CB stays above the CBR).",
		}},
		{"insufficient pt-BR", insufficientHeadroom, lang.PtBR, []string{
			"Folga (até onde PLA ≥ CR se mantém)  PROVISÓRIO", // the example's surplus is
			"Sem folga: o PLA está R$ 100,00 abaixo do CR; um aporte de R$ 100,00 leva a PLA = CR.",
			"Aporte que leva a PLA = CR (R$)\t100",
		}},
		{"none", nil, lang.En, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := XLSX(c.Result, c.Warnings, rb, Meta{Lang: tc.l, Headroom: tc.h})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows := rowsOf(t, f, SheetResumo)
			last := len(rows) - 1
			for last >= 0 && rows[last] == "" {
				last--
			}
			start := slices.IndexFunc(rows, func(r string) bool {
				return strings.HasPrefix(r, "Headroom") || strings.HasPrefix(r, "Folga")
			})
			if tc.h == nil {
				if start >= 0 {
					t.Errorf("a headroom in Resumo: %q", rows[start:])
				}
				return
			}
			if start < 0 || start < 44 || rows[start-1] != "" {
				t.Fatalf("the headroom starts at row %d, want below the charts and the notes: %q", start+1, rows)
			}
			var got []string
			for _, r := range rows[start : last+1] {
				if r != "" {
					got = append(got, r)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Resumo's headroom\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// Lote's headroom columns, before the error's (the contributions come
// after it): the fall of PL, a factor per
// driver (empty when null), the aporte (empty when sufficient); all empty
// for a workbook not computed. Without --headroom, no such column.
func TestHeadroomLote(t *testing.T) {
	for _, headroom := range []bool{false, true} {
		lines := batchTestRows()[:2] // computed, then not
		doc := *lines[0].Doc
		doc.Headroom = newHeadroomDocument(sufficientHeadroom, nil)
		lines[0] = &BatchLine{BatchRow: lines[0].BatchRow, Doc: &doc}
		insufficient := doc
		insufficient.Headroom = newHeadroomDocument(insufficientHeadroom, nil)
		lines = append(lines, &BatchLine{BatchRow: lines[0].BatchRow, Doc: &insufficient})
		rows, err := batchWorkbook(t, lang.PtBR, headroom, lines...).GetRows(SheetLote, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		head := rows[0]
		at := slices.Index(head, lang.PtBR.T(lang.BatchInformed)) + 1
		if !headroom {
			if head[at] != "Erro" {
				t.Errorf("without headroom, %q after Informados", head[at])
			}
			continue
		}
		wantHead := []string{"Queda do PL que leva a PLA = CR (R$)", "k contraprestacoes", "k eventos", "k abi", "k credito", "k mercado", "Aporte que leva a PLA = CR (R$)", "Erro"}
		if got := head[at:min(at+len(wantHead), len(head))]; !slices.Equal(got, wantHead) {
			t.Errorf("head %q, want %q", got, wantHead)
		}
		cells := func(r []string) []string { // the headroom's cells, padded
			out := make([]string, len(wantHead)-1)
			if len(r) > at {
				copy(out, r[at:min(at+len(out), len(r))])
			}
			return out
		}
		for i, want := range [][]string{
			{"1234.57", "2.5", "", "", "12.3456", "1", ""},
			{"", "", "", "", "", "", ""},
			{"-100", "", "", "", "", "", "100"},
		} {
			if got := cells(rows[i+1]); !slices.Equal(got, want) {
				t.Errorf("row %d: %q, want %q", i+2, got, want)
			}
		}
		if e := rows[2][at+len(wantHead)-1]; e == "" || !strings.Contains(e, lines[1].Error) {
			t.Errorf("the error of the row not computed is %q, want it in the column Erro", e)
		}
	}
}
