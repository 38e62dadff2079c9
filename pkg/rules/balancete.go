package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
)

// The kinds of a balancete mapping (spec balancete.md §2): how the accounts
// or the DIOPS element give the field.
const (
	Saldo       = "saldo"        // the balance at the data base
	FluxoMensal = "fluxo_mensal" // the flow of each of the 12 months ending at the data base
	Fluxo12m    = "fluxo_12m"    // the total of the 12 months ending at the data base
	DIOPS       = "diops"        // an element of a DIOPS-XML quadro, as sent
)

// Contas maps a workbook field to accounts of the ANS chart of accounts:
// the field is the sum of their values, taken as Tipo says (Saldo,
// FluxoMensal or Fluxo12m). An X in a code stands for any digit
// (2111XX024).
type Contas struct {
	Contas Param[[]string] `yaml:"contas"`
	Tipo   Param[string]   `yaml:"tipo"`
}

// Elemento maps a workbook field to an element of a DIOPS-XML quadro.
type Elemento struct {
	Elemento Param[string] `yaml:"elemento"`
	Tipo     Param[string] `yaml:"tipo"`
}

// Celulas are the mappings of the pricing cells of one segmento, by tipo de
// contratação.
type Celulas struct {
	Individual                  Contas `yaml:"individual"`
	ColetivoAdesao              Contas `yaml:"coletivo_adesao"`
	ColetivoEmpresarial         Contas `yaml:"coletivo_empresarial"`
	CorresponsabilidadeAssumida Contas `yaml:"corresponsabilidade_assumida"`
}

// Fundo maps a fund row of Credito_Ativos to the CAMPOs of the DIOPS quadro
// fundosInvestimentosCRC: its exposição and its FPR (in %).
type Fundo struct {
	Exposicao Param[string] `yaml:"exposicao"`
	FPR       Param[string] `yaml:"fpr"`
}

// Balancete is the mapping of the operator's accounts and DIOPS-XML quadros
// to the input workbook (spec balancete.md §2).
type Balancete struct {
	PLA struct {
		PL                     Contas `yaml:"pl"`
		DedParticipacoes       Contas `yaml:"ded_participacoes"`
		DedCreditosTributarios Contas `yaml:"ded_creditos_tributarios"`
		DedDespesasDiferidas   Contas `yaml:"ded_despesas_diferidas"`
		DedDespesasAntecipadas Contas `yaml:"ded_despesas_antecipadas"`
		DedIntangivel          Contas `yaml:"ded_intangivel"`
		DedGoodwill            Contas `yaml:"ded_goodwill"`
	} `yaml:"pla"`
	Contraprestacoes struct {
		MedicoHospitalar Celulas `yaml:"medico_hospitalar"`
		Odontologico     Celulas `yaml:"odontologico"`
	} `yaml:"contraprestacoes"`
	Eventos     Contas `yaml:"eventos"`
	Operacional struct {
		Contraprestacoes12m Contas `yaml:"contraprestacoes_12m_total"`
		ProvisoesTecnicas   Contas `yaml:"provisoes_tecnicas"`
	} `yaml:"operacional"`
	Remissao struct {
		CATemporaria Elemento `yaml:"ca_temporaria"`
		CAVitalicia  Elemento `yaml:"ca_vitalicia"`
	} `yaml:"remissao"`
	// CreditoOperadoras: one row per operadora of the quadro; Campos names
	// the CAMPO each column takes.
	CreditoOperadoras struct {
		Elemento Param[string]            `yaml:"elemento"`
		Tipo     Param[string]            `yaml:"tipo"`
		Campos   map[string]Param[string] `yaml:"campos"`
	} `yaml:"credito_operadoras"`
	CreditoAtivos struct {
		Elemento    Param[string] `yaml:"elemento"`
		Tipo        Param[string] `yaml:"tipo"`
		FundoFDSS   Fundo         `yaml:"fundo_fdss"`
		FundoOutros Fundo         `yaml:"fundo_outros"`
	} `yaml:"credito_ativos"`
	MercadoALM Elemento `yaml:"mercado_alm"`
	// Verificacoes are totals the Origem sheet shows beside fields the
	// accounts cannot give (the ABI amounts, the remission provisions).
	Verificacoes struct {
		ABI              Contas `yaml:"abi_hc_x_soma"`
		ProvisaoRemissao Contas `yaml:"provisao_remissao"`
	} `yaml:"verificacoes"`
}

// Campo is a field of a campo | valor sheet with its mapping.
type Campo struct {
	Sheet, Campo string
	Map          Contas
}

// Campos are the mapped fields of the campo | valor sheets (PLA and
// Operacional), in layout order.
func (b *Balancete) Campos() []Campo {
	p, o := &b.PLA, &b.Operacional
	return []Campo{
		{"PLA", "pl", p.PL}, {"PLA", "ded_participacoes", p.DedParticipacoes},
		{"PLA", "ded_creditos_tributarios", p.DedCreditosTributarios}, {"PLA", "ded_despesas_diferidas", p.DedDespesasDiferidas},
		{"PLA", "ded_despesas_antecipadas", p.DedDespesasAntecipadas}, {"PLA", "ded_intangivel", p.DedIntangivel},
		{"PLA", "ded_goodwill", p.DedGoodwill},
		{"Operacional", "contraprestacoes_12m_total", o.Contraprestacoes12m}, {"Operacional", "provisoes_tecnicas", o.ProvisoesTecnicas},
	}
}

// Cell is the mapping of the pricing cell (segmento, tipo) of
// Contraprestacoes.
func (b *Balancete) Cell(s ans.Segmento, t ans.TipoContratacao) Contas {
	c := &b.Contraprestacoes.MedicoHospitalar
	if s == ans.Odontologico {
		c = &b.Contraprestacoes.Odontologico
	}
	switch t {
	case ans.Individual:
		return c.Individual
	case ans.ColetivoAdesao:
		return c.ColetivoAdesao
	case ans.ColetivoEmpresarial:
		return c.ColetivoEmpresarial
	}
	return c.CorresponsabilidadeAssumida
}

// The DIOPS quadros and elements the mapping may name (spec §1.2).
const (
	quadroCRC     = "creditosDebitosCRC"
	quadroFundos  = "fundosInvestimentosCRC"
	quadroMercado = "quadroRiscoMercado"
)

// RemissaoElementos are the elements of quadro modeloPadraoCapital.
var RemissaoElementos = []string{
	"contrapBenefRemissaoTemp", "contrapBenefRemissaoVital", "benefRemissaoTemp", "benefRemissaoVital",
	"despBenefRemissaoTemp", "despBenefRemissaoVital",
}

// CampoN reads a DIOPS movimentacao CAMPOn: n, and false when s is not one.
func CampoN(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(s, "CAMPO"))
	return n, err == nil && strings.HasPrefix(s, "CAMPO") && n > 0
}

// CreditoColumns are the columns of Credito_Operadoras the quadro
// creditosDebitosCRC fills: its required numbers, c2 to d10 in order.
func CreditoColumns() []string {
	s, _ := layout.Lookup("Credito_Operadoras")
	var out []string
	for _, f := range s.Fields {
		if f.Type == layout.Number && !f.Optional {
			out = append(out, f.Name)
		}
	}
	return out
}

// validate checks the balancete mapping.
func (b *Balancete) validate(c *checker) {
	contas := func(m Contas, tipos ...string) {
		if !slices.Contains(tipos, m.Tipo.Value) {
			want := lang.Text(tipos[0])
			for _, t := range tipos[1:] {
				want = lang.M("%s or %s", want, t)
			}
			c.fail(lang.M("%s: must be %s (is %q)", m.Tipo.Path(), want, m.Tipo.Value))
		}
		if len(m.Contas.Value) == 0 {
			c.fail(lang.M("%s: lists no account", m.Contas.Path()))
		}
		for _, a := range m.Contas.Value {
			switch {
			case !validConta(a):
				c.fail(lang.M("%s: %q is not an account code (digits of the ANS chart of accounts, X for any digit)", m.Contas.Path(), a))
			case m.Tipo.Value != Saldo && !strings.ContainsAny(a[:1], "346"):
				c.fail(lang.M("%s: %s is no result account (classes 3, 4, 6): it has a balance, not a flow (tipo %s)", m.Contas.Path(), a, Saldo))
			}
		}
	}
	for _, f := range b.Campos() {
		contas(f.Map, Saldo, Fluxo12m)
	}
	for _, s := range ans.Segmentos() {
		for _, t := range ans.TiposContratacao() {
			contas(b.Cell(s, t), FluxoMensal)
		}
	}
	contas(b.Eventos, FluxoMensal)
	contas(b.Verificacoes.ABI, Saldo)
	contas(b.Verificacoes.ProvisaoRemissao, Saldo)
	diops := func(t Param[string]) {
		if t.Value != DIOPS {
			c.fail(lang.M("%s: must be %s (is %q)", t.Path(), DIOPS, t.Value))
		}
	}
	for _, e := range []Elemento{b.Remissao.CATemporaria, b.Remissao.CAVitalicia} {
		diops(e.Tipo)
		if !slices.Contains(RemissaoElementos, e.Elemento.Value) {
			c.fail(lang.M("%s: must be an element of modeloPadraoCapital: %s (is %q)", e.Elemento.Path(), strings.Join(RemissaoElementos, ", "), e.Elemento.Value))
		}
	}
	cr := &b.CreditoOperadoras
	diops(cr.Tipo)
	c.form(cr.Elemento, quadroCRC)
	cols := CreditoColumns()
	seen := map[int]string{}
	for _, col := range cols {
		v, ok := cr.Campos[col]
		if !ok {
			c.fail(lang.M("%s: missing key %s", "balancete.credito_operadoras.campos", col))
			continue
		}
		n, ok := CampoN(v.Value)
		switch {
		case !ok || n < 2 || n > 10:
			c.fail(lang.M("%s: must be CAMPO2 to CAMPO10 (is %q)", v.Path(), v.Value))
		case seen[n] != "":
			c.fail(lang.M("%s: %s is already the CAMPO of %s", v.Path(), v.Value, seen[n]))
		default:
			seen[n] = col
		}
	}
	for k, v := range cr.Campos {
		if !slices.Contains(cols, k) {
			c.fail(lang.M("%s: unknown column (known: %s)", v.Path(), strings.Join(cols, ", ")))
		}
	}
	ca := &b.CreditoAtivos
	diops(ca.Tipo)
	c.form(ca.Elemento, quadroFundos)
	for _, f := range []Fundo{ca.FundoFDSS, ca.FundoOutros} {
		for _, p := range []Param[string]{f.Exposicao, f.FPR} {
			if n, ok := CampoN(p.Value); !ok || n > 5 {
				c.fail(lang.M("%s: must be CAMPO1 to CAMPO5 (is %q)", p.Path(), p.Value))
			}
		}
	}
	diops(b.MercadoALM.Tipo)
	c.form(b.MercadoALM.Elemento, quadroMercado)
}

// validConta reports whether a is an account code: digits, or X for any
// digit, at most 20.
func validConta(a string) bool {
	if a == "" || len(a) > 20 || a[0] == 'X' {
		return false
	}
	for i := 0; i < len(a); i++ {
		if (a[i] < '0' || a[i] > '9') && a[i] != 'X' {
			return false
		}
	}
	return true
}

// Expand lists the codes a code with X (any digit) stands for: itself when
// it has none.
func Expand(conta string) []string {
	i := strings.IndexByte(conta, 'X')
	if i < 0 {
		return []string{conta}
	}
	var out []string
	for d := '0'; d <= '9'; d++ {
		out = append(out, Expand(conta[:i]+string(d)+conta[i+1:])...)
	}
	return out
}

// String is the mapping as the Origem sheet and comments name it: the
// accounts joined by " + ".
func (m Contas) String() string { return strings.Join(m.Contas.Value, " + ") }
