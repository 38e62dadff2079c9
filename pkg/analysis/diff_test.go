package analysis

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// readExample reads the shipped example workbook.
func readExample(t *testing.T) *capital.Input {
	t.Helper()
	f, err := os.Open("../../examples/operadora-exemplo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, l, err := workbook.Read(context.Background(), f)
	if err != nil || l.HasErrors() {
		t.Fatalf("%v %v", err, l.Errors())
	}
	return in
}

// nonZero fails for every field of v (a struct) but those skipped that
// holds its zero value, looking into the Operadora.
func nonZero(t *testing.T, v reflect.Value, where string, skip ...string) {
	t.Helper()
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		switch f := v.Field(i); {
		case slices.Contains(skip, name):
		case f.Type() == reflect.TypeFor[capital.Operadora]():
			nonZero(t, f, where+name+".")
		case f.IsZero():
			t.Errorf("%s%s is empty in the test's input: fill it, and give it to a step", where, name)
		}
	}
}

// Every input the engine reads belongs to one step: taking every step of a
// full input into an empty one gives the full input (but the beneficiary
// data, which capreg diff leaves out), and both windows end at its data
// base. A field added to capital.Input or capital.Operadora fails here
// until the test's input fills it and a step takes it.
func TestStepsTakeEveryInput(t *testing.T) {
	full := readExample(t)
	op := &full.Operadora
	day := &capital.Dated{T: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Ref: "Operadora!B9"}
	op.GovernancaRelatorio, op.AcreditacaoInicio, op.PromoprevAprovacao, op.PartoAdequadoCertificacao, op.APSCertificacao = day, day, day, day, day
	op.IDSS = &capital.Amount{V: decimal.RequireFromString("0.8"), Ref: "Operadora!B15"}
	one := &capital.Amount{V: decimal.NewFromInt(1), Ref: "Parcelas_Informadas!B2"}
	full.Informadas = capital.Informadas{CRS: one, CRC: one, CRM: one, CRO: one}
	nonZero(t, reflect.ValueOf(*full), "Input.", "Beneficiarios", "Incomplete")

	got := &capital.Input{}
	var w capital.Windows
	for _, s := range stepTakes {
		s.take(got, full, &w)
	}
	want := *full
	want.Beneficiarios = nil
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("the steps took\n%+v\nwant\n%+v", *got, want)
	}
	if w.Contraprestacoes != op.DataBase || w.Eventos != op.DataBase {
		t.Errorf("windows %+v, want both at %s", w, op.DataBase)
	}
	if got := Steps(); !slices.Equal(got, []Step{StepBase, StepPLA, StepElegibilidade, StepContraprestacoes, StepEventos,
		StepABI, StepRemissao, StepCredito, StepMercado, StepOperacional, StepInformadas}) {
		t.Errorf("Steps() = %v", got)
	}
}

// months is 12 monthly rows ending at db, each of value v (tipo and seg
// empty for Eventos).
func months(db period.Month, tipo ans.TipoContratacao, seg ans.Segmento, v string) []capital.Monthly {
	out := make([]capital.Monthly, 12)
	for i := range out {
		out[i] = capital.Monthly{Competencia: db.Add(i - 11), Tipo: tipo, Segmento: seg, Valor: amt(v)}
	}
	return out
}

// windowed is a cooperativa médica SSP, região 3, padrão factors (no
// eligibility dates), at data base db, with 12 months of contraprestações
// (individual, médico-hospitalar) of c and of eventos of e each, PL pl and
// nothing else.
func windowed(db period.Month, c, e, pl string) *capital.Input {
	in := &capital.Input{Operadora: capital.Operadora{RegistroANS: "123456", RazaoSocial: "Teste", DataBase: db,
		Modalidade: ans.CooperativaMedica, Segmentacao: "SSP", Regiao: 3, HC: amt("0")}}
	in.PLA.PL = amt(pl)
	for i := range in.PLA.Deducoes {
		in.PLA.Deducoes[i] = amt("0")
	}
	in.Contraprestacoes = months(db, ans.Individual, ans.MedicoHospitalar, c)
	in.Eventos = months(db, "", "", e)
	return in
}

// Each monthly group brings its own 12 months. ANTERIOR (2024-01) has
// 1000 of contraprestações and 500 of eventos a month, 2023-02 to 2024-01;
// ATUAL (2024-02) 1100 and 600, 2023-03 to 2024-02. Under padrão:
//
//	ANTERIOR: PRE = 0.043 · 12·1000 = 516    PRO = 0.007 · 12·500 = 42
//	ATUAL:    PRE = 0.043 · 12·1100 = 567.6  PRO = 0.007 · 12·600 = 50.4
//
// The base step moves the data base a month on and must leave PRE and PRO
// as they were (totalled by the data base, ANTERIOR's rows would lose
// 2023-02 and PRE would fall to 0.043 · 11 000 = 473); contraprestações
// then moves PRE alone, eventos PRO alone; PL (10 000 000 → 12 000 000)
// moves at pla alone.
func TestChangeWindows(t *testing.T) {
	rb := rulestest.Default(t)
	anterior := windowed(period.Month{Year: 2024, Month: 1}, "1000", "500", "10000000")
	atual := windowed(period.Month{Year: 2024, Month: 2}, "1100", "600", "12000000")
	before := fmt.Sprintf("%+v %+v", *anterior, *atual)
	states, err := Change(anterior, atual, rb)
	if err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprintf("%+v %+v", *anterior, *atual); after != before {
		t.Error("Change modified its inputs")
	}
	if len(states) != 1+len(stepTakes) || states[0].Step != "" {
		t.Fatalf("%d states, the first %q", len(states), states[0].Step)
	}
	want := map[Step][3]string{ // PRE, PRO, PLA after the step
		"":                   {"516", "42", "10000000"},
		StepBase:             {"516", "42", "10000000"},
		StepPLA:              {"516", "42", "12000000"},
		StepElegibilidade:    {"516", "42", "12000000"},
		StepContraprestacoes: {"567.6", "42", "12000000"},
		StepEventos:          {"567.6", "50.4", "12000000"},
		StepInformadas:       {"567.6", "50.4", "12000000"},
	}
	for i, s := range states {
		if i > 0 && s.Step != stepTakes[i-1].step {
			t.Errorf("state %d is %q, want %q", i, s.Step, stepTakes[i-1].step)
		}
		w, ok := want[s.Step]
		if !ok {
			continue
		}
		for j, got := range []decimal.Decimal{s.Result.CRS.Find("crs_pre").Value, s.Result.CRS.Find("crs_pro").Value, s.Result.PLA.Value} {
			if !got.Equal(decimal.RequireFromString(w[j])) {
				t.Errorf("after %q: %s = %s, want %s", s.Step, []string{"PRE", "PRO", "PLA"}[j], got, w[j])
			}
		}
	}
	if db := states[1].Result.Operadora.DataBase; db != atual.Operadora.DataBase {
		t.Errorf("after base: data base %s", db)
	}
	// The first state is ANTERIOR as calc computes it, the last ATUAL; the
	// steps' changes of CR and surplus add up to ATUAL − ANTERIOR.
	for _, c := range []struct {
		in    *capital.Input
		state State
	}{{anterior, states[0]}, {atual, states[len(states)-1]}} {
		r, err := capital.Compute(c.in, rb, capital.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range [][2]*capital.Node{{r.CB, c.state.Result.CB}, {r.PLA, c.state.Result.PLA}, {r.CRS, c.state.Result.CRS},
			{r.CBR, c.state.Result.CBR}, {r.CR, c.state.Result.CR}, {r.Surplus, c.state.Result.Surplus}} {
			if !n[0].Value.Equal(n[1].Value) {
				t.Errorf("%s %s: state %s, calc %s", c.in.Operadora.DataBase, n[0].Key, n[1].Value, n[0].Value)
			}
		}
	}
	var cr, surplus decimal.Decimal
	for i := 1; i < len(states); i++ {
		cr = cr.Add(states[i].Result.CR.Value.Sub(states[i-1].Result.CR.Value))
		surplus = surplus.Add(states[i].Result.Surplus.Value.Sub(states[i-1].Result.Surplus.Value))
	}
	last, first := states[len(states)-1].Result, states[0].Result
	if !cr.Equal(last.CR.Value.Sub(first.CR.Value)) || !surplus.Equal(last.Surplus.Value.Sub(first.Surplus.Value)) {
		t.Errorf("the steps add up to ΔCR %s, Δsurplus %s", cr, surplus)
	}
}
