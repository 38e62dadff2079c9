package report

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// informedResult is an autogestão (região 6) whose four parcels are
// informed: CRS 3000, CRC 4000, CRM 0, CRO 500. BCBR = √(9 + 16 + 2·0.5·12)·10⁶
// = √37·10⁶ = 6082.76…; the parts of BCBR: CRS 3000·(3000 + 0.5·4000)/BCBR
// = 15·10⁶/BCBR = 2465.98…, CRC 4000·(0.5·3000 + 4000)/BCBR = 22·10⁶/BCBR
// = 3616.78…; CBR = BCBR + 500 = 6582.76…, so the shares are 37.46%,
// 54.94%, 0% and 500/6582.76… = 7.60%; diversification 7000 − 6082.76… =
// 917.24….
func informedResult(t *testing.T) (*capital.Result, *rules.Rulebook) {
	t.Helper()
	rb := rulestest.Default(t)
	amount := func(s string) *capital.Amount {
		return &capital.Amount{V: decimal.RequireFromString(s), Ref: "Parcelas_Informadas!B2"}
	}
	in := &capital.Input{
		Operadora: capital.Operadora{RegistroANS: "123456", RazaoSocial: "Teste", DataBase: period.Month{Year: 2020, Month: 6},
			Modalidade: ans.Modalidade("autogestao"), Regiao: 6, HC: capital.Amount{V: decimal.Zero}},
		Informadas: capital.Informadas{CRS: amount("3000"), CRC: amount("4000"), CRM: amount("0"), CRO: amount("500")},
	}
	r, err := capital.Compute(in, rb, capital.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, rb
}

// An informed CRS has no split: the table says why in both languages, the
// JSON has "crs": null, Resumo the same words; the parts of CBR are there.
func TestContributionsInformedCRS(t *testing.T) {
	r, rb := informedResult(t)
	for _, c := range []struct {
		l          lang.Lang
		want, not  []string
		informedAt string
	}{
		{lang.En, []string{
			"Risk contributions (Euler allocation): each risk's share of CBR",
			"  CRS  underwriting risk           R$ 2.465,98   37.46%  informed",
			"  CRC  credit risk                 R$ 3.616,78   54.94%  informed",
			"  CRM  market risk                     R$ 0,00    0.00%  informed",
			"  CRO  operational and legal risk    R$ 500,00    7.60%  informed",
			"  Diversification benefit = CRS + CRC + CRM − BCBR: R$ 917,24",
			"CRS informed in Parcelas_Informadas: its parts PRE, PRO + SUS and RA + RM are not known, so CRS has no split.",
		}, []string{"Inside CRS"}, "CRS informed"},
		{lang.PtBR, []string{
			"Contribuições dos riscos (alocação de Euler): a parcela do CBR devida a cada risco",
			"  CRS  risco de subscrição        R$ 2.465,98   37,46%  informado",
			"  CBR  total                      R$ 6.582,76  100,00%  informado",
			"  Benefício de diversificação = CRS + CRC + CRM − BCBR: R$ 917,24",
			"CRS informado em Parcelas_Informadas: suas partes PRE, PRO + SUS e RA + RM não são conhecidas, por isso o CRS não tem divisão.",
		}, []string{"Dentro do CRS"}, "CRS informado"},
	} {
		var b bytes.Buffer
		if err := Table(&b, r, nil, Meta{Lang: c.l}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range c.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("%s: no line %q in\n%s", c.l, w, out)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("%s: %q in\n%s", c.l, w, out)
			}
		}
		f, err := XLSX(r, nil, rb, Meta{Lang: c.l})
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := f.GetCellValue(SheetResumo, "I18"); !strings.HasPrefix(v, c.informedAt) {
			t.Errorf("%s: Resumo!I18 = %q", c.l, v)
		}
		f.Close()
	}
	var b bytes.Buffer
	if err := JSON(&b, NewDocument(r, nil, Meta{})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"crs": null,`) {
		t.Errorf("no \"crs\": null in\n%s", b.String())
	}
}

// The JSON contributions are decimal strings at full precision: the parts
// of CBR add up to amounts.cbr, those of CRS to amounts.crs, and the
// diversification is CRS + CRC + CRM − BCBR; with Explain, their nodes.
func TestContributionsJSON(t *testing.T) {
	calc, _ := exampleCalculation(t)
	r := calc.Result
	var b bytes.Buffer
	if err := JSON(&b, NewDocument(r, nil, Meta{Explain: true})); err != nil {
		t.Fatal(err)
	}
	var d struct {
		Amounts       map[string]string `json:"amounts"`
		Contributions struct {
			CBR             map[string]string `json:"cbr"`
			CRS             map[string]string `json:"crs"`
			Diversification string            `json:"diversification"`
		} `json:"contributions"`
		Explanation []struct {
			Key string `json:"key"`
		} `json:"contributions_explanation"`
	}
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	sum := func(m map[string]string, keys ...string) decimal.Decimal {
		s := decimal.Zero
		for _, k := range keys {
			s = s.Add(decimal.RequireFromString(m[k]))
		}
		return s
	}
	c := d.Contributions
	eps := decimal.RequireFromString("1e-15")
	for _, x := range []struct {
		what      string
		got, want decimal.Decimal
	}{
		{"cbr", sum(c.CBR, "crs", "crc", "crm", "cro"), sum(d.Amounts, "cbr")},
		{"crs", sum(c.CRS, "pre", "pro_sus", "rem"), sum(d.Amounts, "crs")},
		{"diversification", sum(map[string]string{"d": c.Diversification}, "d"), r.CRS.Value.Add(r.CRC.Value).Add(r.CRM.Value).Sub(r.BCBR.Value)},
	} {
		if x.got.Sub(x.want).Abs().GreaterThan(eps) {
			t.Errorf("%s: %s, want %s", x.what, x.got, x.want)
		}
	}
	if len(c.CBR) != 4 || len(c.CRS) != 3 || !strings.Contains(c.CBR["crs"], ".") {
		t.Errorf("contributions %+v", c)
	}
	var keys []string
	for _, n := range d.Explanation {
		keys = append(keys, n.Key)
	}
	if want := []string{"contrib_crs", "contrib_crc", "contrib_crm", "contrib_cro", "contrib_pre", "contrib_pro_sus", "contrib_rem", "diversification"}; !slices.Equal(keys, want) {
		t.Errorf("contributions_explanation %v", keys)
	}
}

// exampleFile is the shipped example, from the repository's root.
const exampleFile = "examples/operadora-exemplo.xlsx"

// exampleCalculation is the shipped example computed under the built-in
// rulebook, and that rulebook; the test runs in the repository's root from
// then on.
func exampleCalculation(t *testing.T) (*app.Calculation, *rules.Rulebook) {
	t.Helper()
	t.Chdir("../..")
	rb, err := app.LoadRules("")
	if err != nil {
		t.Fatal(err)
	}
	c, err := app.Calculate(context.Background(), exampleFile, "", rb, capital.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, rb
}

// Shares: the part over the whole with two places in the language's way,
// "-" when the whole is 0 (nothing to share).
func TestShareText(t *testing.T) {
	d := func(s string) *capital.Node { return &capital.Node{Value: decimal.RequireFromString(s)} }
	for _, c := range []struct {
		part, whole string
		l           lang.Lang
		want        string
	}{
		{"1", "3", lang.En, "33.33%"},
		{"1", "3", lang.PtBR, "33,33%"},
		{"2", "3", lang.PtBR, "66,67%"},
		{"3", "3", lang.En, "100.00%"},
		{"-1", "7", lang.En, "-14.29%"},
		{"0", "0", lang.PtBR, "-"},
	} {
		if got := shareText(c.l, contribRow{part: d(c.part), whole: d(c.whole)}.share()); got != c.want {
			t.Errorf("%s/%s %s: %q, want %q", c.part, c.whole, c.l, got, c.want)
		}
	}
}

// Lote gains the contribution columns after the others, in centavos; an
// informed CRS leaves its parts empty.
func TestBatchXLSXContributions(t *testing.T) {
	r, _ := informedResult(t)
	f := batchWorkbook(t, lang.En, false, &BatchLine{Doc: NewDocument(r, nil, Meta{})})
	lote, _ := f.GetRows(SheetLote, excelize.Options{RawCellValue: true})
	head := lote[0]
	cols := contribColumns(lang.En)
	if got := head[len(head)-len(cols):]; !slices.Equal(got, cols) || head[len(head)-len(cols)-1] != "Error" {
		t.Errorf("Lote header %q", head)
	}
	row := lote[1][len(head)-len(cols):]
	// CRS 2465.98, CRC 3616.78, CRM 0, CRO 500, no PRE, PRO+SUS, RA+RM, diversification 917.24
	if want := []string{"2465.98", "3616.78", "0", "500", "", "", "", "917.24"}; !slices.Equal(row, want) {
		t.Errorf("Lote contributions %q, want %q", row, want)
	}
}
