package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
)

// PRECell is the index of a pricing-risk cell in the rho matrix: the
// segmentos in order, within each the tipos de contratação.
func PRECell(segmento ans.Segmento, tipo ans.TipoContratacao) int {
	return slices.Index(ans.Segmentos(), segmento)*len(ans.TiposContratacao()) + slices.Index(ans.TiposContratacao(), tipo)
}

// MarketFactors is the order of the CRM correlation matrix: the ALM
// indexadores, then the asset classes.
func MarketFactors() []string {
	return append(ans.Spellings(ans.Indexadores()), ans.Spellings(ans.Classes())...)
}

// checker gathers what is wrong with a rulebook, each sentence naming the
// parameter's path first.
type checker struct{ errs []lang.Msg }

func (c *checker) fail(m lang.Msg) { c.errs = append(c.errs, m) }

func (c *checker) nonNeg(d Dec) {
	if d.Sign() < 0 {
		c.fail(lang.M("%s: must not be negative (is %s)", d.Path(), d.Decimal))
	}
}

func (c *checker) within(d Dec, lo, hi int64) { c.withinAt(d.Path(), d, lo, hi) }

func (c *checker) withinAt(path string, d Dec, lo, hi int64) {
	if d.LessThan(decimal.NewFromInt(lo)) || d.GreaterThan(decimal.NewFromInt(hi)) {
		c.fail(lang.M("%s: must be between %d and %d (is %s)", path, lo, hi, d.Decimal))
	}
}

func (c *checker) keys(path string, m map[string]Dec, want []string) {
	for _, k := range want {
		v, ok := m[k]
		if !ok {
			c.fail(lang.M("%s: missing key %s", path, k))
			continue
		}
		c.nonNeg(v)
	}
	var extra []string
	for k := range m {
		if !slices.Contains(want, k) {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		c.fail(lang.M("%s: unknown key %s (known: %s)", path, k, strings.Join(want, ", ")))
	}
}

func (c *checker) form(got Param[string], want string) {
	if got.Value != want {
		c.fail(lang.M("%s: capreg implements only %q (is %q)", got.Path(), want, got.Value))
	}
}

// correlation checks a symmetric n×n matrix with a unit diagonal and entries
// in [-1, 1].
func (c *checker) correlation(mp Matrix, n int) {
	path, m := mp.Path(), mp.Value
	if len(m) != n {
		c.fail(lang.M("%s: must have %d rows (has %d)", path, n, len(m)))
		return
	}
	for i, row := range m {
		if len(row) != n {
			c.fail(lang.M("%s: row %d must have %d values (has %d)", path, i+1, n, len(row)))
			return
		}
	}
	for i := range n {
		if !m[i][i].Equal(decimal.NewFromInt(1)) {
			c.fail(lang.M("%s: diagonal entry %d must be 1 (is %s)", path, i+1, m[i][i].Decimal))
		}
		for j := range n {
			c.withinAt(fmt.Sprintf("%s[%d][%d]", path, i+1, j+1), m[i][j], -1, 1)
			if !m[i][j].Equal(m[j][i].Decimal) {
				c.fail(lang.M("%s: must be symmetric: [%d][%d] = %s but [%d][%d] = %s", path, i+1, j+1, m[i][j].Decimal, j+1, i+1, m[j][i].Decimal))
			}
		}
	}
}

func (rb *Rulebook) validate() error {
	c := &checker{}
	if len(rb.CapitalReferencia) == 0 {
		c.fail(lang.M("capital_referencia: the series is empty"))
	}
	for i, p := range rb.CapitalReferencia {
		if p.Desde.IsZero() {
			c.fail(lang.M("capital_referencia: a point has no desde date (write {desde: AAAA-MM-DD, valor: ...})"))
			continue
		}
		if p.Valor.Sign() <= 0 {
			c.fail(lang.M("%s: valor must be positive", p.Valor.Path()))
		}
		if i > 0 && p.Desde.Equal(rb.CapitalReferencia[i-1].Desde.Time) {
			c.fail(lang.M("capital_referencia: two points from %s", p.Desde.Time))
		}
	}
	for _, row := range ans.KRows() {
		vals, ok := rb.FatorK[row]
		if !ok {
			c.fail(lang.M("fator_k: missing row %s", row))
			continue
		}
		if len(vals) != 6 {
			c.fail(lang.M("%s: must have 6 values, one per região (has %d)", "fator_k."+row, len(vals)))
		}
		for _, v := range vals {
			c.within(v, 0, 100)
		}
	}
	for k := range rb.FatorK {
		if !slices.Contains(ans.KRows(), k) {
			c.fail(lang.M("fator_k: unknown row %s", k))
		}
	}
	c.within(rb.CBR.CorrCRSCRC, -1, 1)
	c.within(rb.CBR.CorrCRSCRM, -1, 1)
	c.within(rb.CBR.CorrCRCCRM, -1, 1)
	c.within(rb.CRS.CoefCruzado, -2, 2)
	tipos := ans.Spellings(ans.TiposContratacao())
	c.keys("crs.pre.beta.padrao", rb.CRS.PRE.Beta.Padrao, tipos)
	c.keys("crs.pre.beta.reduzido", rb.CRS.PRE.Beta.Reduzido, tipos)
	c.correlation(rb.CRS.PRE.Rho, len(tipos)*len(ans.Segmentos()))
	c.form(rb.CRS.PRO.Base, "eventos_liquidos_pre_12m")
	c.nonNeg(rb.CRS.PRO.Kappa.Padrao)
	c.nonNeg(rb.CRS.PRO.Kappa.Reduzido)
	c.form(rb.CRS.SUS.Modelo, "binomial")
	c.nonNeg(rb.CRS.SUS.Z.Padrao)
	c.nonNeg(rb.CRS.SUS.Z.Reduzido)
	c.form(rb.CRS.Remissao.Bases, "fa_contraprestacoes_fm_provisao")
	for _, f := range []PadraoReduzido[TempVit]{rb.CRS.Remissao.FA, rb.CRS.Remissao.FM} {
		for _, t := range []TempVit{f.Padrao, f.Reduzido} {
			c.nonNeg(t.Temporaria)
			c.nonNeg(t.Vitalicia)
		}
	}
	c.within(rb.Programas.Parcela.Promoprev, 0, 1)
	c.within(rb.Programas.Parcela.PartoAdequado, 0, 1)
	c.within(rb.Programas.Parcela.APS, 0, 1)
	c.within(rb.Programas.IDSSMinimo, 0, 1)
	c.form(rb.CRC.Agregacao, "soma")
	c.form(rb.CRC.Exposicao11, "liquida_piso_zero")
	c.nonNeg(rb.CRC.Fator11.Padrao)
	seen := map[string]string{}
	for _, k := range rb.Graus() {
		c.nonNeg(rb.CRC.Fator11.PorGrau[k])
		switch prev, dup := seen[grauKey(k)]; {
		case grauKey(k) == "":
			c.fail(lang.M("crc.fator_1_1.por_grau: a grade is blank"))
		case dup:
			c.fail(lang.M("crc.fator_1_1.por_grau: %q and %q are the same grade (case and spaces do not count): keep one", prev, k))
		}
		seen[grauKey(k)] = k
	}
	c.nonNeg(rb.CRC.Fator12)
	c.nonNeg(rb.CRC.Multiplicador2)
	c.keys("crc.fpr", rb.CRC.FPR, ans.Spellings(ans.Categorias()))
	c.form(rb.CRM.Modelo, "choque_prazo")
	c.keys("crm.choque", rb.CRM.Choque, MarketFactors())
	c.correlation(rb.CRM.Corr, len(MarketFactors()))
	c.form(rb.CRO.Modelo, "min_limite_op")
	c.nonNeg(rb.CRO.FatorContraprestacoes)
	c.nonNeg(rb.CRO.FatorProvisoes)
	c.nonNeg(rb.CRO.LimiteBCBR)
	rb.Balancete.validate(c)
	if len(c.errs) > 0 {
		return lang.Errorf("invalid rulebook:\n  %s", lang.Join(c.errs, "\n  "))
	}
	return nil
}
