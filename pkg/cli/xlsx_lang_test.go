package cli

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/golden"
)

// chartWords finds the words of a chart: its title's runs and its series'
// names.
var chartWords = regexp.MustCompile(`<a:t>([^<]*)</a:t>|<tx><strRef><f>([^<]*)</f>`)

// xlsxLabels are the words of a workbook capreg wrote, read back: every
// text cell of each sheet (of its first rows[sheet] rows when given), a
// line each ("Sheet!A1  text"), then the words of its charts. Numeric
// cells are left out: they are the same in every language.
func xlsxLabels(t *testing.T, data string, rows map[string]int) string {
	t.Helper()
	f, err := excelize.OpenReader(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		all, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if n, ok := rows[s]; ok && n < len(all) {
			all = all[:n]
		}
		for r, row := range all {
			for c, v := range row {
				cell := cellName(c+1, r+1)
				if typ, _ := f.GetCellType(s, cell); v == "" || typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
					continue
				}
				fmt.Fprintf(&b, "%s!%s\t%s\n", s, cell, strings.ReplaceAll(v, "\n", `\n`))
			}
		}
	}
	for i, c := range chartXML(t, []byte(data)) {
		for _, m := range chartWords.FindAllStringSubmatch(c, -1) {
			fmt.Fprintf(&b, "chart %d\t%s\n", i+1, m[1]+m[2])
		}
	}
	return b.String()
}

// The words of the xlsx reports of calc, compare and batch, read back from
// the workbooks, in each language (golden files): labels, headings, notes,
// markers and chart titles follow --lang; the sheets' names do not.
func TestXLSXLabels(t *testing.T) {
	t.Chdir("../..")
	const example = "examples/operadora-exemplo.xlsx"
	// Parametros lists the whole rulebook: its header and first rows show
	// its words.
	calcRows := map[string]int{"Parametros": 4, "Memoria_de_Calculo": 6}
	for _, c := range []struct {
		name string
		args []string
		rows map[string]int
	}{
		{"calc-xlsx", []string{"calc", example}, calcRows},
		{"calc-xlsx-informed", []string{"calc", "testdata/fixtures/f06_autogestao_insuficiente.xlsx"}, map[string]int{"Parametros": 1, "Memoria_de_Calculo": 1}},
		{"compare-xlsx", []string{"compare", example}, calcRows},
		{"batch-xlsx", append([]string{"batch"}, batchInputs...), map[string]int{"Parametros": 5}},
	} {
		for _, l := range []string{"en", "pt-BR"} {
			t.Run(c.name+" "+l, func(t *testing.T) {
				out, errs, code := runCapreg(t, append(c.args, "-o", "xlsx", "--lang", l)...)
				if code != 0 && c.args[0] != "batch" { // the batch has an invalid workbook
					t.Fatalf("exit %d: %s", code, errs)
				}
				name := c.name
				if l != "en" {
					name += "-" + l
				}
				golden.Equal(t, "./pkg/cli", filepath.Join("testdata", "golden", name+".golden"), xlsxLabels(t, out, c.rows))
			})
		}
	}
}
