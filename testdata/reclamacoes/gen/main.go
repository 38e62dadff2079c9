// Command gen writes the complaint-ranking workbooks of testdata/reclamacoes:
// valid examples (a realistic operator with ties and the 80% line, one where
// art. 17 §3 decides, one without complaints) and one broken workbook per
// check, with expected.json: for every workbook, the exit code of capreg
// reclamacoes and the findings (code, sheet, cell) it must report.
//
// A directory named testdata is ignored by go build ./..., so this package
// main does not become part of capreg. Run it from the module root:
//
//	go run ./testdata/reclamacoes/gen
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/reclamacoesbook"
)

const (
	dir = "testdata/reclamacoes"
	per = reclamacoesbook.PeriodoSheet
	rec = reclamacoesbook.ReclamacoesSheet
)

// exemplo: 8 products, 200 unresolved complaints. Hand-worked ranking:
//
//	rank produto        ben   rec  cum   cum share
//	1    483.921/19-1  2.310   62   62   0.31
//	2    471.002/14-8    950   38  100   0.50   (38 tie: fewer beneficiaries first, §2)
//	3    471.003/14-6  4.120   38  138   0.69
//	4    490.550/21-3    780   22  160   0.80   exactly 80%: at risk
//	5    455.120/07-2  1.500   21  181   0.905  over 80%
//	6    499.010/23-0    610   11  192   0.96
//	7    462.300/10-5  8.900    8  200   1
//	8    501.777/24-9    120    0  200   1      never at risk without complaints
var exemplo = [][]any{
	{"471.003/14-6", 4120, 38},
	{"483.921/19-1", 2310, 62},
	{"455.120/07-2", 1500, 21},
	{"471.002/14-8", 950, 38},
	{"490.550/21-3", 780, 22},
	{"462.300/10-5", 8900, 8},
	{"499.010/23-0", 610, 11},
	{"501.777/24-9", 120, 0},
}

type expected struct {
	Exit     int       `json:"exit"`
	Findings []finding `json:"findings"`
}

type finding struct {
	Code   string  `json:"code"`
	Sheet  string  `json:"sheet"`
	Cell   *string `json:"cell"`
	Column *string `json:"column,omitempty"`
	What   string  `json:"what"`
}

func at(code, sheet, cell, what string) finding {
	f := finding{Code: code, Sheet: sheet, What: what}
	if cell != "" {
		f.Cell = &cell
	}
	return f
}

func workbook(inicio, fim any, rows [][]any) *excelize.File {
	f, err := reclamacoesbook.Template()
	check(err)
	check(f.SetCellValue(per, "B2", inicio))
	check(f.SetCellValue(per, "B3", fim))
	for i, r := range rows {
		check(f.SetSheetRow(rec, fmt.Sprintf("A%d", i+2), &r))
	}
	return f
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	check(err)
	return t
}

func set(sheet, cell string, v any) func(*excelize.File) {
	return func(f *excelize.File) { check(f.SetCellValue(sheet, cell, v)) }
}

func main() {
	type wb struct {
		name string
		rows [][]any
		edit func(*excelize.File)
		exit int
		want []finding
	}
	col := "reclamacoes_nao_resolvidas"
	missingCol := at("CR-E040", rec, "", "column reclamacoes_nao_resolvidas missing")
	missingCol.Column = &col
	list := []wb{
		{"reclamacoes-exemplo", exemplo, nil, 0, nil},
		// 85 of 100 in one product: nothing within 80%, §3 puts it at risk.
		{"reclamacoes-par3", [][]any{{"P-1", 5000, 85}, {"P-2", 300, 10}, {"P-3", 90, 5}}, nil, 0, nil},
		{"reclamacoes-sem-reclamacoes", [][]any{{"P-1", 5000, 0}, {"P-2", 300, 0}}, nil, 0, nil},
		{"r01_periodo_antes_da_in36", exemplo, set(per, "B2", day("2024-07-01")), 2,
			[]finding{at("CR-E041", per, "B2", "period starts 2024-07-01, before 2024-10-01")}},
		{"r02_fim_antes_do_inicio", exemplo, set(per, "B3", day("2024-09-30")), 2,
			[]finding{at("CR-E042", per, "B3", "fim before inicio")}},
		{"r03_produto_repetido", exemplo, set(rec, "A5", "471.003/14-6"), 2,
			[]finding{at("CR-E043", rec, "A5", "471.003/14-6 twice")}},
		{"r04_reclamacoes_negativas", exemplo, set(rec, "C3", -2), 2,
			[]finding{at("CR-E044", rec, "C3", "negative complaints")}},
		{"r05_beneficiarios_fracao", exemplo, set(rec, "B4", 1500.5), 2,
			[]finding{at("CR-E044", rec, "B4", "a fraction of a beneficiary")}},
		{"r06_numero_texto", exemplo, set(rec, "C6", "vinte"), 2,
			[]finding{at("CR-E006", rec, "C6", "a word for a number")}},
		{"r07_vazio", exemplo, set(rec, "C7", nil), 2,
			[]finding{at("CR-E005", rec, "C7", "complaints empty")}},
		{"r08_data_invalida", exemplo, set(per, "B3", "31/02/2025"), 2,
			[]finding{at("CR-E008", per, "B3", "31 February")}},
		{"r09_sem_aba_reclamacoes", exemplo, func(f *excelize.File) { check(f.DeleteSheet(rec)) }, 2,
			[]finding{at("CR-E040", rec, "", "no sheet Reclamacoes")}},
		{"r10_coluna_faltando", exemplo, set(rec, "C1", "reclamacoes"), 2, []finding{missingCol}},
		{"r11_sem_fim", exemplo, set(per, "A3", "final"), 2, []finding{at("CR-E040", per, "", "campo fim missing")}},
	}
	exp := map[string]expected{}
	for _, w := range list {
		f := workbook(day("2024-10-01"), day("2025-03-31"), w.rows)
		if w.edit != nil {
			w.edit(f)
		}
		check(f.SetDocProps(&excelize.DocProperties{Creator: "capreg testdata", Created: "2025-10-01T00:00:00Z", Modified: "2025-10-01T00:00:00Z"}))
		buf, err := f.WriteToBuffer()
		check(err)
		check(f.Close())
		check(os.WriteFile(filepath.Join(dir, w.name+".xlsx"), buf.Bytes(), 0o644))
		exp[w.name+".xlsx"] = expected{Exit: w.exit, Findings: append([]finding{}, w.want...)}
	}
	data, err := json.MarshalIndent(exp, "", "  ")
	check(err)
	check(os.WriteFile(filepath.Join(dir, "expected.json"), append(data, '\n'), 0o644))
	fmt.Printf("wrote %d workbooks to %s\n", len(exp), dir)
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
