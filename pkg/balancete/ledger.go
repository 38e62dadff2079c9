package balancete

import (
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/money"
	"github.com/capreg/capreg/pkg/period"
)

// Ledger gathers the balancetes of one operator by month, from several
// files and sources (ERP exports, the open data, DIOPS balancetes), and
// answers account values by the rules of spec §1.3: balances (Saldo),
// monthly flows of result accounts (Flow), 12-month totals (Flow12), with
// the rows each comes from.
type Ledger struct {
	registro string
	months   map[period.Month][]*Sheet // by month, the sources in the order added
}

// NewLedger returns an empty ledger of the operator registro; "" takes the
// registro of the first sheet that names one.
func NewLedger(registro string) *Ledger {
	return &Ledger{registro: registro, months: map[period.Month][]*Sheet{}}
}

// Registro is the operator's registro ANS: the one given to NewLedger, or
// the first a sheet named; "" when none did.
func (l *Ledger) Registro() string { return l.registro }

// maxListedAccounts bounds the accounts a disagreement lists.
const maxListedAccounts = 5

// Add adds a sheet, refusing it with an error finding when it is of
// another operator than the ledger's (BalanceteOperators) or when the
// ledger has the same month from another source and the two disagree by a
// centavo or more on an account both tell (BalanceteSources, naming both
// files and the accounts). A source less detailed than another does not
// disagree on the accounts below its rows.
func (l *Ledger) Add(s *Sheet) findings.List {
	fail := func(code string, msg lang.Msg) findings.List {
		f := findings.New(code, "", "", msg)
		f.File = s.File
		return findings.List{f}
	}
	switch {
	case s.Registro == "" || s.Registro == l.registro:
	case l.registro == "":
		l.registro = s.Registro
	default:
		return fail(findings.BalanceteOperators, lang.M("%s is a balancete of registro %s, and the operator read is %s", s.File, s.Registro, l.registro))
	}
	for _, o := range l.months[s.Mes] {
		if diffs := disagreement(o, s); len(diffs) > 0 {
			list := differences{o, s, diffs[:min(len(diffs), maxListedAccounts)]}
			if more := len(diffs) - maxListedAccounts; more > 0 {
				return fail(findings.BalanceteSources, lang.M("%s and %s disagree on %s: %s and %d more", o.File, s.File, s.Mes, list, more))
			}
			return fail(findings.BalanceteSources, lang.M("%s and %s disagree on %s: %s", o.File, s.File, s.Mes, list))
		}
	}
	l.months[s.Mes] = append(l.months[s.Mes], s)
	return nil
}

// differences are accounts two sheets disagree on, as a message lists
// them: "31 (R$ 1.000,00 in a.csv, R$ 900,00 in b.csv); 41 (…)".
type differences struct {
	a, b   *Sheet
	contas []string
}

func (d differences) String() string { return d.In(lang.En) }

// In is the list in language l.
func (d differences) In(l lang.Lang) string {
	list := make([]string, len(d.contas))
	for i, c := range d.contas {
		va, _ := d.a.known(c)
		vb, _ := d.b.known(c)
		list[i] = lang.M("%s (%s in %s, %s in %s)", c, money.BRL(va), d.a.File, money.BRL(vb), d.b.File).In(l)
	}
	return strings.Join(list, "; ")
}

// disagreement lists the accounts a and b tell different balances of,
// the most detailed ones: an account is left out when one under it
// differs too (its difference is that one's).
func disagreement(a, b *Sheet) []string {
	var diffs []string
	seen := map[string]bool{}
	for _, s := range []*Sheet{a, b} {
		for _, r := range s.Rows {
			if seen[r.Conta] {
				continue
			}
			seen[r.Conta] = true
			va, oka := a.known(r.Conta)
			vb, okb := b.known(r.Conta)
			if oka && okb && va.Sub(vb).Abs().GreaterThanOrEqual(centavo) {
				diffs = append(diffs, r.Conta)
			}
		}
	}
	sort.Strings(diffs)
	out := diffs[:0]
	for i, c := range diffs {
		if i+1 < len(diffs) && strings.HasPrefix(diffs[i+1], c) {
			continue // sorted: an account under c follows it
		}
		out = append(out, c)
	}
	return out
}

// Months are the months the ledger has, in order.
func (l *Ledger) Months() []period.Month {
	out := make([]period.Month, 0, len(l.months))
	for m := range l.months {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// Missing are the months from first to last, both included, that the
// ledger has no balancete of.
func (l *Ledger) Missing(first, last period.Month) []period.Month {
	var out []period.Month
	for m := first; !m.After(last); m = m.Add(1) {
		if len(l.months[m]) == 0 {
			out = append(out, m)
		}
	}
	return out
}

// Origin is a value the ledger gives and the rows it comes from, for the
// Origem sheet: Value is the sum of the parts' Value times their Sign.
type Origin struct {
	Value decimal.Decimal
	Parts []Part
}

// Absent reports whether no row gave the value: the account is in none of
// the balancetes used, and its value is zero.
func (o Origin) Absent() bool { return len(o.Parts) == 0 }

// Part is one row a value comes from.
type Part struct {
	Conta string
	Value decimal.Decimal // the saldo final; for a month's flow from its opening balance, saldo final − saldo inicial
	Sign  int             // +1, or −1 for a balance subtracted (the year-to-date of an earlier month)
	File  string
	Mes   period.Month
	Place Place
}

// plus adds the rows of s to o, each with sign, flow or balance.
func (o *Origin) plus(s *Sheet, rows []Row, sign int, flow bool) {
	for _, r := range rows {
		v := r.Final
		if flow {
			v = v.Sub(r.Inicial)
		}
		o.Parts = append(o.Parts, Part{Conta: r.Conta, Value: v, Sign: sign, File: s.File, Mes: s.Mes, Place: r.Place})
		if sign < 0 {
			v = v.Neg()
		}
		o.Value = o.Value.Add(v)
	}
}

// source is the sheet of month m that conta's value is taken from: the
// first added that has rows at or under conta, else the first; nil when
// the ledger has no balancete of m.
func (l *Ledger) source(conta string, m period.Month) *Sheet {
	srcs := l.months[m]
	for _, s := range srcs {
		if len(s.rows(conta)) > 0 {
			return s
		}
	}
	if len(srcs) == 0 {
		return nil
	}
	return srcs[0]
}

// Saldo is conta's balance at the end of month m (see Sheet.Value); for a
// result account, the year-to-date. False when the ledger has no
// balancete of m.
func (l *Ledger) Saldo(conta string, m period.Month) (Origin, bool) {
	s := l.source(conta, m)
	if s == nil {
		return Origin{}, false
	}
	var o Origin
	o.plus(s, s.rows(conta), +1, false)
	return o, true
}

// Flow is the flow of result account conta (classes 3, 4, 6) in month m:
// saldo final − saldo inicial of a monthly balancete of m that gives its
// saldo inicial; else YTD(m) − YTD(m−1), the year-to-date balances at the
// ends of m and of the month before (January: YTD(January)). The error is
// a *GapError when the balancetes it needs are missing; a quarterly
// balancete's saldo inicial, at the quarter's start, never makes a month's
// flow.
func (l *Ledger) Flow(conta string, m period.Month) (Origin, error) {
	if err := resultAccount(conta); err != nil {
		return Origin{}, err
	}
	srcs := l.months[m]
	if len(srcs) == 0 {
		return Origin{}, &GapError{Conta: conta, Mes: m, Need: []period.Month{m}}
	}
	for _, s := range srcs {
		if s.opening() {
			var o Origin
			o.plus(s, s.rows(conta), +1, true)
			return o, nil
		}
	}
	o, _ := l.Saldo(conta, m)
	if m.Month == time.January {
		return o, nil
	}
	prev := m.Add(-1)
	s := l.source(conta, prev)
	if s == nil {
		quarterly := true
		for _, s := range srcs {
			quarterly = quarterly && s.Quarterly
		}
		return Origin{}, &GapError{Conta: conta, Mes: m, Need: []period.Month{prev}, Quarterly: quarterly}
	}
	o.plus(s, s.rows(conta), -1, false)
	return o, nil
}

// Flow12 is the total of result account conta in the 12 months ending at
// m: YTD(m) + YTD(December before) − YTD(m a year before), from the
// balancetes of those three months (m a December: YTD(m) alone), which
// monthly and quarterly files both give; else the sum of the 12 monthly
// flows (Flow), which monthly files with saldo inicial give. The error is
// a *GapError naming the months the first way needs.
func (l *Ledger) Flow12(conta string, m period.Month) (Origin, error) {
	if err := resultAccount(conta); err != nil {
		return Origin{}, err
	}
	type term struct {
		mes  period.Month
		sign int
	}
	terms := []term{{m, +1}}
	if m.Month != time.December {
		terms = append(terms, term{period.Month{Year: m.Year - 1, Month: time.December}, +1}, term{m.Add(-12), -1})
	}
	var need []period.Month
	var o Origin
	for _, t := range terms {
		s := l.source(conta, t.mes)
		if s == nil {
			need = append(need, t.mes)
			continue
		}
		o.plus(s, s.rows(conta), t.sign, false)
	}
	if len(need) == 0 {
		return o, nil
	}
	var sum Origin
	for k := m.Add(-11); !k.After(m); k = k.Add(1) {
		f, err := l.Flow(conta, k)
		if err != nil {
			sort.Slice(need, func(i, j int) bool { return need[i].Before(need[j]) })
			return Origin{}, &GapError{Conta: conta, Mes: m, Total: true, Need: need}
		}
		sum.Value = sum.Value.Add(f.Value)
		sum.Parts = append(sum.Parts, f.Parts...)
	}
	return sum, nil
}

func resultAccount(conta string) error {
	if !result(conta) {
		return lang.Errorf("balancete: account %q is no result account (classes 3, 4, 6): it has a balance, not a flow", conta)
	}
	return nil
}

// GapError is a flow the ledger cannot build: the balancetes of the months
// Need are missing.
type GapError struct {
	Conta     string
	Mes       period.Month   // the month of the flow, or the last of the 12 months of a total
	Total     bool           // a 12-month total (Flow12), not a month's flow
	Need      []period.Month // the months whose balancete is missing, in order
	Quarterly bool           // a month's flow: the balancete of Mes is quarterly, its saldo inicial at the quarter's start
}

func (e *GapError) Error() string { return e.msg().String() }

// In is the error in language l.
func (e *GapError) In(l lang.Lang) string { return e.msg().In(l) }

func (e *GapError) msg() lang.Msg {
	need := months(e.Need)
	switch {
	case e.Total:
		how := lang.M("YTD(%s) + YTD(%s) − YTD(%s)", e.Mes, period.Month{Year: e.Mes.Year - 1, Month: time.December}, e.Mes.Add(-12))
		if e.Mes.Month == time.December {
			how = lang.M("YTD(%s)", e.Mes)
		}
		return lang.M("the 12-month total of %s to %s needs the balancete of %s (%s), or monthly balancetes of %s to %s with saldo_inicial",
			e.Conta, e.Mes, need, how, e.Mes.Add(-11), e.Mes)
	case len(e.Need) == 1 && e.Need[0] == e.Mes:
		return lang.M("the flow of %s in %s needs the balancete of %s", e.Conta, e.Mes, e.Mes)
	case e.Quarterly:
		return lang.M("the flow of %s in %s needs the balancete of %s, the year-to-date before it, or a monthly balancete of %s with saldo_inicial (the balancete of %s is quarterly: its saldo inicial is at the quarter's start)",
			e.Conta, e.Mes, need, e.Mes, e.Mes)
	}
	return lang.M("the flow of %s in %s needs the balancete of %s, the year-to-date before it, or a monthly balancete of %s with saldo_inicial",
		e.Conta, e.Mes, need, e.Mes)
}

// months are months as a message lists them: "2024-11, 2024-12".
type months []period.Month

func (ms months) String() string { return ms.In(lang.En) }

// In is the list in language l (11/2024, 12/2024 in pt-BR).
func (ms months) In(l lang.Lang) string {
	list := make([]string, len(ms))
	for i, m := range ms {
		list[i] = l.Month(m)
	}
	return strings.Join(list, ", ")
}

// Finding is the error as a finding (BalanceteFlow).
func (e *GapError) Finding() findings.Finding {
	return findings.New(findings.BalanceteFlow, "", "", e.msg())
}

// Balanced checks the balancete of month m: 1 = 21 + 23 + 25 (the year's
// result closed into 25) or 1 = 21 + 23 + 25 + 3 − 4 − 6 (still in the
// result classes), with presentation signs, within R$ 0,01. It returns a
// warning (BalanceteUnbalanced) naming the file and both sides, or nil when
// the month balances or the ledger has no balancete of it.
func (l *Ledger) Balanced(m period.Month) *findings.Finding {
	srcs := l.months[m]
	if len(srcs) == 0 {
		return nil
	}
	s := srcs[0]
	v := func(conta string) decimal.Decimal {
		x, _ := s.Value(conta)
		return x
	}
	ativo := v("1")
	passivo := v("21").Add(v("23")).Add(v("25"))
	resultado := v("3").Sub(v("4")).Sub(v("6"))
	open := passivo.Add(resultado)
	if ativo.Sub(passivo).Abs().LessThanOrEqual(centavo) || ativo.Sub(open).Abs().LessThanOrEqual(centavo) {
		return nil
	}
	f := findings.New(findings.BalanceteUnbalanced, "", "", lang.M(
		"the balancete of %s does not balance: 1 = %s; 21 + 23 + 25 = %s (a difference of %s); 21 + 23 + 25 + 3 − 4 − 6 = %s (a difference of %s)",
		m, money.BRL(ativo), money.BRL(passivo), money.BRL(ativo.Sub(passivo)), money.BRL(open), money.BRL(ativo.Sub(open))))
	f.File = s.File
	return &f
}
