package capital

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
)

// Node is one figure of a result: its value, the formula in words, the input
// cells and the parameters it used, and the figures it is made of. From the
// tree alone a reader can re-derive every number by hand.
type Node struct {
	Key      string          `json:"key"`
	Label    string          `json:"label"`
	Value    decimal.Decimal `json:"value"`
	Formula  string          `json:"formula"`
	Inputs   []CellRef       `json:"inputs,omitempty"`
	Params   []ParamUse      `json:"parameters,omitempty"`
	Children []*Node         `json:"children,omitempty"`
	Informed bool            `json:"informed,omitempty"`

	label, formula lang.Msg // Label and Formula in every language (In)
}

// named makes the figure key, called label and computed by formula (Label
// and Formula in English until In).
func named(key string, label, formula lang.Msg) *Node {
	return &Node{Key: key, Label: label.String(), Formula: formula.String(), label: label, formula: formula}
}

// setFormula makes f the node's formula.
func (n *Node) setFormula(f lang.Msg) {
	n.Formula, n.formula = f.String(), f
}

// is sets the node's value and returns it.
func (n *Node) is(v decimal.Decimal) *Node {
	n.Value = v
	return n
}

// In is a copy of the tree under n whose labels and formulas are in
// language l (the values, cells and parameters are the same).
func (n *Node) In(l lang.Lang) *Node {
	c := *n
	if !n.label.IsZero() {
		c.Label = n.label.In(l)
	}
	if !n.formula.IsZero() {
		c.Formula = n.formula.In(l)
	}
	c.Children = make([]*Node, len(n.Children))
	for i, ch := range n.Children {
		c.Children[i] = ch.In(l)
	}
	if len(n.Children) == 0 {
		c.Children = nil
	}
	return &c
}

// CellRef is an input value with the cell it came from.
type CellRef struct {
	Name  string          `json:"name"`
	Cell  string          `json:"cell,omitempty"`
	Value decimal.Decimal `json:"value"`
	Text  string          `json:"text,omitempty"` // a code rather than a number (Value is then 0)
}

// ParamUse is a rulebook parameter as used by a node.
type ParamUse struct {
	Path   string       `json:"path"`
	Value  string       `json:"value"`
	Status rules.Status `json:"status"`
	Source string       `json:"source"`
}

func (n *Node) input(name string, a Amount) decimal.Decimal {
	n.Inputs = append(n.Inputs, CellRef{Name: name, Cell: a.Ref, Value: a.V})
	return a.V
}

func (n *Node) add(children ...*Node) *Node {
	n.Children = append(n.Children, children...)
	return n
}

// Walk calls f on n and every node below it, depth first.
func (n *Node) Walk(f func(*Node)) {
	f(n)
	for _, c := range n.Children {
		c.Walk(f)
	}
}

// Find returns the first node below n (or n) with the key.
func (n *Node) Find(key string) *Node {
	var found *Node
	n.Walk(func(m *Node) {
		if found == nil && m.Key == key {
			found = m
		}
	})
	return found
}

// Statuses returns the distinct statuses of the parameters used in n's
// subtree, in the order provisional, proposal, user, regulation.
func (n *Node) Statuses() []rules.Status {
	seen := map[rules.Status]bool{}
	n.Walk(func(m *Node) {
		for _, p := range m.Params {
			seen[p.Status] = true
		}
	})
	var out []rules.Status
	for _, s := range []rules.Status{rules.Provisional, rules.Proposal, rules.User, rules.Regulation} {
		if seen[s] {
			out = append(out, s)
		}
	}
	return out
}

// paramsWith returns the distinct paths of n's subtree parameters having
// status s, sorted.
func (n *Node) paramsWith(s rules.Status) []string {
	var out []string
	n.Walk(func(m *Node) {
		for _, p := range m.Params {
			if p.Status == s && !slices.Contains(out, p.Path) {
				out = append(out, p.Path)
			}
		}
	})
	slices.Sort(out)
	return out
}

// params hands out rulebook values and records their use on a node. A value
// whose path names no parameter of the rulebook (a table's missing key) is
// recorded as an error: Compute returns the first one.
type params struct {
	rb  *rules.Rulebook
	err error
}

func (p *params) use(n *Node, d rules.Dec) decimal.Decimal {
	for _, u := range n.Params {
		if u.Path == d.Path() {
			return d.Decimal
		}
	}
	p.record(n, d.Path(), d.String())
	return d.Decimal
}

// form records the use of a formula form (a text parameter).
func (p *params) form(n *Node, f rules.Param[string]) { p.record(n, f.Path(), f.Value) }

// flag records the use of a switch.
func (p *params) flag(n *Node, f rules.Param[bool]) {
	p.record(n, f.Path(), strconv.FormatBool(f.Value))
}

// matrix records the use of a correlation matrix.
func (p *params) matrix(n *Node, m rules.Matrix) { p.record(n, m.Path(), matrixText(m.Value)) }

func (p *params) record(n *Node, path, value string) {
	pr, ok := p.rb.Provenance(path)
	if !ok {
		if p.err == nil {
			p.err = lang.Errorf("%w: %s uses a parameter the rulebook does not have (%q)", ErrRules, n.Key, path)
		}
		return
	}
	n.Params = append(n.Params, ParamUse{Path: path, Value: value, Status: pr.Status, Source: pr.Fonte})
}

// matrixText shows a correlation matrix briefly.
func matrixText(m [][]rules.Dec) string {
	first := m[0][0]
	if !slices.ContainsFunc(m, func(row []rules.Dec) bool {
		return slices.ContainsFunc(row, func(d rules.Dec) bool { return !d.Equal(first.Decimal) })
	}) {
		return fmt.Sprintf("%d×%d, all %s", len(m), len(m), first)
	}
	rows := make([]string, len(m))
	for i, row := range m {
		vals := make([]string, len(row))
		for j, d := range row {
			vals[j] = d.String()
		}
		rows[i] = "[" + strings.Join(vals, " ") + "]"
	}
	return strings.Join(rows, " ")
}
