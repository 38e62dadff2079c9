package generate

import (
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The errors of the generation in pt-BR: counts grouped as pt-BR writes
// them; English unchanged.
func TestErrorsInPortuguese(t *testing.T) {
	err := fitsSheet(2_000_000)
	if want := "2000000 beneficiary rows do not fit in a sheet (at most 1048575): write them to a CSV file"; err.Error() != want {
		t.Errorf("English: %q, want %q", err, want)
	}
	want := "2.000.000 linhas de beneficiários não cabem em uma planilha (no máximo 1.048.575): grave-as em um arquivo CSV"
	if got := lang.Describe(err, lang.PtBR); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if err := fitsSheet(MaxSheetRows); err != nil {
		t.Errorf("a full sheet: %v", err)
	}
}

// An error inside a sheet keeps the words of each wrapper in the language.
func TestWrappedErrorInPortuguese(t *testing.T) {
	_, err := Filled("t", "d", nil, nil, Table{Name: "Extra", Header: []string{"x"}, Rows: [][]any{{struct{}{}}}})
	if want := "sheet Extra: A2: no way to write a struct {}"; err == nil || err.Error() != want {
		t.Fatalf("English: %v, want %q", err, want)
	}
	if got, want := lang.Describe(err, lang.PtBR), "planilha Extra: A2: não há como escrever um valor do tipo struct {}"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
