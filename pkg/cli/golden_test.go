package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/capreg/capreg/pkg/golden"
)

// runCapreg runs capreg in-process from the repository root.
func runCapreg(t *testing.T, args ...string) (stdout, stderr string, code int) {
	return runCapregTTY(t, false, args...)
}

// runCapregTTY runs capreg in-process, stdout a terminal or not.
func runCapregTTY(t *testing.T, tty bool, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, Streams{In: &bytes.Buffer{}, Out: &out, Err: &errb, OutTTY: tty})
	return out.String(), errb.String(), code
}

// The shipped example's outputs (examples/) and the other command outputs
// (testdata/golden/) are golden files: every change shows in review.
func TestGolden(t *testing.T) {
	t.Chdir("../..")
	cases := []struct {
		name, file string
		args       []string
		tty        bool
	}{
		{"example json", "examples/operadora-exemplo.json", []string{"calc", "examples/operadora-exemplo.xlsx", "--output", "json"}, false},
		{"example table", "examples/operadora-exemplo.txt", []string{"calc", "examples/operadora-exemplo.xlsx"}, true},
		{"example table pt-BR", "testdata/golden/calc-pt-BR.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--lang", "pt-BR"}, true},
		{"example table pt-BR piped", "testdata/golden/calc-pt-BR-plain.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--lang", "pt-BR"}, false},
		{"insufficient, informed parcels pt-BR", "testdata/golden/calc-informed-pt-BR.golden", []string{"calc", "testdata/fixtures/f06_autogestao_insuficiente.xlsx", "--lang", "pt-BR"}, true},
		{"example explain pt-BR", "testdata/golden/calc-explain-pt-BR.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--explain", "--lang", "pt-BR"}, true},
		{"forced aps pt-BR", "testdata/golden/calc-aps-pt-BR.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--factors", "aps", "--lang", "pt-BR"}, true},
		{"example table piped", "testdata/golden/calc-plain.golden", []string{"calc", "examples/operadora-exemplo.xlsx"}, false},
		{"example explain", "testdata/golden/calc-explain.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--explain"}, true},
		{"example explain json", "testdata/golden/calc-explain.json.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--explain", "-o", "json"}, false},
		{"forced padrao", "testdata/golden/calc-padrao.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--factors", "padrao"}, true},
		{"forced aps (not eligible)", "testdata/golden/calc-aps.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "--factors", "aps"}, true},
		{"informed parcels", "testdata/golden/calc-informed.golden", []string{"calc", "testdata/fixtures/f06_autogestao_insuficiente.xlsx"}, true},
		{"administradora table: groups that do not move the CR", "testdata/golden/calc-administradora.golden", []string{"calc", "testdata/fixtures/f07_administradora.xlsx"}, true},
		{"administradora table pt-BR", "testdata/golden/calc-administradora-pt-BR.golden", []string{"calc", "testdata/fixtures/f07_administradora.xlsx", "--lang", "pt-BR"}, true},
		{"administradora json", "testdata/golden/calc-administradora.json.golden", []string{"calc", "testdata/fixtures/f07_administradora.xlsx", "-o", "json"}, false},
		{"example csv", "testdata/golden/calc-csv.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "-o", "csv"}, false},
		{"example csv excel", "testdata/golden/calc-csv-excel.golden", []string{"calc", "examples/operadora-exemplo.xlsx", "-o", "csv", "--csv-excel"}, false},
		{"compare table", "testdata/golden/compare.golden", []string{"compare", "examples/operadora-exemplo.xlsx"}, true},
		{"compare table piped", "testdata/golden/compare-plain.golden", []string{"compare", "testdata/fixtures/f04_odonto_grupo_aps.xlsx"}, false},
		{"compare json", "testdata/golden/compare.json.golden", []string{"compare", "testdata/fixtures/f03_filantropia_promoprev_reduzido.xlsx", "-o", "json"}, false},
		{"compare csv", "testdata/golden/compare-csv.golden", []string{"compare", "testdata/fixtures/f08_coop_odonto_promoprev.xlsx", "-o", "csv"}, false},
		{"validate table", "testdata/golden/validate.golden", []string{"validate", "testdata/invalid/i55_five_errors_five_sheets.xlsx", "testdata/fixtures/f04_odonto_grupo_aps.xlsx"}, true},
		{"validate json", "testdata/golden/validate.json.golden", []string{"validate", "testdata/invalid/i55_five_errors_five_sheets.xlsx", "-o", "json"}, false},
		{"validate csv", "testdata/golden/validate-csv.golden", []string{"validate", "testdata/invalid/i60_warn_extra_column_with_values.xlsx", "-o", "csv"}, false},
		{"batch table", "testdata/golden/batch.golden", append([]string{"batch", "--jobs", "2"}, batchInputs...), true},
		{"batch table piped", "testdata/golden/batch-plain.golden", append([]string{"batch"}, batchInputs...), false},
		{"batch json", "testdata/golden/batch.jsonl.golden", append([]string{"batch", "-o", "json"}, batchInputs...), false},
		{"batch json headroom", "testdata/golden/batch-headroom.jsonl.golden", append([]string{"batch", "-o", "json", "--headroom"}, batchInputs...), false},
		{"batch csv", "testdata/golden/batch-csv.golden", append([]string{"batch", "-o", "csv", "--jobs", "3"}, batchInputs...), false},
		{"validate junit", "testdata/golden/validate-junit.golden", append([]string{"validate", "-o", "junit"}, ciValidateInputs...), false},
		{"validate junit strict", "testdata/golden/validate-junit-strict.golden", append([]string{"validate", "-o", "junit", "--strict"}, ciValidateInputs...), false},
		{"validate github", "testdata/golden/validate-github.golden", append([]string{"validate", "-o", "github"}, ciValidateInputs...), false},
		{"coleta validate junit", "testdata/golden/coleta-validate-junit.golden", append([]string{"coleta", "validate", "-o", "junit"}, ciColetaInputs...), false},
		{"coleta validate github", "testdata/golden/coleta-validate-github.golden", append([]string{"coleta", "validate", "-o", "github"}, ciColetaInputs...), false},
		{"batch junit", "testdata/golden/batch-junit.golden", append([]string{"batch", "-o", "junit", "--fail-on-insufficient"}, batchInputs...), false},
		{"batch github", "testdata/golden/batch-github.golden", append([]string{"batch", "-o", "github"}, batchInputs...), false},
		{"batch csv excel", "testdata/golden/batch-csv-excel.golden", append([]string{"batch", "-o", "csv", "--csv-excel"}, batchInputs...), false},
		{"compare table pt-BR", "testdata/golden/compare-pt-BR.golden", []string{"compare", "examples/operadora-exemplo.xlsx", "--lang", "pt-BR"}, true},
		{"compare table piped pt-BR", "testdata/golden/compare-pt-BR-plain.golden", []string{"compare", "testdata/fixtures/f04_odonto_grupo_aps.xlsx", "--lang", "pt-BR"}, false},
		{"compare json pt-BR", "testdata/golden/compare-pt-BR.json.golden", []string{"compare", "testdata/fixtures/f03_filantropia_promoprev_reduzido.xlsx", "-o", "json", "--lang", "pt-BR"}, false},
		{"batch table pt-BR", "testdata/golden/batch-pt-BR.golden", append([]string{"batch", "--jobs", "2", "--lang", "pt-BR"}, batchInputs...), true},
		{"batch table piped pt-BR", "testdata/golden/batch-pt-BR-plain.golden", append([]string{"batch", "--lang", "pt-BR"}, batchInputs...), false},
		{"validate table pt-BR", "testdata/golden/validate-pt-BR.golden", []string{"validate", "testdata/invalid/i55_five_errors_five_sheets.xlsx", "testdata/fixtures/f04_odonto_grupo_aps.xlsx", "--lang", "pt-BR"}, true},
		{"coleta validate table pt-BR", "testdata/golden/coleta-validate-pt-BR.golden", append([]string{"coleta", "validate", "--lang", "pt-BR"}, ciColetaInputs...), true},
		{"validate junit pt-BR", "testdata/golden/validate-junit-pt-BR.golden", append([]string{"validate", "-o", "junit", "--strict", "--lang", "pt-BR"}, ciValidateInputs...), false},
		{"batch junit pt-BR", "testdata/golden/batch-junit-pt-BR.golden", append([]string{"batch", "-o", "junit", "--fail-on-insufficient", "--lang", "pt-BR"}, batchInputs...), false},
		{"batch github pt-BR", "testdata/golden/batch-github-pt-BR.golden", append([]string{"batch", "-o", "github", "--lang", "pt-BR"}, batchInputs...), false},
		{"rules show pt-BR", "testdata/golden/rules-show-pt-BR.golden", []string{"rules", "show", "--lang", "pt-BR"}, true},
		{"rules show", "testdata/golden/rules-show.golden", []string{"rules", "show"}, true},
		{"rules export", "testdata/golden/rules-export.golden", []string{"rules", "export"}, true},
	}
	if err := os.MkdirAll("testdata/golden", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCapregTTY(t, c.tty, c.args...)
			if code != 0 && c.args[0] != "validate" && c.args[0] != "batch" && c.args[0] != "coleta" { // their goldens hold invalid inputs
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Equal(t, "./pkg/cli", filepath.FromSlash(c.file), out)
		})
	}
}
