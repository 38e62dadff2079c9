package reclamacoes

import (
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The checks of the ranking's input in pt-BR: dates dd/mm/aaaa; English
// keeps ISO dates.
func TestFindingsInPortuguese(t *testing.T) {
	_, l := Evaluate(Input{Periodo: Period{Inicio: date("2024-09-30"), Fim: date("2024-09-01"), InicioRef: "Periodo!B2", FimRef: "Periodo!B3"}})
	if len(l) != 2 {
		t.Fatalf("%v", l)
	}
	for i, want := range []struct{ en, pt string }{
		{"the evaluation period starts 2024-09-30, before IN ANS 36/2024 came into force on 2024-10-01: its art. 17 ranking applies to periods from 2024-10-01",
			"o período de avaliação começa em 30/09/2024, antes da entrada em vigor da IN ANS 36/2024 em 01/10/2024: a classificação de seu art. 17 vale para períodos a partir de 01/10/2024"},
		{"the period ends 2024-09-01, before it starts (2024-09-30)", "o período termina em 01/09/2024, antes de começar (30/09/2024)"},
	} {
		if l[i].Message != want.en {
			t.Errorf("English: %q, want %q", l[i].Message, want.en)
		}
		if got := l[i].In(lang.PtBR).Message; got != want.pt {
			t.Errorf("got  %q\nwant %q", got, want.pt)
		}
	}
}
