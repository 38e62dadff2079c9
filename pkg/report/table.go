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
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// rows of the summary table: key, label, indent.
var tableRows = []struct {
	key, label string
	indent     bool
}{
	{"cb", "CB   Capital Base", false},
	{"pla", "PLA  Patrimônio Líquido Ajustado", false},
	{"crs", "CRS  underwriting risk", false},
	{"crs_pre", "PRE    pricing", true},
	{"crs_pro", "PRO    claims provision (PEONA)", true},
	{"crs_sus", "SUS    ressarcimento ao SUS", true},
	{"crs_rem", "RA+RM  remission", true},
	{"crc", "CRC  credit risk", false},
	{"crm", "CRM  market risk", false},
	{"cro", "CRO  operational and legal risk", false},
	{"cbr", "CBR  Capital Baseado em Riscos", false},
	{"cr", "CR   Capital Regulatório = max(CB, CBR)", false},
	{"surplus", "Surplus = PLA − CR", false},
}

func markerText(ms []rules.Status) string {
	var out []string
	for _, m := range ms {
		switch m {
		case rules.Provisional:
			out = append(out, "PROVISIONAL")
		case rules.Proposal:
			out = append(out, "PROPOSAL")
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
	b := &strings.Builder{}
	fmt.Fprintf(b, "capreg — RN 569/2022 regulatory capital\n")
	fmt.Fprintf(b, "Operadora   %s  %s\n", op.RegistroANS, op.RazaoSocial)
	seg := op.Segmentacao
	if seg != "" {
		seg = " " + seg
	}
	fmt.Fprintf(b, "Data base   %s   %s%s, região %d\n", op.DataBase, op.Modalidade, seg, op.Regiao)
	fmt.Fprintf(b, "Factor set  %s\n", r.FactorSet)
	if m.File != "" {
		fmt.Fprintf(b, "Input       %s\n", m.File)
	}
	fmt.Fprintf(b, "Rulebook    %s%s\n\n", m.RulebookVer, rulesSuffix(m.RulesFile))

	fig := Figures(r)
	var rows [][]string
	for _, row := range tableRows {
		n := fig[row.key]
		rows = append(rows, []string{row.label, money.BRL(n.Value), markerText(markers(n))})
	}
	icr := "undefined (CR = 0)"
	if r.ICR != nil {
		icr = money.PtBR(r.ICR.Value, 4)
	}
	rows = append(rows, []string{"ICR  PLA / CR", icr, ""})
	grid(b, rows, m.Plain, 1)
	verdict := "SUFFICIENT (PLA ≥ CR)"
	if !r.Sufficient {
		verdict = "INSUFFICIENT (PLA < CR)"
	}
	fmt.Fprintf(b, "\nSufficiency: %s\n\nFactor sets\n", verdict)
	rows = rows[:0]
	for _, s := range r.Sets {
		mark := " "
		if s.Chosen {
			mark = "*"
		}
		rows = append(rows, []string{mark + " " + s.Set, eligibleText(s.Eligible), "CRS " + money.BRL(s.CRS), setReasonText(s.Reason)})
	}
	grid(b, rows, m.Plain)
	markerNotes(b, "figures", r.Provisional(), r.Proposal())
	if p := r.Informed(); len(p) > 0 {
		fmt.Fprintf(b, "\ninformed: %s given in Parcelas_Informadas, not computed.\n", strings.Join(p, ", "))
	}
	var shown findings.List
	for _, f := range worded(r, warnings) {
		if f.Code != findings.ProvisionalParams && f.Code != findings.ProposalParams { // the footnotes say it
			shown = append(shown, f)
		}
	}
	if len(shown) > 0 {
		fmt.Fprintf(b, "\nWarnings\n")
		for _, f := range shown {
			fmt.Fprintf(b, "  %s\n", f.String())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markerNotes writes the PROVISIONAL and PROPOSAL footnotes: what (figures,
// rows) so marked use which parameters.
func markerNotes(w io.Writer, what string, provisional, proposal []string) {
	if len(provisional) > 0 {
		fmt.Fprintf(w, "\nPROVISIONAL: %s so marked use parameters not confirmed in the regulation:\n  %s\n  Confirm them and set them in a rules file (capreg rules export; --rules FILE).\n", what, strings.Join(provisional, ", "))
	}
	if len(proposal) > 0 {
		fmt.Fprintf(w, "\nPROPOSAL: %s so marked use the ANS program-incentive proposal, not yet in force:\n  %s\n", what, strings.Join(proposal, ", "))
	}
}

func eligibleText(ok bool) string {
	if ok {
		return "eligible"
	}
	return "not eligible"
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

func rulesSuffix(f string) string {
	if f == "" {
		return ""
	}
	return " + " + f
}

// Explain writes the explanation tree: every figure with its formula, input
// cells and parameters, indented by depth.
func Explain(w io.Writer, r *capital.Result) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "\nExplanation (every figure: formula, inputs with their cells, parameters with status and source)\n")
	var rec func(n *capital.Node, depth int)
	rec = func(n *capital.Node, depth int) {
		ind := strings.Repeat("  ", depth)
		mark := ""
		if ms := markers(n); len(ms) > 0 {
			mark = "  [" + markerText(ms) + "]"
		}
		fmt.Fprintf(b, "%s%s = %s%s\n", ind, n.Label, n.Value.String(), mark)
		fmt.Fprintf(b, "%s  formula: %s\n", ind, n.Formula)
		for _, in := range n.Inputs {
			cell := ""
			if in.Cell != "" {
				cell = " (" + in.Cell + ")"
			}
			v := in.Value.String()
			if in.Text != "" {
				v = in.Text
			}
			fmt.Fprintf(b, "%s  input: %s = %s%s\n", ind, in.Name, v, cell)
		}
		for _, p := range n.Params {
			fmt.Fprintf(b, "%s  parameter: %s = %s [%s: %s]\n", ind, p.Path, p.Value, p.Status, p.Source)
		}
		for _, c := range n.Children {
			rec(c, depth+1)
		}
	}
	rec(r.Tree, 0)
	_, err := io.WriteString(w, b.String())
	return err
}
