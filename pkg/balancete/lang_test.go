package balancete

import (
	"context"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// The findings of the reader and the ledger in pt-BR: months mm/aaaa,
// amounts R$ 1.234,56, lines and fixes in Portuguese; English unchanged.
func TestFindingsInPortuguese(t *testing.T) {
	jun := month(2025, 6)
	one := func(t *testing.T, l findings.List) findings.Finding {
		t.Helper()
		if len(l) != 1 {
			t.Fatalf("%v", l)
		}
		return l[0]
	}
	t.Run("unbalanced", func(t *testing.T) {
		f := ledger(t, sheet(t, "b.csv", jun, false, "1=1234.56", "21=300", "23=200", "25=500")).Balanced(jun)
		// 1 = 1.234,56; 21 + 23 + 25 = 1.000,00: a difference of 234,56.
		want := "o balancete de 06/2025 não fecha: 1 = R$ 1.234,56; 21 + 23 + 25 = R$ 1.000,00 (uma diferença de R$ 234,56); " +
			"21 + 23 + 25 + 3 − 4 − 6 = R$ 1.000,00 (uma diferença de R$ 234,56)"
		if got := f.In(lang.PtBR).Message; got != want {
			t.Errorf("got  %q\nwant %q", got, want)
		}
		if !strings.HasPrefix(f.In(lang.En).Message, "the balancete of 2025-06 does not balance: 1 = R$ 1.234,56;") {
			t.Errorf("English: %q", f.Message)
		}
	})
	t.Run("sources disagree", func(t *testing.T) {
		l := ledger(t, sheet(t, "1T.csv", jun, true, "311=600"))
		f := one(t, l.Add(sheet(t, "erp.csv", jun, false, "311=1600.5")))
		want := "1T.csv e erp.csv divergem em 06/2025: 311 (R$ 600,00 em 1T.csv, R$ 1.600,50 em erp.csv)"
		if got := f.In(lang.PtBR).Message; got != want {
			t.Errorf("got  %q\nwant %q", got, want)
		}
	})
	t.Run("gap", func(t *testing.T) {
		// The 12 months to 2025-06 from YTD(2025-06) + YTD(2024-12) − YTD(2024-06):
		// only 2025-06 is there.
		l := ledger(t, sheet(t, "b.csv", jun, true, "311=600"))
		_, err := l.Flow12("311", jun)
		gap, ok := err.(*GapError)
		if !ok {
			t.Fatalf("%v", err)
		}
		want := "o total de 12 meses de 311 até 06/2025 exige o balancete de 06/2024, 12/2024 " +
			"(acumulado até 06/2025 + acumulado até 12/2024 − acumulado até 06/2024), ou balancetes mensais de 07/2024 a 06/2025 com saldo_inicial"
		if got := gap.Finding().In(lang.PtBR).Message; got != want {
			t.Errorf("got  %q\nwant %q", got, want)
		}
		if got := lang.Describe(err, lang.PtBR); got != want {
			t.Errorf("Describe: %q", got)
		}
		if !strings.HasPrefix(err.Error(), "the 12-month total of 311 to 2025-06 needs the balancete of 2024-06, 2024-12 (YTD(2025-06)") {
			t.Errorf("English: %q", err)
		}
	})
	t.Run("a CSV line", func(t *testing.T) {
		_, l, _ := ReadCSV(context.Background(), strings.NewReader("conta;saldo\n1;abc\n"), "a-2025-01.csv", "")
		f := one(t, l).In(lang.PtBR)
		if want := `linha 2: saldo_final: "abc" não é um número`; f.Message != want || f.Cell != "B2" {
			t.Errorf("%s %q, want %q", f.Cell, f.Message, want)
		}
		if !strings.HasPrefix(f.Fix, "digite o valor em uma célula numérica") {
			t.Errorf("fix %q", f.Fix)
		}
	})
	t.Run("operators", func(t *testing.T) {
		data := openDataHeader6 + `"2025-01-01";"316458";"3";"R";"0";"1"` + "\n"
		_, l, _ := ReadCSV(context.Background(), strings.NewReader(data), "a.csv", "1")
		f := one(t, l).In(lang.PtBR)
		want := "o arquivo não contém nenhuma linha do registro 000001 (contém 1 operadora: 316458)"
		if f.Message != want || f.Fix != "confira o registro ANS, ou informe o arquivo dessa operadora" {
			t.Errorf("%q (%q), want %q", f.Message, f.Fix, want)
		}
	})
}
