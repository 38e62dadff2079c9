// Package reclamacoesbook reads the input workbook of the complaint ranking
// (programs-and-filings.md §2) into reclamacoes.Input, streaming its rows,
// and writes the empty workbook (capreg reclamacoes --template).
//
// Layout: sheet Periodo, campo | valor with inicio and fim (dates); sheet
// Reclamacoes with the header produto | beneficiarios |
// reclamacoes_nao_resolvidas (any order) and a product per row.
package reclamacoesbook

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"

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
	ctx  context.Context
	book *xlsxfile.Book
	l    findings.List
	errs int
}

func (r *reader) add(code, sheet string, col, row int, msg, fix string) {
	cell := ""
	if col > 0 && row > 0 {
		cell = xlsxfile.CellName(col, row)
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

func ref(sheet string, col, row int) string { return sheet + "!" + xlsxfile.CellName(col, row) }

// Read reads the workbook at path. The input is nil when it has errors. The
// error is ctx's when it ended the reading.
func Read(ctx context.Context, path string) (*reclamacoes.Input, findings.List, error) {
	book, bad, err := xlsxfile.Open(ctx, path)
	if book == nil {
		l, err := xlsxfile.Refusal(bad, err)
		return nil, l, err
	}
	defer book.Close()
	r := &reader{ctx: ctx, book: book}
	in := &reclamacoes.Input{}
	r.periodo(&in.Periodo)
	in.Products = r.products()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if r.l.HasErrors() {
		return nil, r.l, nil
	}
	return in, r.l, nil
}

// sheet finds a layout sheet, reporting it missing (or there twice).
func (r *reader) sheet(name string) (string, bool) {
	s, dup := r.book.Sheet(name)
	switch {
	case dup != nil:
		r.l.Add(*dup)
		r.errs++
	case s == "":
		r.add(findings.ReclamacoesLayout, name, 0, 0, fmt.Sprintf("the workbook has no sheet %s (it has %s)", name, strings.Join(r.book.Sheets(), ", ")), "")
	}
	return s, s != ""
}

// unreadable reports a sheet whose reading stopped (not for a done
// context, which Read returns).
func (r *reader) unreadable(sheet string, err error) {
	if r.ctx.Err() == nil {
		r.add(findings.Unreadable, sheet, 0, 0, "the sheet cannot be read: "+xlsxfile.Reason(err), "")
	}
}

// periodo reads inicio and fim from the campo | valor sheet.
func (r *reader) periodo(p *reclamacoes.Period) {
	name, ok := r.sheet(PeriodoSheet)
	if !ok {
		return
	}
	rows, err := r.book.Rows(r.ctx, name)
	if err != nil {
		r.unreadable(PeriodoSheet, err)
		return
	}
	defer rows.Close()
	type valueCell struct {
		xlsxfile.Cell
		row int
	}
	got := map[string]valueCell{}
	n := 0
	var campo, valor string // the headers in row 1
	for rows.Next() {
		if n++; n > maxPeriodRows {
			r.add(findings.ReclamacoesLayout, PeriodoSheet, 0, 0, fmt.Sprintf("more than %d rows hold values: the sheet holds inicio and fim", maxPeriodRows), "")
			return
		}
		cells := rows.Dense()
		col := func(i int) xlsxfile.Cell {
			if i < len(cells) {
				return cells[i]
			}
			return xlsxfile.Cell{Col: i + 1}
		}
		text := func(i int) string { return strings.TrimSpace(col(i).Value) }
		if rows.Row() == 1 {
			campo, valor = text(0), text(1)
			continue
		}
		key := strings.ToLower(text(0))
		key = strings.ReplaceAll(key, "í", "i") // início
		if key != "inicio" && key != "fim" {
			continue
		}
		if prev, dup := got[key]; dup {
			r.add(findings.DuplicateField, PeriodoSheet, 1, rows.Row(), fmt.Sprintf("campo %s appears again (first at A%d)", key, prev.row), "")
			continue
		}
		got[key] = valueCell{col(1), rows.Row()}
	}
	if err := rows.Err(); err != nil {
		r.unreadable(PeriodoSheet, err)
		return
	}
	if !strings.EqualFold(campo, "campo") || !strings.EqualFold(valor, "valor") {
		r.add(findings.ReclamacoesLayout, PeriodoSheet, 1, 1, fmt.Sprintf("row 1 must hold the headers campo | valor (found %q | %q)", clip(campo), clip(valor)), "type campo in A1 and valor in B1")
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
		if v.Empty() {
			r.add(findings.EmptyValue, PeriodoSheet, 2, v.row, k.name+" is empty", "type the date (a date cell or AAAA-MM-DD)")
			continue
		}
		t, err := v.Date(r.book.Date1904())
		if err != nil || t.Year() < 1900 || t.Year() > 2200 {
			msg, fix := fmt.Sprintf("%s: %q is not a date", k.name, clip(strings.TrimSpace(v.Value))), "type a date cell, or text AAAA-MM-DD"
			if pe, ok := parse.IsParseError(err); ok && v.Kind != xlsxfile.Number && v.Kind != xlsxfile.Text {
				msg, fix = k.name+": "+pe.Msg, pe.Fix
			}
			r.add(findings.BadDate, PeriodoSheet, 2, v.row, msg, fix)
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
	rows, err := r.book.Rows(r.ctx, name)
	if err != nil {
		r.unreadable(ReclamacoesSheet, err)
		return nil
	}
	defer rows.Close()
	var out []reclamacoes.Product
	cols := map[string]int{}
	first := true
	for rows.Next() && r.errs <= maxErrors {
		n := rows.Row()
		if first {
			first = false
			var head []string
			if n == 1 {
				head = rows.Values()
			}
			if !r.header(head, cols) {
				return nil
			}
			if n == 1 {
				continue
			}
		}
		cells := rows.Dense()
		get := func(c string) xlsxfile.Cell {
			if i := cols[c]; i < len(cells) {
				return cells[i]
			}
			return xlsxfile.Cell{Col: cols[c] + 1}
		}
		prod, ben, rec := get(ColProduto), get(ColBeneficiarios), get(ColReclamacoes)
		if prod.Empty() && ben.Empty() && rec.Empty() && prod.Kind != xlsxfile.Formula && ben.Kind != xlsxfile.Formula && rec.Kind != xlsxfile.Formula {
			continue
		}
		p := reclamacoes.Product{Produto: strings.TrimSpace(prod.Value), Ref: ref(ReclamacoesSheet, cols[ColProduto]+1, n)}
		ok := true
		if prod.Empty() {
			r.empty(prod, ColProduto, n, "type the product's code (registro do produto na ANS)")
			ok = false
		}
		var ok1, ok2 bool
		p.Beneficiarios, ok1 = r.count(ben, ColBeneficiarios, cols[ColBeneficiarios]+1, n)
		p.Reclamacoes, ok2 = r.count(rec, ColReclamacoes, cols[ColReclamacoes]+1, n)
		if ok && ok1 && ok2 {
			out = append(out, p)
		}
	}
	if err := rows.Err(); err != nil {
		r.unreadable(ReclamacoesSheet, err)
		return nil
	}
	if first {
		r.header(nil, cols)
	}
	return out
}

// empty reports an empty cell, telling a formula without a cached value
// apart.
func (r *reader) empty(c xlsxfile.Cell, name string, row int, fix string) {
	col := c.Col
	if c.Kind == xlsxfile.Formula {
		r.add(findings.FormulaNoValue, ReclamacoesSheet, col, row, fmt.Sprintf("%s: the formula =%s has no cached value", name, clip(c.Formula)), "")
		return
	}
	r.add(findings.EmptyValue, ReclamacoesSheet, col, row, name+" is empty", fix)
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
func (r *reader) count(c xlsxfile.Cell, name string, col, row int) (int64, bool) {
	c.Col = col
	if c.Empty() {
		r.empty(c, name, row, "type the count (0 if there were none)")
		return 0, false
	}
	text := strings.TrimSpace(c.Value)
	d, err := c.Number()
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
		if c.Kind == xlsxfile.Number && thousands.MatchString(text) {
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
