package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// dataset is where the generated files are.
type dataset struct {
	xlsxOp, xlsx string // an operator and its beneficiary workbook
	csvOp, csv   string // the same operator and the same rows as CSV
	sheetOp      string // the same operator with the rows in its Beneficiarios sheet
	market       string // a directory of operators
}

// data generates the files with capreg example, unless the manifest in dir
// says the same commands wrote them already.
func (b *bench) data(dir string, rows, market int) (*dataset, error) {
	d := &dataset{
		xlsxOp: filepath.Join(dir, "x.xlsx"), xlsx: filepath.Join(dir, "x.beneficiarios.xlsx"),
		csvOp: filepath.Join(dir, "c.xlsx"), csv: filepath.Join(dir, "c.beneficiarios.csv"),
		sheetOp: filepath.Join(dir, "s.xlsx"), market: filepath.Join(dir, "market"),
	}
	n := fmt.Sprint(rows)
	cmds := [][]string{
		{"example", d.xlsxOp, "--beneficiarios", n, "--beneficiarios-format", "xlsx"},
		{"example", d.csvOp, "--beneficiarios", n, "--beneficiarios-format", "csv"},
		{"example", d.sheetOp, "--beneficiarios", n, "--beneficiarios-format", "sheet"},
		{"example", "--market", fmt.Sprint(market), d.market},
	}
	var manifest strings.Builder
	for _, c := range cmds {
		manifest.WriteString("capreg " + strings.Join(c, " ") + "\n")
	}
	stamp := filepath.Join(dir, "manifest.txt")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == manifest.String() && d.present() {
		fmt.Fprintf(os.Stderr, "bench: data in %s (delete it to regenerate)\n", dir)
		return d, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, c := range cmds {
		fmt.Fprintf(os.Stderr, "bench: capreg %s\n", strings.Join(c, " "))
		cmd := exec.Command(b.capreg, c...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("capreg %s: %v", strings.Join(c, " "), err)
		}
	}
	if !d.present() {
		return nil, fmt.Errorf("capreg example did not write the files expected in %s", dir)
	}
	return d, os.WriteFile(stamp, []byte(manifest.String()), 0o644)
}

func (d *dataset) present() bool {
	for _, p := range []string{d.xlsxOp, d.xlsx, d.csvOp, d.csv, d.sheetOp, d.market} {
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	return true
}
