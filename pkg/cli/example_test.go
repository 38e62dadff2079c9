package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExampleFlags(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string // the options, or "error" and part of the message
	}{
		{"file", []string{"a.xlsx"}, "a.xlsx seed=1 market=0 benef=0 auto"},
		{"beneficiarios", []string{"a.xlsx", "--beneficiarios", "1000", "--seed", "7"}, "a.xlsx seed=7 market=0 benef=1000 auto"},
		{"csv forced", []string{"a.xlsx", "--beneficiarios", "1048575", "--beneficiarios-format", "csv"}, "a.xlsx seed=1 market=0 benef=1048575 csv"},
		{"beyond the sheet, auto", []string{"a.xlsx", "--beneficiarios", "2000000"}, "a.xlsx seed=1 market=0 benef=2000000 auto"},
		{"market", []string{"--market", "1000", "m", "--seed", "3"}, "m seed=3 market=1000 benef=0 auto"},
		{"market of an existing dir", []string{"--market", "2", dir}, dir + " seed=1 market=2 benef=0 auto"},
		{"market and beneficiarios", []string{"--market", "2", "m", "--beneficiarios", "10"}, "m seed=1 market=2 benef=10 auto"},
		{"market into a file", []string{"--market", "5", "m.xlsx"}, "error give DIR, not the file m.xlsx"},
		{"market 0", []string{"--market", "0", "m"}, "error at least 1"},
		{"market negative", []string{"--market", "-1", "m"}, "error at least 1"},
		{"market too large", []string{"--market", "100000", "m"}, "error at most 99999"},
		{"a directory as FILE", []string{dir}, "error is a directory"},
		{"beneficiarios 0", []string{"a.xlsx", "--beneficiarios", "0"}, "error at least 1"},
		{"sheet too small", []string{"a.xlsx", "--beneficiarios", "1048576", "--beneficiarios-format", "sheet"}, "error does not fit in an xlsx sheet"},
		{"xlsx too small", []string{"a.xlsx", "--beneficiarios", "1048576", "--beneficiarios-format", "xlsx"}, "error does not fit in an xlsx sheet"},
		{"unknown format", []string{"a.xlsx", "--beneficiarios", "5", "--beneficiarios-format", "ods"}, "error use one of auto, sheet, csv, xlsx"},
		{"format without rows", []string{"a.xlsx", "--beneficiarios-format", "csv"}, "error needs --beneficiarios N"},
		{"no file", []string{"--seed", "2"}, "error accepts 1 arg"},
		{"two files", []string{"a.xlsx", "b.xlsx"}, "error accepts 1 arg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			cmd := NewCmdExample(Streams{}, func(_ context.Context, o *ExampleOptions) error {
				got = fmt.Sprintf("%s seed=%d market=%d benef=%d %s", o.Path, o.Seed, o.Market, o.Beneficiarios, o.Format)
				return nil
			})
			checkParsed(t, execute(t, cmd, c.args), got, c.want)
		})
	}
}

// Usage errors exit 2; nothing is written.
func TestExampleUsageExit2(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"example", "--lang", "en", "--market", "3", filepath.Join(dir, "m.xlsx")},
		{"example", "--lang", "en", filepath.Join(dir, "a.xlsx"), "--beneficiarios", "-1"},
		{"example", "--lang", "en", filepath.Join(dir, "a.xlsx"), "--beneficiarios", "1048576", "--beneficiarios-format", "sheet"},
	} {
		var stderr bytes.Buffer
		if code := run(context.Background(), args, Streams{Out: &bytes.Buffer{}, Err: &stderr}); code != ExitInvalid {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "Run 'capreg --help' for usage.") {
			t.Errorf("%v: no usage hint in %q", args, stderr.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

// An interrupted example leaves neither the workbook nor its beneficiary
// file, nor a temporary file.
func TestExampleInterruptLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"example", filepath.Join(dir, "a.xlsx"), "--beneficiarios", "50000", "--beneficiarios-format", "csv"},
		{"example", filepath.Join(dir, "b.xlsx"), "--beneficiarios", "50000"},
		{"example", "--market", "20", filepath.Join(dir, "m")},
	} {
		var stderr bytes.Buffer
		if code := run(ctx, args, Streams{Out: &bytes.Buffer{}, Err: &stderr}); code != ExitInterrupted {
			t.Errorf("%v: exit %d, want 130 (%s)", args, code, stderr.String())
		}
	}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.Errorf("left behind: %s", path)
		}
		return nil
	})
}

// The files --balancetes adds to what the command writes (and guards):
// DIR's, or DIR/NAME/'s of each market operator.
func TestExampleBalanceteTargets(t *testing.T) {
	for _, c := range []struct {
		name string
		o    ExampleOptions
		want []string // some of the targets, in order
		n    int
	}{
		{"example", ExampleOptions{Path: "a.xlsx", Balancetes: "contas"}, []string{"a.xlsx", filepath.Join("contas", "balancete-2024-09.csv"),
			filepath.Join("contas", "balancete-2025-09.csv"), filepath.Join("contas", "dados-abertos-3T2024.csv"), filepath.Join("contas", "diops-3T2025.xml")}, 1 + 19},
		{"market", ExampleOptions{Path: "m", Market: 2, Balancetes: "b"}, []string{filepath.Join("m", "operadora-0001.xlsx"), filepath.Join("m", "operadora-0002.xlsx"),
			filepath.Join("b", "operadora-0001", "balancete-2024-09.csv"), filepath.Join("b", "operadora-0002", "diops-3T2025.xml")}, 2 + 2*19},
		{"with a beneficiary file", ExampleOptions{Path: "a.xlsx", Balancetes: "c", Beneficiarios: 5, Format: benefCSV}, []string{"a.xlsx", "a.beneficiarios.csv",
			filepath.Join("c", "balancete-2024-09.csv")}, 2 + 19},
	} {
		got := c.o.targets()
		if len(got) != c.n {
			t.Errorf("%s: %d targets, want %d: %v", c.name, len(got), c.n, got)
		}
		i := 0
		for _, g := range got {
			if i < len(c.want) && g == c.want[i] {
				i++
			}
		}
		if i != len(c.want) {
			t.Errorf("%s: targets %v lack %s (in this order: %v)", c.name, got, c.want[i], c.want)
		}
	}
}

// --balancetes naming a file is a usage error.
func TestExampleBalancetesIntoAFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "contas")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	args := []string{"example", "--lang", "en", filepath.Join(dir, "a.xlsx"), "--balancetes", file}
	if code := run(context.Background(), args, Streams{Out: &bytes.Buffer{}, Err: &stderr}); code != ExitInvalid || !strings.Contains(stderr.String(), "is a file: give the directory") {
		t.Errorf("exit %d, stderr %q; want 2 naming the file", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "a.xlsx")); err == nil {
		t.Error("the workbook was written")
	}
}
