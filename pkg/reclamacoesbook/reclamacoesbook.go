// Package reclamacoesbook reads the input workbook of the complaint ranking
// (programs-and-filings.md §2) into reclamacoes.Input, streaming its rows,
// and writes the empty workbook (capreg reclamacoes --template).
//
// Layout: sheet Periodo, campo | valor with inicio and fim (dates); sheet
// Reclamacoes with the header produto | beneficiarios |
// reclamacoes_nao_resolvidas (any order) and a product per row.
package reclamacoesbook

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/reclamacoes"
	"github.com/capreg/capreg/pkg/xlsxfile"
)

// Sheets and columns of the layout.
const (
	PeriodoSheet     = "Periodo"
	ReclamacoesSheet = "Reclamacoes"
	ReadmeSheet      = "Leia-me"
	ColProduto       = "produto"
	ColBeneficiarios = "beneficiarios"
	ColReclamacoes   = "reclamacoes_nao_resolvidas"
)

// Columns are the Reclamacoes sheet's header, in the template's order.
var Columns = []string{ColProduto, ColBeneficiarios, ColReclamacoes}

// thousands is a count written with a thousands dot ("1.234"), which a
// numeric cell stores as 1.234.
var thousands = regexp.MustCompile(`^[0-9]{1,3}\.[0-9]{3}$`)

// maxCount bounds a count: no product has a trillion beneficiaries.
var maxCount = decimal.New(1, 12)

const (
	maxErrors     = 50   // per file; past it the reading stops
	maxPeriodRows = 1000 // a campo | valor sheet
)

type reader struct {
	f    *excelize.File
	l    findings.List
	errs int
}

func (r *reader) add(code, sheet string, col, row int, msg, fix string) {
	cell := ""
	if col > 0 && row > 0 {
		cell, _ = excelize.CoordinatesToCellName(col, row)
	}
	f := findings.New(code, sheet, cell, msg, fix)
	if f.Severity == findings.Error {
		r.errs++
		if r.errs == maxErrors+1 {
			r.l.Add(findings.New(code, sheet, "", fmt.Sprintf("more than %d errors; the rest is not read", maxErrors), "fix the errors listed and run again"))
		}
		if r.errs > maxErrors {
			return
		}
	}
	r.l.Add(f)
}

func ref(sheet string, col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return sheet + "!" + c
}

// Read reads the workbook at path. The input is nil when it has errors.
func Read(path string) (in *reclamacoes.Input, l findings.List) {
	f, bad := xlsxfile.Open(path)
	if bad != nil {
		return nil, findings.List{*bad}
	}
	defer f.Close()
	r := &reader{f: f}
	defer func() {
		if p := recover(); p != nil {
			in, l = nil, append(r.l, xlsxfile.Malformed(p, ""))
		}
	}()
	in = &reclamacoes.Input{}
	r.periodo(&in.Periodo)
	in.Products = r.products()
	if r.l.HasErrors() {
		return nil, r.l
	}
	return in, r.l
}

// sheet finds a layout sheet, reporting it missing.
func (r *reader) sheet(name string) (string, bool) {
	s, ok := xlsxfile.Sheet(r.f, name)
	if !ok {
		r.add(findings.ReclamacoesLayout, name, 0, 0, fmt.Sprintf("the workbook has no sheet %s (it has %s)", name, strings.Join(r.f.GetSheetList(), ", ")), "")
	}
	return s, ok
}

// periodo reads inicio and fim from the campo | valor sheet.
func (r *reader) periodo(p *reclamacoes.Period) {
	name, ok := r.sheet(PeriodoSheet)
	if !ok {
		return
	}
	rows, err := r.f.Rows(name)
	if err != nil {
		r.add(findings.Unreadable, PeriodoSheet, 0, 0, "the sheet cannot be read: "+err.Error(), "")
		return
	}
	defer rows.Close()
	type valueCell struct {
		text string
		row  int
	}
	got := map[string]valueCell{}
	n := 0
	for rows.Next() {
		n++
		if n > maxPeriodRows {
			r.add(findings.ReclamacoesLayout, PeriodoSheet, 0, 0, fmt.Sprintf("more than %d rows: the sheet holds inicio and fim", maxPeriodRows), "")
			return
		}
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			r.add(findings.Unreadable, PeriodoSheet, 0, 0, "the sheet cannot be read: "+err.Error(), "")
			return
		}
		col := func(i int) string {
			if i < len(vals) {
				return strings.TrimSpace(vals[i])
			}
			return ""
		}
		if n == 1 {
			if !strings.EqualFold(col(0), "campo") || !strings.EqualFold(col(1), "valor") {
				r.add(findings.ReclamacoesLayout, PeriodoSheet, 1, 1, fmt.Sprintf("row 1 must hold the headers campo | valor (found %q | %q)", clip(col(0)), clip(col(1))), "type campo in A1 and valor in B1")
			}
			continue
		}
		key := strings.ToLower(col(0))
		key = strings.ReplaceAll(key, "í", "i") // início
		if key != "inicio" && key != "fim" {
			continue
		}
		if prev, dup := got[key]; dup {
			r.add(findings.DuplicateField, PeriodoSheet, 1, n, fmt.Sprintf("campo %s appears again (first at A%d)", key, prev.row), "")
			continue
		}
		got[key] = valueCell{col(1), n}
	}
	for _, k := range []struct {
		name string
		dst  *time.Time
		ref  *string
	}{{"inicio", &p.Inicio, &p.InicioRef}, {"fim", &p.Fim, &p.FimRef}} {
		v, ok := got[k.name]
		if !ok {
			r.add(findings.ReclamacoesLayout, PeriodoSheet, 0, 0, fmt.Sprintf("campo %s is missing: add a row with %s in column A and the date in column B", k.name, k.name), "")
			continue
		}
		*k.ref = ref(PeriodoSheet, 2, v.row)
		if v.text == "" {
			r.add(findings.EmptyValue, PeriodoSheet, 2, v.row, k.name+" is empty", "type the date (a date cell or AAAA-MM-DD)")
			continue
		}
		t, err := parse.Date(v.text)
		if err != nil {
			if _, rawErr := parse.Raw(v.text); rawErr == nil {
				t, err = parse.Serial(v.text)
			}
		}
		if err != nil || t.Year() < 1900 || t.Year() > 2200 {
			r.add(findings.BadDate, PeriodoSheet, 2, v.row, fmt.Sprintf("%s: %q is not a date", k.name, clip(v.text)), "type a date cell, or text AAAA-MM-DD")
			continue
		}
		*k.dst = t
	}
}

// products streams the Reclamacoes sheet.
func (r *reader) products() []reclamacoes.Product {
	name, ok := r.sheet(ReclamacoesSheet)
	if !ok {
		return nil
	}
	rows, err := r.f.Rows(name)
	if err != nil {
		r.add(findings.Unreadable, ReclamacoesSheet, 0, 0, "the sheet cannot be read: "+err.Error(), "")
		return nil
	}
	defer rows.Close()
	var out []reclamacoes.Product
	cols := map[string]int{}
	n := 0
	for rows.Next() && r.errs <= maxErrors {
		n++
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			r.add(findings.Unreadable, ReclamacoesSheet, 0, 0, "the sheet cannot be read: "+err.Error(), "")
			return nil
		}
		if n == 1 {
			if !r.header(vals, cols) {
				return nil
			}
			continue
		}
		get := func(c string) (string, int) {
			i := cols[c]
			if i < len(vals) {
				return strings.TrimSpace(vals[i]), i + 1
			}
			return "", i + 1
		}
		prod, pc := get(ColProduto)
		ben, bc := get(ColBeneficiarios)
		rec, rc := get(ColReclamacoes)
		if prod == "" && ben == "" && rec == "" {
			continue
		}
		p := reclamacoes.Product{Produto: prod, Ref: ref(ReclamacoesSheet, pc, n)}
		ok := true
		if prod == "" {
			r.add(findings.EmptyValue, ReclamacoesSheet, pc, n, "produto is empty", "type the product's code (registro do produto na ANS)")
			ok = false
		}
		var ok1, ok2 bool
		p.Beneficiarios, ok1 = r.count(ben, ColBeneficiarios, bc, n)
		p.Reclamacoes, ok2 = r.count(rec, ColReclamacoes, rc, n)
		if ok && ok1 && ok2 {
			out = append(out, p)
		}
	}
	if err := rows.Error(); err != nil {
		r.add(findings.Unreadable, ReclamacoesSheet, 0, 0, "the sheet cannot be read: "+err.Error(), "")
	}
	if n == 0 {
		r.header(nil, cols)
	}
	return out
}

func (r *reader) header(vals []string, cols map[string]int) bool {
	for i, v := range vals {
		h := strings.ToLower(strings.TrimSpace(v))
		for _, c := range Columns {
			if h == c {
				if _, dup := cols[c]; !dup {
					cols[c] = i
				}
			}
		}
	}
	ok := true
	for _, c := range Columns {
		if _, found := cols[c]; !found {
			f := findings.New(findings.ReclamacoesLayout, ReclamacoesSheet, "", fmt.Sprintf("column %s is missing from row 1 of sheet %s", c, ReclamacoesSheet), "add the column header in row 1 (capreg reclamacoes --template)")
			f.Column = c
			r.l.Add(f)
			r.errs++
			ok = false
		}
	}
	return ok
}

// count reads a whole, non-negative count: a numeric cell or text.
func (r *reader) count(text, name string, col, row int) (int64, bool) {
	if text == "" {
		r.add(findings.EmptyValue, ReclamacoesSheet, col, row, name+" is empty", "type the count (0 if there were none)")
		return 0, false
	}
	d, err := parse.Raw(text)
	if err != nil {
		d, err = parse.Number(text)
	}
	if err != nil {
		code, fix := findings.BadNumber, ""
		if pe, ok := parse.IsParseError(err); ok {
			fix = pe.Fix
			if pe.Kind == parse.Ambiguous {
				code = findings.AmbiguousNumber
			}
		}
		r.add(code, ReclamacoesSheet, col, row, fmt.Sprintf("%s: %v", name, err), fix)
		return 0, false
	}
	if d.Sign() < 0 || !d.IsInteger() || d.GreaterThanOrEqual(maxCount) {
		msg := fmt.Sprintf("%s = %s is not a whole number from 0 to 999.999.999.999", name, d)
		if thousands.MatchString(text) {
			msg += fmt.Sprintf(" (for %s thousand, type %s)", strings.Split(text, ".")[0], strings.ReplaceAll(text, ".", ""))
		}
		r.add(findings.ReclamacoesCount, ReclamacoesSheet, col, row, msg, "")
		return 0, false
	}
	return d.IntPart(), true
}

func clip(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}
