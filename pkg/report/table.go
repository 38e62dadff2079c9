package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/shopspring/decimal"
)

// rows of the summary table: key, label.
var tableRows = []struct {
	key   string
	label lang.Key
}{
	{"cb", lang.TableCB},
	{"pla", lang.TablePLA},
	{"crs", lang.TableCRS},
	{"crs_pre", lang.TablePRE},
	{"crs_pro", lang.TablePRO},
	{"crs_sus", lang.TableSUS},
	{"crs_rem", lang.TableRem},
	{"crc", lang.TableCRC},
	{"crm", lang.TableCRM},
	{"cro", lang.TableCRO},
	{"cbr", lang.TableCBR},
	{"cr", lang.TableCR},
	{"surplus", lang.TableSurplus},
}

// markerText words the markers of a figure in language l.
func markerText(l lang.Lang, ms []rules.Status) string {
	var out []string
	for _, m := range ms {
		switch m {
		case rules.Provisional:
			out = append(out, l.T(lang.Provisional))
		case rules.Proposal:
			out = append(out, l.T(lang.Proposal))
		case informedMarker:
			out = append(out, l.T(lang.Informed))
		default:
			out = append(out, string(m))
		}
	}
	return strings.Join(out, ", ")
}

// Table writes the result for a person: a header, the figures aligned with
// BRL amounts and markers, the factor sets, footnotes and warnings.
func Table(w io.Writer, r *capital.Result, warnings findings.List, m Meta) error {
	op := r.Operadora
	l := m.Lang
	b := &strings.Builder{}
	fmt.Fprintf(b, "%s\n", l.T(lang.TableTitle))
	seg := op.Segmentacao
	if seg != "" {
		seg = " " + seg
	}
	head := [][2]string{
		{"Operadora", op.RegistroANS + "  " + op.RazaoSocial},
		{"Data base", fmt.Sprintf("%s   %s%s, região %d", l.Month(op.DataBase), op.Modalidade, seg, op.Regiao)},
		{l.T(lang.TableFactorSet), r.FactorSet},
	}
	if m.File != "" {
		head = append(head, [2]string{l.T(lang.TableInput), m.File})
	}
	head = append(head, [2]string{l.T(lang.TableRulebook), m.RulebookVer + rulesSuffix(m.RulesFile)})
	tw := columns(b)
	for _, h := range head {
		fmt.Fprintf(tw, "%s\t%s\n", h[0], h[1])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")

	fig := Figures(r)
	var rows [][]string
	for _, row := range tableRows {
		n := fig[row.key]
		rows = append(rows, []string{l.T(row.label), money.BRL(n.Value), markerText(l, markers(n))})
	}
	icr := l.T(lang.TableICRUndefined)
	if r.ICR != nil {
		icr = l.Fixed(r.ICR.Value, 4)
	}
	rows = append(rows, []string{"ICR  PLA / CR", icr, ""})
	grid(b, rows, m.Plain, 1)
	verdict := l.T(lang.TableSufficient)
	if !r.Sufficient {
		verdict = l.T(lang.TableInsufficient)
	}
	fmt.Fprintf(b, "\n%s\n", l.T(lang.TableSufficiency, verdict))
	contributionsSection(b, l, r, m.Plain)
	fmt.Fprintf(b, "\n%s\n", l.T(lang.TableFactorSets))
	rows = rows[:0]
	for _, s := range r.Sets {
		mark := " "
		if s.Chosen {
			mark = "*"
		}
		rows = append(rows, []string{mark + " " + s.Set, eligibleText(l, s.Eligible), "CRS " + money.BRL(s.CRS), setReasonText(l, s.Reason)})
	}
	grid(b, rows, m.Plain)
	if m.Headroom != nil {
		headroomTable(b, l, m.Headroom, markers(r.Surplus), m.Plain)
	}
	markerNotes(b, l, lang.NoteFigures, r.Provisional(), r.Proposal())
	if p := r.Informed(); len(p) > 0 {
		fmt.Fprintf(b, "\n%s\n", l.T(lang.TableInformed, strings.Join(p, ", ")))
	}
	if shown := unfootnoted(worded(l, r, warnings)); len(shown) > 0 {
		fmt.Fprintf(b, "\n%s\n", l.T(lang.TableWarnings))
		for _, f := range shown {
			fmt.Fprintf(b, "  %s\n", f.String())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// unfootnoted are the warnings a table lists: all but the PROVISIONAL and
// PROPOSAL notices, which its footnotes say.
func unfootnoted(warnings findings.List) findings.List {
	var shown findings.List
	for _, f := range warnings {
		if f.Code != findings.ProvisionalParams && f.Code != findings.ProposalParams {
			shown = append(shown, f)
		}
	}
	return shown
}

// markerNotes writes the PROVISIONAL and PROPOSAL footnotes in language l:
// what (lang.NoteFigures, lang.NoteRows) so marked use which parameters.
func markerNotes(w io.Writer, l lang.Lang, what lang.Key, provisional, proposal []string) {
	if len(provisional) > 0 {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.ProvisionalNote, l.T(what), strings.Join(provisional, ", ")))
	}
	if len(proposal) > 0 {
		fmt.Fprintf(w, "\n%s\n", l.T(lang.ProposalNote, l.T(what), strings.Join(proposal, ", ")))
	}
}

func eligibleText(l lang.Lang, ok bool) string {
	if ok {
		return l.T(lang.Eligible)
	}
	return l.T(lang.NotEligible)
}

// columns aligns the tab-separated cells written to it in columns two
// spaces apart, as every listing (rules, validation, catalogue, ranking)
// is.
func columns(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

// listing writes the header and the rows in columns.
func listing(w io.Writer, header []string, rows [][]string) error {
	tw := columns(w)
	for _, r := range append([][]string{header}, rows...) {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// grid writes rows as columns aligned for a terminal (the columns listed in
// right aligned right), or, plain, as tab-separated lines for programs.
func grid(w io.Writer, rows [][]string, plain bool, right ...int) {
	if plain {
		for _, r := range rows {
			fmt.Fprintln(w, strings.Join(r, "\t"))
		}
		return
	}
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			gap := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if slices.Contains(right, i) {
				line.WriteString(gap + c)
			} else if i < len(r)-1 {
				line.WriteString(c + gap)
			} else {
				line.WriteString(c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
	}
}

// statusText words a parameter's status in language l: regulation,
// provisional, proposal, user.
func statusText(l lang.Lang, s rules.Status) string {
	if k, ok := statusKeys[s]; ok {
		return l.T(k)
	}
	return string(s)
}

// statusKeys are the messages of the parameters' statuses.
var statusKeys = map[rules.Status]lang.Key{
	rules.Regulation: lang.StatusRegulation, rules.Provisional: lang.StatusProvisional,
	rules.Proposal: lang.StatusProposal, rules.User: lang.StatusUser,
}

func rulesSuffix(f string) string {
	if f == "" {
		return ""
	}
	return " + " + f
}

// paramValue is a parameter's value as l writes it: a number with l's
// decimal mark, anything else (a matrix, a date, a flag) as the rulebook
// writes it.
func paramValue(l lang.Lang, v string) string {
	if d, err := decimal.NewFromString(v); err == nil {
		return l.Number(d)
	}
	return v
}

// Explain writes the explanation tree in language l: every figure with its
// name and formula in l's words, its input cells and parameters, indented
// by depth. (The parameters' sources cite the documents as the rulebook
// does.)
func Explain(w io.Writer, r *capital.Result, l lang.Lang) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "\n%s\n", l.T(lang.ExplainTitle))
	var rec func(n *capital.Node, depth int)
	rec = func(n *capital.Node, depth int) {
		ind := strings.Repeat("  ", depth)
		mark := ""
		if ms := markers(n); len(ms) > 0 {
			mark = "  [" + markerText(l, ms) + "]"
		}
		fmt.Fprintf(b, "%s%s = %s%s\n", ind, n.Label, l.Number(n.Value), mark)
		fmt.Fprintf(b, "%s  %s\n", ind, l.T(lang.ExplainFormula, n.Formula))
		for _, in := range n.Inputs {
			cell := ""
			if in.Cell != "" {
				cell = " (" + in.Cell + ")"
			}
			v := l.Number(in.Value)
			if in.Text != "" {
				v = in.Text
			}
			fmt.Fprintf(b, "%s  %s\n", ind, l.T(lang.ExplainInput, in.Name, v+cell))
		}
		for _, p := range n.Params {
			fmt.Fprintf(b, "%s  %s\n", ind, l.T(lang.ExplainParameter, p.Path, paramValue(l, p.Value), statusText(l, p.Status), p.Source))
		}
		for _, c := range n.Children {
			rec(c, depth+1)
		}
	}
	rec(r.Tree.In(l), 0)
	explainContributions(b, l, r, rec)
	_, err := io.WriteString(w, b.String())
	return err
}
