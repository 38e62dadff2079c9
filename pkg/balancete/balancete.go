// Package balancete reads an operator's balancete, its trial balance in the
// ANS chart of accounts (Plano de Contas Padrão), and gathers the balancetes
// of one operator into a Ledger that answers account values by the rules of
// spec balancete.md §1.3: an account's balance at a month's end, a result
// account's flow in a month, and its 12-month total.
//
// Two file forms are read (Read), recognised by their header row: the ANS
// open data (one quarter, every operator: a registro selects one, and the
// other operators' lines are skipped without reading their numbers) and an
// ERP export (CSV, or the first sheet of an .xlsx). A DIOPS-XML reader
// builds its balancete with NewSheet. Every problem of a file is a finding
// that names the file, the place (line, Sheet!Cell or element path), the
// rule and the fix.
package balancete

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/parse"
	"github.com/capreg/capreg/pkg/period"
)

// Place is where a row was read, as a finding names it (Sheet!Cell): Sheet
// is the sheet of an .xlsx file, or the file's name for a CSV or DIOPS-XML
// file; Cell is the cell (for a CSV, as a spreadsheet shows the file: C12
// is the third field of line 12) or a DIOPS element's path.
type Place struct{ Sheet, Cell string }

// Row is one account of a balancete: its balance at the start and at the
// end of the period (a month, or a quarter for quarterly data), with
// presentation signs as ANS publishes them ("(−)" accounts negative).
type Row struct {
	Conta      string          // the account code, digits only
	Inicial    decimal.Decimal // the saldo inicial, when HasInicial
	HasInicial bool            // the file gives a saldo inicial
	Final      decimal.Decimal // the saldo final: the balance at the end of the period
	Place      Place           // where the account's code was read
}

// Sheet is the balancete of one operator at the end of one month, from one
// file. Build it with NewSheet, which sorts and checks the rows.
type Sheet struct {
	File      string       // the file as the caller named it
	Registro  string       // the operator's registro ANS, 6 digits; "" when the file names none
	Mes       period.Month // the month at whose end the balances are (a quarter's last month for quarterly data)
	Quarterly bool         // quarterly data (the open data, a quarterly DIOPS): a saldo inicial is at the quarter's start
	Rows      []Row        // sorted by Conta, each account once
}

// maxConta bounds an account code: the chart's codes have up to 9 digits,
// an ERP's analytical accounts a few more.
const maxConta = 20

// NewSheet builds the sheet of file's rows: it drops, with an error
// finding each, a row whose code is not digits and a row whose account is
// already in the sheet (an account appears once per file and month), and
// sorts the rest by code. The findings name file and the rows' places.
func NewSheet(file, registro string, mes period.Month, quarterly bool, rows []Row) (*Sheet, findings.List) {
	var l findings.List
	add := func(code string, p Place, msg, fix lang.Msg) {
		f := findings.New(code, p.Sheet, p.Cell, msg).WithFix(fix)
		f.File = file
		l.Add(f)
	}
	kept := make([]Row, 0, len(rows))
	for _, r := range rows {
		if !validConta(r.Conta) {
			add(findings.BalanceteConta, r.Place, lang.M("the account code %q is not digits of the ANS chart of accounts", findings.Clip(r.Conta)), lang.Msg{})
			continue
		}
		kept = append(kept, r)
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Conta < kept[j].Conta })
	s := &Sheet{File: file, Registro: registro, Mes: mes, Quarterly: quarterly, Rows: kept[:0]}
	for i, r := range kept {
		if i > 0 && r.Conta == kept[i-1].Conta {
			first := s.Rows[len(s.Rows)-1].Place
			add(findings.BalanceteDuplicate, r.Place, lang.M("account %s of %s is already at %s", r.Conta, mes, first.Cell),
				lang.M("keep one row of account %s for %s (delete or merge the other)", r.Conta, mes))
			continue
		}
		s.Rows = append(s.Rows, r)
	}
	return s, l
}

func validConta(c string) bool { return len(c) <= maxConta && parse.Digits(c) }

// Value is the account's balance at the end of the sheet's period, by the
// rule of spec §1.3: the row with exactly that code when the sheet has it;
// otherwise the sum of the topmost rows under it (rows whose code starts
// with conta and no other row of the sheet lies between), so that a sheet
// with every level and one with leaves only give the same value and
// nothing is counted twice. The rows used come back with it; none when the
// account is absent, and its value is zero.
func (s *Sheet) Value(conta string) (decimal.Decimal, []Row) {
	rows := s.rows(conta)
	return sumFinal(rows), rows
}

// rows are the rows that give conta's value (see Value).
func (s *Sheet) rows(conta string) []Row {
	i := sort.Search(len(s.Rows), func(i int) bool { return s.Rows[i].Conta >= conta })
	if i < len(s.Rows) && s.Rows[i].Conta == conta {
		return s.Rows[i : i+1]
	}
	var out []Row
	top := ""
	for ; i < len(s.Rows) && strings.HasPrefix(s.Rows[i].Conta, conta); i++ {
		// Sorted by code, the rows under a row follow it: a row under the
		// last one taken lies below it.
		if top != "" && strings.HasPrefix(s.Rows[i].Conta, top) {
			continue
		}
		top = s.Rows[i].Conta
		out = append(out, s.Rows[i])
	}
	return out
}

// known is conta's value where the sheet tells it: ok is false when the
// sheet holds no row at or under conta but a row above it, a sheet less
// detailed than the account (its value is inside that row's, unknown).
func (s *Sheet) known(conta string) (v decimal.Decimal, ok bool) {
	if rows := s.rows(conta); len(rows) > 0 {
		return sumFinal(rows), true
	}
	for n := len(conta) - 1; n > 0; n-- {
		if s.has(conta[:n]) {
			return decimal.Decimal{}, false
		}
	}
	return decimal.Decimal{}, true
}

// has reports whether the sheet has a row of exactly conta.
func (s *Sheet) has(conta string) bool {
	i := sort.Search(len(s.Rows), func(i int) bool { return s.Rows[i].Conta >= conta })
	return i < len(s.Rows) && s.Rows[i].Conta == conta
}

// opening reports whether every row gives a saldo inicial at the start of
// the sheet's month: a monthly sheet of a file with saldo inicial.
func (s *Sheet) opening() bool {
	if s.Quarterly || len(s.Rows) == 0 {
		return false
	}
	for _, r := range s.Rows {
		if !r.HasInicial {
			return false
		}
	}
	return true
}

func sumFinal(rows []Row) decimal.Decimal {
	var v decimal.Decimal
	for _, r := range rows {
		v = v.Add(r.Final)
	}
	return v
}

// result reports whether conta is a result account (classes 3, 4 and 6),
// whose balances are year-to-date.
func result(conta string) bool {
	return conta != "" && (conta[0] == '3' || conta[0] == '4' || conta[0] == '6')
}

// centavo is the tolerance of every comparison of amounts.
var centavo = decimal.New(1, -2)
