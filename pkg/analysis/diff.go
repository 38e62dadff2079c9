package analysis

import (
	"fmt"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/rules"
)

// Step is one step of an analysis of change (capreg diff): a group of
// inputs that passes from the earlier workbook's values (ANTERIOR) to the
// later one's (ATUAL) at once. Its spelling is the key "step" of the
// outputs. The steps are not the multiplicative groups of stress and
// headroom (Group): a step replaces values, and also moves dates, codes
// and the window of the monthly inputs.
type Step string

// The steps, in the order they are taken (issue 14).
const (
	StepBase             Step = "base"             // data base and the CB's classification: modalidade, segmentação, região (with registro and razão social)
	StepPLA              Step = "pla"              // PL and the six deductions
	StepElegibilidade    Step = "elegibilidade"    // the eligibility dates, IDSS and the blocking situations
	StepContraprestacoes Step = "contraprestacoes" // the Contraprestacoes rows, totalled over their own 12 months
	StepEventos          Step = "eventos"          // the Eventos rows, totalled over their own 12 months
	StepABI              Step = "abi"              // the ABI amounts and hc
	StepRemissao         Step = "remissao"         // the four Remissao values
	StepCredito          Step = "credito"          // Credito_Operadoras, Credito_Seguros, Credito_Ativos
	StepMercado          Step = "mercado"          // Mercado_ALM, Mercado_Ativos
	StepOperacional      Step = "operacional"      // both Operacional values
	StepInformadas       Step = "informadas"       // Parcelas_Informadas
)

// stepTakes are the steps in order, each with what it takes from ATUAL:
// take copies the step's inputs of src into dst, and moves the window of
// the monthly group it takes to src's data base.
var stepTakes = []struct {
	step Step
	take func(dst, src *capital.Input, w *capital.Windows)
}{
	{StepBase, func(dst, src *capital.Input, _ *capital.Windows) {
		d, s := &dst.Operadora, &src.Operadora
		d.RegistroANS, d.RazaoSocial = s.RegistroANS, s.RazaoSocial
		d.DataBase, d.DataBaseRef = s.DataBase, s.DataBaseRef
		d.Modalidade, d.ModalRef = s.Modalidade, s.ModalRef
		d.Segmentacao, d.SegRef = s.Segmentacao, s.SegRef
		d.Regiao, d.RegiaoRef = s.Regiao, s.RegiaoRef
	}},
	{StepPLA, func(dst, src *capital.Input, _ *capital.Windows) { dst.PLA = src.PLA }},
	{StepElegibilidade, func(dst, src *capital.Input, _ *capital.Windows) {
		d, s := &dst.Operadora, &src.Operadora
		d.GovernancaRelatorio, d.AcreditacaoInicio = s.GovernancaRelatorio, s.AcreditacaoInicio
		d.PromoprevAprovacao, d.PartoAdequadoCertificacao, d.APSCertificacao = s.PromoprevAprovacao, s.PartoAdequadoCertificacao, s.APSCertificacao
		d.IDSS, d.Situacoes = s.IDSS, s.Situacoes
	}},
	{StepContraprestacoes, func(dst, src *capital.Input, w *capital.Windows) {
		dst.Contraprestacoes, w.Contraprestacoes = src.Contraprestacoes, src.Operadora.DataBase
	}},
	{StepEventos, func(dst, src *capital.Input, w *capital.Windows) {
		dst.Eventos, w.Eventos = src.Eventos, src.Operadora.DataBase
	}},
	{StepABI, func(dst, src *capital.Input, _ *capital.Windows) {
		dst.ABI, dst.Operadora.HC = src.ABI, src.Operadora.HC
	}},
	{StepRemissao, func(dst, src *capital.Input, _ *capital.Windows) { dst.Remissao = src.Remissao }},
	{StepCredito, func(dst, src *capital.Input, _ *capital.Windows) {
		dst.CreditoOperadoras, dst.CreditoSeguros, dst.CreditoAtivos = src.CreditoOperadoras, src.CreditoSeguros, src.CreditoAtivos
	}},
	{StepMercado, func(dst, src *capital.Input, _ *capital.Windows) {
		dst.MercadoALM, dst.MercadoAtivos = src.MercadoALM, src.MercadoAtivos
	}},
	{StepOperacional, func(dst, src *capital.Input, _ *capital.Windows) { dst.Operacional = src.Operacional }},
	{StepInformadas, func(dst, src *capital.Input, _ *capital.Windows) { dst.Informadas = src.Informadas }},
}

// Steps are the steps of an analysis of change, in the order taken.
func Steps() []Step {
	out := make([]Step, len(stepTakes))
	for i, s := range stepTakes {
		out[i] = s.step
	}
	return out
}

// State is the capital after a step of an analysis of change.
type State struct {
	Step   Step // "" for the first state: ANTERIOR itself
	Result *capital.Result
}

// Change is the analysis of change from anterior to atual under rb: the
// first state is anterior computed as calc computes it; each step then
// replaces one more group of anterior's inputs by atual's, and is computed
// again, so the last state is atual as calc computes it. Each monthly group
// is totalled over the 12 months of the workbook it comes from, whichever
// data base the state has. The differences between consecutive states are
// the steps' contributions, and add up exactly to atual − anterior.
//
// Both inputs must have passed capital.Check against rb without errors:
// the states in between, which mix the two, are not checked again. The
// factor set of every state is chosen as calc chooses it (auto).
// Beneficiary data is left out of both sides (it only weighs program
// coverage, which calc uses only when asked); neither input is modified.
func Change(anterior, atual *capital.Input, rb *rules.Rulebook) ([]State, error) {
	state := *anterior
	state.Beneficiarios = nil
	db := anterior.Operadora.DataBase
	opt := capital.Options{Checked: true, Windows: capital.Windows{Contraprestacoes: db, Eventos: db}}
	r, err := capital.Compute(&state, rb, opt)
	if err != nil {
		return nil, err
	}
	states := []State{{Result: r}}
	for _, s := range stepTakes {
		s.take(&state, atual, &opt.Windows)
		if r, err = capital.Compute(&state, rb, opt); err != nil {
			return nil, fmt.Errorf("after the step %s: %w", s.step, err)
		}
		states = append(states, State{Step: s.step, Result: r})
	}
	return states, nil
}
