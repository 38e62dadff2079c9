// Package cenarios is the scenarios of capreg stress: the cenarios file a
// user writes (Parse), the built-in set used without one (Builtin), and the
// words of a shock ("crédito +25%") in the language of the output.
//
// It is a package of its own, not a part of pkg/analysis, because it is a
// file format: YAML read node by node so that every error names the file
// and the line, with its fuzz test. pkg/analysis stays the pure arithmetic
// of the groups (Scale), which knows no file.
//
// The file:
//
//	cenarios:
//	  - nome: Sinistralidade +15%
//	    descricao: eventos sobem 15%, contraprestações não acompanham
//	    eventos: 1.15
//	  - nome: Queda do PL
//	    pl: 0,80
//
// Each scenario has a nome (unique), an optional descricao and one or more
// groups (analysis.Groups) with a factor: a decimal multiplier (1.15 raises
// the group by 15%, 0,80 lowers it by 20%; a decimal point or comma), above
// 0 and at most MaxFactor. The text of the factor is read as written, never
// through a float.
package cenarios

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/yamlmap"
)

// The keys of a scenario besides its groups.
const (
	keyNome      = "nome"
	keyDescricao = "descricao"
	keyCenarios  = "cenarios" // the file's one top-level key
)

// MaxFactor is the largest factor: a larger one is almost surely a
// percentage typed as a factor (110 for +10%).
var MaxFactor = decimal.NewFromInt(100)

// maxFactorLen bounds the text of a factor.
const maxFactorLen = 32

// factorText is a factor as a person writes it: digits with one decimal
// point or comma, an optional sign (a negative one is refused as not
// positive, not as not a number).
var factorText = regexp.MustCompile(`^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$`)

// groupList is the list of the groups, for messages.
func groupList() string {
	names := make([]string, len(analysis.Groups))
	for i, g := range analysis.Groups {
		names[i] = string(g)
	}
	return strings.Join(names, ", ")
}

// Parse reads a cenarios file (data, read from file, named in every error)
// into its scenarios, in the file's order. The first problem is an error
// naming the file and the line: a YAML syntax error, an unknown top-level
// key, no or an empty cenarios list, a scenario without nome or without a
// group, a misspelt group (the groups listed), a factor that is not a
// number or not in (0, MaxFactor], a nome or a key given twice.
func Parse(data []byte, file string) ([]analysis.Scenario, error) {
	bad := func(line int, m lang.Msg) error {
		return lang.Errorf("cenarios file %s: line %d: %s", file, lang.Ordinal(line), m)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if !strings.HasPrefix(msg, "line ") {
			return nil, bad(unreadLine(data), lang.Text(msg))
		}
		return nil, lang.Errorf("cenarios file %s: %s", file, msg)
	}
	if len(doc.Content) == 0 {
		return nil, bad(1, lang.M("the file is empty: it needs %s:, a list of scenarios (see examples/cenarios.yaml)", keyCenarios))
	}
	top := resolve(doc.Content[0])
	if top.Kind != yaml.MappingNode {
		return nil, bad(top.Line, lang.M("the file is a mapping with one key, %s:, a list of scenarios (see examples/cenarios.yaml)", keyCenarios))
	}
	var list *yaml.Node
	err := eachKey(top, bad, func(key, val *yaml.Node) error {
		if key.Value != keyCenarios {
			return bad(key.Line, lang.M("unknown key %q: the file holds one key, %s:, a list of scenarios", key.Value, keyCenarios))
		}
		list = val
		return nil
	})
	if err != nil {
		return nil, err
	}
	if list == nil {
		return nil, bad(top.Line, lang.M("no %s: key: the file holds %s:, a list of scenarios", keyCenarios, keyCenarios))
	}
	if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		if list.Kind == yaml.SequenceNode || list.Tag == "!!null" {
			return nil, bad(list.Line, lang.M("the list of %s is empty: give at least one scenario (- nome: ..., then group: factor lines)", keyCenarios))
		}
		return nil, bad(list.Line, lang.M("%s is a list of scenarios, each starting with - nome: ...", keyCenarios))
	}
	var out []analysis.Scenario
	names := map[string]int{}
	for i, item := range list.Content {
		s, line, err := scenario(i+1, resolve(item), bad)
		if err != nil {
			return nil, err
		}
		if prev, ok := names[s.Name]; ok {
			return nil, bad(line, lang.M("nome %q is given twice (lines %d and %d): give each scenario its own name", s.Name, lang.Ordinal(prev), lang.Ordinal(line)))
		}
		names[s.Name] = line
		out = append(out, s)
	}
	return out, nil
}

// scenario reads the n-th scenario of the list (a mapping node) and returns
// it with the line of its nome.
func scenario(n int, m *yaml.Node, bad func(int, lang.Msg) error) (analysis.Scenario, int, error) {
	s := analysis.Scenario{Shocks: map[analysis.Group]decimal.Decimal{}}
	if m.Kind != yaml.MappingNode {
		return s, 0, bad(m.Line, lang.M("scenario %d is not a mapping: write - nome: ..., then one group: factor a line", n))
	}
	nameLine := 0
	err := eachKey(m, bad, func(key, val *yaml.Node) error {
		switch key.Value {
		case keyNome:
			t, err := text(key, val, bad)
			if err == nil && t == "" {
				err = bad(val.Line, lang.M("nome is empty: give the scenario a name"))
			}
			s.Name, nameLine = t, key.Line
			return err
		case keyDescricao:
			t, err := text(key, val, bad)
			s.Description = t
			return err
		}
		g, err := analysis.ParseGroup(key.Value)
		if err != nil {
			return bad(key.Line, lang.M("unknown group %q: the groups are %s (besides %s and %s)", key.Value, groupList(), keyNome, keyDescricao))
		}
		k, err := factor(key, val, bad)
		s.Shocks[g] = k
		return err
	})
	switch {
	case err != nil:
		return s, 0, err
	case nameLine == 0:
		return s, 0, bad(m.Line, lang.M("scenario %d has no nome: give it a name (nome: Sinistralidade +15%%)", n))
	case len(s.Shocks) == 0:
		return s, 0, bad(nameLine, lang.M("scenario %q multiplies no group: add a line group: factor for each group it moves (the groups are %s)", s.Name, groupList()))
	}
	return s, nameLine, nil
}

// factor reads a group's factor from the text of its node.
func factor(key, val *yaml.Node, bad func(int, lang.Msg) error) (decimal.Decimal, error) {
	fix := lang.M("write a decimal multiplier such as 1.10 (+10%%) or 0.90 (−10%%)")
	if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
		return decimal.Zero, bad(val.Line, lang.M("%s needs a factor: %s", key.Value, fix))
	}
	t := strings.TrimSpace(val.Value)
	if len(t) > maxFactorLen || !factorText.MatchString(t) {
		return decimal.Zero, bad(val.Line, lang.M("factor of %s %q is not a number: %s", key.Value, findings.Clip(t), fix))
	}
	k, err := decimal.NewFromString(strings.Replace(t, ",", ".", 1))
	switch {
	case err != nil:
		return decimal.Zero, bad(val.Line, lang.M("factor of %s %q is not a number: %s", key.Value, t, fix))
	case k.Sign() <= 0:
		return decimal.Zero, bad(val.Line, lang.M("factor of %s %s is not positive: %s", key.Value, t, fix))
	case k.GreaterThan(MaxFactor):
		return decimal.Zero, bad(val.Line, lang.M("factor of %s %s is above %s: a factor multiplies the group (1.10 for +10%%), it is not a percentage", key.Value, t, MaxFactor.String()))
	}
	return k, nil
}

// text reads a one-line text value (nome, descricao); null is "".
func text(key, val *yaml.Node, bad func(int, lang.Msg) error) (string, error) {
	if val.Kind != yaml.ScalarNode {
		return "", bad(val.Line, lang.M("%s is a text on one line", key.Value))
	}
	if val.Tag == "!!null" {
		return "", nil
	}
	t := strings.TrimSpace(val.Value)
	if strings.ContainsFunc(t, unicode.IsControl) || !utf8.ValidString(t) {
		return "", bad(val.Line, lang.M("%s is a text on one line, without tabs or control characters", key.Value))
	}
	return t, nil
}

// eachKey calls f on every key of a mapping node and its value, refusing a
// key given twice and a key that is not a text.
func eachKey(m *yaml.Node, bad func(int, lang.Msg) error, f func(key, val *yaml.Node) error) error {
	return yamlmap.EachKey(m, bad, func(key, val *yaml.Node) error {
		key, val = resolve(key), resolve(val)
		if key.Kind != yaml.ScalarNode {
			return bad(key.Line, lang.M("a key is a word (nome, descricao or a group)"))
		}
		return f(key, val)
	})
}

// unreadLine is the line of a YAML error that names none: the line of
// the first byte yaml cannot read (not UTF-8, or a control character), else
// the last line (the file ends inside a quoted text or a flow).
func unreadLine(data []byte) int {
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 || unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			break
		}
		i += n
	}
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

// resolve follows an alias (*name) to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}
