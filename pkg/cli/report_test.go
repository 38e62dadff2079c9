package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/report"
)

// workbooks of the project that compute.
func validWorkbooks(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/fixtures/*.xlsx")
	return append(files, "examples/operadora-exemplo.xlsx")
}

func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	out, errs, code := runCapreg(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
}

// compare's column for a set is calc --factors SET, and its applied set is
// the one calc chooses.
func TestCompareAgreesWithCalc(t *testing.T) {
	t.Chdir("../..")
	for _, wb := range validWorkbooks(t) {
		t.Run(filepath.Base(wb), func(t *testing.T) {
			var cmp report.CompareDocument
			runJSON(t, &cmp, "compare", wb, "-o", "json")
			var auto report.Document
			runJSON(t, &auto, "calc", wb, "-o", "json")
			if cmp.Applied != auto.FactorSet {
				t.Errorf("compare applies %s, calc %s", cmp.Applied, auto.FactorSet)
			}
			if len(cmp.Sets) != len(capital.Sets()) {
				t.Fatalf("%d sets", len(cmp.Sets))
			}
			for _, s := range cmp.Sets {
				var calc report.Document
				runJSON(t, &calc, "calc", wb, "-o", "json", "--factors", s.Set)
				for _, k := range report.AmountKeys {
					if !s.Amounts[k].Equal(calc.Amounts[k]) {
						t.Errorf("%s %s: compare %s, calc --factors %s", s.Set, k, s.Amounts[k], calc.Amounts[k])
					}
				}
				if s.Applied != (s.Set == auto.FactorSet) {
					t.Errorf("%s applied = %v", s.Set, s.Applied)
				}
			}
		})
	}
}

// The xlsx report holds the JSON's numbers to the centavo, as numeric cells
// with a BRL format, and its charts point at the figures.
func TestXLSXReportMatchesJSON(t *testing.T) {
	t.Chdir("../..")
	for _, wb := range []string{"examples/operadora-exemplo.xlsx", "testdata/fixtures/f06_autogestao_insuficiente.xlsx"} {
		t.Run(filepath.Base(wb), func(t *testing.T) {
			var doc report.Document
			runJSON(t, &doc, "calc", wb, "-o", "json")
			out, errs, code := runCapreg(t, "calc", wb, "-o", "xlsx")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			f, err := excelize.OpenReader(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); strings.Join(got, ",") != "Resumo,Memoria_de_Calculo,Parametros,Validacao" {
				t.Errorf("sheets %v", got)
			}
			// Figures from row 11 of Resumo, in report order.
			for i, k := range report.AmountKeys {
				cell := cellName(2, 11+i)
				raw, err := f.GetCellValue("Resumo", cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				typ, _ := f.GetCellType("Resumo", cell)
				if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s (%s) is not numeric: type %v", cell, k, typ)
				}
				want := doc.AmountsRounded[k]
				if got, err := decimalOf(raw); err != nil || !got.Equal(want) {
					t.Errorf("Resumo!%s (%s) = %s, JSON %s", cell, k, raw, want)
				}
				style, _ := f.GetCellStyle("Resumo", cell)
				st, _ := f.GetStyle(style)
				if st == nil || st.CustomNumFmt == nil || !strings.Contains(*st.CustomNumFmt, "R$") {
					t.Errorf("%s has no BRL number format", cell)
				}
			}
			charts := chartXML(t, []byte(out))
			if len(charts) != 2 {
				t.Fatalf("%d charts, want 2", len(charts))
			}
			for _, ref := range []string{"Resumo!$G$11:$G$14", "Resumo!$F$11:$F$14", "Resumo!$G$15:$G$16"} {
				if !strings.Contains(strings.Join(charts, ""), ref) {
					t.Errorf("no chart points at %s", ref)
				}
			}
			// The chart's data cells hold CRS, CRC, CRM, CRO, PLA, CR.
			for i, k := range []string{"crs", "crc", "crm", "cro", "pla", "cr"} {
				raw, _ := f.GetCellValue("Resumo", cellName(7, 11+i), excelize.Options{RawCellValue: true})
				if got, err := decimalOf(raw); err != nil || !got.Equal(doc.AmountsRounded[k]) {
					t.Errorf("chart data %s = %s, JSON %s", k, raw, doc.AmountsRounded[k])
				}
			}
		})
	}
}

// The compare workbook has its chart of CR by factor set.
func TestCompareXLSXChart(t *testing.T) {
	t.Chdir("../..")
	out, errs, code := runCapreg(t, "compare", "examples/operadora-exemplo.xlsx", "-o", "xlsx")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	charts := chartXML(t, []byte(out))
	if len(charts) != 1 || !strings.Contains(charts[0], "Comparacao!$J$4:$J$8") || !strings.Contains(charts[0], "Comparacao!$A$4:$A$8") {
		t.Errorf("charts %v", charts)
	}
}

func chartXML(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			out = append(out, string(b))
		}
	}
	return out
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func decimalOf(raw string) (decimal.Decimal, error) { return decimal.NewFromString(raw) }
