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
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
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

// maxPeriodRows bounds the rows of the campo | valor sheet.
const maxPeriodRows = 1000

type reader struct {
	ctx   context.Context
	book  *xlsxfile.Book
	found findings.Collector
}

// add records a finding of code at (col, row) of sheet, 1-based (0 for
// none), with msg and fix (the zero Msg for the code's).
func (r *reader) add(code, sheet string, col, row int, msg, fix lang.Msg) {
	r.found.Add(findings.New(code, sheet, xlsxfile.CellName(col, row), msg).WithFix(fix))
}

func ref(sheet string, col, row int) string { return sheet + "!" + xlsxfile.CellName(col, row) }

// Read reads the workbook at path. The input is nil when it has errors. The
// error is ctx's when it ended the reading.
func Read(ctx context.Context, path string) (*reclamacoes.Input, findings.List, error) {
	book, l, err := xlsxfile.Open(ctx, path)
	if book == nil {
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
	if l := r.found.Findings(); l.HasErrors() {
		return nil, l, nil
	}
	return in, r.found.Findings(), nil
}

// sheet finds a layout sheet, reporting it missing (or there twice).
func (r *reader) sheet(name string) (string, bool) {
	s, bad := r.book.Require(name, findings.ReclamacoesLayout, lang.Msg{})
	if bad != nil {
		r.found.Add(*bad)
	}
	return s, s != ""
}

// unreadable reports a sheet whose reading stopped (not for a done
// context, which Read returns).
func (r *reader) unreadable(sheet string, err error) {
	if r.ctx.Err() == nil {
		r.found.Add(xlsxfile.UnreadableSheet(sheet, err))
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
			r.add(findings.ReclamacoesLayout, PeriodoSheet, 0, 0, lang.M("more than %d rows hold values: the sheet holds inicio and fim", maxPeriodRows), lang.Msg{})
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
			r.add(findings.DuplicateField, PeriodoSheet, 1, rows.Row(), lang.M("campo %s appears again (first at A%d)", key, prev.row), lang.Msg{})
			continue
		}
		got[key] = valueCell{col(1), rows.Row()}
	}
	if err := rows.Err(); err != nil {
		r.unreadable(PeriodoSheet, err)
		return
	}
	if !strings.EqualFold(campo, "campo") || !strings.EqualFold(valor, "valor") {
		r.add(findings.ReclamacoesLayout, PeriodoSheet, 1, 1, lang.M("row 1 must hold the headers campo | valor (found %q | %q)", findings.Clip(campo), findings.Clip(valor)),
			lang.M("type campo in A1 and valor in B1"))
	}
	for _, k := range []struct {
		name string
		dst  *time.Time
		ref  *string
	}{{"inicio", &p.Inicio, &p.InicioRef}, {"fim", &p.Fim, &p.FimRef}} {
		v, ok := got[k.name]
		if !ok {
			r.add(findings.ReclamacoesLayout, PeriodoSheet, 0, 0, lang.M("campo %s is missing: add a row with %s in column A and the date in column B", k.name, k.name), lang.Msg{})
			continue
		}
		*k.ref = ref(PeriodoSheet, 2, v.row)
		if v.Empty() {
			r.found.Add(v.Missing(PeriodoSheet, v.row, k.name, lang.M("type the date (a date cell or AAAA-MM-DD)")))
			continue
		}
		t, err := v.Date(r.book.Date1904())
		if err != nil {
			r.found.Add(parse.Finding(findings.BadDate, PeriodoSheet, xlsxfile.CellName(2, v.row), k.name, err))
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
	head := rows.Header()
	if err := rows.Err(); err != nil {
		r.unreadable(ReclamacoesSheet, err)
		return nil
	}
	cols, ok := r.header(head)
	if !ok {
		return nil
	}
	var out []reclamacoes.Product
	for rows.Next() && !r.found.Full(ReclamacoesSheet) {
		n := rows.Row()
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
			r.found.Add(prod.Missing(ReclamacoesSheet, n, ColProduto, lang.M("type the product's code (registro do produto na ANS)")))
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
	return out
}

// header maps the columns of the header row (other columns are ignored)
// and reports the missing ones; false when one is.
func (r *reader) header(vals []string) (map[string]int, bool) {
	cols, _ := xlsxfile.HeaderColumns(vals, func(h string) bool { return slices.Contains(Columns, h) })
	ok := true
	for _, c := range Columns {
		if _, found := cols[c]; !found {
			f := findings.New(findings.ReclamacoesLayout, ReclamacoesSheet, "", lang.M("column %s is missing from row 1 of sheet %s", c, ReclamacoesSheet)).
				WithFix(lang.M("add the column header in row 1 (capreg reclamacoes --template)"))
			f.Column = c
			r.found.Add(f)
			ok = false
		}
	}
	return cols, ok
}

// count reads a whole, non-negative count: a numeric cell or text.
func (r *reader) count(c xlsxfile.Cell, name string, col, row int) (int64, bool) {
	c.Col = col
	if c.Empty() {
		r.found.Add(c.Missing(ReclamacoesSheet, row, name, lang.M("type the count (0 if there were none)")))
		return 0, false
	}
	text := strings.TrimSpace(c.Value)
	d, err := c.Number()
	if err != nil {
		r.found.Add(parse.Finding(findings.BadNumber, ReclamacoesSheet, xlsxfile.CellName(col, row), name, err))
		return 0, false
	}
	if d.Sign() < 0 || !d.IsInteger() || d.GreaterThanOrEqual(maxCount) {
		msg := lang.M("%s = %s is not a whole number from 0 to 999.999.999.999", name, d)
		if c.Kind == xlsxfile.Number && thousands.MatchString(text) {
			msg = lang.M("%s = %s is not a whole number from 0 to 999.999.999.999 (for %s thousand, type %s)",
				name, d, strings.Split(text, ".")[0], strings.ReplaceAll(text, ".", ""))
		}
		r.add(findings.ReclamacoesCount, ReclamacoesSheet, col, row, msg, lang.Msg{})
		return 0, false
	}
	return d.IntPart(), true
}
