package diops

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
)

const ident = "<identificacao><registro>123456</registro><ano>2024</ano><trimestre>2</trimestre></identificacao>"

// readString reads doc as the file t.xml.
func readString(t *testing.T, doc string) (*File, findings.List) {
	t.Helper()
	f, l, err := read(context.Background(), strings.NewReader(doc), "t.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range l {
		if x.File != "t.xml" || x.Severity != findings.Error || x.Message == "" || x.Fix == "" {
			t.Errorf("finding without file, severity, message or fix: %+v", x)
		}
	}
	return f, l
}

// places lists the findings as "code element", the way tests compare them.
func places(l findings.List) []string {
	out := []string{}
	for _, x := range l {
		out = append(out, strings.TrimSpace(x.Code+" "+x.Element))
	}
	return out
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestIdentificacao(t *testing.T) {
	tests := []struct {
		name, xml      string
		registro       string
		ano, trimestre int
		mes            string // "" when not known
		want           []string
	}{
		{"quarterly", "<registro>123456</registro><ano>2024</ano><trimestre>2</trimestre>", "123456", 2024, 2, "2024-06", nil},
		{"zero-padded trimestre", "<registro>123456</registro><ano>2024</ano><trimestre>04</trimestre>", "123456", 2024, 4, "2024-12", nil},
		{"AAAA00T", "<registro>123456</registro><ano>2023</ano><trimestre>2023001</trimestre>", "123456", 2023, 1, "2023-03", nil},
		{"AAAA00T gives the year", "<registro>123456</registro><trimestre> 2022004 </trimestre>", "123456", 2022, 4, "2022-12", nil},
		{"monthly", "<ano>2024</ano><mes>7</mes><registro>123456</registro>", "123456", 2024, 0, "2024-07", nil},
		{"monthly AAAA0MM", "<ano>2024</ano><mes>2024011</mes><registro>123456</registro>", "123456", 2024, 0, "2024-11", nil},
		{"registro padded", "<registro>5711</registro><ano>2024</ano><trimestre>1</trimestre>", "005711", 2024, 1, "2024-03", nil},
		{"registro with zeros in front", "<registro>0005711</registro><ano>2024</ano><trimestre>1</trimestre>", "005711", 2024, 1, "2024-03", nil},
		{"registro of 7 digits", "<registro>1234567</registro><ano>2024</ano><trimestre>1</trimestre>", "", 2024, 1, "2024-03",
			[]string{"CR-E061 diops/identificacao/registro"}},
		{"registro not digits", "<registro>12A456</registro><ano>2024</ano><trimestre>1</trimestre>", "", 2024, 1, "2024-03",
			[]string{"CR-E061 diops/identificacao/registro"}},
		{"registro zero", "<registro>000000</registro><ano>2024</ano><trimestre>1</trimestre>", "", 2024, 1, "2024-03",
			[]string{"CR-E061 diops/identificacao/registro"}},
		{"no registro", "<cnpj>1</cnpj><ano>2024</ano><trimestre>1</trimestre>", "", 2024, 1, "2024-03",
			[]string{"CR-E061 diops/identificacao"}},
		{"registro twice", "<registro>123456</registro><registro>654321</registro><ano>2024</ano><trimestre>1</trimestre>", "123456", 2024, 1, "2024-03",
			[]string{"CR-E064 diops/identificacao/registro"}},
		{"trimestre 5", "<registro>123456</registro><ano>2024</ano><trimestre>5</trimestre>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao/trimestre"}},
		{"trimestre 0", "<registro>123456</registro><ano>2024</ano><trimestre>0</trimestre>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao/trimestre"}},
		{"trimestre 2024005", "<registro>123456</registro><ano>2024</ano><trimestre>2024005</trimestre>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao/trimestre"}},
		{"trimestre 2T2024", "<registro>123456</registro><ano>2024</ano><trimestre>2T2024</trimestre>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao/trimestre"}},
		{"trimestre of another year", "<registro>123456</registro><ano>2024</ano><trimestre>2023003</trimestre>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao/trimestre"}},
		{"mes 13", "<registro>123456</registro><ano>2024</ano><mes>13</mes>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao/mes"}},
		{"trimestre and mes", "<registro>123456</registro><ano>2024</ano><trimestre>1</trimestre><mes>3</mes>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao"}},
		{"neither trimestre nor mes", "<registro>123456</registro><ano>2024</ano>", "123456", 2024, 0, "",
			[]string{"CR-E061 diops/identificacao"}},
		{"no ano", "<registro>123456</registro><trimestre>1</trimestre>", "123456", 0, 0, "",
			[]string{"CR-E061 diops/identificacao"}},
		{"ano of 2 digits", "<registro>123456</registro><ano>24</ano><trimestre>1</trimestre>", "123456", 0, 0, "",
			[]string{"CR-E061 diops/identificacao/ano"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, l := readString(t, "<diops><identificacao>"+tc.xml+"</identificacao></diops>")
			if f == nil {
				t.Fatalf("no file: %v", l)
			}
			mes := ""
			if !f.Mes.IsZero() {
				mes = f.Mes.String()
			}
			if f.Registro != tc.registro || f.Ano != tc.ano || f.Trimestre != tc.trimestre || mes != tc.mes || f.Quarterly() != (tc.trimestre > 0) {
				t.Errorf("got %s %d T%d %q, want %s %d T%d %q", f.Registro, f.Ano, f.Trimestre, mes, tc.registro, tc.ano, tc.trimestre, tc.mes)
			}
			if got := places(l); !reflect.DeepEqual(got, append([]string{}, tc.want...)) {
				t.Errorf("findings %v, want %v\n%v", got, tc.want, l)
			}
		})
	}
}

func TestIdentificacaoMissingOrTwice(t *testing.T) {
	_, l := readString(t, "<diops><financeiro/></diops>")
	if got := places(l); !reflect.DeepEqual(got, []string{"CR-E061 diops"}) {
		t.Errorf("no identificacao: %v", l)
	}
	f, l := readString(t, "<diops>"+ident+"\n"+ident+"</diops>")
	if got := places(l); !reflect.DeepEqual(got, []string{"CR-E061 diops/identificacao"}) || l[0].Line != 2 || f.Registro != "123456" {
		t.Errorf("identificacao twice: %v", l)
	}
}

// Numbers have a decimal point and no thousands separator.
func TestNumbers(t *testing.T) {
	tests := []struct{ text, want string }{ // want "" is a finding
		{"1234.56", "1234.56"}, {"-12", "-12"}, {"+3.00", "3"}, {"  12.50\n ", "12.5"}, {"0", "0"},
		{"000123.4", "123.4"}, {"9999999999999.99", "9999999999999.99"}, {"-0.01", "-0.01"},
		{"1.234,56", ""}, {"1,5", ""}, {"1e3", ""}, {".5", ""}, {"12.", ""}, {"", ""}, {"- 1", ""},
		{"R$ 10", ""}, {"0x10", ""}, {"--1", ""}, {"1.2.3", ""}, {"١٢", ""}, {"NaN", ""}, {"Infinity", ""},
	}
	for _, tc := range tests {
		f, l := readString(t, "<diops>"+ident+"<financeiro><balancete><ativo><conta>1</conta><saldoFinal>"+tc.text+"</saldoFinal></ativo></balancete></financeiro></diops>")
		if tc.want == "" {
			if got := places(l); !reflect.DeepEqual(got, []string{"CR-E062 diops/financeiro/balancete/ativo[1]/saldoFinal"}) || len(f.Balancete) != 0 {
				t.Errorf("%q: findings %v, accounts %v", tc.text, l, f.Balancete)
			}
			continue
		}
		if len(l) > 0 || len(f.Balancete) != 1 || !f.Balancete[0].SaldoFinal.Equal(dec(tc.want)) {
			t.Errorf("%q: %v %v, want %s", tc.text, f.Balancete, l, tc.want)
		}
	}
}

func TestBalancete(t *testing.T) {
	body := `<financeiro xsi:type="padrao"><balancete>
<ativo><conta>1</conta><saldoInicial>10</saldoInicial><debitos>5.5</debitos><creditos>2</creditos><saldoFinal>13.5</saldoFinal><descricao>ATIVO</descricao></ativo>
<passivo><conta>25</conta><saldoFinal>-7.25</saldoFinal></passivo>
<compensacao><conta>9</conta><saldoFinal>1</saldoFinal></compensacao>
<receita><!-- receitas --><conta>311</conta><saldoFinal>100</saldoFinal></receita>
<despesa><conta> 41 </conta><saldoFinal><![CDATA[80.10]]></saldoFinal></despesa>
</balancete></financeiro>`
	f, l := readString(t, "<diops>"+ident+body+"</diops>")
	if len(l) > 0 {
		t.Fatal(l)
	}
	p := func(d string) *decimal.Decimal { x := dec(d); return &x }
	want := []Account{
		{Ativo, "1", p("10"), p("5.5"), p("2"), dec("13.5"), Place{"diops/financeiro/balancete/ativo[1]", 2}},
		{Passivo, "25", nil, nil, nil, dec("-7.25"), Place{"diops/financeiro/balancete/passivo[1]", 3}},
		{Receita, "311", nil, nil, nil, dec("100"), Place{"diops/financeiro/balancete/receita[1]", 5}},
		{Despesa, "41", nil, nil, nil, dec("80.1"), Place{"diops/financeiro/balancete/despesa[1]", 6}},
	}
	if got, want := fmt.Sprintf("%+v", f.Balancete), fmt.Sprintf("%+v", want); got != want { // decimals compared as text
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if f.Remissao != nil || f.Creditos != nil || f.Fundos != nil || f.Mercado != nil {
		t.Errorf("quadros from nothing: %+v", f)
	}
}

func TestBalanceteFindings(t *testing.T) {
	tests := []struct{ name, accounts, want string }{
		{"no conta, no saldoFinal", "<ativo><saldoInicial>1</saldoInicial></ativo>",
			"CR-E063 diops/financeiro/balancete/ativo[1],CR-E063 diops/financeiro/balancete/ativo[1]"},
		{"conta with dots", "<ativo><conta>3.1.1</conta><saldoFinal>1</saldoFinal></ativo>",
			"CR-E062 diops/financeiro/balancete/ativo[1]/conta"},
		{"an account twice", "<ativo><conta>1</conta><saldoFinal>1</saldoFinal></ativo><ativo><conta>2</conta><saldoFinal>1</saldoFinal></ativo><despesa><conta>1</conta><saldoFinal>1</saldoFinal></despesa>",
			"CR-E064 diops/financeiro/balancete/despesa[1]"},
		{"conta twice in an account", "<ativo><conta>1</conta><conta>2</conta><saldoFinal>1</saldoFinal></ativo>",
			"CR-E064 diops/financeiro/balancete/ativo[1]/conta"},
		{"an element inside a value", "<ativo><conta>1</conta><saldoFinal><v>1</v></saldoFinal></ativo>",
			"CR-E062 diops/financeiro/balancete/ativo[1]/saldoFinal"},
		{"a value too long", "<ativo><conta>1</conta><saldoFinal>" + strings.Repeat("1", 65) + "</saldoFinal></ativo>",
			"CR-E062 diops/financeiro/balancete/ativo[1]/saldoFinal"},
		{"a value too long in pieces", "<ativo><conta>1</conta><saldoFinal>" + strings.Repeat("1<!-- -->", 300) + "</saldoFinal></ativo>",
			"CR-E062 diops/financeiro/balancete/ativo[1]/saldoFinal"},
		{"an empty saldoInicial", "<ativo><conta>1</conta><saldoInicial/><saldoFinal>1</saldoFinal></ativo>",
			"CR-E062 diops/financeiro/balancete/ativo[1]/saldoInicial"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, l := readString(t, "<diops>"+ident+"<financeiro><balancete>"+tc.accounts+"</balancete></financeiro></diops>")
			if got := strings.Join(places(l), ","); got != tc.want {
				t.Errorf("findings %s, want %s\n%v", got, tc.want, l)
			}
			for _, a := range f.Balancete {
				if a.Conta == "" || a.Place.Element == "" {
					t.Errorf("an account read in part: %+v", a)
				}
			}
		})
	}
	// Blanks around the text are not counted against its length.
	f, l := readString(t, "<diops>"+ident+"<financeiro><balancete><ativo><conta>1</conta><saldoFinal>"+strings.Repeat(" ", 100)+"1.5"+strings.Repeat("\n", 100)+"</saldoFinal></ativo></balancete></financeiro></diops>")
	if len(l) > 0 || !f.Balancete[0].SaldoFinal.Equal(dec("1.5")) {
		t.Errorf("blanks: %v %v", f.Balancete, l)
	}
}

// The finding says what, where, the rule and the fix.
func TestFindingText(t *testing.T) {
	_, l := readString(t, "<diops>"+ident+"\n<financeiro><quadroRiscoMercado>\n"+
		"<lancQuadroRiscoMercado><cdContaContabil>1</cdContaContabil><vlValor>1</vlValor><tpSinal>P</tpSinal><vlPrazoPonderadoFluxo>1</vlPrazoPonderadoFluxo><tpIndexador>PRE</tpIndexador></lancQuadroRiscoMercado>\n"+
		"<lancQuadroRiscoMercado><cdContaContabil>1</cdContaContabil><vlValor>1</vlValor><tpSinal>X</tpSinal><vlPrazoPonderadoFluxo>1</vlPrazoPonderadoFluxo><tpIndexador>PRE</tpIndexador></lancQuadroRiscoMercado>\n"+
		"</quadroRiscoMercado></financeiro></diops>")
	want := `t.xml: diops/financeiro/quadroRiscoMercado/lancQuadroRiscoMercado[2]/tpSinal (line 4): CR-E062 error: tpSinal "X" is not P or N (fix: write P for an entrada, N for a saída)`
	if len(l) != 1 || l[0].String() != want {
		t.Errorf("got  %v\nwant %s", l, want)
	}
}

func TestRemissao(t *testing.T) {
	all := "<lancModeloPadraoCapital><contrapBenefRemissaoTemp>1000.50</contrapBenefRemissaoTemp><contrapBenefRemissaoVital>200</contrapBenefRemissaoVital>" +
		"<benefRemissaoTemp>12</benefRemissaoTemp><benefRemissaoVital>3</benefRemissaoVital>" +
		"<despBenefRemissaoTemp>45.6</despBenefRemissaoTemp><despBenefRemissaoVital>7.89</despBenefRemissaoVital></lancModeloPadraoCapital>"
	f, l := readString(t, "<diops>"+ident+"<financeiro><modeloPadraoCapital>"+all+"</modeloPadraoCapital></financeiro></diops>")
	m := f.Remissao
	if len(l) > 0 || m == nil {
		t.Fatal(l)
	}
	for i, got := range []*decimal.Decimal{m.ContrapBenefRemissaoTemp, m.ContrapBenefRemissaoVital, m.BenefRemissaoTemp,
		m.BenefRemissaoVital, m.DespBenefRemissaoTemp, m.DespBenefRemissaoVital} {
		want := []string{"1000.5", "200", "12", "3", "45.6", "7.89"}[i]
		if got == nil || !got.Equal(dec(want)) {
			t.Errorf("%s = %v, want %s", remissaoFields[i], got, want)
		}
	}
	if m.Element != "diops/financeiro/modeloPadraoCapital/lancModeloPadraoCapital[1]" {
		t.Errorf("element %s", m.Element)
	}

	// Some elements only; directly under the root.
	f, l = readString(t, "<diops>"+ident+"<modeloPadraoCapital><lancModeloPadraoCapital><contrapBenefRemissaoVital>9</contrapBenefRemissaoVital></lancModeloPadraoCapital></modeloPadraoCapital></diops>")
	if m := f.Remissao; len(l) > 0 || m == nil || m.ContrapBenefRemissaoTemp != nil || !m.ContrapBenefRemissaoVital.Equal(dec("9")) || m.Element != "diops/modeloPadraoCapital/lancModeloPadraoCapital[1]" {
		t.Errorf("partial: %+v %v", f.Remissao, l)
	}

	// Two lançamentos; a bad number.
	_, l = readString(t, "<diops>"+ident+"<financeiro><modeloPadraoCapital>"+all+all+"</modeloPadraoCapital></financeiro></diops>")
	if got := places(l); !reflect.DeepEqual(got, []string{"CR-E064 diops/financeiro/modeloPadraoCapital/lancModeloPadraoCapital[2]"}) {
		t.Errorf("twice: %v", l)
	}
	f, l = readString(t, "<diops>"+ident+"<financeiro><modeloPadraoCapital><lancModeloPadraoCapital><benefRemissaoTemp>doze</benefRemissaoTemp></lancModeloPadraoCapital></modeloPadraoCapital></financeiro></diops>")
	if got := places(l); f.Remissao != nil || !reflect.DeepEqual(got, []string{"CR-E062 diops/financeiro/modeloPadraoCapital/lancModeloPadraoCapital[1]/benefRemissaoTemp"}) {
		t.Errorf("bad number: %+v %v", f.Remissao, l)
	}
}

// lanc writes a lancCreditosDebitosCRC.
func lanc(mov, valor string) string {
	return "<lancCreditosDebitosCRC><movimentacao>" + mov + "</movimentacao><valor>" + valor + "</valor></lancCreditosDebitosCRC>"
}

func TestCreditos(t *testing.T) {
	doc := "<diops>" + ident + "<financeiro><creditosDebitosCRC>" +
		"<lancOperadoraCreditosDebitosCRC><operadora>1234</operadora>" + lanc("CAMPO2", "100.10") + lanc("campo10", "5") + lanc(" CAMPO03 ", "0") + "</lancOperadoraCreditosDebitosCRC>" +
		"<lancOperadoraCreditosDebitosCRC>" + lanc("CAMPO8", "-3") + "<operadora>654321</operadora></lancOperadoraCreditosDebitosCRC>" +
		"</creditosDebitosCRC></financeiro></diops>"
	f, l := readString(t, doc)
	if len(l) > 0 || len(f.Creditos) != 2 {
		t.Fatal(l, f.Creditos)
	}
	c := f.Creditos[0]
	const op1 = "diops/financeiro/creditosDebitosCRC/lancOperadoraCreditosDebitosCRC[1]"
	if c.Operadora != "001234" || c.Element != op1 || len(c.Campos) != 3 || c.Campos[1].Element != op1+"/lancCreditosDebitosCRC[2]" {
		t.Errorf("operadora 1: %+v", c)
	}
	for n, want := range map[int]string{2: "100.1", 10: "5", 3: "0", 4: ""} {
		v, ok := c.Valor(n)
		if ok != (want != "") || ok && !v.Equal(dec(want)) {
			t.Errorf("CAMPO%d = %v %v, want %q", n, v, ok, want)
		}
	}
	if c := f.Creditos[1]; c.Operadora != "654321" || len(c.Campos) != 1 || c.Campos[0].N != 8 || !c.Campos[0].Valor.Equal(dec("-3")) {
		t.Errorf("operadora 2: %+v", c)
	}

	const op = "diops/financeiro/creditosDebitosCRC/lancOperadoraCreditosDebitosCRC"
	tests := []struct{ name, ops, want string }{
		{"CAMPO1", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora>" + lanc("CAMPO1", "1") + "</lancOperadoraCreditosDebitosCRC>",
			"CR-E062 " + op + "[1]/lancCreditosDebitosCRC[1]/movimentacao"},
		{"CAMPO11", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora>" + lanc("CAMPO11", "1") + "</lancOperadoraCreditosDebitosCRC>",
			"CR-E062 " + op + "[1]/lancCreditosDebitosCRC[1]/movimentacao"},
		{"CAMPO", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora>" + lanc("CAMPO", "1") + "</lancOperadoraCreditosDebitosCRC>",
			"CR-E062 " + op + "[1]/lancCreditosDebitosCRC[1]/movimentacao"},
		{"valor of letters", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora>" + lanc("CAMPO2", "abc") + "</lancOperadoraCreditosDebitosCRC>",
			"CR-E062 " + op + "[1]/lancCreditosDebitosCRC[1]/valor"},
		{"a CAMPO twice", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora>" + lanc("CAMPO2", "1") + lanc("CAMPO2", "2") + "</lancOperadoraCreditosDebitosCRC>",
			"CR-E064 " + op + "[1]/lancCreditosDebitosCRC[2]"},
		{"no operadora", "<lancOperadoraCreditosDebitosCRC>" + lanc("CAMPO2", "1") + "</lancOperadoraCreditosDebitosCRC>",
			"CR-E063 " + op + "[1]"},
		{"a bad operadora", "<lancOperadoraCreditosDebitosCRC><operadora>ANS-1</operadora></lancOperadoraCreditosDebitosCRC>",
			"CR-E062 " + op + "[1]/operadora"},
		{"an operadora twice", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora></lancOperadoraCreditosDebitosCRC><lancOperadoraCreditosDebitosCRC><operadora>000001</operadora></lancOperadoraCreditosDebitosCRC>",
			"CR-E064 " + op + "[2]"},
		{"no valor", "<lancOperadoraCreditosDebitosCRC><operadora>1</operadora><lancCreditosDebitosCRC><movimentacao>CAMPO2</movimentacao></lancCreditosDebitosCRC></lancOperadoraCreditosDebitosCRC>",
			"CR-E063 " + op + "[1]/lancCreditosDebitosCRC[1]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, l := readString(t, "<diops>"+ident+"<financeiro><creditosDebitosCRC>"+tc.ops+"</creditosDebitosCRC></financeiro></diops>")
			if got := strings.Join(places(l), ","); got != tc.want {
				t.Errorf("findings %s, want %s\n%v", got, tc.want, l)
			}
			if tc.name != "an operadora twice" && len(f.Creditos) != 0 {
				t.Errorf("an operadora with an error is kept: %+v", f.Creditos)
			}
		})
	}
}

// fundo writes a lancFundosInvestimentosCRC.
func fundo(mov, valor string) string {
	return "<lancFundosInvestimentosCRC><movimentacao>" + mov + "</movimentacao>" + valor + "</lancFundosInvestimentosCRC>"
}

func TestFundos(t *testing.T) {
	f, l := readString(t, "<diops>"+ident+"<fundosInvestimentosCRC>"+fundo("CAMPO1", "<valor>2500.00</valor>")+
		fundo("CAMPO3", "<valor>70.5</valor>")+fundo("CAMPO4", "<valor/>")+fundo("CAMPO5", "")+fundo("CAMPO2", "<valor> </valor>")+
		"<total>1</total></fundosInvestimentosCRC></diops>")
	if len(l) > 0 {
		t.Fatal(l)
	}
	var got []string
	for _, x := range f.Fundos {
		v := "nil"
		if x.Valor != nil {
			v = x.Valor.String()
		}
		got = append(got, fmt.Sprintf("%d=%s@%s", x.N, v, x.Element))
	}
	const p = "diops/fundosInvestimentosCRC/lancFundosInvestimentosCRC"
	want := []string{"1=2500@" + p + "[1]", "3=70.5@" + p + "[2]", "4=nil@" + p + "[3]", "5=nil@" + p + "[4]", "2=nil@" + p + "[5]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}

	for _, tc := range []struct{ items, want string }{
		{fundo("CAMPO6", "<valor>1</valor>"), "CR-E062 " + p + "[1]/movimentacao"},
		{fundo("CAMPO0", "<valor>1</valor>"), "CR-E062 " + p + "[1]/movimentacao"},
		{fundo("CAMPO1", "<valor>1</valor>") + fundo("CAMPO1", "<valor>2</valor>"), "CR-E064 " + p + "[2]"},
		{"<lancFundosInvestimentosCRC><valor>1</valor></lancFundosInvestimentosCRC>", "CR-E063 " + p + "[1]"},
		{fundo("CAMPO1", "<valor>1.000,00</valor>"), "CR-E062 " + p + "[1]/valor"},
	} {
		_, l := readString(t, "<diops>"+ident+"<fundosInvestimentosCRC>"+tc.items+"</fundosInvestimentosCRC></diops>")
		if got := strings.Join(places(l), ","); got != tc.want {
			t.Errorf("%s: findings %s, want %s", tc.items, got, tc.want)
		}
	}
}

// linha writes a lancQuadroRiscoMercado from its five values ("-": left out).
func linha(conta, valor, sinal, prazo, idx string) string {
	var b strings.Builder
	b.WriteString("<lancQuadroRiscoMercado><nrAnoReferencia>2024</nrAnoReferencia>")
	for i, v := range []string{conta, valor, sinal, prazo, idx} {
		if v != "-" {
			fmt.Fprintf(&b, "<%s>%s</%[1]s>", mercadoFields[i], v)
		}
	}
	return b.String() + "</lancQuadroRiscoMercado>"
}

func TestMercado(t *testing.T) {
	f, l := readString(t, "<diops>"+ident+"<financeiro><quadroRiscoMercado>"+
		linha("12211", "1500000.00", "P", "012", "PRE")+linha("2111", "950000", "n", "0", "ipca")+
		linha("21311", "1.5", "N", "007", "CAMBIAL")+"</quadroRiscoMercado></financeiro></diops>")
	if len(l) > 0 {
		t.Fatal(l)
	}
	const p = "diops/financeiro/quadroRiscoMercado/lancQuadroRiscoMercado"
	want := []MercadoRow{
		{"12211", dec("1500000"), "P", dec("12"), ans.PRE, Place{p + "[1]", 1}},
		{"2111", dec("950000"), "N", dec("0"), ans.IPCA, Place{p + "[2]", 1}},
		{"21311", dec("1.5"), "N", dec("7"), ans.CAMBIAL, Place{p + "[3]", 1}},
	}
	if len(f.Mercado) != len(want) {
		t.Fatalf("got %+v", f.Mercado)
	}
	for i, w := range want {
		g := f.Mercado[i]
		if g.Conta != w.Conta || !g.Valor.Equal(w.Valor) || g.Sinal != w.Sinal || !g.Prazo.Equal(w.Prazo) || g.Indexador != w.Indexador || g.Place != w.Place {
			t.Errorf("row %d: got %+v, want %+v", i+1, g, w)
		}
	}

	for _, tc := range []struct{ row, want string }{
		{linha("1", "1", "-", "1", "PRE"), "CR-E063 " + p + "[1]"},
		{linha("-", "-", "-", "-", "-"), strings.Repeat("CR-E063 "+p+"[1],", 4) + "CR-E063 " + p + "[1]"},
		{linha("1", "1", "P", "1", "SELIC"), "CR-E062 " + p + "[1]/tpIndexador"},
		{linha("1", "1", "E", "1", "PRE"), "CR-E062 " + p + "[1]/tpSinal"},
		{linha("1", "1", "P", "12 meses", "PRE"), "CR-E062 " + p + "[1]/vlPrazoPonderadoFluxo"},
		{linha("1.1", "1", "P", "1", "PRE"), "CR-E062 " + p + "[1]/cdContaContabil"},
	} {
		f, l := readString(t, "<diops>"+ident+"<financeiro><quadroRiscoMercado>"+tc.row+"</quadroRiscoMercado></financeiro></diops>")
		if got := strings.Join(places(l), ","); got != tc.want || len(f.Mercado) != 0 {
			t.Errorf("%s: findings %s, want %s; rows %v", tc.row, got, tc.want, f.Mercado)
		}
	}
}

// The quadros are read inside financeiro and directly under the root, in
// one file alike; what capreg does not read is skipped, however deep.
func TestQuadrosWhereverTheyAre(t *testing.T) {
	doc := "<ans:diops xmlns:ans=\"urn:x\" xmlns:o=\"urn:o\">" + ident +
		"<o:outro><balancete><ativo><conta>x</conta></ativo></balancete></o:outro>" +
		"<ans:financeiro><ans:quadroRiscoMercado>" + linha("1", "1", "P", "1", "PRE") + "</ans:quadroRiscoMercado>" +
		"<ans:fluxoCaixa><lancFluxoCaixa><valor>não lido</valor></lancFluxoCaixa></ans:fluxoCaixa></ans:financeiro>" +
		"<quadroRiscoMercado><outro/>" + linha("2", "2", "N", "2", "POS") + "</quadroRiscoMercado>" +
		"<creditosDebitosCRC><lancOperadoraCreditosDebitosCRC><operadora>1</operadora></lancOperadoraCreditosDebitosCRC></creditosDebitosCRC>" +
		"</ans:diops>"
	f, l := readString(t, doc)
	if len(l) > 0 || len(f.Mercado) != 2 || len(f.Creditos) != 1 || len(f.Balancete) != 0 {
		t.Fatalf("%+v %v", f, l)
	}
	if f.Mercado[0].Element != "diops/financeiro/quadroRiscoMercado/lancQuadroRiscoMercado[1]" ||
		f.Mercado[1].Element != "diops/quadroRiscoMercado/lancQuadroRiscoMercado[1]" || f.Mercado[1].Indexador != ans.POS {
		t.Errorf("%+v", f.Mercado)
	}
}

// A file in ISO-8859-1 (or windows-1252) reads as one in UTF-8.
func TestLatin1(t *testing.T) {
	for _, enc := range []string{"ISO-8859-1", "windows-1252", "latin1"} {
		doc := "<?xml version=\"1.0\" encoding=\"" + enc + "\"?>\n<diops>" + ident +
			"<razao>Sa\xfade Jos\xe9 \x80</razao><financeiro><balancete><ativo><conta>1</conta><saldoFinal>2.5</saldoFinal></ativo></balancete></financeiro></diops>"
		f, l := readString(t, doc)
		if len(l) > 0 || f.Registro != "123456" || len(f.Balancete) != 1 {
			t.Errorf("%s: %+v %v", enc, f, l)
		}
	}
}

// A file that cannot be read to its end gives no File and, last of its
// findings, one that says why, at the line where the reading stopped.
func TestUnreadable(t *testing.T) {
	deep := strings.Repeat("<x>", 40) + strings.Repeat("</x>", 40)
	tests := []struct {
		name, doc, msg string
		line           int
	}{
		{"empty", "", "holds no XML element", 1},
		{"blanks", " \n\n ", "holds no XML element", 3},
		{"text", "diops;2024", "starts with text", 1},
		{"another root", "<?xml version=\"1.0\"?>\n<balancete/>", "the root element is <balancete>, not <diops>", 2},
		{"unclosed", "<diops>" + ident + "\n<financeiro>\n", "not well-formed XML: unexpected EOF", 3},
		{"end tag misspelt", "<diops>\n" + ident + "\n<financeiro></financiero></diops>", "element <financeiro> closed by </financiero>", 3},
		{"a second root", "<diops>" + ident + "</diops>\n<diops/>", "a second root element <diops>", 2},
		{"text after the root", "<diops>" + ident + "</diops>\nfim", "text follows </diops>", 2},
		{"unknown entity", "<diops>" + ident + "<x>&nbsp;</x></diops>", "invalid character entity &nbsp;", 1},
		{"bad UTF-8", "<diops>" + ident + "<x>Sa\xfade</x></diops>", "invalid UTF-8", 1},
		{"an encoding not supported", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?><diops/>", "the encoding \"EBCDIC\" is not supported", 1},
		{"nested too deep", "<diops>" + ident + deep + "</diops>", "nested more than 32 deep", 1},
		{"nested too deep in a value", "<diops>" + ident + "<financeiro><balancete><ativo><conta>" + deep + "</conta></ativo></balancete></financeiro></diops>", "nested more than 32 deep", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, l := readString(t, tc.doc)
			if f != nil || len(l) == 0 {
				t.Fatalf("got %v %v", f, l)
			}
			if last := l[len(l)-1]; last.Code != findings.DiopsUnreadable || !strings.Contains(last.Message, tc.msg) || last.Line != tc.line {
				t.Errorf("got %v, want %q at line %d", l, tc.msg, tc.line)
			}
		})
	}
}

// balanceteDoc is a file whose balancete has n accounts, each built by acc.
func balanceteDoc(n int, acc func(i int) string) string {
	var b strings.Builder
	b.WriteString("<diops>" + ident + "<financeiro><balancete>\n")
	for i := range n {
		b.WriteString(acc(i))
	}
	b.WriteString("</balancete></financeiro></diops>")
	return b.String()
}

func TestBounds(t *testing.T) {
	// Too many errors: the reading stops at the error after maxErrors (the
	// account on line 52: account i is on line i+2).
	doc := balanceteDoc(2*maxErrors, func(int) string { return "<ativo><conta>x</conta><saldoFinal>1</saldoFinal></ativo>\n" })
	f, l := readString(t, doc)
	if f != nil || len(l) != maxErrors+1 || !strings.Contains(l[maxErrors].Message, "more than 50 errors") || l[maxErrors].Line != maxErrors+2 {
		t.Errorf("too many errors: %d findings, last %v", len(l), l[len(l)-1])
	}

	// Too many items.
	doc = balanceteDoc(3, func(i int) string {
		return fmt.Sprintf("<ativo><conta>%d</conta><saldoFinal>1</saldoFinal></ativo>\n", i)
	})
	r := newReader(context.Background(), strings.NewReader(doc), "t.xml")
	r.items = maxItems - 2
	f, l, err := r.result(r.document())
	if err != nil || f != nil || len(l) != 1 || !strings.Contains(l[0].Message, "more than 200000 items") || l[0].Line != 4 {
		t.Errorf("too many items: %v %v", l, err)
	}

	// Too large: the reading stops at the bound, whatever the stream.
	r = newReader(context.Background(), strings.NewReader(doc), "t.xml")
	r.src.n = int64(len(doc) - 10)
	f, l, err = r.result(r.document())
	if err != nil || f != nil || len(l) != 1 || !strings.Contains(l[0].Message, "larger than 64 MB") {
		t.Errorf("too large: %v %v", l, err)
	}
	r = newReader(context.Background(), strings.NewReader(doc), "t.xml")
	r.src.n = int64(len(doc))
	if f, l, err = r.result(r.document()); f == nil || len(l) > 0 || err != nil {
		t.Errorf("at the bound: %v %v", l, err)
	}
}

// A done context stops the reading with its error.
func TestContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := balanceteDoc(1000, func(i int) string {
		return fmt.Sprintf("<ativo><conta>%d</conta><saldoFinal>1</saldoFinal></ativo>", i)
	})
	f, _, err := read(ctx, strings.NewReader(doc), "t.xml")
	if f != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, %v", f, err)
	}
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	one := func(path, msg string) {
		t.Helper()
		f, l, err := Read(context.Background(), path)
		if f != nil || err != nil || len(l) != 1 || l[0].Code != findings.DiopsUnreadable || l[0].File != path || !strings.Contains(l[0].Message, msg) {
			t.Errorf("%s: %v %v %v", path, f, l, err)
		}
	}
	one(filepath.Join(dir, "none.xml"), "cannot read the file: no such file or directory")
	one(dir, "the path is a directory")

	// A file over the bound is refused before it is read (a sparse file:
	// nothing is written).
	big := filepath.Join(dir, "big.xml")
	if err := os.WriteFile(big, []byte("<diops>"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, maxFileSize+1); err != nil {
		t.Fatal(err)
	}
	one(big, "larger than 64 MB")

	ok := filepath.Join(dir, "ok.xml")
	if err := os.WriteFile(ok, []byte("<diops>"+ident+"</diops>"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, l, err := Read(context.Background(), ok)
	if err != nil || len(l) > 0 || f.Path != ok || f.Mes != (period.Month{Year: 2024, Month: 6}) {
		t.Errorf("%+v %v %v", f, l, err)
	}
}
