package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// keyFields are the fields that name a record of a table sheet: two
// records with the same values of them are the same row, whose amounts
// add up.
var keyFields = map[string][]string{
	"Contraprestacoes":   {"competencia", "tipo_contratacao", "segmento"},
	"Eventos":            {"competencia"},
	"Credito_Operadoras": {"registro_ans"},
	"Credito_Ativos":     {"categoria"},
	"Mercado_ALM":        {"conta", "sinal", "indexador", "prazo_meses"},
}

// recordKey names a record: its sheet and the values of its key fields
// ("Contraprestacoes 2024-10 individual medico_hospitalar").
func recordKey(r Record) string { return keyOf(r).String() }

// key is what names a record: its sheet, then the values of its key
// fields.
type key []any

func keyOf(r Record) key {
	k := key{r.Sheet}
	for _, f := range keyFields[r.Sheet] {
		v, _ := r.Get(f)
		k = append(k, v)
	}
	return k
}

// String is the key in English, one text: recordKey.
func (k key) String() string { return k.In(lang.En) }

// In is the key in language l: a month as l writes it (10/2024 in pt-BR).
func (k key) In(l lang.Lang) string {
	parts := make([]string, len(k))
	for i, v := range k {
		if m, ok := v.(period.Month); ok {
			parts[i] = l.Month(m)
		} else {
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, " ")
}

// centavo is the tolerance of validate --balancete.
var centavo = decimal.New(1, -2)

// CheckAccounts checks the workbook at path against the fields the import
// im derived from the operator's accounts (Import without a base): every
// mapped field, and every row of a sheet the accounts give, that differs
// by more than R$ 0,01 is a warning (BalanceteDiffers) naming the cell,
// both values, the accounts and the period. The report also holds the
// workbook's own findings, as Validate gives them.
func CheckAccounts(ctx context.Context, path string, im *Imported, rb *rules.Rulebook) FileReport {
	rep := Validate(ctx, path, rb)
	if ctx.Err() != nil {
		return rep
	}
	in, read, err := readWorkbook(ctx, path)
	if err != nil || in == nil {
		return rep // Validate reported why
	}
	// A row the reader refused is reported once, by the reader: not again
	// as a row missing.
	refused := map[string]bool{}
	for _, f := range read.Errors() {
		refused[f.Sheet] = true
	}
	l := append(findings.List(nil), rep.Findings...)
	book := map[string][]Record{}
	for sheet, recs := range inputRecords(in, path) {
		for _, r := range recs {
			if sheet == "Credito_Ativos" {
				if c, _ := r.Get("categoria"); c != string(ans.FundoFDSS) && c != string(ans.FundoOutros) {
					continue // rows the accounts never give
				}
			}
			book[recordKey(r)] = append(book[recordKey(r)], r)
		}
	}
	seen := map[string]bool{}
	for _, r := range im.Records {
		key := recordKey(r)
		seen[key] = true
		for _, v := range r.Values {
			want, ok := v.V.(decimal.Decimal)
			if !ok || v.Origin == nil || slices.Contains(keyFields[r.Sheet], v.Field) {
				continue
			}
			// A row missing is zero, unless the reader refused it (and
			// said why).
			got, ref, found := bookValue(book[key], r.Sheet, v.Field, rb)
			if got.Sub(want).Abs().LessThanOrEqual(centavo) || !found && refused[r.Sheet] {
				continue
			}
			l.Add(difference(r, v, got, ref, found))
		}
	}
	for key, recs := range book {
		if seen[key] || !slices.Contains(im.Derived, recs[0].Sheet) {
			continue
		}
		for _, v := range recs[0].Values {
			if a, ok := v.V.(decimal.Decimal); ok && !slices.Contains(keyFields[recs[0].Sheet], v.Field) && !a.IsZero() {
				f := findings.New(findings.BalanceteDiffers, "", "", lang.M("%s.%s (%s) is %s in the workbook, and the accounts give no such row (%s)",
					recs[0].Sheet, v.Field, keyOf(recs[0]), money.BRL(a), im.DataBase))
				f.Sheet, f.Cell = splitRef(v.Origin.Place)
				l.Add(f)
			}
		}
	}
	return newFileReport(path, l)
}

// bookValue is the workbook's value of field over the records of one key:
// their sum, with the cell of the first; found is false when no record has
// it. An fpr left empty is the rulebook's FPR of the categoria.
func bookValue(recs []Record, sheet, field string, rb *rules.Rulebook) (v decimal.Decimal, ref string, found bool) {
	for _, r := range recs {
		for _, x := range r.Values {
			if x.Field != field {
				continue
			}
			if !found {
				ref = x.Origin.Place
			}
			v, found = v.Add(x.V.(decimal.Decimal)), true
		}
	}
	if !found && sheet == "Credito_Ativos" && field == "fpr" && len(recs) > 0 {
		c, _ := recs[0].Get("categoria")
		if d, ok := rb.CRC.FPR[c.(string)]; ok {
			return d.Decimal, "", true
		}
	}
	return v, ref, found
}

// difference is the warning of a workbook value that differs from the
// accounts'.
func difference(r Record, v Value, got decimal.Decimal, ref string, found bool) findings.Finding {
	o := v.Origin
	what := lang.Text(r.Sheet + "." + v.Field)
	if keys := keyFields[r.Sheet]; len(keys) > 0 {
		what = lang.M("%s.%s (%s)", r.Sheet, v.Field, keyOf(r)[1:])
	}
	want := v.V.(decimal.Decimal)
	src := lang.M("%s, %s", o.Accounts, o.Period)
	if len(o.Files) > 0 {
		src = lang.M("%s, %s", src, strings.Join(o.Files, ", "))
	}
	msg := lang.M("%s is %s in the workbook and %s in the accounts (%s): a difference of %s", what, money.BRL(got), money.BRL(want), src, money.BRL(got.Sub(want)))
	if !found {
		msg = lang.M("%s is not in the workbook, and the accounts give %s (%s)", what, money.BRL(want), src)
	}
	f := findings.New(findings.BalanceteDiffers, "", "", msg)
	f.Sheet, f.Cell = splitRef(ref)
	if f.Sheet == "" {
		f.Sheet = r.Sheet
	}
	return f
}

// splitRef splits "PLA!B2" into sheet and cell.
func splitRef(ref string) (sheet, cell string) {
	sheet, cell, _ = strings.Cut(ref, "!")
	return sheet, cell
}
