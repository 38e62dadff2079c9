package diops

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
)

// document reads the whole document: what comes before the root, the root
// diops, and what comes after it.
func (r *reader) document() error {
	for {
		tok, err := r.next()
		if err == io.EOF {
			return &fatal{unreadable(r.name, r.line(), lang.M("the file holds no XML element: it is empty, or not XML"))}
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(bytes.TrimPrefix(t, bom))) > 0 {
				return &fatal{unreadable(r.name, r.line(), lang.M("the file starts with text, not with an XML element: it is not XML"))}
			}
		case xml.StartElement:
			if t.Name.Local != "diops" {
				f := unreadable(r.name, r.line(), lang.M("the root element is <%s>, not <diops>: this is not a DIOPS-XML file", t.Name.Local)).
					WithFix(lang.M("give the DIOPS-XML file the ERP exported (its root element is <diops>)"))
				return &fatal{f}
			}
			if err := r.push(t.Name.Local); err != nil {
				return err
			}
			root := r.place()
			if err := r.children(r.root); err != nil {
				return err
			}
			r.pop()
			r.identified(root)
			return r.after()
		}
	}
}

var bom = []byte("\ufeff")

// after reads what follows the root: blanks, comments, processing
// instructions only.
func (r *reader) after() error {
	for {
		tok, err := r.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return &fatal{unreadable(r.name, r.line(), lang.M("a second root element <%s> follows </diops>: the file is not well-formed XML", t.Name.Local))}
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return &fatal{unreadable(r.name, r.line(), lang.M("text follows </diops>: the file is not well-formed XML"))}
			}
		}
	}
}

// root reads a child of diops.
func (r *reader) root(name string) error {
	switch name {
	case "identificacao":
		return r.identificacao()
	case "financeiro":
		return r.children(r.financeiro)
	}
	return r.quadro(name)
}

// financeiro reads a child of financeiro.
func (r *reader) financeiro(name string) error {
	if name == "balancete" {
		return r.children(r.balancete)
	}
	return r.quadro(name)
}

// quadro reads a quadro capreg takes, and skips any other element.
func (r *reader) quadro(name string) error {
	var lanc string
	var item func() error
	switch name {
	case "modeloPadraoCapital":
		lanc, item = "lancModeloPadraoCapital", r.remissao
	case "creditosDebitosCRC":
		lanc, item = "lancOperadoraCreditosDebitosCRC", r.operadora
	case "fundosInvestimentosCRC":
		lanc, item = "lancFundosInvestimentosCRC", r.fundo
	case "quadroRiscoMercado":
		lanc, item = "lancQuadroRiscoMercado", r.mercado
	default:
		return r.skip()
	}
	return r.children(func(child string) error {
		if child == lanc {
			return item()
		}
		return r.skip()
	})
}

var identFields = []string{"registro", "ano", "trimestre", "mes"}

// identificacao reads the file's identification: the registro and the
// period, checked together by identified.
func (r *reader) identificacao() error {
	at := r.place()
	if r.ident != nil {
		r.add(findings.DiopsIdentificacao, at, lang.M("identificacao appears twice (first at line %d)", lang.Ordinal(r.ident.Line)), lang.M("keep one identificacao"))
		return r.skip()
	}
	r.ident = &at
	var per struct {
		at        Place
		year, n   int
		quarterly bool
	}
	seen, err := r.fields(identFields, func(i int, text string) {
		switch i {
		case 0:
			r.f.Registro, _ = r.registro(text, findings.DiopsIdentificacao)
		case 1:
			if !yearDigits(text) {
				r.add(findings.DiopsIdentificacao, r.place(), lang.M("ano %q is not a year", text), lang.M("write the year in 4 digits, e.g. 2024"))
				return
			}
			r.f.Ano = atoi(text)
		case 2, 3:
			top := 4
			if i == 3 {
				top = 12
			}
			year, n, ok := periodo(text, top)
			switch {
			case !ok && i == 2:
				r.add(findings.DiopsIdentificacao, r.place(), lang.M("trimestre %q is not 1 to 4, or AAAA00T (2024003 for the third quarter of 2024)", text),
					lang.M("write trimestre as 1 to 4, or AAAA00T (2024003 for the third quarter of 2024)"))
				return
			case !ok:
				r.add(findings.DiopsIdentificacao, r.place(), lang.M("mes %q is not 1 to 12, or AAAA0MM (2024011 for November 2024)", text),
					lang.M("write mes as 1 to 12, or AAAA0MM (2024011 for November 2024)"))
				return
			}
			per.at, per.year, per.n, per.quarterly = r.place(), year, n, i == 2
		}
	}, nil)
	if err != nil {
		return err
	}
	missing := func(msg lang.Msg) { r.add(findings.DiopsIdentificacao, at, msg, lang.Msg{}) }
	if seen&1 == 0 {
		missing(lang.M("identificacao has no registro (the registro ANS of the operator)"))
	}
	switch {
	case seen&(1<<2) != 0 && seen&(1<<3) != 0:
		r.add(findings.DiopsIdentificacao, at, lang.M("identificacao has both trimestre and mes: a DIOPS-XML is quarterly or monthly"),
			lang.M("keep trimestre (quarterly DIOPS) or mes (monthly DIOPS)"))
		return nil
	case seen&(1<<2|1<<3) == 0:
		missing(lang.M("identificacao has no trimestre (quarterly DIOPS) nor mes (monthly DIOPS)"))
		return nil
	case per.n == 0:
		return nil // a bad trimestre or mes, reported
	}
	switch {
	case seen&(1<<1) == 0 && per.year == 0:
		missing(lang.M("identificacao has no ano"))
		return nil
	case seen&(1<<1) == 0:
		r.f.Ano = per.year
	case r.f.Ano == 0:
		return nil // a bad ano, reported
	case per.year != 0 && per.year != r.f.Ano:
		// The years as text: a number would be grouped (2.024) in pt-BR.
		r.add(findings.DiopsIdentificacao, per.at, lang.M("the period is in %s but ano is %s", strconv.Itoa(per.year), strconv.Itoa(r.f.Ano)),
			lang.M("correct ano or the year of the period"))
		return nil
	}
	if per.quarterly {
		r.f.Trimestre = per.n
		r.f.Mes = period.Month{Year: r.f.Ano, Month: time.Month(3 * per.n)}
	} else {
		r.f.Mes = period.Month{Year: r.f.Ano, Month: time.Month(per.n)}
	}
	return nil
}

// identified checks, once the root is read, that the file had an
// identificacao.
func (r *reader) identified(root Place) {
	if r.ident == nil {
		r.add(findings.DiopsIdentificacao, root, lang.M("the file has no identificacao (registro, ano, trimestre or mes)"), lang.M("add identificacao, or export the DIOPS-XML again"))
	}
}

var accountFields = []string{"conta", "saldoInicial", "debitos", "creditos", "saldoFinal"}

// balancete reads a child of balancete: an account in its group.
func (r *reader) balancete(name string) error {
	var g Grupo
	switch name {
	case "ativo":
		g = Ativo
	case "passivo":
		g = Passivo
	case "receita":
		g = Receita
	case "despesa":
		g = Despesa
	default:
		return r.skip()
	}
	a := Account{Grupo: g, Place: r.place()}
	whole, err := r.item(a.Place, accountFields, func(i int, text string) {
		switch i {
		case 0:
			a.Conta, _ = r.conta(text)
		case 1:
			a.SaldoInicial = r.optional(text)
		case 2:
			a.Debitos = r.optional(text)
		case 3:
			a.Creditos = r.optional(text)
		case 4:
			a.SaldoFinal, _ = r.number(text)
		}
	}, nil, 0, 4)
	if err != nil || !whole || !once(r, r.contas, a.Conta, a.Place, lang.M("account %s appears twice in the balancete", a.Conta), lang.M("keep one of the two (an account has one line per balancete)")) {
		return err
	}
	r.f.Balancete = append(r.f.Balancete, a)
	return r.counted()
}

var remissaoFields = []string{"contrapBenefRemissaoTemp", "contrapBenefRemissaoVital",
	"benefRemissaoTemp", "benefRemissaoVital", "despBenefRemissaoTemp", "despBenefRemissaoVital"}

// remissao reads the lançamento of modeloPadraoCapital.
func (r *reader) remissao() error {
	m := Remissao{Place: r.place()}
	if r.f.Remissao != nil {
		r.add(findings.DiopsDuplicate, m.Place, lang.M("modeloPadraoCapital has a second lancModeloPadraoCapital (the first at line %d)", lang.Ordinal(r.f.Remissao.Line)), lang.M("keep one lancModeloPadraoCapital"))
		return r.skip()
	}
	before := r.errs
	values := []**decimal.Decimal{&m.ContrapBenefRemissaoTemp, &m.ContrapBenefRemissaoVital,
		&m.BenefRemissaoTemp, &m.BenefRemissaoVital, &m.DespBenefRemissaoTemp, &m.DespBenefRemissaoVital}
	if _, err := r.fields(remissaoFields, func(i int, text string) { *values[i] = r.optional(text) }, nil); err != nil {
		return err
	}
	if r.errs > before {
		return nil
	}
	r.f.Remissao = &m
	return r.counted()
}

var (
	operadoraFields = []string{"operadora"}
	campoFields     = []string{"movimentacao", "valor"}
)

// operadora reads a counterparty of creditosDebitosCRC and its
// lançamentos.
func (r *reader) operadora() error {
	c := CreditoOperadora{Place: r.place()}
	whole, err := r.item(c.Place, operadoraFields, func(_ int, text string) {
		c.Operadora, _ = r.registro(text, findings.DiopsBadValue)
	}, func(name string) error {
		if name != "lancCreditosDebitosCRC" {
			return r.skip()
		}
		return r.campo(&c)
	}, 0)
	if err != nil || !whole || !once(r, r.operadoras, c.Operadora, c.Place, lang.M("operadora %s appears twice in creditosDebitosCRC", c.Operadora), lang.M("merge the two lancOperadoraCreditosDebitosCRC into one")) {
		return err
	}
	r.f.Creditos = append(r.f.Creditos, c)
	return r.counted()
}

// oneLancamento is the fix of a CAMPO given twice.
var oneLancamento = lang.M("keep one lançamento per CAMPO")

// campo reads a lancCreditosDebitosCRC of c.
func (r *reader) campo(c *CreditoOperadora) error {
	x := Campo{Place: r.place()}
	whole, err := r.item(x.Place, campoFields, func(i int, text string) {
		if i == 0 {
			x.N, _ = r.movimentacao(text, 2, 10)
		} else {
			x.Valor, _ = r.number(text)
		}
	}, nil, 0, 1)
	if err != nil || !whole {
		return err
	}
	if _, dup := c.Valor(x.N); dup {
		r.add(findings.DiopsDuplicate, x.Place, lang.M("CAMPO%d appears twice for operadora %s", x.N, c.Operadora), oneLancamento)
		return nil
	}
	c.Campos = append(c.Campos, x)
	return nil
}

// fundo reads a lancFundosInvestimentosCRC.
func (r *reader) fundo() error {
	x := Fundo{Place: r.place()}
	whole, err := r.item(x.Place, campoFields, func(i int, text string) {
		switch {
		case i == 0:
			x.N, _ = r.movimentacao(text, 1, 5)
		case text != "":
			x.Valor = r.optional(text)
		}
	}, nil, 0)
	if err != nil || !whole || !once(r, r.fundos, x.N, x.Place, lang.M("CAMPO%d appears twice in fundosInvestimentosCRC", x.N), oneLancamento) {
		return err
	}
	r.f.Fundos = append(r.f.Fundos, x)
	return r.counted()
}

var mercadoFields = []string{"cdContaContabil", "vlValor", "tpSinal", "vlPrazoPonderadoFluxo", "tpIndexador"}

// mercado reads a lancQuadroRiscoMercado.
func (r *reader) mercado() error {
	x := MercadoRow{Place: r.place()}
	whole, err := r.item(x.Place, mercadoFields, func(i int, text string) {
		switch i {
		case 0:
			x.Conta, _ = r.conta(text)
		case 1:
			x.Valor, _ = r.number(text)
		case 2:
			x.Sinal, _ = r.sinal(text)
		case 3:
			x.Prazo, _ = r.number(text)
		case 4:
			x.Indexador, _ = r.indexador(text)
		}
	}, nil, 0, 1, 2, 3, 4)
	if err != nil || !whole {
		return err
	}
	r.f.Mercado = append(r.f.Mercado, x)
	return r.counted()
}
