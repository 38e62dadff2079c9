package capital

import (
	"fmt"
	"strings"

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
