package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/report"
)

func TestBatchFlags(t *testing.T) {
	cores := runtime.GOMAXPROCS(0)
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		want    BatchOptions
		wantErr bool
	}{
		{"defaults", []string{"dir"}, nil, BatchOptions{Args: []string{"dir"}, Jobs: cores, Factors: "auto", Output: "table"}, false},
		{"all flags", []string{"a", "b*.xlsx", "-j", "3", "--factors", "padrao", "-o", "csv", "--out", "r.csv", "--fail-on-insufficient", "--coverage-weighted"}, nil,
			BatchOptions{Args: []string{"a", "b*.xlsx"}, Jobs: 3, Factors: "padrao", Output: "csv", Out: "r.csv", FailOnInsufficient: true, CoverageWeighted: true}, false},
		{"environment", []string{"d"}, map[string]string{"CAPREG_JOBS": "5", "CAPREG_OUTPUT": "json"}, BatchOptions{Args: []string{"d"}, Jobs: 5, Factors: "auto", Output: "json"}, false},
		{"headroom", []string{"d", "-o", "xlsx", "--headroom"}, nil, BatchOptions{Args: []string{"d"}, Jobs: cores, Factors: "auto", Output: "xlsx", Headroom: true}, false},
		{"headroom from the environment", []string{"d", "-o", "json"}, map[string]string{"CAPREG_HEADROOM": "true"}, BatchOptions{Args: []string{"d"}, Jobs: cores, Factors: "auto", Output: "json", Headroom: true}, false},
		{"headroom without its columns", []string{"d", "-o", "junit", "--headroom"}, nil, BatchOptions{}, true},
		{"negative jobs", []string{"d", "--jobs", "-1"}, nil, BatchOptions{}, true},
		{"bad output", []string{"d", "-o", "yaml"}, nil, BatchOptions{}, true},
		{"bad factors", []string{"d", "--factors", "x"}, nil, BatchOptions{}, true},
		{"nothing to do", []string{}, nil, BatchOptions{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var got *BatchOptions
			s := Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			if !parseFlags(t, NewCmdBatch(s, func(_ context.Context, o *BatchOptions) error { got = o; return nil }), s, c.args, c.wantErr) {
				return
			}
			if !slices.Equal(got.Args, c.want.Args) ||
				got.Jobs != c.want.Jobs || got.Factors != c.want.Factors || got.Output != c.want.Output || got.Out != c.want.Out ||
				got.FailOnInsufficient != c.want.FailOnInsufficient || got.CoverageWeighted != c.want.CoverageWeighted || got.Headroom != c.want.Headroom {
				t.Errorf("options %+v, want %+v", got, c.want)
			}
		})
	}
}

// The batch's inputs: valid, insufficient, invalid, valid (another
// operator), in this order.
var batchInputs = []string{"examples/operadora-exemplo.xlsx", "testdata/fixtures/f06_autogestao_insuficiente.xlsx",
	"testdata/invalid/i07_unparsable_number.xlsx", "testdata/fixtures/f04_odonto_grupo_aps.xlsx"}

// Every row of a batch is the calc of its workbook (the same JSON document
// but for file and error, and headroom without --headroom), in input order
// at any --jobs; an invalid workbook's row carries calc's errors.
func TestBatchRowsAreCalc(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct {
		jobs     string
		headroom bool
	}{{"1", false}, {"3", true}} {
		args := []string{"batch", "-o", "json", "--jobs", c.jobs}
		if c.headroom {
			args = append(args, "--headroom")
		}
		out, errs, code := runCapreg(t, append([]string{"--lang", "en"}, append(args, batchInputs...)...)...)
		if code != ExitInvalid {
			t.Fatalf("exit %d, want 2 (one invalid): %s", code, errs)
		}
		if !strings.Contains(errs, "4 workbooks: 3 computed (1 insufficient), 1 failed") {
			t.Errorf("summary: %s", errs)
		}
		sc := bufio.NewScanner(strings.NewReader(out))
		sc.Buffer(nil, 1<<20)
		i := 0
		for ; sc.Scan(); i++ {
			var line map[string]json.RawMessage
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Fatalf("line %d is not JSON: %v", i+1, err)
			}
			var file string
			_ = json.Unmarshal(line["file"], &file)
			if file != batchInputs[i] {
				t.Fatalf("line %d is %s, want %s", i+1, file, batchInputs[i])
			}
			calcOut, _, calcCode := runCapreg(t, "--lang", "en", "calc", file, "-o", "json")
			if calcCode != 0 {
				if string(line["error"]) == "null" || len(line["errors"]) == 0 || line["amounts"] != nil {
					t.Errorf("%s: calc fails but the row has no error: %s", file, sc.Text())
				}
				_, calcErr, _ := runCapreg(t, "--lang", "en", "calc", file)
				var errsList []struct{ Cell string }
				_ = json.Unmarshal(line["errors"], &errsList)
				if !strings.Contains(calcErr, errsList[0].Cell) {
					t.Errorf("%s: row errors %s, calc says %s", file, line["errors"], calcErr)
				}
				continue
			}
			if string(line["error"]) != "null" {
				t.Errorf("%s: error %s", file, line["error"])
			}
			var calc map[string]json.RawMessage
			if err := json.Unmarshal([]byte(calcOut), &calc); err != nil {
				t.Fatal(err)
			}
			if _, ok := line["headroom"]; ok != c.headroom {
				t.Errorf("%s: headroom in the line %v, want %v", file, ok, c.headroom)
			}
			for k, v := range calc {
				if k == "headroom" && !c.headroom {
					continue
				}
				if !jsonEqual(t, v, line[k]) {
					t.Errorf("%s: %s is %s in batch, %s in calc", file, k, line[k], v)
				}
			}
		}
		if i != len(batchInputs) {
			t.Errorf("%d lines, want %d", i, len(batchInputs))
		}
	}
}

func jsonEqual(t *testing.T, a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}

// Exit codes: 0 when every workbook computes, 2 when one is invalid (the
// others are still computed), 3 with --fail-on-insufficient.
func TestBatchExitCodes(t *testing.T) {
	t.Chdir("../..")
	valid, insufficient, invalid := batchInputs[0], batchInputs[1], batchInputs[2]
	cases := []struct {
		args []string
		want int
	}{
		{[]string{valid, insufficient}, ExitOK},
		{[]string{valid, insufficient, "--fail-on-insufficient"}, ExitInsufficient},
		{[]string{valid, "--fail-on-insufficient"}, ExitOK},
		{[]string{invalid, insufficient, "--fail-on-insufficient"}, ExitInvalid},
		{[]string{"nothere.xlsx", valid}, ExitInvalid},
		{[]string{"testdata/none-*.xlsx"}, ExitInvalid},
		{[]string{valid, "--rules", "nothere.yaml"}, ExitInvalid},
	}
	for _, c := range cases {
		out, errs, code := runCapreg(t, append([]string{"batch", "-o", "csv"}, c.args...)...)
		if code != c.want {
			t.Errorf("%v: exit %d, want %d\n%s%s", c.args, code, c.want, out, errs)
		}
	}
}

// The summary workbook has a row per operator with the JSON's figures to
// the centavo, the error of the invalid one, a chart of the surplus column
// and the errors sheet.
func TestBatchXLSX(t *testing.T) {
	t.Chdir("../..")
	out, _, _ := runCapreg(t, append([]string{"batch", "-o", "json", "--lang", "pt-BR"}, batchInputs...)...)
	var docs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var d map[string]any
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	xl, errs, code := runCapreg(t, append([]string{"batch", "-o", "xlsx", "--lang", "pt-BR"}, batchInputs...)...)
	if code != ExitInvalid {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenReader(strings.NewReader(xl))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{report.SheetLote, report.SheetGrafico, report.SheetParametros, report.SheetErros}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(report.SheetLote, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := func(name string) int {
		i := slices.Index(head, name)
		if i < 0 {
			t.Fatalf("no column %q in %q", name, head)
		}
		return i
	}
	if len(rows) != 1+len(batchInputs) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, d := range docs {
		r := rows[i+1]
		if r[0] != batchInputs[i] {
			t.Errorf("row %d is %s", i+2, r[0])
		}
		if d["error"] != nil {
			if r[col("Erro")] != d["error"] {
				t.Errorf("row %d error %q, want %q", i+2, r[col("Erro")], d["error"])
			}
			continue
		}
		rounded := d["amounts_rounded"].(map[string]any)
		for _, c := range []struct{ key, head string }{{"cb", "CB (R$)"}, {"pla", "PLA (R$)"}, {"crs_sus", "CRS SUS (R$)"}, {"cbr", "CBR (R$)"}, {"cr", "CR (R$)"}, {"surplus", "Excedente (R$)"}} {
			if got, err := decimalOf(r[col(c.head)]); err != nil || !got.Equal(decimal.RequireFromString(rounded[c.key].(string))) {
				t.Errorf("row %d %s: %s, JSON %s", i+2, c.key, r[col(c.head)], rounded[c.key])
			}
		}
		if r[col("Registro ANS")] != d["registro_ans"] || r[col("Conjunto de fatores")] != d["factor_set"] {
			t.Errorf("row %d: %v", i+2, r)
		}
		if prov := d["provisional"].([]any); (len(prov) > 0) != (r[col("Provisório")] == "PROVISÓRIO") {
			t.Errorf("row %d: provisional %q, JSON %v", i+2, r[col("Provisório")], prov)
		}
	}
	charts := chartXML(t, []byte(xl))
	if len(charts) != 1 || !strings.Contains(charts[0], "Lote!$S$2:$S$5") || !strings.Contains(charts[0], "Lote!$B$2:$B$5") {
		t.Errorf("charts %v", charts)
	}
	// Parametros: each parameter with the number of operators whose JSON
	// lists it.
	want := map[string]int{}
	for _, d := range docs {
		if d["error"] == nil {
			for _, p := range d["provisional"].([]any) {
				want[p.(string)+" provisório"]++
			}
			for _, p := range d["proposal"].([]any) {
				want[p.(string)+" proposta"]++
			}
		}
	}
	params, _ := f.GetRows(report.SheetParametros)
	got := map[string]int{}
	for _, r := range params[3:] {
		n, _ := strconv.Atoi(r[2])
		got[r[0]+" "+r[1]] = n
	}
	if len(want) == 0 || !maps.Equal(got, want) {
		t.Errorf("Parametros sheet %v, want %v", got, want)
	}
	erros, _ := f.GetRows(report.SheetErros)
	if len(erros) < 2 || erros[1][0] != batchInputs[2] || erros[1][1] != "CR-E006" || erros[1][2] != "Contraprestacoes!D7" {
		t.Errorf("Erros sheet: %q", erros)
	}
}

// An interrupted batch exits 130 and leaves no output file, whatever was
// computed so far.
func TestBatchInterruptLeavesNoFile(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	example, err := os.ReadFile("examples/operadora-exemplo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		if err := os.WriteFile(filepath.Join(in, "op"+string(rune('a'+i/26))+string(rune('a'+i%26))+".xlsx"), example, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "xlsx"} {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		var stdout, stderr bytes.Buffer
		start := time.Now()
		code := run(ctx, []string{"batch", in, "--jobs", "2", "-o", format, "--out", filepath.Join(outDir, "lote."+format)}, Streams{Out: &stdout, Err: &stderr})
		cancel()
		if code != ExitInterrupted {
			t.Fatalf("%s: exit %d, want 130 (%s)", format, code, stderr.String())
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: the interrupted batch took %v to stop", format, d)
		}
		if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
			t.Errorf("%s: files left behind: %v", format, entries)
		}
	}
}

// A progress bar shows on stderr when it is a terminal, and never on
// stdout.
func TestBatchProgressBar(t *testing.T) {
	t.Chdir("../..")
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"batch", "-o", "csv", "--lang", "en"}, batchInputs[:2]...), Streams{Out: &out, Err: &errb, ErrTTY: true})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "computing") || !strings.Contains(errb.String(), "/2)") {
		t.Errorf("no progress bar on a terminal stderr: %q", errb.String())
	}
	if strings.Contains(out.String(), "computing") {
		t.Error("progress on stdout")
	}
	_, errs, _ := runCapreg(t, append([]string{"--lang", "en"}, append([]string{"batch", "-o", "csv"}, batchInputs[:2]...)...)...)
	if strings.Contains(errs, "computing") || strings.Count(errs, "\n") != 1 {
		t.Errorf("stderr not a terminal: want the summary line alone, got %q", errs)
	}
}
