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
	out          string // where the batches of (d) and the imports of (e) and (f) write
	openData     string // an open-data quarter of many operators, for (e)
}

// generation is a capreg command, or a function of this program (write,
// args its name and arguments), and the files it writes, for the figure
// that needs them.
type generation struct {
	figure string
	args   []string
	files  []string
	write  func() error
}

// data generates the files of the chosen figures with capreg example (and
// the open-data quarter of (e) with writeOpenData), each command unless the
// manifest in dir says it wrote its files already (so a new figure's data
// does not regenerate the million-row files).
func (b *bench) data(dir string, rows, market, bigMarket, operators int) (*dataset, error) {
	d := &dataset{
		xlsxOp: filepath.Join(dir, "x.xlsx"), xlsx: filepath.Join(dir, "x.beneficiarios.xlsx"),
		csvOp: filepath.Join(dir, "c.xlsx"), csv: filepath.Join(dir, "c.beneficiarios.csv"),
		sheetOp: filepath.Join(dir, "s.xlsx"), market: filepath.Join(dir, "market"),
		bigMarket: filepath.Join(dir, "market-big"), out: filepath.Join(dir, "out"),
		openData: filepath.Join(dir, "opendata.csv"),
	}
	n := fmt.Sprint(rows)
	gens := []generation{
		{figure: "a", args: []string{"example", d.xlsxOp, "--beneficiarios", n, "--beneficiarios-format", "xlsx"}, files: []string{d.xlsxOp, d.xlsx}},
		{figure: "b", args: []string{"example", d.csvOp, "--beneficiarios", n, "--beneficiarios-format", "csv"}, files: []string{d.csvOp, d.csv}},
		{figure: "a", args: []string{"example", d.sheetOp, "--beneficiarios", n, "--beneficiarios-format", "sheet"}, files: []string{d.sheetOp}},
		{figure: "c", args: []string{"example", "--market", fmt.Sprint(market), d.market}, files: []string{d.market}},
		{figure: "d", args: []string{"example", "--market", fmt.Sprint(bigMarket), d.bigMarket}, files: []string{d.bigMarket}},
		{figure: "e", args: []string{"opendata", "--operators", fmt.Sprint(operators), "--rows-per-operator", "2000", d.openData},
			files: []string{d.openData}, write: func() error { return writeOpenData(d.openData, operators, 2000) }},
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	stamp := filepath.Join(dir, "manifest.txt")
	old, _ := os.ReadFile(stamp)
	done := strings.Split(string(old), "\n")
	var manifest strings.Builder
	generated := false
	for _, g := range gens {
		line := "capreg " + strings.Join(g.args, " ")
		if g.write != nil {
			line = "bench " + strings.Join(g.args, " ")
		}
		there := slices.Contains(done, line) && present(g.files)
		if !b.chosen(g.figure) {
			if there {
				manifest.WriteString(line + "\n")
			}
			continue
		}
		if !there {
			if err := b.generate(g); err != nil {
				return nil, err
			}
			generated = true
		}
		manifest.WriteString(line + "\n")
	}
	if !generated {
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
	if g.write != nil {
		fmt.Fprintf(os.Stderr, "bench: writing %s\n", strings.Join(g.args, " "))
		if err := g.write(); err != nil {
			for _, f := range g.files {
				os.Remove(f) // never a partial file taken for the data
			}
			return fmt.Errorf("writing %s: %v", strings.Join(g.args, " "), err)
		}
		return nil
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
