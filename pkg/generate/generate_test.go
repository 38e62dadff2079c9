package generate

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/layout"
)

// open reads xlsx bytes back with excelize, in memory.
func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// rawRows reads a sheet's raw cell values (no number format applied).
func rawRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatalf("Rows(%s): %v", sheet, err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		out = append(out, cols)
	}
	return out
}

func at(rows [][]string, row, col int) string { // 1-based
	if row-1 < len(rows) && col-1 < len(rows[row-1]) {
		return rows[row-1][col-1]
	}
	return ""
}

func template(t *testing.T) *excelize.File {
	t.Helper()
	b, err := templateBytes()
	if err != nil {
		t.Fatalf("templateBytes: %v", err)
	}
	return open(t, b)
}

func example(t *testing.T, seed uint64) *excelize.File {
	t.Helper()
	b, err := exampleBytes(seed)
	if err != nil {
		t.Fatalf("exampleBytes(%d): %v", seed, err)
	}
	return open(t, b)
}

func sheetNamesOf(sheets []layout.Sheet) []string {
	names := []string{layout.ReadmeSheet}
	for _, s := range sheets {
		names = append(names, s.Name)
	}
	return names
}

func TestTemplateHasEveryLayoutSheetEmpty(t *testing.T) {
	t.Parallel()
	f := template(t)
	if got, want := f.GetSheetList(), sheetNamesOf(layout.Sheets()); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	for _, s := range layout.Sheets() {
		rows := rawRows(t, f, s.Name)
		switch s.Kind {
		case layout.Fields:
			if at(rows, 1, 1) != layout.CampoHeader || at(rows, 1, 2) != layout.ValorHeader {
				t.Errorf("%s: header = %q, want campo | valor", s.Name, rows[0])
			}
			if len(rows) != len(s.Fields)+1 {
				t.Errorf("%s: %d rows, want %d", s.Name, len(rows), len(s.Fields)+1)
			}
			for i, fd := range s.Fields {
				if got := at(rows, i+2, 1); got != fd.Name {
					t.Errorf("%s!A%d = %q, want %q", s.Name, i+2, got, fd.Name)
				}
			}
			for r := 2; r <= len(rows); r++ {
				for c := 2; c <= len(rows[r-1]); c++ {
					if v := at(rows, r, c); v != "" {
						t.Errorf("%s!%s holds %q; the template must hold no value", s.Name, cellName(c, r), v)
					}
				}
			}
		case layout.Table:
			var want []string
			for _, fd := range s.Fields {
				want = append(want, fd.Name)
			}
			if len(rows) == 0 || !slices.Equal(rows[0], want) {
				t.Errorf("%s: header = %q, want %q", s.Name, rows, want)
			}
			for r := 2; r <= len(rows); r++ {
				for c := 1; c <= len(rows[r-1]); c++ {
					if v := at(rows, r, c); v != "" {
						t.Errorf("%s!%s holds %q; the template must hold no value", s.Name, cellName(c, r), v)
					}
				}
			}
		}
	}
}

// validations maps each sqref of a sheet to its data validation.
func validations(t *testing.T, f *excelize.File, sheet string) map[string]*excelize.DataValidation {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatalf("GetDataValidations(%s): %v", sheet, err)
	}
	m := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		m[dv.Sqref] = dv
	}
	return m
}

func TestTemplateValidations(t *testing.T) {
	t.Parallel()
	f := template(t)
	lists := 0
	for _, s := range layout.Sheets() {
		dvs := validations(t, f, s.Name)
		for i, fd := range s.Fields {
			sqref := fmt.Sprintf("B%d", i+2)
			if s.Kind == layout.Table {
				col := colName(i + 1)
				sqref = fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows)
			}
			dv, ok := dvs[sqref]
			if !ok {
				t.Errorf("%s.%s: no data validation on %s", s.Name, fd.Name, sqref)
				continue
			}
			if dv.Prompt == nil || !strings.Contains(*dv.Prompt, fd.Doc[:min(len(fd.Doc), 20)]) {
				t.Errorf("%s.%s: the input message does not show the field's doc", s.Name, fd.Name)
			}
			codes := codesOf(fd)
			if codes == nil {
				if dv.Type != "" {
					t.Errorf("%s.%s: validation type %q on a free field", s.Name, fd.Name, dv.Type)
				}
				continue
			}
			lists++
			if want := `"` + strings.Join(codes, ",") + `"`; dv.Type != "list" || dv.Formula1 != want {
				t.Errorf("%s.%s: validation %s %s, want list %s", s.Name, fd.Name, dv.Type, dv.Formula1, want)
			}
			if !dv.AllowBlank || !dv.ShowErrorMessage {
				t.Errorf("%s.%s: drop-down list must allow blank and refuse other codes", s.Name, fd.Name)
			}
		}
	}
	// Operadora: modalidade, segmentacao, regiao, six situações; and the
	// code columns of the tables.
	if lists < 9 {
		t.Errorf("%d drop-down lists, want at least 9", lists)
	}
}

func TestTemplateLeiaMeDocumentsEveryField(t *testing.T) {
	t.Parallel()
	f := template(t)
	if f.GetSheetList()[0] != layout.ReadmeSheet {
		t.Fatalf("first sheet is %s, want %s", f.GetSheetList()[0], layout.ReadmeSheet)
	}
	rows := rawRows(t, f, layout.ReadmeSheet)
	var text strings.Builder
	seen := map[string]map[string][]string{} // sheet → field → row
	sheet := ""
	for _, r := range rows {
		text.WriteString(strings.Join(r, " ") + "\n")
		if a := at([][]string{r}, 1, 1); strings.HasPrefix(a, "Aba ") {
			sheet = strings.TrimSuffix(strings.TrimPrefix(a, "Aba "), " (opcional)")
			seen[sheet] = map[string][]string{}
		} else if sheet != "" && a != "" {
			seen[sheet][a] = r
		}
	}
	for _, phrase := range []string{"RN ANS nº 569/2022", "1.234.567,89", "1.234", "35%", "AAAA-MM-DD", "AAAA-MM",
		"nunca zero", "ignoradas, com um aviso"} {
		if !strings.Contains(text.String(), phrase) {
			t.Errorf("Leia-me does not say %q", phrase)
		}
	}
	for _, s := range layout.Sheets() {
		fields, ok := seen[s.Name]
		if !ok {
			t.Errorf("Leia-me has no section for %s", s.Name)
			continue
		}
		for _, fd := range s.Fields {
			r, ok := fields[fd.Name]
			if !ok {
				t.Errorf("Leia-me, %s: no row for %s", s.Name, fd.Name)
				continue
			}
			want := []string{fd.Name, "sim", typeName(fd.Type), strings.Join(codesOf(fd), ", "), fd.Doc}
			if fd.Optional {
				want[1] = "não (opcional)"
			}
			for c, w := range want {
				if got := at([][]string{r}, 1, c+1); got != w {
					t.Errorf("Leia-me, %s.%s column %d = %q, want %q", s.Name, fd.Name, c+1, got, w)
				}
			}
		}
	}
}

func TestTypeNamesCoverEveryType(t *testing.T) {
	t.Parallel()
	for _, s := range layout.Sheets() {
		for _, fd := range s.Fields {
			if strings.HasPrefix(typeName(fd.Type), "tipo ") {
				t.Errorf("%s.%s: type %d has no name in the Leia-me", s.Name, fd.Name, fd.Type)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, err := templateBytes()
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		b, err := templateBytes()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("templateBytes differs between calls")
		}
	}
	for _, seed := range []uint64{1, 42} {
		a, err := exampleBytes(seed)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			b, err := exampleBytes(seed)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Fatalf("exampleBytes(%d) differs between calls", seed)
			}
		}
	}
	props, err := example(t, 1).GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != docDate || props.Modified != docDate {
		t.Errorf("document dates %s / %s, want the fixed %s", props.Created, props.Modified, docDate)
	}
}

// view is an example workbook read back: per sheet, its records as field →
// raw value, plus the cell of each value.
type view struct {
	f       *excelize.File
	records map[string][]map[string]string
	cells   map[string][]map[string]string
}

func read(t *testing.T, f *excelize.File) view {
	t.Helper()
	v := view{f: f, records: map[string][]map[string]string{}, cells: map[string][]map[string]string{}}
	for _, s := range layout.Sheets() {
		if i, err := f.GetSheetIndex(s.Name); err != nil {
			t.Fatal(err)
		} else if i < 0 {
			continue
		}
		rows := rawRows(t, f, s.Name)
		switch s.Kind {
		case layout.Fields:
			rec, cells := map[string]string{}, map[string]string{}
			for r := 2; r <= len(rows); r++ {
				rec[at(rows, r, 1)] = at(rows, r, 2)
				cells[at(rows, r, 1)] = cellName(2, r)
			}
			v.records[s.Name] = []map[string]string{rec}
			v.cells[s.Name] = []map[string]string{cells}
		case layout.Table:
			for r := 2; r <= len(rows); r++ {
				rec, cells := map[string]string{}, map[string]string{}
				for c, name := range rows[0] {
					rec[name] = at(rows, r, c+1)
					cells[name] = cellName(c+1, r)
				}
				v.records[s.Name] = append(v.records[s.Name], rec)
				v.cells[s.Name] = append(v.cells[s.Name], cells)
			}
		}
	}
	return v
}

func (v view) one(sheet, field string) string { return v.records[sheet][0][field] }

func (v view) cellType(t *testing.T, sheet, cell string) excelize.CellType {
	t.Helper()
	ct, err := v.f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return ct
}

func (v view) amount(t *testing.T, sheet string, i int, field string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(v.records[sheet][i][field], 64)
	if err != nil {
		t.Fatalf("%s!%s (%s): %v", sheet, v.cells[sheet][i][field], field, err)
	}
	return x
}

// month reads a month cell: text AAAA-MM or a date serial.
func month(t *testing.T, raw string) string {
	t.Helper()
	if len(raw) == 7 && raw[4] == '-' {
		return raw
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%q is not a month", raw)
	}
	tm, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		t.Fatal(err)
	}
	return tm.Format("2006-01")
}

func date(t *testing.T, raw string) time.Time {
	t.Helper()
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%q is not a date serial", raw)
	}
	tm, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

var window = []string{"2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03",
	"2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"}

// nonAmounts are the Number fields that are not money.
var nonAmounts = []string{"prazo_meses", "fator", "fpr"}

var twoDecimals = regexp.MustCompile(`^-?[0-9]+(\.[0-9]{1,2})?$`)

func TestExampleSeed1(t *testing.T) {
	t.Parallel()
	f := example(t, 1)
	var sheets []layout.Sheet
	for _, s := range layout.Sheets() {
		if s.Name != "Beneficiarios" {
			sheets = append(sheets, s)
		}
	}
	if got, want := f.GetSheetList(), sheetNamesOf(sheets); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	v := read(t, f)

	t.Run("required values filled", func(t *testing.T) {
		for _, s := range sheets {
			for i, rec := range v.records[s.Name] {
				for _, fd := range s.Fields {
					if !fd.Optional && strings.TrimSpace(rec[fd.Name]) == "" {
						t.Errorf("%s!%s (%s) is empty", s.Name, v.cells[s.Name][i][fd.Name], fd.Name)
					}
				}
			}
		}
	})

	t.Run("operadora", func(t *testing.T) {
		want := map[string]string{"data_base": "2025-09", "modalidade": "medicina_de_grupo", "segmentacao": "SSP",
			"regiao": "2", "hc": "0.35", "idss": "0.72"}
		for _, s := range layout.Situacoes {
			want[s] = "N"
		}
		for k, w := range want {
			if got := v.one("Operadora", k); got != w {
				t.Errorf("Operadora.%s = %q, want %q", k, got, w)
			}
		}
		if reg := v.one("Operadora", "registro_ans"); !regexp.MustCompile(`^3[0-9]{5}$`).MatchString(reg) ||
			v.cellType(t, "Operadora", v.cells["Operadora"][0]["registro_ans"]) == excelize.CellTypeNumber {
			t.Errorf("registro_ans %q: want text 3xxxxx", reg)
		}
		for field, year := range map[string]int{"governanca_relatorio_data": 2025, "promoprev_aprovacao": 2024} {
			if ct := v.cellType(t, "Operadora", v.cells["Operadora"][0][field]); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
				t.Errorf("%s: want a date cell, got type %v", field, ct)
			}
			d := date(t, v.one("Operadora", field))
			if d.Year() != year || d.After(time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s = %s, want a date in %d before the data base", field, d.Format("2006-01-02"), year)
			}
		}
	})

	t.Run("12 months for every cell", func(t *testing.T) {
		months := map[string][]string{}
		for i, rec := range v.records["Contraprestacoes"] {
			key := rec["tipo_contratacao"] + "/" + rec["segmento"]
			months[key] = append(months[key], month(t, rec["competencia"]))
			if i == 0 && v.cellType(t, "Contraprestacoes", v.cells["Contraprestacoes"][i]["competencia"]) == excelize.CellTypeNumber {
				t.Error("Contraprestacoes competencia: want text AAAA-MM (the example shows both month forms)")
			}
		}
		if len(months) != 6 {
			t.Errorf("%d pricing cells, want 6: %v", len(months), months)
		}
		for key, ms := range months {
			slices.Sort(ms)
			if !slices.Equal(ms, window) {
				t.Errorf("Contraprestacoes %s: months %v, want %v", key, ms, window)
			}
		}
		var ev []string
		for i, rec := range v.records["Eventos"] {
			ev = append(ev, month(t, rec["competencia"]))
			if ct := v.cellType(t, "Eventos", v.cells["Eventos"][i]["competencia"]); ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString {
				t.Error("Eventos competencia: want date cells (the example shows both month forms)")
			}
		}
		slices.Sort(ev)
		if !slices.Equal(ev, window) {
			t.Errorf("Eventos months %v, want %v", ev, window)
		}
	})

	t.Run("amounts are numeric with 2 decimals", func(t *testing.T) {
		n, withCentavos := 0, 0
		for _, s := range sheets {
			for i, rec := range v.records[s.Name] {
				for _, fd := range s.Fields {
					raw := rec[fd.Name]
					if fd.Type != layout.Number || slices.Contains(nonAmounts, fd.Name) || raw == "" {
						continue
					}
					cell := v.cells[s.Name][i][fd.Name]
					if ct := v.cellType(t, s.Name, cell); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
						t.Errorf("%s!%s: want a numeric cell, got type %v", s.Name, cell, ct)
					}
					if !twoDecimals.MatchString(raw) {
						t.Errorf("%s!%s = %s: not an amount in centavos", s.Name, cell, raw)
					}
					n++
					if strings.Contains(raw, ".") {
						withCentavos++
					}
				}
			}
		}
		if n < 150 || withCentavos < n*9/10 {
			t.Errorf("%d amounts, %d with centavos; want realistic centavos throughout", n, withCentavos)
		}
	})

	t.Run("shape", func(t *testing.T) {
		if n := len(v.records["ABI"]); n < 30 || n > 50 {
			t.Errorf("%d ABIs, want about 40", n)
		}
		for i := range v.records["ABI"] {
			if a := v.amount(t, "ABI", i, "valor"); a < 1000 || a > 50000 {
				t.Errorf("ABI %d = %.2f, want R$ 1.000 to 50.000", i, a)
			}
		}
		negative := 0
		for i := range v.records["Credito_Operadoras"] {
			a := func(f string) float64 { return v.amount(t, "Credito_Operadoras", i, f) }
			e := a("creditos_operacoes") + a("intercambio_receber") + a("creditos_programas") - a("ppsc_programas") +
				a("creditos_adm_programas") - a("ppsc_adm_programas") - a("debitos_operacoes") - a("pesl_intercambio") - a("debitos_adm_programas")
			if e < 0 {
				negative++
			}
		}
		if len(v.records["Credito_Operadoras"]) != 3 || negative != 1 {
			t.Errorf("Credito_Operadoras: %d rows, %d netting negative; want 3 and 1", len(v.records["Credito_Operadoras"]), negative)
		}
		fdss := slices.IndexFunc(v.records["Credito_Ativos"], func(r map[string]string) bool { return r["categoria"] == "fundo_fdss" })
		if fdss < 0 || v.records["Credito_Ativos"][fdss]["fpr"] != "0.35" {
			t.Error("Credito_Ativos: want a fundo_fdss row with fpr 0.35")
		}
		if n := len(v.records["Credito_Ativos"]); n < 4 {
			t.Errorf("Credito_Ativos: %d rows", n)
		}
		signs, indexers := map[string]bool{}, map[string]bool{}
		for _, r := range v.records["Mercado_ALM"] {
			signs[r["sinal"]], indexers[r["indexador"]] = true, true
		}
		if len(signs) != 2 || len(indexers) < 4 {
			t.Errorf("Mercado_ALM: signs %v, indexers %v; want both signs and most indexers", signs, indexers)
		}
		for i, r := range v.records["Eventos"] {
			var contra float64
			for j, c := range v.records["Contraprestacoes"] {
				if month(t, c["competencia"]) == month(t, r["competencia"]) {
					contra += v.amount(t, "Contraprestacoes", j, "valor")
				}
			}
			if share := v.amount(t, "Eventos", i, "valor") / contra; share < 0.7 || share > 0.9 {
				t.Errorf("Eventos %s: %.2f of the month's contraprestações, want about 0.80", r["competencia"], share)
			}
		}
	})
}

// TestExampleIsComfortablySufficient checks, for many seeds, that the PLA is
// at least twice a generous upper bound of the capital: every parcel with
// the padrao factors and the provisional defaults of rn569-model.md, summed
// instead of square-rooted (correlations at most 1), CRO at its 30 % cap,
// and CB at the whole capital de referência (K ≤ 100 %) with 50 % of
// re-indexing.
func TestExampleIsComfortablySufficient(t *testing.T) {
	t.Parallel()
	beta := map[string]float64{"individual": 0.043, "coletivo_adesao": 0.082, "coletivo_empresarial": 0.114, "corresponsabilidade_assumida": 0.114}
	shock := map[string]float64{"PRE": 0.02, "POS": 0.02, "IPCA": 0.02, "IGPM": 0.02}
	for seed := uint64(1); seed <= 6; seed++ {
		v := read(t, example(t, seed))
		a := func(sheet string, i int, field string) float64 { return v.amount(t, sheet, i, field) }
		pla := a("PLA", 0, "pl")
		for _, d := range []string{"ded_participacoes", "ded_creditos_tributarios", "ded_despesas_diferidas", "ded_despesas_antecipadas", "ded_intangivel", "ded_goodwill"} {
			pla -= a("PLA", 0, d)
		}
		var pre, ev, abi2 float64
		for i, r := range v.records["Contraprestacoes"] {
			pre += beta[r["tipo_contratacao"]] * a("Contraprestacoes", i, "valor")
		}
		for i := range v.records["Eventos"] {
			ev += a("Eventos", i, "valor")
		}
		for i := range v.records["ABI"] {
			abi2 += math.Pow(a("ABI", i, "valor"), 2)
		}
		rem := 0.029*a("Remissao", 0, "ca_temporaria") + 0.081*a("Remissao", 0, "ca_vitalicia") +
			0.133*a("Remissao", 0, "pr_temporaria") + 0.269*a("Remissao", 0, "pr_vitalicia")
		crs := pre + 0.007*ev + 2.58*math.Sqrt(0.35*0.65*abi2) + rem

		var crc float64
		for i := range v.records["Credito_Operadoras"] {
			c := func(f string) float64 { return a("Credito_Operadoras", i, f) }
			crc += 0.08 * max(0, c("creditos_operacoes")+c("intercambio_receber")+c("creditos_programas")-c("ppsc_programas")+
				c("creditos_adm_programas")-c("ppsc_adm_programas")-c("debitos_operacoes")-c("pesl_intercambio")-c("debitos_adm_programas"))
		}
		for i := range v.records["Credito_Seguros"] {
			crc += 0.08 * a("Credito_Seguros", i, "exposicao")
		}
		for i := range v.records["Credito_Ativos"] {
			crc += 0.08 * a("Credito_Ativos", i, "exposicao") // every FPR taken as 1
		}

		var crm float64
		net := map[string]float64{}
		for i, r := range v.records["Mercado_ALM"] {
			sign := 1.0
			if r["sinal"] == "N" {
				sign = -1
			}
			val := sign * a("Mercado_ALM", i, "valor")
			if r["indexador"] == "CAMBIAL" {
				net["CAMBIAL"] += val
			} else {
				net[r["indexador"]] += val * a("Mercado_ALM", i, "prazo_meses") / 12
			}
		}
		for k, x := range net {
			s, ok := shock[k]
			if !ok {
				s = 0.25
			}
			crm += s * math.Abs(x)
		}
		for i, r := range v.records["Mercado_Ativos"] {
			crm += map[string]float64{"acoes": 0.39, "imoveis": 0.25}[r["classe"]] * a("Mercado_Ativos", i, "valor")
		}

		cbr := 1.3 * (crs + crc + crm)
		cr := max(cbr, 1.5*8789791.63)
		if pla < 2*cr {
			t.Errorf("seed %d: PLA %.2f < 2 × %.2f (an upper bound of CR): not comfortably sufficient", seed, pla, cr)
		}
		if seed == 1 {
			t.Logf("seed 1: PLA %.2f, CR upper bound %.2f (CRS ≤ %.0f, CRC ≤ %.0f, CRM ≤ %.0f)", pla, cr, crs, crc, crm)
		}
	}
}

func TestSeedsDiffer(t *testing.T) {
	t.Parallel()
	v1, v2 := read(t, example(t, 1)), read(t, example(t, 2))
	if v1.one("PLA", "pl") == v2.one("PLA", "pl") {
		t.Error("seeds 1 and 2 give the same pl")
	}
	same := 0
	for i, r := range v1.records["Contraprestacoes"] {
		if r["valor"] == v2.records["Contraprestacoes"][i]["valor"] {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 1 and 2 share %d contraprestações amounts", same)
	}
	b1, _ := exampleBytes(1)
	b2, _ := exampleBytes(2)
	if bytes.Equal(b1, b2) {
		t.Error("seeds 1 and 2 give the same bytes")
	}
}
