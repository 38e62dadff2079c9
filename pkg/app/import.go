package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/balancete"
	"github.com/capreg/capreg/pkg/diops"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/layout"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

// ImportOptions are the inputs of capreg import (and of validate
// --balancete, which derives the same fields).
type ImportOptions struct {
	Balancetes []string     // balancete files: the ANS open data, ERP exports (.csv, .xlsx)
	Diops      []string     // DIOPS-XML files
	Registro   string       // the operator's registro ANS, 6 digits; "" takes the files'
	DataBase   period.Month // zero: the latest month of the balancetes
	Base       string       // a workbook whose fields the accounts cannot give are copied; "" for none
	Rules      *rules.Rulebook
}

// Imported is the input workbook an import derives from the operator's
// accounts (spec balancete.md §3): every record it fills, with the origin
// of each value, what is left for the person and why, the totals shown as
// checks, and the findings. With an error among the findings it fills
// nothing: the import is blocked and no workbook is written.
type Imported struct {
	Registro string       // "" when no file names the operator
	DataBase period.Month // the month the balances are at
	Window   []period.Month
	Records  []Record // in the layout's order of sheets; a campo | valor sheet is one record
	Left     []Left
	Checks   []Check
	Months   []period.Month // the months of the balancetes read
	Files    []string       // every file read, balancetes then DIOPS-XML (then the base)
	Derived  []string       // the table sheets the accounts give (their rows, or that they have none)
	Findings findings.List  // sorted
}

// Blocked reports whether an error finding stops the import.
func (im *Imported) Blocked() bool { return im.Findings.HasErrors() }

// Record is one row of a table sheet, or the campos of a campo | valor
// sheet, with the values the import gives it.
type Record struct {
	Sheet  string
	Values []Value
}

// Value is one cell of a record: the campo or column and its value, a
// decimal.Decimal, a string, a period.Month or a time.Time, as the layout
// types the field. Origin is nil for a cell that only names its row
// (competência, tipo, segmento, categoria, descrição).
type Value struct {
	Field  string
	V      any
	Origin *Origin
}

// Get returns the value of field in the record, and whether it has one.
func (r Record) Get(field string) (any, bool) {
	for _, v := range r.Values {
		if v.Field == field {
			return v.V, true
		}
	}
	return nil, false
}

// Origin is where a value comes from: a mapping of the rulebook and the
// accounts (or DIOPS element) it took, or a cell of the base workbook.
type Origin struct {
	Mapping  string       // the rulebook path of the mapping; "" for a value copied from the base
	Kind     string       // the mapping's kind: rules.Saldo, FluxoMensal, Fluxo12m or DIOPS
	Status   rules.Status // the mapping's status
	Source   string       // the mapping's source
	Accounts lang.Msg     // the accounts summed ("13211 + 13214"), the DIOPS element, or what gave the value
	Parts    []AccountValue
	Period   Span     // the month, or the months of a flow, or a DIOPS-XML's quarter
	Files    []string // the files the value comes from
	Place    string   // a DIOPS element's path (Line: its line in the file), or the base's Sheet!Cell
	Line     int      // the line of the DIOPS element; 0 for a base's cell
	Copied   bool     // copied from the base workbook
}

// Span is the months a value is taken over: one month (From = To), the
// first and last month of a flow, or the calendar quarter of To (a
// quarterly DIOPS-XML).
type Span struct {
	From, To period.Month
	Quarter  bool
}

// oneMonth is the span of the month m alone.
func oneMonth(m period.Month) Span { return Span{From: m, To: m} }

// String is the span in English: 2025-09, 2024-10..2025-09, 3T2025.
func (s Span) String() string { return s.In(lang.En) }

// In is the span in language l: months as l writes them (09/2025 in
// pt-BR), a quarter as ANS names it (3T2025).
func (s Span) In(l lang.Lang) string {
	switch {
	case s.Quarter:
		return s.To.QuarterLabel()
	case s.From == s.To:
		return l.Month(s.To)
	}
	return lang.M("%s..%s", s.From, s.To).In(l)
}

// AccountValue is one account of a mapping and its value (zero and Absent
// when no row of the balancetes holds it).
type AccountValue struct {
	Conta  string
	Value  decimal.Decimal
	Absent bool
}

// Left is a field (or sheet) the accounts cannot give, and why; Copied
// when the base workbook gave it.
type Left struct {
	Field  lang.Msg // Sheet.campo, or the sheet (and which of its rows or campos)
	Why    lang.Msg
	Copied bool
}

// Check is a total of the accounts shown beside fields they cannot give
// (the ABI amounts, the remission provisions), for the person to compare.
type Check struct {
	Field  string // the fields it checks
	Value  decimal.Decimal
	Origin *Origin
}

// Import derives the input workbook of one operator from its balancetes
// and DIOPS-XML files (spec balancete.md §3) and, with o.Base, copies from
// that workbook every field the accounts cannot give. The error is ctx's,
// or an input file that cannot be opened; everything else is a finding.
func Import(ctx context.Context, o ImportOptions) (*Imported, error) {
	x, err := derive(ctx, o)
	if err != nil {
		return nil, err
	}
	if !x.im.Blocked() && o.Base != "" {
		if err := x.copyBase(ctx, o.Base); err != nil {
			return nil, err
		}
	}
	if !x.im.Blocked() {
		x.left()
	}
	return x.result(), nil
}

// importer derives one import.
type importer struct {
	o       ImportOptions
	rb      *rules.Balancete
	led     *balancete.Ledger
	monthly bool        // a monthly balancete was given
	quadros *diops.File // the DIOPS-XML of the data base, nil without
	im      *Imported   // what is derived
	fields  map[string]*Record
	tables  map[string][]Record
	derived map[string]bool // the sheets (and Sheet.campo) the accounts gave
	copied  map[string]bool // the sheets (and Sheet.campo) the base gave
}

// derive reads the files and derives every field it can; x.im.Findings
// holds the errors that block it.
func derive(ctx context.Context, o ImportOptions) (*importer, error) {
	x := &importer{o: o, rb: &o.Rules.Balancete, im: &Imported{}, fields: map[string]*Record{}, tables: map[string][]Record{}, derived: map[string]bool{}, copied: map[string]bool{}}
	if err := x.read(ctx); err != nil || x.im.Blocked() {
		return x, err
	}
	if !x.window() {
		return x, nil
	}
	x.monthlySheets()
	if x.im.Blocked() {
		return x, nil
	}
	x.operadora()
	x.campos()
	x.fromDiops()
	x.checks()
	for _, m := range x.im.Months {
		if f := x.led.Balanced(m); f != nil {
			x.im.Findings.Add(*f)
		}
	}
	return x, nil
}

// result is the import with its records in layout order.
func (x *importer) result() *Imported {
	im := x.im
	im.Findings = im.Findings.Sorted()
	if im.Blocked() {
		im.Records, im.Left, im.Checks = nil, nil, nil
		return im
	}
	for _, s := range layout.Sheets() {
		if s.Kind == layout.Table && x.derived[s.Name] {
			im.Derived = append(im.Derived, s.Name)
		}
		if r, ok := x.fields[s.Name]; ok {
			im.Records = append(im.Records, *r)
		}
		im.Records = append(im.Records, x.tables[s.Name]...)
	}
	return im
}

// read reads every file and gathers the operator's balancetes into the
// ledger.
func (x *importer) read(ctx context.Context) error {
	var sheets []*balancete.Sheet
	for _, p := range x.o.Balancetes {
		ss, l, err := balancete.Read(ctx, p, x.o.Registro)
		if err != nil {
			return err
		}
		x.im.Findings = append(x.im.Findings, l...)
		sheets = append(sheets, ss...)
		x.im.Files = append(x.im.Files, p)
	}
	for _, p := range x.o.Diops {
		f, l, err := diops.Read(ctx, p)
		if err != nil {
			return err
		}
		x.im.Findings = append(x.im.Findings, l...)
		x.im.Files = append(x.im.Files, p)
		if f == nil {
			continue
		}
		if s, l := diopsSheet(f); s != nil {
			x.im.Findings = append(x.im.Findings, l...)
			sheets = append(sheets, s)
		}
		if x.quadros == nil || f.Mes.After(x.quadros.Mes) {
			x.quadros = f
		}
	}
	if x.im.Blocked() {
		return nil
	}
	x.led = balancete.NewLedger(x.o.Registro)
	for _, s := range sheets {
		x.im.Findings = append(x.im.Findings, x.led.Add(s)...)
		x.monthly = x.monthly || !s.Quarterly
	}
	x.im.Registro = x.led.Registro()
	x.im.Months = x.led.Months()
	return nil
}

// diopsSheet is the balancete of a DIOPS-XML file as a sheet of the ledger,
// nil when the file has none.
func diopsSheet(f *diops.File) (*balancete.Sheet, findings.List) {
	if len(f.Balancete) == 0 {
		return nil, nil
	}
	rows := make([]balancete.Row, 0, len(f.Balancete))
	for _, a := range f.Balancete {
		r := balancete.Row{Conta: a.Conta, Final: a.SaldoFinal, Place: balancete.Place{Sheet: filepath.Base(f.Path), Cell: a.Element}}
		if a.SaldoInicial != nil {
			r.Inicial, r.HasInicial = *a.SaldoInicial, true
		}
		rows = append(rows, r)
	}
	return balancete.NewSheet(f.Path, f.Registro, f.Mes, f.Quarterly(), rows)
}

// finding adds a finding of code (an error blocks the import).
func (x *importer) finding(code string, msg lang.Msg) {
	x.im.Findings.Add(findings.New(code, "", "", msg))
}

// window settles the data base and its 12 months, and checks that monthly
// balancetes cover them; false when the import cannot go on.
func (x *importer) window() bool {
	months := x.im.Months
	if len(months) == 0 {
		x.finding(findings.BalanceteMissingMonth, lang.M("no balancete was given: the import needs the operator's balancetes (--balancete) or a DIOPS-XML with its balancete (--diops)"))
		return false
	}
	db := x.o.DataBase
	if db.IsZero() {
		db = months[len(months)-1]
	}
	if !slices.Contains(months, db) {
		x.finding(findings.BalanceteMissingMonth, lang.M("no balancete of the data base %s was given (the balancetes are of %s)", db, lang.Join(months, ", ")))
		return false
	}
	x.im.DataBase = db
	for m := db.Add(-11); !m.After(db); m = m.Add(1) {
		x.im.Window = append(x.im.Window, m)
	}
	if x.monthly {
		for _, m := range x.led.Missing(x.im.Window[0], db) {
			x.finding(findings.BalanceteMissingMonth, lang.M("the balancete of %s is missing: Contraprestacoes and Eventos take the 12 months %s..%s", m, x.im.Window[0], db))
		}
	}
	return !x.im.Blocked()
}

// set puts a value the accounts give into the campo | valor sheet's
// record.
func (x *importer) set(sheet, field string, v any, o *Origin) {
	x.put(sheet, Value{Field: field, V: v, Origin: o})
	x.derived[sheet+"."+field] = true
}

// put puts a value into the campo | valor sheet's record.
func (x *importer) put(sheet string, v Value) {
	r, ok := x.fields[sheet]
	if !ok {
		r = &Record{Sheet: sheet}
		x.fields[sheet] = r
	}
	r.Values = append(r.Values, v)
}

// has reports whether the campo | valor sheet's record has field.
func (x *importer) has(sheet, field string) bool {
	if r, ok := x.fields[sheet]; ok {
		_, ok := r.Get(field)
		return ok
	}
	return false
}

// addRow appends a record to a table sheet.
func (x *importer) addRow(sheet string, vals ...Value) {
	x.tables[sheet] = append(x.tables[sheet], Record{Sheet: sheet, Values: vals})
}

// operadora fills registro_ans and data_base.
func (x *importer) operadora() {
	db := oneMonth(x.im.DataBase)
	if x.im.Registro != "" {
		what := lang.M("the registro ANS of the files (REG_ANS, registro_ans, DIOPS identificacao/registro)")
		if x.o.Registro != "" {
			what = lang.Text("--registro")
		}
		x.set("Operadora", "registro_ans", x.im.Registro, &Origin{Accounts: what, Period: db, Files: x.im.Files})
	}
	what := lang.M("the latest month of the balancetes")
	if !x.o.DataBase.IsZero() {
		what = lang.Text("--data-base")
	}
	x.set("Operadora", "data_base", x.im.DataBase, &Origin{Accounts: what, Period: db, Files: x.im.Files})
}

// sum is the mapping's value: each account's by get, summed. ok is false
// when get fails (its error is returned).
func (x *importer) sum(m rules.Contas, per Span, get func(conta string) (balancete.Origin, error)) (decimal.Decimal, *Origin, error) {
	p, _ := x.o.Rules.Provenance(m.Contas.Path())
	o := &Origin{Mapping: m.Contas.Path(), Kind: m.Tipo.Value, Status: p.Status, Source: p.Fonte, Accounts: lang.Text(m.String()), Period: per}
	var total decimal.Decimal
	for _, c := range m.Contas.Value {
		for _, code := range rules.Expand(c) {
			bo, err := get(code)
			if err != nil {
				return total, nil, err
			}
			if bo.Absent() && code != c {
				continue // one code of a pattern that no row holds
			}
			o.Parts = append(o.Parts, AccountValue{Conta: code, Value: bo.Value, Absent: bo.Absent()})
			total = total.Add(bo.Value)
			for _, part := range bo.Parts {
				if !slices.Contains(o.Files, part.File) {
					o.Files = append(o.Files, part.File)
				}
			}
		}
	}
	return total, o, nil
}

// present reports whether any account of the origin has a row.
func (o *Origin) present() bool {
	for _, p := range o.Parts {
		if !p.Absent {
			return true
		}
	}
	return false
}

// saldo is the mapping's balance at the data base.
func (x *importer) saldo(m rules.Contas) (decimal.Decimal, *Origin) {
	v, o, _ := x.sum(m, oneMonth(x.im.DataBase), func(c string) (balancete.Origin, error) {
		o, _ := x.led.Saldo(c, x.im.DataBase) // window() made sure the data base has a balancete
		return o, nil
	})
	return v, o
}

// campos fills the mapped fields of PLA and Operacional.
func (x *importer) campos() {
	db := x.im.DataBase
	for _, c := range x.rb.Campos() {
		if c.Map.Tipo.Value == rules.Saldo {
			v, o := x.saldo(c.Map)
			x.set(c.Sheet, c.Campo, v, o)
			continue
		}
		v, o, err := x.sum(c.Map, Span{From: db.Add(-11), To: db}, func(conta string) (balancete.Origin, error) { return x.led.Flow12(conta, db) })
		if err != nil {
			x.finding(findings.BalanceteNoTotal, lang.M("%s.%s is left for the person: %v", c.Sheet, c.Campo, err))
			continue
		}
		x.set(c.Sheet, c.Campo, v, o)
	}
}

// monthlySheets fills Contraprestacoes and Eventos from monthly flows, or
// says which monthly balancetes they need.
func (x *importer) monthlySheets() {
	w := x.im.Window
	if !x.monthly {
		need := lang.M("the monthly balancetes %s..%s (or %s..%s with saldo_inicial)", w[0].Add(-1), w[11], w[0], w[11])
		for _, s := range []string{"Contraprestacoes", "Eventos"} {
			x.finding(findings.BalanceteNoMonthly, lang.M("%s is left for the person: it needs %s; the balancetes given are quarterly", s, need))
		}
		return
	}
	gaps := map[period.Month]bool{}
	flows := func(m rules.Contas) ([]decimal.Decimal, []*Origin, bool) {
		vals := make([]decimal.Decimal, len(w))
		origins := make([]*Origin, len(w))
		present := false
		for i, mes := range w {
			v, o, err := x.sum(m, oneMonth(mes), func(c string) (balancete.Origin, error) { return x.led.Flow(c, mes) })
			if err != nil {
				if !gaps[mes] {
					gaps[mes] = true
					if g, ok := err.(*balancete.GapError); ok {
						x.im.Findings.Add(g.Finding())
					}
				}
				continue
			}
			vals[i], origins[i] = v, o
			present = present || o.present()
		}
		return vals, origins, present
	}
	for _, s := range ans.Segmentos() {
		for _, t := range ans.TiposContratacao() {
			vals, origins, present := flows(x.rb.Cell(s, t))
			if !present {
				continue
			}
			for i, mes := range w {
				x.addRow("Contraprestacoes", Value{Field: "competencia", V: mes}, Value{Field: "tipo_contratacao", V: string(t)},
					Value{Field: "segmento", V: string(s)}, Value{Field: "valor", V: vals[i], Origin: origins[i]})
			}
		}
	}
	if vals, origins, present := flows(x.rb.Eventos); present {
		for i, mes := range w {
			x.addRow("Eventos", Value{Field: "competencia", V: mes}, Value{Field: "valor", V: vals[i], Origin: origins[i]})
		}
	}
	x.derived["Contraprestacoes"], x.derived["Eventos"] = true, true
}

// diopsOrigin is the origin of a value of element (what it is: an
// element's name, its lançamento) in the DIOPS-XML file f, at place, under
// the mapping at path.
func (x *importer) diopsOrigin(f *diops.File, path string, element lang.Msg, place diops.Place) *Origin {
	p, _ := x.o.Rules.Provenance(path)
	return &Origin{Mapping: path, Kind: rules.DIOPS, Status: p.Status, Source: p.Fonte, Accounts: element,
		Period: Span{From: f.Mes, To: f.Mes, Quarter: f.Quarterly()}, Files: []string{f.Path}, Place: place.Element, Line: place.Line}
}

// fromDiops fills the fields of the DIOPS quadros, from the DIOPS-XML of
// the data base.
func (x *importer) fromDiops() {
	f := x.quadros
	if f == nil || f.Mes != x.im.DataBase {
		return
	}
	rb := x.rb
	if r := f.Remissao; r != nil {
		for _, e := range []struct {
			field string
			m     rules.Elemento
		}{{"ca_temporaria", rb.Remissao.CATemporaria}, {"ca_vitalicia", rb.Remissao.CAVitalicia}} {
			if v := remissaoElement(r, e.m.Elemento.Value); v != nil {
				x.set("Remissao", e.field, *v, x.diopsOrigin(f, e.m.Elemento.Path(), lang.Text(e.m.Elemento.Value), r.Place))
			}
		}
	}
	cr := &rb.CreditoOperadoras
	for _, c := range f.Creditos {
		vals := []Value{{Field: "registro_ans", V: c.Operadora}}
		for _, col := range rules.CreditoColumns() {
			campo := cr.Campos[col]
			n, _ := rules.CampoN(campo.Value)
			if v, ok := c.Valor(n); ok {
				vals = append(vals, Value{Field: col, V: v, Origin: x.diopsOrigin(f, campo.Path(), lang.Text(cr.Elemento.Value+" "+c.Operadora+" "+campo.Value), c.Place)})
			}
		}
		x.addRow("Credito_Operadoras", vals...)
	}
	ca := &rb.CreditoAtivos
	for _, fu := range []struct {
		cat ans.Categoria
		m   rules.Fundo
	}{{ans.FundoFDSS, ca.FundoFDSS}, {ans.FundoOutros, ca.FundoOutros}} {
		exp, ok := fundo(f, fu.m.Exposicao.Value)
		if !ok || exp.Valor == nil {
			continue
		}
		fpr := decimal.NewFromInt(1)
		fprOrigin := x.diopsOrigin(f, fu.m.FPR.Path(), lang.M("%s %s absent: 100 %%", ca.Elemento.Value, fu.m.FPR.Value), exp.Place)
		if p, ok := fundo(f, fu.m.FPR.Value); ok && p.Valor != nil {
			fpr = p.Valor.Div(decimal.NewFromInt(100))
			fprOrigin = x.diopsOrigin(f, fu.m.FPR.Path(), lang.Text(ca.Elemento.Value+" "+fu.m.FPR.Value+" / 100"), p.Place)
		}
		x.addRow("Credito_Ativos", Value{Field: "descricao", V: fmt.Sprintf("%s %s (DIOPS %s)", ca.Elemento.Value, fu.m.Exposicao.Value, f.Mes)},
			Value{Field: "categoria", V: string(fu.cat)},
			Value{Field: "exposicao", V: *exp.Valor, Origin: x.diopsOrigin(f, fu.m.Exposicao.Path(), lang.Text(ca.Elemento.Value+" "+fu.m.Exposicao.Value), exp.Place)},
			Value{Field: "fpr", V: fpr, Origin: fprOrigin})
	}
	alm := rb.MercadoALM.Elemento
	for _, r := range f.Mercado {
		o := x.diopsOrigin(f, alm.Path(), lang.Text(alm.Value), r.Place)
		x.addRow("Mercado_ALM", Value{Field: "conta", V: r.Conta}, Value{Field: "valor", V: r.Valor, Origin: o},
			Value{Field: "sinal", V: r.Sinal}, Value{Field: "prazo_meses", V: r.Prazo, Origin: o}, Value{Field: "indexador", V: string(r.Indexador)})
	}
	for _, s := range []string{"Credito_Operadoras", "Credito_Ativos", "Mercado_ALM"} {
		x.derived[s] = true
	}
}

// remissaoElement is the value of the element of modeloPadraoCapital named
// el; nil when the file leaves it out.
func remissaoElement(r *diops.Remissao, el string) *decimal.Decimal {
	vals := []*decimal.Decimal{ // in the order of rules.RemissaoElementos
		r.ContrapBenefRemissaoTemp, r.ContrapBenefRemissaoVital, r.BenefRemissaoTemp,
		r.BenefRemissaoVital, r.DespBenefRemissaoTemp, r.DespBenefRemissaoVital,
	}
	if i := slices.Index(rules.RemissaoElementos, el); i >= 0 {
		return vals[i]
	}
	return nil
}

// fundo is the lançamento CAMPOn of fundosInvestimentosCRC.
func fundo(f *diops.File, campo string) (diops.Fundo, bool) {
	n, _ := rules.CampoN(campo)
	for _, fu := range f.Fundos {
		if fu.N == n {
			return fu, true
		}
	}
	return diops.Fundo{}, false
}

// checks are the totals of the verificacoes at the data base.
func (x *importer) checks() {
	v := &x.rb.Verificacoes
	for _, c := range []struct {
		field string
		m     rules.Contas
	}{{"ABI", v.ABI}, {"Remissao.pr_temporaria + Remissao.pr_vitalicia", v.ProvisaoRemissao}} {
		val, o := x.saldo(c.m)
		x.im.Checks = append(x.im.Checks, Check{Field: c.field, Value: val, Origin: o})
	}
}

// left lists what the person fills: what the accounts never give (spec §2),
// and what the files given could not; each Copied when the base gave it.
// A field is named by its key (Sheet or Sheet.campo), or by field when the
// key does not name it whole.
func (x *importer) left() {
	field := func(key string, field, why lang.Msg) {
		x.im.Left = append(x.im.Left, Left{Field: field, Why: why, Copied: x.copied[key]})
	}
	add := func(key string, why lang.Msg) { field(key, lang.Text(key), why) }
	notInAccounts := lang.M("not in the accounts")
	if x.im.Registro == "" {
		add("Operadora.registro_ans", lang.M("no file names the operator (give --registro)"))
	}
	field("Operadora", lang.M("Operadora (every campo but registro_ans and data_base)"), notInAccounts)
	if !x.derived["Contraprestacoes"] {
		quarterly := lang.M("the balancetes given are quarterly: monthly balancetes are needed")
		add("Contraprestacoes", quarterly)
		add("Eventos", quarterly)
	}
	for _, c := range x.rb.Campos() {
		if f := c.Sheet + "." + c.Campo; !x.derived[f] {
			add(f, lang.M("the balancetes its 12-month total is built from were not given"))
		}
	}
	add("ABI", lang.M("the chart holds only hc × ΣABI (%s): Origem shows it as a check", x.rb.Verificacoes.ABI.String()))
	for _, f := range []string{"Remissao.pr_temporaria", "Remissao.pr_vitalicia"} {
		add(f, lang.M("the chart holds only the total remission provision (%s): Origem shows it as a check", x.rb.Verificacoes.ProvisaoRemissao.String()))
	}
	nodiops := lang.M("no DIOPS-XML of the data base %s was given", x.im.DataBase)
	if x.quadros != nil && x.quadros.Mes != x.im.DataBase {
		nodiops = lang.M("the DIOPS-XML given is of %s, not of the data base %s", x.quadros.Mes, x.im.DataBase)
	}
	for _, f := range []string{"Remissao.ca_temporaria", "Remissao.ca_vitalicia"} {
		switch {
		case x.derived[f]:
		case x.derived["Mercado_ALM"]: // the DIOPS-XML of the data base was given
			add(f, lang.M("the DIOPS-XML leaves its element out"))
		default:
			add(f, nodiops)
		}
	}
	if x.derived["Credito_Operadoras"] {
		add("Credito_Operadoras.grau_risco", lang.M("the ANS list of graus de risco"))
	} else {
		add("Credito_Operadoras", nodiops)
	}
	add("Credito_Seguros", notInAccounts)
	if x.derived["Credito_Ativos"] {
		field("Credito_Ativos", lang.M("Credito_Ativos (rows other than the funds)"), notInAccounts)
	} else {
		add("Credito_Ativos", nodiops)
	}
	if !x.derived["Mercado_ALM"] {
		add("Mercado_ALM", nodiops)
	}
	add("Mercado_Ativos", notInAccounts)
	add("Parcelas_Informadas", notInAccounts)
	add("Beneficiarios", lang.M("not in the accounts; never copied from --base (give the beneficiary data to calc with --beneficiarios)"))
}
