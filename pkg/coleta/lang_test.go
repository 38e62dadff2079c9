package coleta

import (
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// The checks of the sheet in pt-BR: numbers with the decimal comma and
// thousands points, months mm/aaaa (mmaaaa, the ANS form, as it is),
// fixes in Portuguese; English unchanged.
func TestFindingsInPortuguese(t *testing.T) {
	for _, c := range []struct {
		name   string
		modify func(s *Sheet)
		code   string
		en, pt string
	}{
		// Field 6 = 1.500 over field 5 = 1.234 in 2018-03 (row 5).
		{"over the total", func(s *Sheet) { cell(s, 5, 5).Text = "1234"; cell(s, 6, 5).Text = "1500" }, findings.ColetaOverTotal,
			"field 6 = 1500 exceeds field 5 = 1234, the operator's total",
			"campo 6 = 1.500 excede o campo 5 = 1.234, o total da operadora"},
		// Field 9 (3 + 2) with three decimal places.
		{"decimal places", func(s *Sheet) { cell(s, 9, 5).Text = "85.125" }, findings.ColetaSize,
			"field 9 = 85.125 has more than 2 decimal places (campo numérico, tamanho 3 mais 2 casas decimais)",
			"campo 9 = 85,125 tem mais de 2 casas decimais (campo numérico, tamanho 3 mais 2 casas decimais)"},
		{"a month with 5 digits", func(s *Sheet) { cell(s, 2, 5).Text = "32018" }, findings.ColetaMonthFormat,
			`field 2: "32018" is 5 digits: a number or date cell drops the leading zero of mmaaaa (6 characters, month then year, e.g. 032024)`,
			`campo 2: "32018" tem 5 dígitos: uma célula numérica ou de data perde o zero à esquerda de mmaaaa (6 caracteres, mês e depois ano, por exemplo 032024)`},
		// Row 5 holds 2018-04, as row 6 does.
		{"a month twice", func(s *Sheet) { cell(s, 2, 5).Text = "042018" }, findings.DuplicateMonth,
			"month 042018 (2018-04) appears again (first at B5)",
			"o mês 042018 (04/2018) aparece de novo (a primeira vez em B5)"},
		{"a number typed as text", func(s *Sheet) { cell(s, 5, 4).Text, cell(s, 5, 4).IsText = "1000", true }, findings.ColetaNumberAsText,
			"field 5: E4 holds the number as text", "campo 5: E4 contém o número como texto"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := sheet(4)
			c.modify(s)
			var got []findings.Finding
			for _, f := range Validate(s) {
				if f.Code == c.code {
					got = append(got, f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("%v", Validate(s))
			}
			if got[0].Message != c.en {
				t.Errorf("English: %q, want %q", got[0].Message, c.en)
			}
			if pt := got[0].In(lang.PtBR).Message; pt != c.pt {
				t.Errorf("got  %q\nwant %q", pt, c.pt)
			}
		})
	}
	// A note of fill: 1.234 beneficiaries of a program not yet started
	// (and one of the other program's).
	p, err := PlanFill(sheet(8), month(2018, 1), Counts{Total: 5000, Promoprev: 1234, APS: 0}, "")
	if err != nil || len(p.Notes) != 2 {
		t.Fatalf("%v %v", err, p)
	}
	want := "campo 6 deixado vazio: PROMOPREV começa em 032018 (C3), depois de 01/2018 (1.234 beneficiários marcados com promoprev S)"
	if got := p.Notes[0].In(lang.PtBR); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// An option of template.
	err = TemplateOptions{Registro: "005711", Desde: month(2017, 12), Ate: month(2018, 6)}.Check()
	if got := lang.Describe(err, lang.PtBR); got != "--desde 12/2017 é anterior a 01/2018, o primeiro mês que a ANS pede" {
		t.Errorf("%q", got)
	}
}
