package reclamacoesbook

import (
	"context"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The reader's findings in pt-BR: a count with decimals written with the
// decimal comma, the fix of an empty count in Portuguese.
func TestFindingsInPortuguese(t *testing.T) {
	f := filled(t)
	_ = f.SetCellValue(ReclamacoesSheet, "B3", 1.234) // 1.234 typed in a numeric cell: 1,234 beneficiaries
	_ = f.SetCellValue(ReclamacoesSheet, "C4", "")
	_, l, _ := Read(context.Background(), save(t, f))
	if len(l) != 2 {
		t.Fatalf("%v", l)
	}
	l = l.In(lang.PtBR)
	if want := "beneficiarios = 1,234 não é um número inteiro de 0 a 999.999.999.999 (para 1 mil, digite 1234)"; l[0].Message != want {
		t.Errorf("got  %q\nwant %q", l[0].Message, want)
	}
	if want := "digite a quantidade (0 se não houve nenhuma)"; l[1].Fix != want {
		t.Errorf("got  %q\nwant %q", l[1].Fix, want)
	}
}
