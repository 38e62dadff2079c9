package batch

import (
	"path/filepath"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// Why an argument gives no workbook, in pt-BR.
func TestErrorsInPortuguese(t *testing.T) {
	dir := t.TempDir()
	touch(t, dir, "d.xlsx", "d.beneficiarios.csv", "d.beneficiarios.xlsx")
	j := func(names ...string) string { return filepath.Join(append([]string{dir}, names...)...) }
	got := Inputs([]string{j("d.xlsx"), j("none", "*.xlsx"), "[x"})
	want := []string{
		"dois arquivos de beneficiários para uma mesma pasta de trabalho: " + j("d.beneficiarios.csv") + " e " + j("d.beneficiarios.xlsx") + "; mantenha só um",
		"nenhuma pasta de trabalho (.xlsx) em " + j("none", "*.xlsx"),
		"padrão inválido: syntax error in pattern",
	}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i, in := range got {
		if in.Err == nil {
			t.Errorf("%s: no error", in.Workbook)
			continue
		}
		if s := lang.Describe(in.Err, lang.PtBR); s != want[i] {
			t.Errorf("got  %q\nwant %q", s, want[i])
		}
	}
}
