package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// SheetOrigem is the sheet of an imported workbook that lists where every
// value comes from.
const SheetOrigem = layout.OrigemSheet

// origemHeader is the header of the Origem sheet.
var origemHeader = []string{"celula", "campo", "valor", "contas", "valores_das_contas", "arquivos", "periodo", "mapeamento", "situacao"}

// ImportWorkbook is the input workbook of an import (capreg import): the
// layout's sheets, as generate writes them, with every value the import
// gives in its cell and a comment on it naming its accounts (or DIOPS
// element, or the base's cell), files and period; then the sheet Origem,
// a row per value (cell, value, accounts with each one's value, files,
// period, mapping and its status, PROVISIONAL marked), a row per check and
// a row per field left for the person. The import's words are in language
// l; the layout's sheets and headers are the same in every language.
func ImportWorkbook(im *app.Imported, l lang.Lang) (*excelize.File, error) {
	var recs []generate.Record
	var origem [][]any
	rows := map[string]int{}
	for _, r := range im.Records {
		g := generate.Record{Sheet: r.Sheet, Values: map[string]any{}, Comments: map[string]string{}}
		n := rows[r.Sheet]
		rows[r.Sheet]++
		for _, v := range r.Values {
			g.Values[v.Field] = v.V
			if v.Origin == nil {
				continue
			}
			g.Comments[v.Field] = comment(l, v.Origin)
			cell, _ := generate.Cell(r.Sheet, n, v.Field)
			origem = append(origem, origemRow(l, r.Sheet+"!"+cell, fieldName(r, v.Field), v.V, v.Origin))
		}
		recs = append(recs, g)
	}
	for _, c := range im.Checks {
		origem = append(origem, origemRow(l, "", l.T(lang.ImportCheckOf, c.Field), c.Value, c.Origin))
	}
	for _, f := range im.Left {
		situacao := l.T(lang.ImportToFill, f.Why.In(l))
		if f.Copied {
			situacao = l.T(lang.ImportCopiedFrom, f.Why.In(l))
		}
		origem = append(origem, []any{"", f.Field.In(l), "", "", "", "", "", "", situacao})
	}
	reg := im.Registro
	if reg == "" {
		reg = l.T(lang.ImportNoRegistro)
	}
	db := l.Month(im.DataBase)
	intro := []string{l.T(lang.ImportIntro, reg, db), l.T(lang.ImportIntroOrigem, SheetOrigem)}
	return generate.Filled(l.T(lang.ImportTitle, reg, db), l.T(lang.ImportDescription, layout.Version), intro, recs,
		generate.Table{Name: SheetOrigem, Header: origemHeader, Rows: origem})
}

// fieldName names a value of a record: Sheet.field, and for a table row
// the values that name it ("Contraprestacoes.valor 2024-10 individual
// medico_hospitalar").
func fieldName(r app.Record, field string) string {
	name := r.Sheet + "." + field
	for _, v := range r.Values {
		if v.Origin == nil {
			name += " " + fmt.Sprint(v.V)
		}
	}
	return name
}

// status is a mapping's status as the workbook shows it in language l:
// the markers of the figures (PROVISIONAL, PROPOSAL), else the status.
func status(l lang.Lang, s rules.Status) string {
	switch s {
	case rules.Provisional:
		return l.T(lang.Provisional)
	case rules.Proposal:
		return l.T(lang.Proposal)
	case "":
		s = rules.Regulation
	}
	return statusText(l, s)
}

// kind says how a value was taken from its accounts, in the period, in
// language l.
func kind(l lang.Lang, o *app.Origin) string {
	period := o.Period.In(l)
	switch o.Kind {
	case rules.Saldo:
		return l.T(lang.ImportSaldo, period)
	case rules.FluxoMensal:
		return l.T(lang.ImportFluxo, period)
	case rules.Fluxo12m:
		return l.T(lang.ImportTotal, period)
	case rules.DIOPS:
		return "DIOPS-XML " + period
	}
	return period
}

// place is where in its file a value was taken, in language l: a DIOPS
// element and its line, or the base workbook's Sheet!Cell.
func place(l lang.Lang, o *app.Origin) string {
	if o.Line > 0 {
		return lang.M("%s (line %d)", o.Place, lang.Ordinal(o.Line)).In(l)
	}
	return o.Place
}

// accountValues lists each account's value ("13211: R$ 3.600.773,02").
func accountValues(l lang.Lang, o *app.Origin) []string {
	out := make([]string, len(o.Parts))
	for i, p := range o.Parts {
		out[i] = p.Conta + ": " + money.BRL(p.Value)
		if p.Absent {
			out[i] = p.Conta + ": " + l.T(lang.ImportAbsent)
		}
	}
	return out
}

func baseNames(files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Base(f)
	}
	return out
}

// comment is the note on a filled cell, in language l.
func comment(l lang.Lang, o *app.Origin) string {
	if o.Copied {
		return l.T(lang.ImportCopiedCell, strings.Join(baseNames(o.Files), ", "), place(l, o))
	}
	var b strings.Builder
	switch o.Kind {
	case rules.DIOPS:
		fmt.Fprintf(&b, "%s: %s\n%s", kind(l, o), o.Accounts.In(l), place(l, o))
	case "":
		fmt.Fprintf(&b, "%s (%s)", o.Accounts.In(l), o.Period.In(l))
	default:
		b.WriteString(l.T(lang.ImportAccounts, o.Accounts.In(l), kind(l, o)))
		for _, a := range accountValues(l, o) {
			b.WriteString("\n  " + a)
		}
	}
	if len(o.Files) > 0 {
		b.WriteString("\n" + l.T(lang.ImportFiles, strings.Join(baseNames(o.Files), ", ")))
	}
	if o.Mapping != "" {
		b.WriteString("\n" + l.T(lang.ImportMapping, o.Mapping, status(l, o.Status)))
	}
	return b.String()
}

// origemRow is a row of the Origem sheet, in language l.
func origemRow(l lang.Lang, cell, field string, v any, o *app.Origin) []any {
	situacao := ""
	if o.Mapping != "" {
		situacao = status(l, o.Status)
	}
	if o.Copied {
		situacao = l.T(lang.ImportCopiedFrom, place(l, o))
	}
	if d, ok := v.(decimal.Decimal); ok {
		v = d
	} else {
		v = fmt.Sprint(v)
	}
	what := o.Accounts.In(l)
	if o.Kind == rules.DIOPS {
		what += " (" + place(l, o) + ")"
	}
	return []any{cell, field, v, what, strings.Join(accountValues(l, o), "; "), strings.Join(o.Files, ", "), kind(l, o), o.Mapping, situacao}
}

// ImportSummary writes what an import did, for stderr, in language l: the
// workbook written, the fields filled (from the accounts and from the
// base), the fields left for the person and why, the checks, and the
// findings.
func ImportSummary(w io.Writer, im *app.Imported, out string, l lang.Lang) error {
	b := &strings.Builder{}
	filled, copied := 0, 0
	for _, r := range im.Records {
		for _, v := range r.Values {
			switch {
			case v.Origin == nil:
			case v.Origin.Copied:
				copied++
			default:
				filled++
			}
		}
	}
	if out != "" {
		fmt.Fprintln(b, l.T(lang.ImportWrote, out, orDash(im.Registro), l.Month(im.DataBase)))
	}
	fmt.Fprintln(b, l.T(lang.ImportFilled, l.Count(filled), SheetOrigem))
	if copied > 0 {
		fmt.Fprintln(b, l.T(lang.ImportCopied, l.Count(copied)))
	}
	fmt.Fprintln(b, l.T(lang.ImportLeft))
	for _, f := range im.Left {
		why := f.Why.In(l)
		if f.Copied {
			why = l.T(lang.ImportCopiedFrom, why)
		}
		fmt.Fprintf(b, "  %s: %s\n", f.Field.In(l), why)
	}
	fmt.Fprintln(b, l.T(lang.ImportChecks, l.Count(len(im.Months)), l.Month(im.Months[0]), l.Month(im.Months[len(im.Months)-1])))
	for _, c := range im.Checks {
		fmt.Fprintf(b, "  %s\n", l.T(lang.ImportCheck, c.Field, c.Origin.Accounts.In(l), money.BRL(c.Value)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FindingLines writes findings one a line, each with its file, place, code,
// severity, message and fix, in language l.
func FindingLines(w io.Writer, l lang.Lang, list findings.List) error {
	b := &strings.Builder{}
	for _, f := range list {
		b.WriteString(f.In(l).String() + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
