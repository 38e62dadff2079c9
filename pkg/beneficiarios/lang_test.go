package beneficiarios

import (
	"context"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The findings of a beneficiary file speak pt-BR too, and English as they
// always did.
func TestFindingsInPortuguese(t *testing.T) {
	data := header +
		"1,P1,individual,medico_hospitalar,nenhuma,talvez,N,N\n" +
		"2,P1,individual,medico_hospitalar\n" +
		"3,P1,individual,medico_hospitalar,nenhuma,N,N,N,extra\n"
	_, l, err := ReadCSV(context.Background(), strings.NewReader(data), "b.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ where, en, pt, ptFix string }{
		{"b.csv!F2", `promoprev: "talvez" is not S or N (empty is N)`, `promoprev: "talvez" não é S nem N (vazio vale N)`, ""},
		{"b.csv!A3", "line 3 has 4 fields, the header has 8: the line is not counted", "a linha 3 tem 4 campos e o cabeçalho tem 8: a linha não é contada",
			"dê à linha todos os 8 campos: um valor vazio também precisa do separador (,)"},
	}
	if len(l) != len(want) {
		t.Fatalf("findings %v, want %d", l, len(want))
	}
	for i, w := range want {
		en, pt := l[i].In(lang.En), l[i].In(lang.PtBR)
		if en.Where() != w.where || en.Message != w.en || pt.Message != w.pt || (w.ptFix != "" && pt.Fix != w.ptFix) {
			t.Errorf("finding %d: %s %q / %q (fix %q), want %s %q / %q (fix %q)", i, en.Where(), en.Message, pt.Message, pt.Fix, w.where, w.en, w.pt, w.ptFix)
		}
	}
}
