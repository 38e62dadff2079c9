package capital

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// Check's findings speak pt-BR too, their months mm/aaaa, dates
// dd/mm/aaaa, decimals with a comma and counts grouped; English is as it
// always was.
func TestCheckInPortuguese(t *testing.T) {
	db := mon(2024, time.December)
	for _, c := range []struct {
		name   string
		mutate func(in *Input)
		code   string
		en, pt string
	}{
		// rows 5 and 6 of 12 are 2024-05 and 2024-06
		{"two months missing", func(in *Input) { in.Contraprestacoes = slices.Delete(in.Contraprestacoes, 4, 6) }, findings.MissingMonth,
			"missing competência 2024-05, 2024-06 for individual/medico_hospitalar (the window is 2024-01 to 2024-12)",
			"competência ausente: 05/2024, 06/2024 em individual/medico_hospitalar (a janela vai de 01/2024 a 12/2024)"},
		// 11 × (−10.5) + 5 = −110.5
		{"negative total", func(in *Input) {
			in.Contraprestacoes = months(db, "individual", "medico_hospitalar", eleven("-10.5", "5")...)
		}, findings.NegativeTotal,
			"the 12-month total of individual/medico_hospitalar is negative (-110.5)",
			"o total dos 12 meses de individual/medico_hospitalar é negativo (-110,5)"},
		{"hc", func(in *Input) { in.Operadora.HC = Amount{V: dec("1.01"), Ref: "Operadora!B8"} }, findings.OutOfRange,
			"hc = 1.01 is outside 0 to 1", "hc = 1,01 está fora do intervalo de 0 a 1"},
		{"date after the data base", func(in *Input) { in.Operadora.PromoprevAprovacao = dated("2025-01-02") }, findings.DateAfterBase,
			"promoprev_aprovacao 2025-01-02 is after the data base 2024-12: it does not count for this data base",
			"promoprev_aprovacao 02/01/2025 é posterior à data base 12/2024: não vale para esta data base"},
		// a year is no count: 2025, never 2.025
		{"governance of a later year", func(in *Input) { in.Operadora.GovernancaRelatorio = dated("2025-03-01") }, findings.DateAfterBase,
			"governanca_relatorio_data 2025-03-01 is in a later year than the data base 2024-12: it covers 2025 only",
			"governanca_relatorio_data 01/03/2025 é de um ano posterior ao da data base 12/2024: cobre só 2025"},
		{"program beneficiaries without a date", func(in *Input) {
			in.Beneficiarios = &Beneficiarios{Source: "Beneficiarios", Total: 5000, Promoprev: 1234, Remissao: map[ans.Remissao]int64{}}
		}, findings.ProgramNoData,
			"1234 beneficiaries are marked promoprev = S but the operator has no promoprev date",
			"1.234 beneficiários estão marcados com promoprev = S, mas a operadora não tem data de promoprev"},
		// deductions 600 + 500 = 1100 > pl 1000
		{"deductions over PL", func(in *Input) { in.PLA.Deducoes[0], in.PLA.Deducoes[4] = a("600"), a("500") }, findings.DeductionsOverPL,
			"the deductions (R$ 1.100,00) exceed pl (R$ 1.000,00): PLA is negative",
			"as deduções (R$ 1.100,00) excedem o pl (R$ 1.000,00): o PLA é negativo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := checkInput()
			c.mutate(in)
			l := Check(in, rulestest.Default(t))
			i := slices.IndexFunc(l, func(f findings.Finding) bool { return f.Code == c.code })
			if i < 0 {
				t.Fatalf("no %s in %v", c.code, l)
			}
			if got := l[i].Message; got != c.en {
				t.Errorf("en: %q\nwant %q", got, c.en)
			}
			if got := l[i].In(lang.PtBR).Message; got != c.pt {
				t.Errorf("pt-BR: %q\nwant %q", got, c.pt)
			}
		})
	}
}

// The errors of a computation a person reads speak pt-BR too, and still
// are what errors.Is looks for.
func TestComputeErrorsInPortuguese(t *testing.T) {
	in := informedAll(operadora("autogestao", "", 1, mon(2024, 12)), "0", "0", "0", "0")
	_, err := Compute(in, rulestest.Default(t), Options{Factors: "nenhum"})
	if got := lang.Describe(err, lang.PtBR); !strings.HasPrefix(got, `conjunto de fatores desconhecido "nenhum" (use auto, `) {
		t.Errorf("unknown factor set in pt-BR: %q", got)
	}
	if got := err.Error(); !strings.HasPrefix(got, `unknown factor set "nenhum" (use auto, `) {
		t.Errorf("unknown factor set in en: %q", got)
	}
	// −1 is no sum of squares
	_, err = root(dec("-1"), "crm.correlacao")
	if !errors.Is(err, ErrRules) {
		t.Errorf("%v is not ErrRules", err)
	}
	want := "regras: crm.correlacao não é uma matriz de correlação válida para esta entrada: ela torna negativa uma soma de quadrados (-1); use uma matriz positiva semidefinida"
	if got := lang.Describe(err, lang.PtBR); got != want {
		t.Errorf("pt-BR: %q\nwant %q", got, want)
	}
}
