package diops

import (
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The reader's findings in pt-BR: a year stays 2023 (not grouped as a
// number), a line above a thousand is grouped as pt-BR writes numbers, and
// the fix is in Portuguese; English unchanged.
func TestFindingsInPortuguese(t *testing.T) {
	account := "<ativo><conta>1</conta><saldoFinal>1.5</saldoFinal></ativo>"
	for _, tc := range []struct {
		name, doc, en, pt, fix string
	}{
		{"a year", "<diops><identificacao><registro>123456</registro><ano>2024</ano><trimestre>2023003</trimestre></identificacao></diops>",
			"the period is in 2023 but ano is 2024", "o período é de 2023, mas ano é 2024", "corrija ano ou o ano do período"},
		// The account repeated on line 1202: 1.200 blank lines after the first.
		{"a line", "<diops>" + ident + "<financeiro><balancete>\n" + account + strings.Repeat("\n", 1200) + account + "</balancete></financeiro></diops>",
			"account 1 appears twice in the balancete: first at diops/financeiro/balancete/ativo[1] (line 2)",
			"a conta 1 aparece duas vezes no balancete: a primeira vez em diops/financeiro/balancete/ativo[1] (linha 2)",
			"mantenha uma das duas (uma conta tem uma só linha por balancete)"},
		{"a number", "<diops>" + ident + "<financeiro><balancete><ativo><conta>1</conta><saldoFinal>1.234,56</saldoFinal></ativo></balancete></financeiro></diops>",
			`saldoFinal "1.234,56" is not a number with a decimal point`, `saldoFinal "1.234,56" não é um número com ponto decimal`,
			"escreva o número com ponto decimal e sem separador de milhar, por exemplo 1234567.89"},
		{"an encoding", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?><diops/>",
			`the file cannot be read as XML: opening charset "EBCDIC": the encoding "EBCDIC" is not supported: save the file as UTF-8 or ISO-8859-1`,
			`o arquivo não pode ser lido como XML (codificação "EBCDIC"): a codificação "EBCDIC" não é aceita: salve o arquivo como UTF-8 ou ISO-8859-1`,
			"exporte de novo o DIOPS-XML do ERP e informe esse arquivo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, l := readString(t, tc.doc)
			if len(l) != 1 {
				t.Fatalf("%v", l)
			}
			if l[0].Message != tc.en {
				t.Errorf("English: %q, want %q", l[0].Message, tc.en)
			}
			if pt := l[0].In(lang.PtBR); pt.Message != tc.pt || pt.Fix != tc.fix {
				t.Errorf("got  %q (%q)\nwant %q (%q)", pt.Message, pt.Fix, tc.pt, tc.fix)
			}
		})
	}
	// The line of the second account, 1202 in pt-BR too (a place, not a count).
	_, l := readString(t, "<diops>"+ident+"<financeiro><balancete>\n"+account+strings.Repeat("\n", 1200)+account+"</balancete></financeiro></diops>")
	if got := l[0].In(lang.PtBR).String(); !strings.Contains(got, "(linha 1202)") {
		t.Errorf("%q", got)
	}
}
