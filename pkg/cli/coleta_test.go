package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/findings/findingstest"
	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/period"
)

// execute runs a standalone command as the root would: flag errors and
// argument errors are usage errors.
func execute(t *testing.T, cmd *cobra.Command, args []string) error {
	t.Helper()
	s := &bytes.Buffer{}
	cmd.Flags().String("config", "", "")
	cmd.SetArgs(args)
	cmd.SetOut(s)
	cmd.SetErr(s)
	cmd.Args = wrapArgs(cmd.Args)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	return cmd.Execute()
}

func TestColetaTemplateFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string // the options, or the error
	}{
		{"without programs", []string{"c.xlsx", "--registro", "005711", "--desde", "2018-01", "--ate", "2025-06"}, "c.xlsx 005711 2018-01 2025-06 - -"},
		{"with programs, MM/AAAA forgiven", []string{"c.xlsx", "--registro", "005711", "--desde", "2018-01", "--ate", "06/2025", "--promoprev", "2021-03", "--aps", "2023-09"},
			"c.xlsx 005711 2018-01 2025-06 2021-03 2023-09"},
		{"no registro", []string{"c.xlsx", "--desde", "2018-01", "--ate", "2025-06"}, "error --registro"},
		{"registro of 5", []string{"c.xlsx", "--registro", "5711", "--desde", "2018-01", "--ate", "2025-06"}, "error --registro"},
		{"no ate", []string{"c.xlsx", "--registro", "005711", "--desde", "2018-01"}, "error --ate AAAA-MM is required"},
		{"bad month", []string{"c.xlsx", "--registro", "005711", "--desde", "jan/2018", "--ate", "2025-06"}, "error --desde"},
		{"before 2018", []string{"c.xlsx", "--registro", "005711", "--desde", "2017-12", "--ate", "2025-06"}, "error before 2018-01"},
		{"bad program month", []string{"c.xlsx", "--registro", "005711", "--desde", "2018-01", "--ate", "2025-06", "--aps", "x"}, "error --aps"},
		{"no file", []string{"--registro", "005711", "--desde", "2018-01", "--ate", "2025-06"}, "error accepts 1 arg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			cmd := NewCmdColetaTemplate(Streams{}, func(_ context.Context, o *ColetaTemplateOptions) error {
				show := func(p interface{ String() string }, ok bool) string {
					if !ok {
						return "-"
					}
					return p.String()
				}
				op := o.Options
				got = fmt.Sprintf("%s %s %s %s", o.File, op.Registro, op.Desde, op.Ate)
				got += " " + show(op.Promoprev, op.Promoprev != nil) + " " + show(op.APS, op.APS != nil)
				return nil
			})
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

func TestColetaFillFlags(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "c.xlsx")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(in, filepath.Join(dir, "link.xlsx")); err != nil {
		t.Fatal(err)
	}
	done, benef := filepath.Join(dir, "d.xlsx"), filepath.Join(dir, "b.csv")
	for _, f := range []string{done, filepath.Join(dir, "d-preenchido.xlsx"), benef} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"default out", []string{in, "--beneficiarios", "b.csv", "--mes", "2025-06"}, filepath.Join(dir, "c-preenchido.xlsx") + " b.csv 2025-06 "},
		{"out and registro", []string{in, "--beneficiarios", "b.xlsx", "--mes", "2025-06", "--out", "o.xlsx", "--registro", "005711"}, "o.xlsx b.xlsx 2025-06 005711"},
		{"other extension", []string{"coleta.XLSX.bak", "--beneficiarios", "b.csv", "--mes", "2025-06"}, "coleta.XLSX.bak-preenchido.xlsx b.csv 2025-06 "},
		{"out is the input", []string{in, "--beneficiarios", "b.csv", "--mes", "2025-06", "--out", in}, "error it is the sheet to fill"},
		{"out is the input by another path", []string{in, "--beneficiarios", "b.csv", "--mes", "2025-06", "--out", filepath.Join(dir, ".", "c.xlsx")}, "error it is the sheet to fill"},
		{"out links to the input", []string{in, "--beneficiarios", "b.csv", "--mes", "2025-06", "--out", filepath.Join(dir, "link.xlsx")}, "error it is the sheet to fill"},
		{"out is the beneficiary file", []string{in, "--beneficiarios", benef, "--mes", "2025-06", "--out", benef, "--force"}, "error cannot write " + benef + ": it is the beneficiary file"},
		{"the default out exists", []string{done, "--beneficiarios", "b.csv", "--mes", "2025-06"}, "error " + filepath.Join(dir, "d-preenchido.xlsx") + " exists: --force replaces it"},
		{"the default out exists, --force", []string{done, "--beneficiarios", "b.csv", "--mes", "2025-06", "--force"}, filepath.Join(dir, "d-preenchido.xlsx") + " b.csv 2025-06 "},
		{"no beneficiarios", []string{in, "--mes", "2025-06"}, "error --beneficiarios FILE is required"},
		{"no mes", []string{in, "--beneficiarios", "b.csv"}, "error --mes AAAA-MM is required"},
		{"bad mes", []string{in, "--beneficiarios", "b.csv", "--mes", "junho"}, "error --mes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			cmd := NewCmdColetaFill(Streams{}, func(_ context.Context, o *ColetaFillOptions) error {
				got = fmt.Sprintf("%s %s %s %s", o.Out, o.Beneficiarios, o.Mes, o.Registro)
				return nil
			})
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

func coletaMonth(y, mo int) period.Month { return period.Month{Year: y, Month: time.Month(mo)} }

// typeByHand fills every cell a person must fill, with excelize, as numbers.
func typeByHand(t *testing.T, path string, o coleta.TemplateOptions) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, mo := range o.Months() {
		row := coleta.FirstDataRow + i
		for _, fd := range coleta.Fields()[4:] {
			if !fd.Applies(mo, o.Promoprev, o.APS) {
				continue
			}
			v := map[bool]any{true: 2000 + i, false: 12.5}[fd.Format == coleta.Integer]
			if fd.Num == 5 {
				v = 9000 + i
			}
			if err := f.SetCellValue(coleta.SheetName, coleta.Axis(fd.Num, row), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// The acceptance round trip: capreg coleta template, filled by hand, passes
// capreg coleta validate (exit 0); then capreg coleta fill writes the next
// month into a new file that still passes, leaving the input as it was.
func TestColetaRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "coleta.xlsx")
	_, errs, code := runCapreg(t, "--lang", "en", "coleta", "template", path, "--registro", "005711", "--desde", "2023-01", "--ate", "2024-12", "--promoprev", "2023-07", "--aps", "2024-02")
	if code != 0 {
		t.Fatalf("template: exit %d: %s", code, errs)
	}
	out, _, code := runCapreg(t, "--lang", "en", "coleta", "validate", path)
	if code != ExitInvalid || !strings.Contains(out, "CR-E005") {
		t.Fatalf("the empty template validates: exit %d\n%s", code, out)
	}
	p, a := coletaMonth(2023, 7), coletaMonth(2024, 2)
	typeByHand(t, path, coleta.TemplateOptions{Desde: coletaMonth(2023, 1), Ate: coletaMonth(2024, 12), Promoprev: &p, APS: &a})
	out, _, code = runCapreg(t, "--lang", "en", "coleta", "validate", path)
	// The rows start after 2018-01: a warning, not an error.
	if code != ExitOK || !strings.Contains(out, "valid — 0 errors, 1 warning") || !strings.Contains(out, "CR-W031") {
		t.Fatalf("filled by hand: exit %d\n%s", code, out)
	}
	before := golden.Sum(t, path)
	filled := filepath.Join(dir, "janeiro.xlsx")
	_, errs, code = runCapreg(t, "--lang", "en", "coleta", "fill", path, "--beneficiarios", "../../testdata/coleta/beneficiarios.csv", "--mes", "2025-01", "--out", filled)
	if code != ExitOK {
		t.Fatalf("fill: exit %d: %s", code, errs)
	}
	if golden.Sum(t, path) != before {
		t.Error("fill modified its input")
	}
	// 12 beneficiaries, 5 promoprev S, 3 aps S (testdata/coleta/gen).
	if !strings.Contains(errs, "2025-01 in new row 27 of Coleta: field 1 = 005711, 2 = 012025, 5 = 12, 6 = 5, 7 = 3") {
		t.Errorf("fill said: %s", errs)
	}
	f, err := excelize.OpenFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A27": "005711", "B27": "012025", "C27": "072023", "D27": "022024", "E27": "12", "F27": "5", "G27": "3"} {
		if got, _ := f.GetCellValue(coleta.SheetName, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// The rest of the new row is for the person: validate names exactly those cells.
	rep := app.ValidateColeta(context.Background(), filled)
	var cells []string
	for _, fd := range rep.Findings.Errors() {
		cells = append(cells, fd.Cell)
	}
	want := []string{"H27", "I27", "J27", "K27", "M27", "N27", "O27", "P27", "Q27", "R27", "S27", "T27", "U27"}
	if !slices.Equal(cells, want) {
		t.Errorf("still to fill: %v, want %v", cells, want)
	}
}

// Every collection sheet of testdata/coleta: capreg coleta validate exits
// as expected.json says, with every finding it lists (code and cell); all
// findings are those of its golden file (testdata/coleta/NAME.golden,
// -update regenerates); the file is not modified.
func TestColetaCorpus(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("testdata/coleta/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]struct {
		Exit     int                     `json:"exit"`
		Findings []findingstest.Expected `json:"findings"`
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/coleta/*.xlsx")
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasPrefix(filepath.Base(f), "beneficiarios") })
	if len(files) != len(want) || len(want) < 35 {
		t.Fatalf("%d sheets for %d expectations", len(files), len(want))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			exp, ok := want[name]
			if !ok {
				t.Fatalf("%s has no entry in expected.json", name)
			}
			before := golden.Sum(t, path)
			out, errs, code := runCapreg(t, "coleta", "validate", path, "-o", "json")
			if golden.Sum(t, path) != before {
				t.Fatal("the input was modified")
			}
			if code != exp.Exit {
				t.Fatalf("exit %d, want %d: %s%s", code, exp.Exit, out, errs)
			}
			var doc struct {
				Files []struct {
					Findings findings.List `json:"findings"`
				} `json:"files"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Files) != 1 {
				t.Fatalf("json: %v\n%s", err, out)
			}
			var lines []string
			for _, f := range doc.Files[0].Findings {
				lines = append(lines, findingstest.Line(f))
			}
			golden.Equal(t, "./pkg/cli", strings.TrimSuffix(path, ".xlsx")+".golden", strings.Join(lines, "\n")+"\n")
			for _, e := range exp.Findings {
				if !slices.ContainsFunc(doc.Files[0].Findings, func(f findings.Finding) bool {
					return f.Code == e.Code && (e.Sheet == nil || f.Sheet == *e.Sheet) && (e.Cell == nil || f.Cell == *e.Cell)
				}) {
					t.Errorf("expected %s at %s!%s (%s); got %v", e.Code, findingstest.Deref(e.Sheet), findingstest.Deref(e.Cell), e.What, lines)
				}
			}
		})
	}
}

// Golden outputs of capreg coleta validate in every format.
func TestColetaGolden(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct{ file, format string }{
		{"validate-table.golden", "table"}, {"validate-json.golden", "json"}, {"validate-csv.golden", "csv"},
	} {
		t.Run(c.format, func(t *testing.T) {
			out, errs, code := runCapreg(t, "--lang", "en", "coleta", "validate", "-o", c.format,
				"testdata/coleta/c22_promoprev_antes_do_inicio.xlsx", "testdata/coleta/c37_aviso_numero_como_texto.xlsx", "testdata/coleta/c34_nao_e_xlsx.xlsx")
			if code != ExitInvalid {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Equal(t, "./pkg/cli", filepath.Join("testdata/coleta/golden", c.file), out)
		})
	}
}

// fill refuses what it cannot fill with exit 2 and a message.
func TestColetaFillRefusals(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"a month far after the last", []string{"testdata/coleta/coleta-valida.xlsx", "--beneficiarios", "testdata/coleta/beneficiarios.xlsx", "--mes", "2020-01"},
			"no row for 2020-01 (its last month is 2019-06)"},
		{"bad beneficiary file", []string{"testdata/coleta/coleta-valida.xlsx", "--beneficiarios", "testdata/coleta/c34_nao_e_xlsx.xlsx", "--mes", "2019-06"},
			"CR-E001"},
		{"no Coleta sheet", []string{"testdata/coleta/c01_sem_aba_coleta.xlsx", "--beneficiarios", "testdata/coleta/beneficiarios.csv", "--mes", "2019-06"},
			"CR-E030"},
		{"broken header", []string{"testdata/coleta/c02_cabecalho_campo_7.xlsx", "--beneficiarios", "testdata/coleta/beneficiarios.csv", "--mes", "2019-06"},
			"Coleta!G1: CR-E030"},
		{"registro disagrees", []string{"testdata/coleta/coleta-valida.xlsx", "--beneficiarios", "testdata/coleta/beneficiarios.csv", "--mes", "2019-06", "--registro", "123456"},
			"differs from the sheet's registro ANS 005711"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, "out.xlsx")
			_, errs, code := runCapreg(t, append([]string{"--lang", "en"}, append([]string{"coleta", "fill", "--out", out}, c.args...)...)...)
			if code != ExitInvalid || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %s; want 2 and %q", code, errs, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output file was written")
			}
		})
	}
	// A sheet openpyxl wrote (shared strings, no PROMOPREV): the next month
	// gets the APS count; the PROMOPREV count has nowhere to go and is noted.
	out := filepath.Join(dir, "p.xlsx")
	_, errs, code := runCapreg(t, "--lang", "en", "coleta", "fill", "testdata/coleta/c39_openpyxl_valida_so_aps.xlsx", "--beneficiarios", "testdata/coleta/beneficiarios.csv", "--mes", "2019-04", "--out", out)
	if code != ExitOK || !strings.Contains(errs, "2019-04 in new row 13 of Coleta: field 1 = 005711, 2 = 042019, 5 = 12, 6 = (empty), 7 = 3") ||
		!strings.Contains(errs, "the sheet gives no PROMOPREV start (field 3 is empty), yet 5 beneficiaries are marked promoprev S") {
		t.Errorf("openpyxl sheet: exit %d: %s", code, errs)
	}
	// The existing month: replaced values are listed; before the programs, 6 and 7 stay empty.
	out = filepath.Join(dir, "o.xlsx")
	_, errs, code = runCapreg(t, "--lang", "en", "coleta", "fill", "testdata/coleta/coleta-valida.xlsx", "--beneficiarios", "testdata/coleta/beneficiarios.xlsx", "--mes", "2018-02", "--out", out)
	if code != ExitOK || !strings.Contains(errs, "replaced E4: 48337 → 12") || !strings.Contains(errs, "note: field 6 left empty: the PROMOPREV starts in 072018 (C3), after 2018-02 (5 beneficiaries marked promoprev S)") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
