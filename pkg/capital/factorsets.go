package capital

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// The factor sets, in the order ties are broken in.
const (
	Padrao        = "padrao"
	Reduzido      = "reduzido"
	Promoprev     = "promoprev"
	PartoAdequado = "parto_adequado"
	APS           = "aps"
)

// Sets lists the factor sets in tie-break order.
func Sets() []string { return []string{Padrao, Reduzido, Promoprev, PartoAdequado, APS} }

// Auto lets the model choose the factor set.
const Auto = "auto"

// Informed is the factor set reported when the CRS itself was informed.
const Informed = "informed"

// Verdict says whether an operator may use a factor set at its data base,
// and why.
type Verdict struct {
	Eligible bool
	Reason   string
}

// Eligibility decides, for every factor set, whether the operator may use it
// at its data base (rn569-model §5).
func Eligibility(op Operadora, rb *rules.Rulebook) map[string]Verdict {
	return map[string]Verdict{
		Padrao:        {true, "the standard factors are always available"},
		Reduzido:      reducedEligibility(op),
		Promoprev:     programEligibility(op, rb, "PROMOPREV approval", "promoprev_aprovacao", op.PromoprevAprovacao),
		PartoAdequado: programEligibility(op, rb, "Parto Adequado certification", "parto_adequado_certificacao", op.PartoAdequadoCertificacao),
		APS:           programEligibility(op, rb, "APS certification", "aps_certificacao", op.APSCertificacao),
	}
}

func reducedEligibility(op Operadora) Verdict {
	db := op.DataBase
	var why []string
	if g := op.GovernancaRelatorio; g != nil {
		year := g.T.Year()
		span := fmt.Sprintf("1T%d–4T%d", year, year)
		if db.Year == year {
			return Verdict{true, fmt.Sprintf("governance report (RN 518 Anexo V) sent %s (%s) covers %s", period.Date(g.T), g.Ref, span)}
		}
		why = append(why, fmt.Sprintf("the governance report sent %s (%s) covers %s only", period.Date(g.T), g.Ref, span))
	}
	if a := op.AcreditacaoInicio; a != nil {
		from := period.MonthOf(a.T).QuarterEnd()
		to := from.Add(9)
		span := from.QuarterLabel() + "–" + to.QuarterLabel()
		if !db.Before(from) && !db.After(to) {
			return Verdict{true, fmt.Sprintf("accreditation (RN 507) from %s (%s) covers %s", period.Date(a.T), a.Ref, span)}
		}
		why = append(why, fmt.Sprintf("the accreditation from %s (%s) covers %s only (from %s, the end of its quarter)", period.Date(a.T), a.Ref, span, from.LastDay().Format("2006-01-02")))
	}
	if len(why) == 0 {
		return Verdict{false, "no governance report date (governanca_relatorio_data) nor accreditation start (acreditacao_inicio)"}
	}
	return Verdict{false, strings.Join(why, "; ") + fmt.Sprintf(", not data base %s", db)}
}

func programEligibility(op Operadora, rb *rules.Rulebook, what, campo string, d *Dated) Verdict {
	if d == nil {
		return Verdict{false, fmt.Sprintf("no %s date (%s)", what, campo)}
	}
	if d.T.After(op.DataBase.LastDay()) {
		return Verdict{false, fmt.Sprintf("%s on %s (%s) is after the data base %s", what, period.Date(d.T), d.Ref, op.DataBase)}
	}
	for _, s := range op.Situacoes {
		if s.On {
			return Verdict{false, fmt.Sprintf("blocked by %s = S (%s)", s.Name, s.Ref)}
		}
	}
	min := rb.Programas.IDSSMinimo
	if op.IDSS == nil {
		return Verdict{false, fmt.Sprintf("blocked: IDSS not informed (idss), the proposal needs IDSS ≥ %s", min)}
	}
	if op.IDSS.V.LessThan(min.Decimal) {
		return Verdict{false, fmt.Sprintf("blocked by IDSS %s < %s (%s)", op.IDSS.V, min, op.IDSS.Ref)}
	}
	return Verdict{true, fmt.Sprintf("%s on %s (%s), no blocking situation, IDSS %s ≥ %s", what, period.Date(d.T), d.Ref, op.IDSS.V, min)}
}

// SetOutcome is one factor set's verdict and the CRS it gives.
type SetOutcome struct {
	Set      string          `json:"set"`
	Eligible bool            `json:"eligible"`
	Chosen   bool            `json:"chosen"`
	Reason   string          `json:"reason"`
	CRS      decimal.Decimal `json:"crs"`
	Node     *Node           `json:"-"`
}

// chooseCRS computes the CRS under every factor set and applies the eligible
// one with the lowest CRS (or the forced one).
func (e *engine) chooseCRS(r *Result) error {
	verdicts := Eligibility(e.in.Operadora, e.rb)
	if a := e.in.Informadas.CRS; a != nil {
		r.CRS = informedNode(a, "crs", "CRS — underwriting risk")
		r.FactorSet = Informed
		for _, s := range Sets() {
			v := verdicts[s]
			r.Sets = append(r.Sets, SetOutcome{Set: s, Eligible: v.Eligible, Reason: v.Reason + "; CRS informed, no factor set applied", CRS: a.V})
		}
		return nil
	}
	best := -1
	for i, s := range Sets() {
		n, err := e.crs(s)
		if err != nil {
			return err
		}
		v := verdicts[s]
		r.Sets = append(r.Sets, SetOutcome{Set: s, Eligible: v.Eligible, Reason: v.Reason, CRS: n.Value, Node: n})
		if e.opt.Factors == s || (e.opt.Factors == Auto && v.Eligible && (best < 0 || n.Value.LessThan(r.Sets[best].CRS))) {
			best = i
		}
	}
	chosen := &r.Sets[best]
	chosen.Chosen = true
	r.FactorSet, r.CRS = chosen.Set, chosen.Node
	for i := range r.Sets {
		s := &r.Sets[i]
		switch {
		case s.Chosen && e.opt.Factors != Auto && !s.Eligible:
			r.Warnings.Add(findings.New(findings.ForcedIneligible, "", "", fmt.Sprintf("factor set %s forced with --factors, but the operator is not eligible: %s", s.Set, s.Reason), ""))
			s.Reason = "forced with --factors; not eligible: " + s.Reason
		case s.Chosen && e.opt.Factors != Auto:
			s.Reason = "forced with --factors; " + s.Reason
		case s.Chosen:
			s.Reason = "applied: lowest CRS of the eligible sets; " + s.Reason
		case s.Eligible && e.opt.Factors == Auto:
			s.Reason = fmt.Sprintf("eligible (%s), but lower benefit: CRS %s ≥ %s under %s", s.Reason, money.BRL(s.CRS), money.BRL(chosen.CRS), chosen.Set)
		case s.Eligible:
			s.Reason = "eligible, not applied (--factors " + chosen.Set + "): " + s.Reason
		default:
			s.Reason = "not eligible: " + s.Reason
		}
	}
	return nil
}
