// Command gen writes the collection sheets of testdata/coleta: a valid
// sheet filled as a person would (coleta-valida.xlsx), one broken sheet per
// rule of programs-and-filings.md §1 (and one per warning), the beneficiary
// files capreg coleta fill reads, and expected.json: for every sheet, the
// exit code of capreg coleta validate and the findings (code, sheet, cell)
// it must report.
//
// A directory named testdata is ignored by go build ./..., so this package
// main does not become part of capreg. Run it from the module root:
//
//	go run ./testdata/coleta/gen
//
// The output is deterministic: the same bytes on every run. Entries of
// expected.json that other writers added (make_openpyxl.py) are kept.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/coletabook"
	"github.com/capreg/capreg/pkg/period"
)

const dir = "testdata/coleta"

func m(y, mo int) period.Month { return period.Month{Year: y, Month: time.Month(mo)} }

// base is the operator of every sheet: 2018-01..2019-06 in rows 3..20,
// PROMOPREV approved 2018-07 (row 9), APS homologated 2019-02 (row 16).
func base(promoprev, aps bool) coleta.TemplateOptions {
	o := coleta.TemplateOptions{Registro: "005711", Desde: m(2018, 1), Ate: m(2019, 6)}
	if promoprev {
		p := m(2018, 7)
		o.Promoprev = &p
	}
	if aps {
		a := m(2019, 2)
		o.APS = &a
	}
	return o
}

// filled is the template with every applicable cell typed in, as numbers.
func filled(o coleta.TemplateOptions) *excelize.File {
	f, err := coletabook.Template(o)
	check(err)
	for i, mo := range o.Months() {
		row := coleta.FirstDataRow + i
		total := 48200 + 137*i
		for _, fd := range coleta.Fields()[4:] {
			if !fd.Applies(mo, o.Promoprev, o.APS) {
				continue
			}
			var v any
			switch fd.Num {
			case 5:
				v = total
			case 6:
				v = 9100 + 41*i
			case 7:
				v = 3050 + 17*i
			case 8, 9, 10:
				v = float64(7800+fd.Num*37+i*13) / 100 // 3+2: 79.11 ...
			case 11, 13:
				v = float64(18250075+fd.Num*1000+i*2511) / 100 // 10+2
			case 12:
				v = 86400.5
			default:
				v = float64(5000+fd.Num*311+i*7) / 10000 // 3+4
			}
			check(f.SetCellValue(coleta.SheetName, coleta.Axis(fd.Num, row), v))
		}
	}
	return f
}

// expected is one sheet's entry of expected.json.
type expected struct {
	Exit     int       `json:"exit"`
	Findings []finding `json:"findings"`
}

type finding struct {
	Code  string  `json:"code"`
	Sheet string  `json:"sheet"`
	Cell  *string `json:"cell"`
	What  string  `json:"what"`
}

func at(code, cell, what string) finding {
	f := finding{Code: code, Sheet: coleta.SheetName, What: what}
	if cell != "" {
		f.Cell = &cell
	}
	return f
}

type sheet struct {
	name  string
	base  coleta.TemplateOptions
	edit  func(f *excelize.File)
	exit  int
	want  []finding
	bytes []byte // a file that is no workbook
}

func set(cell string, v any) func(f *excelize.File) {
	return func(f *excelize.File) { check(f.SetCellValue(coleta.SheetName, cell, v)) }
}

func clear(cell string) func(f *excelize.File) { return set(cell, nil) }

func sheets() []sheet {
	both := base(true, true)
	return []sheet{
		{"coleta-valida", both, nil, 0, nil, nil},
		{"c01_sem_aba_coleta", both, func(f *excelize.File) { check(f.SetSheetName(coleta.SheetName, "Dados")) }, 2,
			[]finding{at("CR-E030", "", "no sheet Coleta")}, nil},
		{"c02_cabecalho_campo_7", both, set("G1", 8), 2, []finding{at("CR-E030", "G1", "row 1 holds 8 where field 7 belongs")}, nil},
		{"c03_registro_5_digitos", both, set("A5", "05711"), 2, []finding{at("CR-E012", "A5", "registro of 5 digits")}, nil},
		{"c04_registro_numero", both, set("A5", 5711), 0, []finding{at("CR-W033", "A5", "registro typed as a number: read as 005711, but the file ANS receives holds 4 digits")}, nil},
		{"c05_registro_diferente", both, set("A10", "123456"), 2, []finding{at("CR-E038", "A10", "another operator's registro")}, nil},
		{"c06_mes_aaaa_mm", both, set("B6", "2018-04"), 2, []finding{at("CR-E031", "B6", "month written AAAA-MM")}, nil},
		{"c07_mes_numero_sem_zero", both, set("B6", 42018), 2, []finding{at("CR-E031", "B6", "mmaaaa typed as a number")}, nil},
		{"c08_mes_celula_de_data", both, set("B6", time.Date(2018, 4, 1, 0, 0, 0, 0, time.UTC)), 2, []finding{at("CR-E031", "B6", "a date cell")}, nil},
		{"c09_mes_faltando", both, func(f *excelize.File) { check(f.RemoveRow(coleta.SheetName, 7)) }, 2,
			[]finding{at("CR-E033", "B7", "2018-05 missing before 2018-06")}, nil},
		{"c10_mes_repetido", both, set("B8", "052018"), 2, []finding{at("CR-E018", "B8", "2018-05 twice")}, nil},
		{"c11_fora_de_ordem", both, func(f *excelize.File) { set("B5", "042018")(f); set("B6", "032018")(f) }, 2,
			[]finding{at("CR-E033", "B6", "2018-03 after 2018-04")}, nil},
		{"c12_antes_de_2018", both, set("B3", "122017"), 2, []finding{at("CR-E033", "B3", "a month before 2018-01")}, nil},
		{"c13_inteiro_11_digitos", both, set("E5", 12345678901), 2, []finding{at("CR-E032", "E5", "11 digits in field 5")}, nil},
		{"c14_3_mais_2_com_3_decimais", both, set("H5", 85.333), 2, []finding{at("CR-E032", "H5", "3 decimals in field 8")}, nil},
		{"c15_negativo", both, set("K12", -100), 2, []finding{at("CR-E032", "K12", "negative expenses")}, nil},
		{"c16_10_mais_2_grande", both, set("K12", 12345678901.25), 2, []finding{at("CR-E032", "K12", "11 integer digits in field 11")}, nil},
		{"c17_3_mais_4_com_5_decimais", both, set("N5", 1.23456), 2, []finding{at("CR-E032", "N5", "5 decimals in field 14")}, nil},
		{"c18_texto_nao_numero", both, set("Q5", "n/d"), 2, []finding{at("CR-E006", "Q5", "text in field 17")}, nil},
		{"c19_texto_ambiguo", both, set("K12", "1.234"), 2, []finding{at("CR-E007", "K12", "1.234 typed as text")}, nil},
		{"c20_vazio_obrigatorio", both, clear("H5"), 2, []finding{at("CR-E005", "H5", "field 8 empty")}, nil},
		{"c21_formula_sem_valor", both, func(f *excelize.File) {
			clear("T5")(f)
			check(f.SetCellFormula(coleta.SheetName, "T5", "SUM(X1:X2)"))
		}, 2,
			[]finding{at("CR-E010", "T5", "a formula without cached value")}, nil},
		{"c22_promoprev_antes_do_inicio", both, set("F5", 100), 2, []finding{at("CR-E034", "F5", "field 6 in 2018-03, PROMOPREV from 2018-07")}, nil},
		{"c23_aps_antes_da_homologacao", both, set("J12", 70.5), 2, []finding{at("CR-E034", "J12", "field 10 in 2018-10, APS from 2019-02")}, nil},
		{"c24_campo_21_sem_aps", base(true, false), set("U12", 1.5), 2, []finding{at("CR-E034", "U12", "field 21 for a PROMOPREV-only operator")}, nil},
		{"c25_promoprev_vazio_depois_do_inicio", both, clear("O12"), 2, []finding{at("CR-E005", "O12", "field 15 empty after the PROMOPREV start")}, nil},
		{"c26_campo_12_fora_do_mes", both, set("L17", 5000), 2, []finding{at("CR-E035", "L17", "field 12 in 2019-03, homologated 2019-02")}, nil},
		{"c27_campo_12_vazio_no_mes", both, clear("L16"), 2, []finding{at("CR-E005", "L16", "field 12 empty in the homologation month")}, nil},
		{"c28_campo_6_maior_que_5", both, set("F12", 50000), 2, []finding{at("CR-E036", "F12", "field 6 above field 5")}, nil},
		{"c29_campo_7_maior_que_5", both, set("G18", 60000), 2, []finding{at("CR-E036", "G18", "field 7 above field 5")}, nil},
		{"c30_inicio_promoprev_diferente", both, set("C15", "082018"), 2, []finding{at("CR-E037", "C15", "another PROMOPREV start")}, nil},
		{"c31_inicio_aps_vazio_depois", both, clear("D18"), 2, []finding{at("CR-E005", "D18", "field 4 empty after the homologation")}, nil},
		{"c32_inicio_nao_mmaaaa", both, set("C5", "07/2018"), 2, []finding{at("CR-E031", "C5", "field 3 written 07/2018")}, nil},
		{"c33_sem_linhas", both, func(f *excelize.File) {
			for range 18 {
				check(f.RemoveRow(coleta.SheetName, 3))
			}
		}, 2, []finding{at("CR-E033", "A3", "no data rows")}, nil},
		{"c34_nao_e_xlsx", both, nil, 2, []finding{{Code: "CR-E001", What: "a CSV renamed .xlsx"}}, []byte("registro;mes\n005711;012018\n")},
		{"c35_aviso_nome_do_campo", both, set("H2", "Sinistralidade"), 0, []finding{at("CR-W030", "H2", "field 8 renamed")}, nil},
		{"c36_aviso_comeca_depois_de_2018", both, func(f *excelize.File) { check(f.RemoveRow(coleta.SheetName, 3)) }, 0,
			[]finding{at("CR-W031", "B3", "starts at 2018-02")}, nil},
		{"c37_aviso_numero_como_texto", both, set("K12", "182.510,86"), 0, []finding{at("CR-W032", "K12", "pt-BR text in a numeric field")}, nil},
		{"c38_aviso_coluna_extra", both, set("W5", "observação"), 0, []finding{at("CR-W013", "W5", "a note right of column U")}, nil},
	}
}

// beneficiaries are the rows of the beneficiary files: 12 people, 5
// marked promoprev S, 3 aps S.
var beneficiaries = [][]string{
	{"id", "produto", "tipo_contratacao", "segmento", "remissao", "promoprev", "parto_adequado", "aps"},
	{"1", "Saúde Ouro", "individual", "medico_hospitalar", "nenhuma", "S", "N", "S"},
	{"2", "Saúde Ouro", "individual", "medico_hospitalar", "nenhuma", "S", "N", "N"},
	{"3", "Saúde Ouro", "coletivo_empresarial", "medico_hospitalar", "nenhuma", "N", "S", "S"},
	{"4", "Saúde Prata", "coletivo_empresarial", "medico_hospitalar", "clausula_temporaria", "N", "N", "N"},
	{"5", "Saúde Prata", "coletivo_adesao", "medico_hospitalar", "nenhuma", "S", "N", "N"},
	{"6", "Saúde Prata", "coletivo_adesao", "medico_hospitalar", "nenhuma", "", "", ""},
	{"7", "Odonto Mais", "individual", "odontologico", "nenhuma", "N", "N", "N"},
	{"8", "Odonto Mais", "individual", "odontologico", "nenhuma", "S", "N", "S"},
	{"9", "Odonto Mais", "coletivo_empresarial", "odontologico", "remido_vitalicio", "N", "N", "N"},
	{"10", "Saúde Ouro", "individual", "medico_hospitalar", "nenhuma", "S", "N", "N"},
	{"11", "Saúde Ouro", "individual", "medico_hospitalar", "nenhuma", "N", "N", "N"},
	{"12", "Saúde Prata", "coletivo_empresarial", "medico_hospitalar", "nenhuma", "N", "N", "N"},
}

// writeBeneficiaries writes the same rows as a Latin-1 CSV separated by ;
// (as Excel in pt-BR saves it) and as a workbook.
func writeBeneficiaries() {
	var csv []byte
	for _, r := range beneficiaries {
		for i, v := range r {
			if i > 0 {
				csv = append(csv, ';')
			}
			for _, c := range v {
				csv = append(csv, byte(c)) // Latin-1: every rune here is below 256
			}
		}
		csv = append(csv, '\r', '\n')
	}
	check(os.WriteFile(filepath.Join(dir, "beneficiarios.csv"), csv, 0o644))
	f := excelize.NewFile()
	check(f.SetSheetName("Sheet1", "Beneficiarios"))
	for i, r := range beneficiaries {
		row := make([]any, len(r))
		for j, v := range r {
			row[j] = v
		}
		check(f.SetSheetRow("Beneficiarios", fmt.Sprintf("A%d", i+1), &row))
	}
	save(f, filepath.Join(dir, "beneficiarios.xlsx"))
}

func save(f *excelize.File, path string) {
	check(f.SetDocProps(&excelize.DocProperties{Creator: "capreg testdata", Created: "2025-10-01T00:00:00Z", Modified: "2025-10-01T00:00:00Z"}))
	buf, err := f.WriteToBuffer()
	check(err)
	check(f.Close())
	check(os.WriteFile(path, buf.Bytes(), 0o644))
}

func main() {
	// Entries of other writers (make_openpyxl.py) are kept.
	exp := map[string]json.RawMessage{}
	if data, err := os.ReadFile(filepath.Join(dir, "expected.json")); err == nil {
		check(json.Unmarshal(data, &exp))
	}
	for _, s := range sheets() {
		path := filepath.Join(dir, s.name+".xlsx")
		entry, err := json.Marshal(expected{Exit: s.exit, Findings: append([]finding{}, s.want...)})
		check(err)
		exp[s.name+".xlsx"] = entry
		if s.bytes != nil {
			check(os.WriteFile(path, s.bytes, 0o644))
			continue
		}
		f := filled(s.base)
		if s.edit != nil {
			s.edit(f)
		}
		save(f, path)
	}
	writeBeneficiaries()
	data, err := json.MarshalIndent(exp, "", "  ")
	check(err)
	check(os.WriteFile(filepath.Join(dir, "expected.json"), append(data, '\n'), 0o644))
	fmt.Printf("wrote %d sheets and the beneficiary files to %s\n", len(sheets()), dir)
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
