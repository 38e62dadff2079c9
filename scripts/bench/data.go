package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// dataset is where the generated files are.
type dataset struct {
	xlsxOp, xlsx string // an operator and its beneficiary workbook
	csvOp, csv   string // the same operator and the same rows as CSV
	sheetOp      string // the same operator with the rows in its Beneficiarios sheet
	market       string // a directory of operators
	bigMarket    string // a larger one, for the batch's memory
	out          string // where the batches of (d) write
}

// generation is a capreg command and the files it writes.
type generation struct {
	args  []string
	files []string
}

// data generates the files with capreg example, each command unless the
// manifest in dir says it wrote its files already (so a new figure's data
// does not regenerate the million-row files).
func (b *bench) data(dir string, rows, market, bigMarket int) (*dataset, error) {
	d := &dataset{
		xlsxOp: filepath.Join(dir, "x.xlsx"), xlsx: filepath.Join(dir, "x.beneficiarios.xlsx"),
		csvOp: filepath.Join(dir, "c.xlsx"), csv: filepath.Join(dir, "c.beneficiarios.csv"),
		sheetOp: filepath.Join(dir, "s.xlsx"), market: filepath.Join(dir, "market"),
		bigMarket: filepath.Join(dir, "market-big"), out: filepath.Join(dir, "out"),
	}
	n := fmt.Sprint(rows)
	gens := []generation{
		{[]string{"example", d.xlsxOp, "--beneficiarios", n, "--beneficiarios-format", "xlsx"}, []string{d.xlsxOp, d.xlsx}},
		{[]string{"example", d.csvOp, "--beneficiarios", n, "--beneficiarios-format", "csv"}, []string{d.csvOp, d.csv}},
		{[]string{"example", d.sheetOp, "--beneficiarios", n, "--beneficiarios-format", "sheet"}, []string{d.sheetOp}},
		{[]string{"example", "--market", fmt.Sprint(market), d.market}, []string{d.market}},
		{[]string{"example", "--market", fmt.Sprint(bigMarket), d.bigMarket}, []string{d.bigMarket}},
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stamp := filepath.Join(dir, "manifest.txt")
	old, _ := os.ReadFile(stamp)
	done := strings.Split(string(old), "\n")
	var manifest strings.Builder
	for _, g := range gens {
		line := "capreg " + strings.Join(g.args, " ")
		if !slices.Contains(done, line) || !present(g.files) {
			if err := b.generate(g); err != nil {
				return nil, err
			}
		}
		manifest.WriteString(line + "\n")
	}
	if manifest.String() == string(old) {
		fmt.Fprintf(os.Stderr, "bench: data in %s (delete it to regenerate)\n", dir)
	}
	if err := os.MkdirAll(d.out, 0o755); err != nil {
		return nil, err
	}
	return d, os.WriteFile(stamp, []byte(manifest.String()), 0o644)
}

// generate runs a command of the data, its files removed first.
func (b *bench) generate(g generation) error {
	for _, f := range g.files {
		if err := os.RemoveAll(f); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "bench: capreg %s\n", strings.Join(g.args, " "))
	cmd := exec.Command(b.capreg, g.args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("capreg %s: %v", strings.Join(g.args, " "), err)
	}
	if !present(g.files) {
		return fmt.Errorf("capreg %s did not write %s", strings.Join(g.args, " "), strings.Join(g.files, ", "))
	}
	return nil
}

func present(files []string) bool {
	for _, p := range files {
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	return true
}
