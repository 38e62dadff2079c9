package generate

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// BalanceteFile is one file of an operator's accounts: its name and bytes.
type BalanceteFile struct {
	Name string
	Data []byte
}

// plugAccount is the asset account the writer adds beside those of the
// rulebook's mapping so that every month balances (Bancos conta depósitos).
const plugAccount = "121129011"

// ledgerBook is an operator's accounts: per month, each account's balance
// at the month's end in centavos (result accounts year-to-date).
type ledgerBook struct {
	months []period.Month // in order: the first quarter's start-1 … the data base
	bal    map[period.Month]map[string]cents
	desc   map[string]string
}

// Balancetes returns the operator's accounts coherent to the centavo with
// its workbook, under the mapping rb (the rulebook's balancete section):
// the thirteen monthly ERP exports balancete-AAAA-MM.csv (the data base and
// the 12 months before it, without saldo_inicial, so the first month's
// year-to-date makes the second's flow), the ANS open-data CSV of each
// quarter those months end (dados-abertos-NTAAAA.csv, with
// VL_SALDO_INICIAL and every level of the chart) and the quarterly
// DIOPS-XML of the data base (diops-NTAAAA.xml) with its balancete and
// the quadros of remission, credit, funds and ALM. Each field goes into the
// first account of its mapping; contraprestações of post-established price
// (the 12-month total less the pricing cells) into an account under the
// total's that no cell maps, spread evenly over the months; the checks
// hc × ΣABI and the remission provisions into their verificação accounts,
// taken out of the technical provisions; an asset account (121129011)
// balances every month, PL (25) the workbook's.
func (o *Operator) Balancetes(rb *rules.Balancete) ([]BalanceteFile, error) {
	lb, err := o.ledger(rb)
	if err != nil {
		return nil, err
	}
	erp, quarters, db := balanceteMonths()
	var files []BalanceteFile
	for _, m := range erp {
		files = append(files, BalanceteFile{erpName(m), lb.erp(m, o.Registro)})
	}
	for _, q := range quarters {
		files = append(files, BalanceteFile{openDataName(q), lb.openData(q, o.Registro)})
	}
	x, err := o.diops(rb, lb, db)
	if err != nil {
		return nil, err
	}
	return append(files, BalanceteFile{diopsName(db), x}), nil
}

// balanceteMonths are the months of the ERP exports (the data base and the
// 12 before it), the ends of the quarters of the open-data files (every
// quarter those months end), and the data base.
func balanceteMonths() (erp, quarters []period.Month, db period.Month) {
	db = period.MonthOf(dataBase)
	for m := db.Add(-12); !m.After(db); m = m.Add(1) {
		erp = append(erp, m)
		if m.QuarterEnd() == m {
			quarters = append(quarters, m)
		}
	}
	return erp, quarters, db
}

func erpName(m period.Month) string      { return fmt.Sprintf("balancete-%s.csv", m) }
func openDataName(q period.Month) string { return "dados-abertos-" + q.QuarterLabel() + ".csv" }
func diopsName(q period.Month) string    { return "diops-" + q.QuarterLabel() + ".xml" }

// BalanceteNames are the names of the files Balancetes returns, in order.
func BalanceteNames() []string {
	erp, quarters, db := balanceteMonths()
	var out []string
	for _, m := range erp {
		out = append(out, erpName(m))
	}
	for _, q := range quarters {
		out = append(out, openDataName(q))
	}
	return append(out, diopsName(db))
}

// sheetRows are the operator's rows of a sheet.
func (o *Operator) sheetRows(name string) []record {
	for _, s := range o.data {
		if s.name == name {
			return s.rows
		}
	}
	return nil
}

// first is the first code a mapping names (an X as 0).
func first(m rules.Contas) (string, error) {
	if len(m.Contas.Value) == 0 {
		return "", lang.Errorf("the rulebook maps %s to no account", m.Contas.Path())
	}
	return rules.Expand(m.Contas.Value[0])[0], nil
}

// under reports whether code lies under (or is) one of the mapping's
// accounts.
func under(code string, m rules.Contas) bool {
	return slices.ContainsFunc(m.Contas.Value, func(a string) bool {
		return slices.ContainsFunc(rules.Expand(a), func(c string) bool { return strings.HasPrefix(code, c) })
	})
}

// ledger builds the operator's accounts from its workbook data.
func (o *Operator) ledger(rb *rules.Balancete) (*ledgerBook, error) {
	_, quarters, db := balanceteMonths()
	lb := &ledgerBook{bal: map[period.Month]map[string]cents{}, desc: map[string]string{}}
	for m := quarters[0].Add(-3); !m.After(db); m = m.Add(1) { // from the first quarter's saldo inicial
		lb.months = append(lb.months, m)
		lb.bal[m] = map[string]cents{}
	}
	window := lb.months[len(lb.months)-12:]

	// Balances: the data base's value, 0,3 % less for each month before.
	fields := map[string]record{"PLA": o.sheetRows("PLA")[0], "Operacional": o.sheetRows("Operacional")[0]}
	var total12 cents
	for _, c := range rb.Campos() {
		v, _ := fields[c.Sheet][c.Campo].(cents)
		if c.Map.Tipo.Value != rules.Saldo {
			total12 = v
			continue
		}
		code, err := first(c.Map)
		if err != nil {
			return nil, err
		}
		lb.desc[code] = c.Sheet + "." + c.Campo
		for _, m := range lb.months {
			lb.bal[m][code] += scale(v, 1_000_000-int64(db.Sub(m))*3_000)
		}
	}

	if err := o.checkAccounts(rb, lb, db); err != nil {
		return nil, err
	}

	// Flows of the window's months, by account.
	flows := map[string][]cents{}
	addFlow := func(code, what string, m period.Month, v cents) {
		if flows[code] == nil {
			flows[code] = make([]cents, 12)
		}
		flows[code][m.Sub(window[0])] += v
		lb.desc[code] = what
	}
	var cells cents
	for _, r := range o.sheetRows("Contraprestacoes") {
		t, _ := time.Parse("2006-01", r["competencia"].(string))
		m := period.MonthOf(t)
		code, err := first(rb.Cell(ans.Segmento(r["segmento"].(string)), ans.TipoContratacao(r["tipo_contratacao"].(string))))
		if err != nil {
			return nil, err
		}
		addFlow(code, fmt.Sprintf("Contraprestacoes %s %s", r["segmento"], r["tipo_contratacao"]), m, r["valor"].(cents))
		cells += r["valor"].(cents)
	}
	ev, err := first(rb.Eventos)
	if err != nil {
		return nil, err
	}
	for _, r := range o.sheetRows("Eventos") {
		addFlow(ev, "Eventos", period.MonthOf(time.Time(r["competencia"].(monthCell))), r["valor"].(cents))
	}
	post, err := postEstablished(rb)
	if err != nil {
		return nil, err
	}
	if rest := total12 - cells; rest != 0 {
		for i, m := range window {
			v := rest / 12
			if i == 11 {
				v = rest - 11*(rest/12)
			}
			addFlow(post, "contraprestações de preço pós-estabelecido", m, v)
		}
	}

	// Year-to-date: before the window each month's flow is the first
	// window month's.
	for code, f := range flows {
		for _, m := range lb.months {
			switch {
			case m.Before(window[0]):
				lb.bal[m][code] = cents(int64(m.Month)) * f[0]
			case m.Month == time.January:
				lb.bal[m][code] = f[m.Sub(window[0])]
			default:
				lb.bal[m][code] = lb.bal[m.Add(-1)][code] + f[m.Sub(window[0])]
			}
		}
	}

	// The asset that balances: 1 = 21 + 23 + 25 + 3 − 4 − 6.
	lb.desc[plugAccount] = "Bancos conta depósitos"
	for _, m := range lb.months {
		var plug cents
		for code, v := range lb.bal[m] {
			switch code[0] {
			case '1':
				plug -= v
			case '2', '3':
				plug += v
			case '4', '6':
				plug -= v
			}
		}
		lb.bal[m][plugAccount] = plug
	}
	return lb, nil
}

// checkAccounts moves, out of the technical provisions' first account,
// the totals the import shows as checks beside the fields the chart cannot
// give: hc × ΣABI (ABI notices) and the remission provisions (pr_temporaria
// + pr_vitalicia), each into the first account of its verificação, the
// rest of the provisions into the mapping's last account. It does nothing
// when those accounts do not lie under the provisions' first account, the
// mapping has one account, or the rest would be negative.
func (o *Operator) checkAccounts(rb *rules.Balancete, lb *ledgerBook, db period.Month) error {
	pt := rb.Operacional.ProvisoesTecnicas
	top, err := first(pt)
	if err != nil {
		return err
	}
	abi, err := first(rb.Verificacoes.ABI)
	if err != nil {
		return err
	}
	rem, err := first(rb.Verificacoes.ProvisaoRemissao)
	if err != nil {
		return err
	}
	rest := rules.Expand(pt.Contas.Value[len(pt.Contas.Value)-1])[0]
	if len(pt.Contas.Value) < 2 || !strings.HasPrefix(abi, top) || !strings.HasPrefix(rem, top) || abi == rem || strings.HasPrefix(rest, top) {
		return nil
	}
	var sum cents
	for _, r := range o.sheetRows("ABI") {
		sum += r["valor"].(cents)
	}
	hc, _ := o.sheetRows("Operadora")[0]["hc"].(ratio)
	r := o.sheetRows("Remissao")[0]
	prT, _ := r["pr_temporaria"].(cents)
	prV, _ := r["pr_vitalicia"].(cents)
	parts := map[string]cents{
		abi: cents(decimal.NewFromFloat(float64(hc)).Mul(decimal.NewFromInt(int64(sum))).Round(0).IntPart()),
		rem: prT + prV,
	}
	if lb.bal[db][top] < parts[abi]+parts[rem] {
		return nil
	}
	lb.desc[abi], lb.desc[rem], lb.desc[rest] = "hc × ΣABI", "Remissao.pr_temporaria + Remissao.pr_vitalicia", "Operacional.provisoes_tecnicas"
	for _, m := range lb.months {
		f := 1_000_000 - int64(db.Sub(m))*3_000
		total := lb.bal[m][top]
		delete(lb.bal[m], top)
		for code, v := range parts {
			lb.bal[m][code] = scale(v, f)
			total -= lb.bal[m][code]
		}
		lb.bal[m][rest] += total
	}
	return nil
}

// postEstablished is the account of contraprestações of post-established
// price: beside the first pricing cell's account (…1XX → …2XX), under the
// 12-month total's accounts and under no monthly mapping.
func postEstablished(rb *rules.Balancete) (string, error) {
	cell, err := first(rb.Cell(ans.MedicoHospitalar, ans.Individual))
	if err != nil {
		return "", err
	}
	if len(cell) < 3 {
		return "", lang.Errorf("the account %s of %s is too short to place post-established contraprestações beside it", cell, rb.Cell(ans.MedicoHospitalar, ans.Individual).Contas.Path())
	}
	post := cell[:len(cell)-3] + "2" + cell[len(cell)-2:]
	clash := under(post, rb.Eventos)
	for _, s := range ans.Segmentos() {
		for _, t := range ans.TiposContratacao() {
			clash = clash || under(post, rb.Cell(s, t))
		}
	}
	if clash || !under(post, rb.Operacional.Contraprestacoes12m) {
		return "", lang.Errorf("the account %s of post-established contraprestações must lie under %s and under no monthly mapping: the rulebook's balancete section does not allow it",
			post, rb.Operacional.Contraprestacoes12m.Contas.Path())
	}
	return post, nil
}

// codes are the accounts of month m in order.
func (lb *ledgerBook) codes(m period.Month) []string {
	out := make([]string, 0, len(lb.bal[m]))
	for c := range lb.bal[m] {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// isResult reports whether code is a result account (classes 3, 4, 6).
func isResult(code string) bool { return strings.ContainsAny(code[:1], "346") }

// brl writes centavos with a decimal comma (-1234,56).
func brl(c cents) string {
	return strings.Replace(decimal.New(int64(c), -2).StringFixed(2), ".", ",", 1)
}

// erp is the ERP export of month m: its leaf accounts, without
// saldo_inicial.
func (lb *ledgerBook) erp(m period.Month, registro string) []byte {
	var b bytes.Buffer
	b.WriteString("registro_ans;mes;conta;descricao;saldo_final\n")
	for _, c := range lb.codes(m) {
		fmt.Fprintf(&b, "%s;%s;%s;%s;%s\n", registro, m, c, lb.desc[c], brl(lb.bal[m][c]))
	}
	return b.Bytes()
}

// levels are month m's balances at every level of the chart: each leaf
// summed into every prefix of it.
func (lb *ledgerBook) levels(m period.Month) map[string]cents {
	out := map[string]cents{}
	for c, v := range lb.bal[m] {
		for n := 1; n <= len(c); n++ {
			out[c[:n]] += v
		}
	}
	return out
}

// openData is the ANS open-data file of the quarter ending at q, with
// VL_SALDO_INICIAL (the balance at the end of the month before the
// quarter; result accounts of a first quarter start at zero).
func (lb *ledgerBook) openData(q period.Month, registro string) []byte {
	start := q.Add(-2)
	fin, ini := lb.levels(q), lb.levels(start.Add(-1))
	codes := make([]string, 0, len(fin))
	for c := range fin {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var b bytes.Buffer
	b.WriteString(`"DATA";"REG_ANS";"CD_CONTA_CONTABIL";"DESCRICAO";"VL_SALDO_INICIAL";"VL_SALDO_FINAL"` + "\n")
	for _, c := range codes {
		i := ini[c]
		if isResult(c) && start.Month == time.January {
			i = 0
		}
		fmt.Fprintf(&b, "%q;%q;%q;%q;%q;%q\n", period.Date(start.FirstDay()), registro, c, lb.desc[c], brl(i), brl(fin[c]))
	}
	return b.Bytes()
}

// The DIOPS-XML elements the writer emits (spec balancete.md §1.2).
type (
	diopsDoc struct {
		XMLName      xml.Name    `xml:"diops"`
		Registro     string      `xml:"identificacao>registro"`
		Ano          int         `xml:"identificacao>ano"`
		Trimestre    int         `xml:"identificacao>trimestre"`
		Balancete    diopsBal    `xml:"financeiro>balancete"`
		Remissao     diopsRem    `xml:"financeiro>modeloPadraoCapital>lancModeloPadraoCapital"`
		Creditos     []diopsCRC  `xml:"financeiro>creditosDebitosCRC>lancOperadoraCreditosDebitosCRC"`
		Fundos       []diopsLanc `xml:"financeiro>fundosInvestimentosCRC>lancFundosInvestimentosCRC"`
		RiscoMercado []diopsMerc `xml:"financeiro>quadroRiscoMercado>lancQuadroRiscoMercado"`
	}
	diopsBal struct {
		Ativo   []diopsConta `xml:"ativo"`
		Passivo []diopsConta `xml:"passivo"`
		Receita []diopsConta `xml:"receita"`
		Despesa []diopsConta `xml:"despesa"`
	}
	diopsConta struct {
		Conta      string `xml:"conta"`
		SaldoFinal string `xml:"saldoFinal"`
	}
	diopsRem struct {
		Items []xmlElem `xml:",any"`
	}
	xmlElem struct {
		XMLName xml.Name
		Value   string `xml:",chardata"`
	}
	diopsLanc struct {
		Movimentacao string `xml:"movimentacao"`
		Valor        string `xml:"valor"`
	}
	diopsCRC struct {
		Operadora string      `xml:"operadora"`
		Lanc      []diopsLanc `xml:"lancCreditosDebitosCRC"`
	}
	diopsMerc struct {
		Ano       int    `xml:"nrAnoReferencia"`
		Trimestre int    `xml:"tpTrimestreReferencia"`
		Conta     string `xml:"cdContaContabil"`
		Valor     string `xml:"vlValor"`
		Sinal     string `xml:"tpSinal"`
		Prazo     string `xml:"vlPrazoPonderadoFluxo"`
		Indexador string `xml:"tpIndexador"`
	}
)

// point writes centavos with a decimal point (-1234.56).
func point(c cents) string { return decimal.New(int64(c), -2).StringFixed(2) }

// diops is the quarterly DIOPS-XML of the data base db.
func (o *Operator) diops(rb *rules.Balancete, lb *ledgerBook, db period.Month) ([]byte, error) {
	d := diopsDoc{Registro: o.Registro, Ano: db.Year, Trimestre: db.Quarter()}
	for _, c := range lb.codes(db) {
		a := diopsConta{c, point(lb.bal[db][c])}
		switch c[0] {
		case '1':
			d.Balancete.Ativo = append(d.Balancete.Ativo, a)
		case '2':
			d.Balancete.Passivo = append(d.Balancete.Passivo, a)
		case '3':
			d.Balancete.Receita = append(d.Balancete.Receita, a)
		default:
			d.Balancete.Despesa = append(d.Balancete.Despesa, a)
		}
	}
	rem := o.sheetRows("Remissao")[0]
	for _, e := range []struct {
		field string
		m     rules.Elemento
	}{{"ca_temporaria", rb.Remissao.CATemporaria}, {"ca_vitalicia", rb.Remissao.CAVitalicia}} {
		v, _ := rem[e.field].(cents)
		d.Remissao.Items = append(d.Remissao.Items, xmlElem{xml.Name{Local: e.m.Elemento.Value}, point(v)})
	}
	for _, r := range o.sheetRows("Credito_Operadoras") {
		c := diopsCRC{Operadora: r["registro_ans"].(string)}
		for _, col := range rules.CreditoColumns() {
			v, _ := r[col].(cents)
			c.Lanc = append(c.Lanc, diopsLanc{rb.CreditoOperadoras.Campos[col].Value, point(v)})
		}
		d.Creditos = append(d.Creditos, c)
	}
	for _, f := range []struct {
		cat ans.Categoria
		m   rules.Fundo
	}{{ans.FundoFDSS, rb.CreditoAtivos.FundoFDSS}, {ans.FundoOutros, rb.CreditoAtivos.FundoOutros}} {
		var rows []record
		for _, r := range o.sheetRows("Credito_Ativos") {
			if r["categoria"] == string(f.cat) {
				rows = append(rows, r)
			}
		}
		switch {
		case len(rows) == 0:
			continue
		case len(rows) > 1:
			return nil, lang.Errorf("the DIOPS quadro %s holds one %s row, and the workbook has %d", rb.CreditoAtivos.Elemento.Value, f.cat, len(rows))
		}
		d.Fundos = append(d.Fundos, diopsLanc{f.m.Exposicao.Value, point(rows[0]["exposicao"].(cents))})
		if fpr, ok := rows[0]["fpr"].(ratio); ok {
			d.Fundos = append(d.Fundos, diopsLanc{f.m.FPR.Value, decimal.NewFromFloat(float64(fpr)).Shift(2).StringFixed(2)})
		}
	}
	for _, r := range o.sheetRows("Mercado_ALM") {
		code := r["conta"].(string)
		d.RiscoMercado = append(d.RiscoMercado, diopsMerc{db.Year, db.Quarter(), code, point(r["valor"].(cents)), r["sinal"].(string),
			fmt.Sprintf("%03d", r["prazo_meses"].(int)), r["indexador"].(string)})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
