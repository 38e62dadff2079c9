package capital

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// The expected parts were checked with Python decimal (prec 80): the root
// truncated to 20 places as the engine takes it, each part rounded half up
// to 20 places.
func TestContributionsCBR(t *testing.T) {
	tests := []struct {
		name               string
		rules              string // a user's rules file, "" for the rulebook's correlations
		crs, crc, crm, cro string
		wantCRS, wantCRC   string
		wantCRM, wantDiv   string
	}{
		// BCBR = √(3·10⁶ + 2·(0.5 + 0.25 + 0.25)·10⁶) = √(5·10⁶) = 2236.06797749978969640917|…
		// CRS: 1000·(1000 + 0.5·1000 + 0.25·1000) / BCBR = 1.75·10⁶ / BCBR = 350·√5 = 782.62379212492639374321|078…
		// CRC: 1000·(0.5·1000 + 1000 + 0.25·1000) / BCBR = the same
		// CRM: 1000·(0.25·1000 + 0.25·1000 + 1000) / BCBR = 1.5·10⁶ / BCBR = 300·√5 = 670.82039324993690892275
		// diversification: 3000 − 2236.06797749978969640917
		{"spec 1000/1000/1000 + 100", "", "1000", "1000", "1000", "100",
			"782.62379212492639374321", "782.62379212492639374321", "670.82039324993690892275", "763.93202250021030359083"},
		// BCBR = √(9 + 16 + 2·0.5·12) = √37 = 6.08276253029821968899|…
		// CRS: 3·(3 + 0.5·4) = 15, 15/√37 = 2.46598480958035933338; CRC: 4·(0.5·3 + 4) = 22, 22/√37 = 3.61677772071786035563
		// 15 + 22 = 37 = BCBR²; diversification 7 − √37
		{"3/4/0", "", "3", "4", "0", "0.5", "2.46598480958035933338", "3.61677772071786035563", "0", "0.91723746970178031101"},
		// BCBR = √(4 + 9 + 2·0.25·6) = √16 = 4
		// CRC: 2·(2 + 0.25·3)/4 = 1.375; CRM: 3·(0.25·2 + 3)/4 = 2.625; diversification 5 − 4 = 1
		{"CRC/CRM 2/3", "", "0", "2", "3", "7", "0", "1.375", "2.625", "1"},
		// One risk alone takes all of BCBR and nothing is diversified.
		{"CRS alone", "", "1252.5", "0", "0", "0", "1252.5", "0", "0", "0"},
		// BCBR = 0: nothing to share, CBR = CRO is all CRO's.
		{"all zero", "", "0", "0", "0", "9", "0", "0", "0", "0"},
		// A hedge: ρ_sc = −0.5. BCBR = √(64 + 9 − 2·0.5·24) = √49 = 7
		// CRS: 8·(8 − 0.5·3)/7 = 52/7 = 7.42857142857142857143; CRC: 3·(−0.5·8 + 3)/7 = −3/7, negative
		// diversification 11 − 7 = 4
		{"negative correlation", "cbr:\n  correlacao_crs_crc: -0.5\n", "8", "3", "0", "1",
			"7.42857142857142857143", "-0.42857142857142857143", "0", "4"},
		// ρ_sc = −1 and CRS = CRC: BCBR = √(10⁶ + 10⁶ − 2·10⁶) = 0 though the risks are not:
		// nothing to share; all 2000 is diversified away.
		{"BCBR 0, risks not", "cbr:\n  correlacao_crs_crc: -1\n", "1000", "1000", "0", "5", "0", "0", "0", "2000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := rulestest.Default(t)
			if tc.rules != "" {
				rb = loadRules(t, tc.rules)
			}
			r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), tc.crs, tc.crc, tc.crm, tc.cro), rb, Options{})
			c := r.Contributions
			wantDec(t, "CRS", c.CRS.Value, tc.wantCRS)
			wantDec(t, "CRC", c.CRC.Value, tc.wantCRC)
			wantDec(t, "CRM", c.CRM.Value, tc.wantCRM)
			wantDec(t, "CRO", c.CRO.Value, tc.cro)
			wantDec(t, "diversification", c.Diversification.Value, tc.wantDiv)
			sum := c.CRS.Value.Add(c.CRC.Value).Add(c.CRM.Value).Add(c.CRO.Value)
			agree(t, "Σ contributions vs CBR", sum, bfd(r.CBR.Value))
			if c.InsideCRS != nil {
				t.Error("an informed CRS has a split")
			}
			if got := len(c.Nodes()); got != 5 {
				t.Errorf("%d nodes, want 4 parts of CBR and the diversification", got)
			}
			zero := r.BCBR.Value.IsZero()
			if strings.HasPrefix(c.CRS.Formula, "0: BCBR = 0") != zero {
				t.Errorf("BCBR %s, formula %q", r.BCBR.Value, c.CRS.Formula)
			}
		})
	}
}

// The nodes explain themselves: the inputs by name and the correlations
// with their provenance, so a reader can redo the division by hand.
func TestContributionsExplained(t *testing.T) {
	r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "1000", "1000", "1000", "100"), rulestest.Default(t), Options{})
	n := r.Contributions.CRS
	var names, paths []string
	for _, in := range n.Inputs {
		names = append(names, in.Name+"="+in.Value.String())
	}
	for _, p := range n.Params {
		paths = append(paths, p.Path+"="+p.Value+"/"+string(p.Status))
	}
	if got, want := joined(names), "CRS=1000, CRC=1000, CRM=1000, BCBR=2236.06797749978969640917"; got != want {
		t.Errorf("inputs %s, want %s", got, want)
	}
	if got, want := joined(paths), "cbr.correlacao_crs_crc=0.5/regulation, cbr.correlacao_crs_crm=0.25/regulation"; got != want {
		t.Errorf("parameters %s, want %s", got, want)
	}
	if n.Key != "contrib_crs" || !strings.Contains(n.Formula, "/ BCBR") {
		t.Errorf("node %s: %s", n.Key, n.Formula)
	}
	// The contributions are not figures of the tree: the tree is unchanged.
	if r.Tree.Find("contrib_crs") != nil {
		t.Error("a contribution in the explanation tree of the figures")
	}
}

func TestContributionsInsideCRS(t *testing.T) {
	// crsInput under padrao: PRE = 4300, PRO + SUS = 350 + 5160 = 5510, RA + RM = 512,
	// CRS = √64275764 = 8017.21672402586357823893|…, c/2 = 0.32:
	//   PRE:     4300·(4300 + 0.32·5510) = 4300·6063.2 = 26071760; / CRS = 3251.97146309748335320583
	//   PRO+SUS: 5510·(0.32·4300 + 5510) = 5510·6886   = 37941860; / CRS = 4732.54762919112019056889
	//   RA+RM:   512² = 262144;                                      / CRS = 32.69763173726003446422
	//   26071760 + 37941860 + 262144 = 64275764 = CRS² (the parts add up to CRS, here
	//   to 1e-20: 8017.21672402586357823894).
	r := compute(t, crsInput(), rulestest.Default(t), Options{Factors: Padrao})
	in := r.Contributions.InsideCRS
	if in == nil {
		t.Fatal("no split of a computed CRS")
	}
	wantDec(t, "CRS", r.CRS.Value, "8017.21672402586357823893")
	wantDec(t, "PRE", in.PRE.Value, "3251.97146309748335320583")
	wantDec(t, "PRO+SUS", in.PROSUS.Value, "4732.54762919112019056889")
	wantDec(t, "RA+RM", in.Rem.Value, "32.69763173726003446422")
	agree(t, "Σ inside CRS", in.PRE.Value.Add(in.PROSUS.Value).Add(in.Rem.Value), bfd(r.CRS.Value))
	if p := in.PRE.Params; len(p) != 1 || p[0].Path != "crs.coef_cruzado" || p[0].Value != "0.64" {
		t.Errorf("PRE parameters %+v", p)
	}
	// CRC = CRM = CRO = 0: CRS is the whole of BCBR, x·x/x exactly.
	c := r.Contributions
	wantDec(t, "CRS of CBR", c.CRS.Value, r.CRS.Value.String())
	wantDec(t, "CRC of CBR", c.CRC.Value, "0")
	if len(c.Nodes()) != 8 {
		t.Errorf("%d nodes, want 8", len(c.Nodes()))
	}

	// The spec §11 vector: PRE = 1000, PRO = 500, CRS = √1 570 000 = 1252.99640861416677884953|…
	//   PRE: 1000·(1000 + 0.32·500) = 1 160 000; / CRS = 925.78078598244169647482
	//   PRO: 500·(0.32·1000 + 500) = 410 000;     / CRS = 327.21562263172508237472
	rb := loadRules(t, "crs:\n  pre:\n    beta:\n      padrao: {individual: 0.1}\n  pro:\n    kappa: {padrao: 0.1}\n")
	db := mon(2023, 12)
	spec := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
	spec.Contraprestacoes = months(db, "individual", "medico_hospitalar", eleven("800", "1200")...)
	spec.Eventos = months(db, "", "", eleven("400", "600")...)
	in = compute(t, spec, rb, Options{}).Contributions.InsideCRS
	wantDec(t, "PRE", in.PRE.Value, "925.78078598244169647482")
	wantDec(t, "PRO+SUS", in.PROSUS.Value, "327.21562263172508237472")
	wantDec(t, "RA+RM", in.Rem.Value, "0")

	// An administradora de benefícios: CRS = 0 without parts, every part 0.
	adm := &Input{Operadora: operadora("administradora_de_beneficios", "", 2, db)}
	in = compute(t, adm, rulestest.Default(t), Options{}).Contributions.InsideCRS
	for _, n := range []*Node{in.PRE, in.PROSUS, in.Rem} {
		if !n.Value.IsZero() || n.Formula != "0: CRS = 0, nothing to share" {
			t.Errorf("%s = %s (%s)", n.Key, n.Value, n.Formula)
		}
	}
}

// randomCorrelation is a random n×n correlation matrix of rank k: the
// normalised Gram matrix B·Bᵀ of a random n×k matrix B, positive
// semidefinite by construction, its entries as decimals of 15 places (so
// that none leaves [−1, 1]). Floats only make the random numbers.
func randomCorrelation(rng *rand.Rand, n, k int) [][]decimal.Decimal {
	b := make([][]float64, n)
	for i := range b {
		b[i] = make([]float64, k)
		for j := range b[i] {
			b[i][j] = rng.NormFloat64()
		}
	}
	dot := func(i, j int) float64 {
		s := 0.0
		for l := range k {
			s += b[i][l] * b[j][l]
		}
		return s
	}
	r := make([][]decimal.Decimal, n)
	for i := range r {
		r[i] = make([]decimal.Decimal, n)
		for j := range r[i] {
			if i == j {
				r[i][j] = decimal.NewFromInt(1)
				continue
			}
			r[i][j] = decimal.NewFromFloat(dot(i, j) / math.Sqrt(dot(i, i)*dot(j, j))).Round(15)
		}
	}
	return r
}

// randomAmount is a random amount in R$ up to 10^digits, in centavos.
func randomAmount(rng *rand.Rand, digits int) decimal.Decimal {
	return decimal.NewFromFloat(rng.Float64() * math.Pow(10, float64(digits))).Round(2)
}

var eps = dec("1e-15")

func within(t *testing.T, what string, got, want decimal.Decimal) {
	t.Helper()
	if got.Sub(want).Abs().GreaterThan(eps) {
		t.Errorf("%s: %s ≠ %s (difference %s)", what, got, want, got.Sub(want))
	}
}

// The parts of any root add up to it, for random sizes, ranks and inputs.
func TestEulerAddsUp(t *testing.T) {
	rng := rand.New(rand.NewSource(569))
	checked := 0
	for i := range 500 {
		n := 2 + rng.Intn(7)
		r := randomCorrelation(rng, n, 1+rng.Intn(n))
		x := make([]decimal.Decimal, n)
		for j := range x {
			if rng.Intn(5) > 0 { // some risks are 0
				x[j] = randomAmount(rng, 1+rng.Intn(9))
			}
		}
		q := decimal.Zero
		for a := range x {
			for b := range x {
				q = q.Add(x[a].Mul(r[a][b]).Mul(x[b]))
			}
		}
		if q.Sign() < 0 { // only rounding of a singular matrix can do it
			continue
		}
		root := money.Sqrt(q)
		sum := decimal.Zero
		for _, p := range euler(x, r, root) {
			sum = sum.Add(p)
		}
		within(t, fmt.Sprintf("case %d (n %d)", i, n), sum, root)
		checked++
	}
	if checked < 490 {
		t.Errorf("only %d of 500 cases checked", checked)
	}
}

// Through the engine: random CBR correlations and CRS cross coefficients
// (as a user's rules file gives them), a random CRS computed from random
// inputs and random informed CRC, CRM and CRO. The four parts add up to
// CBR and the three to CRS.
func TestContributionsAddUp(t *testing.T) {
	rng := rand.New(rand.NewSource(2022))
	db := mon(2023, 12)
	checked := 0
	for i := range 60 {
		r3 := randomCorrelation(rng, 3, 1+rng.Intn(3))
		r2 := randomCorrelation(rng, 2, 1+rng.Intn(2))
		rb := loadRules(t, fmt.Sprintf("cbr:\n  correlacao_crs_crc: %s\n  correlacao_crs_crm: %s\n  correlacao_crc_crm: %s\ncrs:\n  coef_cruzado: %s\n",
			r3[0][1], r3[0][2], r3[1][2], r2[0][1].Mul(decimal.NewFromInt(2))))
		in := &Input{Operadora: operadora("cooperativa_medica", "SSP", 3, db)}
		in.Operadora.HC = a(decimal.NewFromFloat(rng.Float64()).Round(4).String())
		in.Contraprestacoes = months(db, "individual", "medico_hospitalar", randomAmount(rng, 7).String())
		in.Eventos = months(db, "", "", randomAmount(rng, 6).String())
		in.ABI = []Amount{a(randomAmount(rng, 5).String()), a(randomAmount(rng, 4).String())}
		in.Remissao = Remissao{CATemporaria: a(randomAmount(rng, 6).String()), PRVitalicia: a(randomAmount(rng, 5).String())}
		in.Informadas = Informadas{CRC: ap(randomAmount(rng, 7).String()), CRM: ap(randomAmount(rng, 7).String()), CRO: ap(randomAmount(rng, 6).String())}
		r, err := Compute(in, rb, Options{})
		if err != nil { // a rounded singular matrix making a sum of squares negative
			t.Logf("case %d: %v", i, err)
			continue
		}
		c := r.Contributions
		what := fmt.Sprintf("case %d CBR", i)
		within(t, what, c.CRS.Value.Add(c.CRC.Value).Add(c.CRM.Value).Add(c.CRO.Value), r.CBR.Value)
		in3 := c.InsideCRS
		within(t, fmt.Sprintf("case %d CRS", i), in3.PRE.Value.Add(in3.PROSUS.Value).Add(in3.Rem.Value), r.CRS.Value)
		within(t, fmt.Sprintf("case %d diversification", i), c.Diversification.Value, r.CRS.Value.Add(r.CRC.Value).Add(r.CRM.Value).Sub(r.BCBR.Value))
		checked++
	}
	if checked < 55 {
		t.Errorf("only %d of 60 cases checked", checked)
	}
}
