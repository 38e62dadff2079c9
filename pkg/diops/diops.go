// Package diops reads the DIOPS-XML an operator sends to ANS (RN 527/2022),
// quarterly or monthly: its identification, its balancete and the four
// quadros the capital model takes (spec balancete.md §1.2).
//
// Elements are matched by local name, whatever their namespace or prefix.
// Read takes, under the root diops:
//
//   - identificacao: registro (the registro ANS; a shorter number is padded
//     to 6 digits), ano, and trimestre (1 to 4, or AAAA00T: 2023003 is the
//     third quarter of 2023) or mes (1 to 12, or AAAA0MM likewise); ano may
//     be left out when the period gives the year.
//   - financeiro/balancete/{ativo|passivo|receita|despesa}, one element per
//     account: conta, saldoInicial, debitos, creditos, saldoFinal.
//   - the quadros modeloPadraoCapital, creditosDebitosCRC,
//     fundosInvestimentosCRC and quadroRiscoMercado, inside financeiro (as
//     ERP software emits them) or directly under the root.
//
// Other elements are skipped, however deep. An element that is there but
// cannot be read (a number that is no decimal, an unknown movimentacao,
// tpSinal or tpIndexador, a trimestre of 5), a required element missing, a
// repeated one (an account twice in the balancete) are error findings naming
// the file, the element's path (diops/financeiro/quadroRiscoMercado/
// lancQuadroRiscoMercado[3]/tpSinal: items are numbered from 1 among their
// like-named siblings) and line, the rule and the fix; the item they are in
// (an account, an operadora with its lançamentos, a quadro line) is left out
// of the File. Whether a finding blocks is the caller's to say.
//
// Numbers are written with a decimal point and no thousands separator
// (1234567.89, -12.5; blanks around them are ignored). An empty element is
// no number, except valor in fundosInvestimentosCRC, where it means "not
// informed" (Fundo.Valor nil).
//
// The file is read as a stream of XML tokens, never whole, and bounded: at
// most 64 MB, elements nested 32 deep, 64 characters in an element capreg
// reads, 200,000 items (accounts and quadro lines), 50 error findings. The
// encoding is UTF-8 or, when the XML declaration says so, ISO-8859-1 (or
// windows-1252, read as ISO-8859-1).
package diops

import (
	"context"
	"errors"
	"io"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/safefile"
)

// File is what a DIOPS-XML file holds that capreg uses. Every item carries
// its Place, for the findings and the Origem sheet of the caller.
type File struct {
	Path     string // the path the file was read from
	Registro string // identificacao/registro: the operator's registro ANS, 6 digits
	Ano      int    // identificacao/ano
	// Trimestre is the quarter of a quarterly file (1 to 4), 0 for a monthly
	// one.
	Trimestre int
	// Mes is the month at whose end the balances stand: the quarter's last
	// month for a quarterly file, the file's month for a monthly one.
	Mes period.Month

	Balancete []Account          // in file order
	Remissao  *Remissao          // nil when the file has no modeloPadraoCapital lançamento
	Creditos  []CreditoOperadora // creditosDebitosCRC, one per operadora, in file order
	Fundos    []Fundo            // fundosInvestimentosCRC, in file order
	Mercado   []MercadoRow       // quadroRiscoMercado, in file order
}

// Quarterly reports whether the file is a quarterly DIOPS (identificacao
// gives trimestre), not a monthly one.
func (f *File) Quarterly() bool { return f.Trimestre > 0 }

// Place is where an item is in its file: the path of its element and the
// line of its start tag (the tag's last line, should it span several).
type Place struct {
	Element string // diops/financeiro/balancete/ativo[12]
	Line    int
}

// Grupo is the balancete element an account is given in.
type Grupo string

// The balancete's groups: classes 1, 2, 3 and 4 of the chart of accounts.
const (
	Ativo   Grupo = "ativo"
	Passivo Grupo = "passivo"
	Receita Grupo = "receita"
	Despesa Grupo = "despesa"
)

// Account is one account of the balancete, its values with the presentation
// signs of the file. A quarterly file's saldoInicial is the quarter's
// opening balance, its debitos and creditos the quarter's movements, its
// saldoFinal the balance at the quarter's end.
type Account struct {
	Grupo Grupo
	Conta string // the account code, digits only
	// SaldoInicial, Debitos and Creditos are nil when the file leaves their
	// element out.
	SaldoInicial, Debitos, Creditos *decimal.Decimal
	SaldoFinal                      decimal.Decimal
	Place
}

// Remissao is the lançamento of quadro modeloPadraoCapital. A value is nil
// when the file leaves its element out.
type Remissao struct {
	// ContrapBenefRemissaoTemp and ContrapBenefRemissaoVital: the 12-month
	// contraprestações of the beneficiaries, not remitted, of contracts with
	// a temporary or lifetime remission clause.
	ContrapBenefRemissaoTemp, ContrapBenefRemissaoVital *decimal.Decimal
	// BenefRemissaoTemp and BenefRemissaoVital: numbers of beneficiaries.
	BenefRemissaoTemp, BenefRemissaoVital *decimal.Decimal
	// DespBenefRemissaoTemp and DespBenefRemissaoVital: expenses with
	// remitted beneficiaries.
	DespBenefRemissaoTemp, DespBenefRemissaoVital *decimal.Decimal
	Place
}

// CreditoOperadora is one counterparty of quadro creditosDebitosCRC
// (lancOperadoraCreditosDebitosCRC): its registro ANS and its CAMPOs.
type CreditoOperadora struct {
	Operadora string  // the counterparty's registro ANS, 6 digits
	Campos    []Campo // lancCreditosDebitosCRC, in file order, each N at most once
	Place
}

// Campo is one lancCreditosDebitosCRC: movimentacao CAMPOn (n from 2 to 10,
// the fields of the PPA table) and its valor.
type Campo struct {
	N     int
	Valor decimal.Decimal
	Place
}

// Valor returns the valor of CAMPOn; ok is false when the operadora has no
// such lançamento.
func (c CreditoOperadora) Valor(n int) (v decimal.Decimal, ok bool) {
	for _, x := range c.Campos {
		if x.N == n {
			return x.Valor, true
		}
	}
	return decimal.Decimal{}, false
}

// Fundo is one lancFundosInvestimentosCRC: movimentacao CAMPOn (n from 1 to
// 5, each at most once in the file) and its valor.
type Fundo struct {
	N int
	// Valor is nil when the valor element is absent or empty (CAMPO4 empty
	// means an FPR of 100 %, spec §2).
	Valor *decimal.Decimal
	Place
}

// MercadoRow is one lancQuadroRiscoMercado, a line of the ALM quadro.
type MercadoRow struct {
	Conta     string          // cdContaContabil, digits only
	Valor     decimal.Decimal // vlValor
	Sinal     string          // tpSinal: P (entrada) or N (saída), as layout.Sinais spells them
	Prazo     decimal.Decimal // vlPrazoPonderadoFluxo, in months
	Indexador ans.Indexador   // tpIndexador
	Place
}

// The bounds of a file (see the package comment).
const (
	maxFileSize = 64 << 20
	maxDepth    = 32
	maxText     = 64
	maxItems    = 200_000
	maxErrors   = 50
	checkEvery  = 4096 // tokens read between looks at the context
)

// Read reads the DIOPS-XML file at path, refusing before reading it a path
// that is not a regular file. Every problem is a finding naming path. The
// File is nil when the file could not be read to its end (not a file, not
// well-formed XML, no diops root, over a bound); otherwise it holds every
// item read without error. A done ctx stops the reading with ctx's error.
func Read(ctx context.Context, path string) (*File, findings.List, error) {
	fh, err := safefile.OpenRegular(path)
	if errors.Is(err, safefile.ErrNotRegular) {
		f := unreadable(path, 0, lang.M("the path %v", err)).
			WithFix(lang.M("give the path of the DIOPS-XML file itself (save the data to a file first)"))
		return nil, findings.List{f}, nil
	}
	if err != nil {
		return nil, findings.List{unreadable(path, 0, lang.M("cannot read the file: %v", err))}, nil
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Size() > maxFileSize {
		return nil, findings.List{tooLarge(path)}, nil
	}
	return read(ctx, fh, path)
}

// read reads a DIOPS-XML document from src; name is the path findings give.
func read(ctx context.Context, src io.Reader, name string) (*File, findings.List, error) {
	r := newReader(ctx, src, name)
	return r.result(r.document())
}

// result is what Read returns once document returned err.
func (r *reader) result(err error) (*File, findings.List, error) {
	var stop *fatal
	switch {
	case errors.As(err, &stop):
		r.l.Add(stop.f)
		return nil, r.l, nil
	case err != nil:
		return nil, r.l, err
	}
	r.f.Path = r.name
	return &r.f, r.l, nil
}

// fatal ends the reading of a file that cannot be used: its finding says
// why.
type fatal struct{ f findings.Finding }

func (e *fatal) Error() string { return e.f.String() }

func unreadable(name string, line int, msg lang.Msg) findings.Finding {
	f := findings.New(findings.DiopsUnreadable, "", "", msg)
	f.File, f.Line = name, line
	return f
}

func tooLarge(name string) findings.Finding {
	return unreadable(name, 0, lang.M("the file is larger than %d MB, more than any DIOPS-XML", maxFileSize>>20)).
		WithFix(lang.M("give the DIOPS-XML file of one operator and period"))
}
