package capital

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// a is an input amount with a made-up cell.
func a(s string) Amount { return Amount{V: dec(s), Ref: "X!B2"} }

func ap(s string) *Amount { x := a(s); return &x }

func mon(y int, m time.Month) period.Month { return period.Month{Year: y, Month: m} }

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dated(s string) *Dated { return &Dated{T: day(s), Ref: "Operadora!B10"} }

// operadora is an operator with nothing but its identification.
func operadora(mod, seg string, regiao int, db period.Month) Operadora {
	return Operadora{RegistroANS: "123456", RazaoSocial: "Teste", DataBase: db, DataBaseRef: "Operadora!B4",
		Modalidade: ans.Modalidade(mod), ModalRef: "Operadora!B5", Segmentacao: ans.Segmentacao(seg), SegRef: "Operadora!B6",
		Regiao: regiao, RegiaoRef: "Operadora!B7", HC: a("0")}
}

// months returns the 12 monthly rows ending at db for one cell (tipo and seg
// empty for Eventos): one value repeated, or the 12 values oldest first.
func months(db period.Month, tipo, seg string, vals ...string) []Monthly {
	if len(vals) == 1 {
		vals = slices.Repeat(vals, 12)
	}
	if len(vals) != 12 {
		panic("months: need 1 or 12 values")
	}
	out := make([]Monthly, 12)
	for i := range 12 {
		c := db.Add(i - 11)
		out[i] = Monthly{Competencia: c, CompetenciaRef: fmt.Sprintf("Contraprestacoes!A%d", i+2), Tipo: ans.TipoContratacao(tipo), Segmento: ans.Segmento(seg), Valor: a(vals[i])}
	}
	return out
}

// eleven is eleven months of x and a last month of y: 11·x + y.
func eleven(x, y string) []string { return append(slices.Repeat([]string{x}, 11), y) }

// checkInput is the input the tests of Check break one rule of at a time: a
// medicina de grupo at data base 2024-12 with pl 1000, twelve months of 100
// of contraprestações (individual, médico-hospitalar) and of 80 of eventos.
func checkInput() *Input {
	db := mon(2024, time.December)
	return &Input{
		Operadora:        operadora("medicina_de_grupo", "SSP", 2, db),
		PLA:              PLAInput{PL: Amount{V: dec("1000"), Ref: "PLA!B2"}},
		Contraprestacoes: months(db, "individual", "medico_hospitalar", "100"),
		Eventos:          months(db, "", "", "80"),
	}
}

func loadRules(t *testing.T, yml string) *rules.Rulebook {
	t.Helper()
	rb, err := rules.Load([]byte(yml), "user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

func compute(t *testing.T, in *Input, rb *rules.Rulebook, opt Options) *Result {
	t.Helper()
	r, err := Compute(in, rb, opt)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return r
}

// inputErr asserts err is an *findings.InputError carrying code.
func inputErr(t *testing.T, err error, code string) findings.Finding {
	t.Helper()
	var ie *findings.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v is not an input error", err)
	}
	for _, f := range ie.Findings {
		if f.Code == code {
			return f
		}
	}
	t.Fatalf("error %v lacks %s", err, code)
	return findings.Finding{}
}

func hasWarning(r *Result, code string) bool {
	return slices.ContainsFunc(r.Warnings, func(f findings.Finding) bool { return f.Code == code })
}

func wantDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// ---- the independent big.Float arithmetic (200 bits ≈ 60 digits) ----

const prec = 200

func bf(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, prec, big.ToNearestEven)
	if err != nil {
		panic(fmt.Sprintf("bf(%q): %v", s, err))
	}
	return f
}

func bfd(d decimal.Decimal) *big.Float { return bf(d.String()) }

func nf() *big.Float { return new(big.Float).SetPrec(prec) }

func add(xs ...*big.Float) *big.Float {
	s := nf()
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

func mul(xs ...*big.Float) *big.Float {
	p := bf("1")
	for _, x := range xs {
		p.Mul(p, x)
	}
	return p
}

func sub(x, y *big.Float) *big.Float { return nf().Sub(x, y) }

func quo(x, y *big.Float) *big.Float { return nf().Quo(x, y) }

func sqrtF(x *big.Float) *big.Float { return nf().Sqrt(x) }

func absF(x *big.Float) *big.Float { return nf().Abs(x) }

func maxF(x, y *big.Float) *big.Float {
	if x.Cmp(y) >= 0 {
		return x
	}
	return y
}

func minF(x, y *big.Float) *big.Float {
	if x.Cmp(y) <= 0 {
		return x
	}
	return y
}

var tol = bf("1e-15")

// agree requires |got − want| ≤ 1e-15.
func agree(t *testing.T, what string, got decimal.Decimal, want *big.Float) {
	t.Helper()
	if d := absF(sub(bfd(got), want)); d.Cmp(tol) > 0 {
		t.Errorf("%s = %s, big.Float says %s (difference %s)", what, got, want.Text('f', 40), d.Text('g', 5))
	}
}

func joined(ss []string) string { return strings.Join(ss, ", ") }

// The factor sets, untyped: Options.Factors and the results spell them as
// strings, the eligibility as ans.FactorSet.
const (
	Padrao        = "padrao"
	Reduzido      = "reduzido"
	Promoprev     = "promoprev"
	PartoAdequado = "parto_adequado"
	APS           = "aps"
)
