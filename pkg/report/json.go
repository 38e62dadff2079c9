// Package report renders the results of capreg's use cases (pkg/app) and
// nothing else: for people, aligned tables with BRL amounts, PROVISIONAL
// and PROPOSAL markers and their footnotes, and the explanation tree; for
// programs, the JSON documents (schema_version 1, decimals as strings), CSV
// safe from formulas, and xlsx workbooks with native charts. It covers
// calc, compare, validate (and its catalogue of checks), batch (streamed
// as the rows come), reclamacoes and the rulebook. The engine's typed
// reasons (why a factor set is eligible, applied or not) are worded here,
// in reasons.go, and nowhere else.
package report

import (
	"encoding/json"
	"io"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules"
)

// SchemaVersion is the version of the JSON document; it changes only when a
// key changes meaning or disappears.
const SchemaVersion = "1"

// Meta is what a document says about the run that produced it.
type Meta struct {
	File        string // the input workbook
	RulebookVer string
	RulesFile   string    // the user's rules file, or ""
	Explain     bool      // include the explanation tree
	Plain       bool      // tables as tab-separated text (stdout is not a terminal)
	Lang        lang.Lang // the language of the text for a person (the zero value: lang.Default)
	// Headroom is the headroom search's result to report (calc; batch with
	// --headroom), nil for none.
	Headroom *analysis.Headroom
}

// Document is the JSON form of a result (schema_version 1).
type Document struct {
	SchemaVersion  string                     `json:"schema_version"`
	File           string                     `json:"file,omitempty"`
	RegistroANS    string                     `json:"registro_ans"`
	RazaoSocial    string                     `json:"razao_social"`
	DataBase       string                     `json:"data_base"`
	Modalidade     string                     `json:"modalidade"`
	Segmentacao    string                     `json:"segmentacao"`
	Regiao         int                        `json:"regiao"`
	FactorSet      string                     `json:"factor_set"`
	FactorSets     []FactorSetOutcome         `json:"factor_sets"`
	Sufficient     bool                       `json:"sufficient"`
	Provisional    []string                   `json:"provisional"`
	Proposal       []string                   `json:"proposal"`
	Informed       []string                   `json:"informed"`
	Warnings       []findings.Finding         `json:"warnings"`
	Amounts        map[string]decimal.Decimal `json:"amounts"`
	AmountsRounded map[string]decimal.Decimal `json:"amounts_rounded"`
	ICR            *decimal.Decimal           `json:"icr"`
	ICRRounded     *decimal.Decimal           `json:"icr_rounded"`
	Markers        map[string][]rules.Status  `json:"markers"`
	Contributions  *ContributionsDoc          `json:"contributions,omitempty"`
	Rulebook       RulebookInfo               `json:"rulebook"`
	Headroom       *HeadroomDocument          `json:"headroom,omitempty"`
	Explanation    *capital.Node              `json:"explanation,omitempty"`
	// ContributionsExplanation are the nodes of the contributions (with
	// the explanation).
	ContributionsExplanation []*capital.Node `json:"contributions_explanation,omitempty"`
}

// RulebookInfo names the rulebook used.
type RulebookInfo struct {
	Version   string `json:"version"`
	RulesFile string `json:"rules_file,omitempty"`
}

// AmountKeys are the keys of "amounts", in display order.
var AmountKeys = []string{"cb", "pla", "crs", "crs_pre", "crs_pro", "crs_sus", "crs_rem", "crc", "crm", "cro", "cbr", "cr", "surplus"}

// Figures maps the amount keys to the result's nodes.
func Figures(r *capital.Result) map[string]*capital.Node {
	f := map[string]*capital.Node{
		"cb": r.CB, "pla": r.PLA, "crs": r.CRS, "crc": r.CRC, "crm": r.CRM, "cro": r.CRO,
		"cbr": r.CBR, "cr": r.CR, "surplus": r.Surplus,
	}
	for _, k := range []string{"crs_pre", "crs_pro", "crs_sus", "crs_rem"} {
		f[k] = r.CRS.Find(k)
		if f[k] == nil { // informed CRS or administradora: no parts
			f[k] = &capital.Node{Key: k}
		}
	}
	return f
}

// NewDocument builds the JSON document of a result.
func NewDocument(r *capital.Result, warnings findings.List, m Meta) *Document {
	op := r.Operadora
	d := &Document{
		SchemaVersion: SchemaVersion, File: m.File,
		RegistroANS: op.RegistroANS, RazaoSocial: op.RazaoSocial, DataBase: op.DataBase.String(),
		Modalidade: string(op.Modalidade), Segmentacao: string(op.Segmentacao), Regiao: op.Regiao,
		FactorSet: r.FactorSet, FactorSets: factorSetOutcomes(m.Lang, r.Sets), Sufficient: r.Sufficient,
		Provisional: nonNil(r.Provisional()), Proposal: nonNil(r.Proposal()), Informed: nonNil(r.Informed()),
		Warnings:       worded(m.Lang, r, warnings),
		Amounts:        map[string]decimal.Decimal{},
		AmountsRounded: map[string]decimal.Decimal{},
		Markers:        map[string][]rules.Status{},
		Rulebook:       RulebookInfo{Version: m.RulebookVer, RulesFile: m.RulesFile},
		Contributions:  newContributionsDoc(r.Contributions),
		Headroom:       newHeadroomDocument(m.Headroom, markers(r.Surplus)),
	}
	for k, n := range Figures(r) {
		d.Amounts[k] = n.Value
		d.AmountsRounded[k] = money.Round(n.Value)
		if s := markers(n); len(s) > 0 {
			d.Markers[k] = s
		}
	}
	if r.ICR != nil {
		v, rounded := r.ICR.Value, r.ICR.Value.Round(4)
		d.ICR, d.ICRRounded = &v, &rounded
	}
	if m.Explain {
		d.Explanation = r.Tree.In(m.Lang)
		if r.Contributions != nil {
			for _, n := range r.Contributions.Nodes() {
				d.ContributionsExplanation = append(d.ContributionsExplanation, n.In(m.Lang))
			}
		}
	}
	return d
}

// informedMarker marks a figure given in Parcelas_Informadas, or computed
// from one so given.
const informedMarker rules.Status = "informed"

// markers are the statuses a figure is marked with: provisional, proposal,
// informed (regulation and user values need no marker).
func markers(n *capital.Node) []rules.Status {
	var out []rules.Status
	for _, s := range n.Statuses() {
		if s == rules.Provisional || s == rules.Proposal {
			out = append(out, s)
		}
	}
	informed := false
	n.Walk(func(m *capital.Node) { informed = informed || m.Informed })
	if informed {
		out = append(out, informedMarker)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// JSON writes the document, indented.
func JSON(w io.Writer, d any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}
