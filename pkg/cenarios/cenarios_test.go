package cenarios

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/lang"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// A file of two scenarios: names, descriptions, factors read from their
// text exactly (a decimal comma too, and a quoted factor), in file order.
func TestParse(t *testing.T) {
	src := `# two scenarios
cenarios:
  - nome: Sinistralidade +15%
    descricao: eventos sobem 15%, contraprestações não acompanham
    eventos: 1.15
  - nome: Queda do PL
    pl: 0,80
    deducoes: "1.2"
    credito: 1.123456789012345678901
`
	got, err := Parse([]byte(src), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []analysis.Scenario{
		{Name: "Sinistralidade +15%", Description: "eventos sobem 15%, contraprestações não acompanham",
			Shocks: map[analysis.Group]decimal.Decimal{analysis.Eventos: dec("1.15")}},
		{Name: "Queda do PL", Shocks: map[analysis.Group]decimal.Decimal{
			analysis.PL: dec("0.8"), analysis.Deducoes: dec("1.2"), analysis.Credito: dec("1.123456789012345678901")}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d scenarios, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.Name || g.Description != w.Description || len(g.Shocks) != len(w.Shocks) {
			t.Errorf("scenario %d: %+v, want %+v", i, g, w)
		}
		for k, v := range w.Shocks {
			if !g.Shocks[k].Equal(v) {
				t.Errorf("scenario %d %s: %s, want %s", i, k, g.Shocks[k], v)
			}
		}
	}
	// Shocked lists the groups in the order of analysis.Groups, not the file's.
	if s := got[1].Shocked(); len(s) != 3 || s[0] != analysis.PL || s[1] != analysis.Deducoes || s[2] != analysis.Credito {
		t.Errorf("Shocked %v", s)
	}
}

// Every error names the file and the line, the rule broken and the fix.
func TestParseErrors(t *testing.T) {
	groups := "pl, deducoes, contraprestacoes, eventos, abi, remissao, credito, mercado, operacional"
	for _, c := range []struct {
		name, src, want string
	}{
		{"empty file", "", `cenarios file c.yaml: line 1: the file is empty: it needs cenarios:, a list of scenarios (see examples/cenarios.yaml)`},
		{"comments only", "# nada\n", `cenarios file c.yaml: line 1: the file is empty: it needs cenarios:, a list of scenarios (see examples/cenarios.yaml)`},
		{"syntax", "cenarios:\n\t- nome: a\n", `cenarios file c.yaml: line 2: found character that cannot start any token`},
		{"not a mapping", "- nome: a\n", `cenarios file c.yaml: line 1: the file is a mapping with one key, cenarios:, a list of scenarios (see examples/cenarios.yaml)`},
		{"unknown top key", "cenarios:\n  - nome: a\n    pl: 0.9\nscenarios: []\n", `cenarios file c.yaml: line 4: unknown key "scenarios": the file holds one key, cenarios:, a list of scenarios`},
		{"no cenarios", "outros: 1\n", `cenarios file c.yaml: line 1: unknown key "outros": the file holds one key, cenarios:, a list of scenarios`},
		{"cenarios twice", "cenarios:\n  - {nome: a, pl: 0.9}\ncenarios:\n  - {nome: b, pl: 0.8}\n", `cenarios file c.yaml: line 3: cenarios is given twice (lines 1 and 3)`},
		{"empty list", "cenarios: []\n", `cenarios file c.yaml: line 1: the list of cenarios is empty: give at least one scenario (- nome: ..., then group: factor lines)`},
		{"null list", "cenarios:\n", `cenarios file c.yaml: line 1: the list of cenarios is empty: give at least one scenario (- nome: ..., then group: factor lines)`},
		{"list not a list", "cenarios: todos\n", `cenarios file c.yaml: line 1: cenarios is a list of scenarios, each starting with - nome: ...`},
		{"item not a mapping", "cenarios:\n  - pl 0.9\n", `cenarios file c.yaml: line 2: scenario 1 is not a mapping: write - nome: ..., then one group: factor a line`},
		{"misspelt group", "cenarios:\n  - nome: a\n    pl: 0.9\n  - nome: b\n    contraprestacao: 1.1\n",
			`cenarios file c.yaml: line 5: unknown group "contraprestacao": the groups are ` + groups + ` (besides nome and descricao)`},
		{"English key", "cenarios:\n  - name: a\n    pl: 0.9\n", `cenarios file c.yaml: line 2: unknown group "name": the groups are ` + groups + ` (besides nome and descricao)`},
		{"zero factor", "cenarios:\n  - nome: a\n    pl: 0\n", `cenarios file c.yaml: line 3: factor of pl 0 is not positive: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"negative factor", "cenarios:\n  - nome: a\n    eventos: -1.1\n", `cenarios file c.yaml: line 3: factor of eventos -1.1 is not positive: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"percent", "cenarios:\n  - nome: a\n    eventos: 10%\n", `cenarios file c.yaml: line 3: factor of eventos "10%" is not a number: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"exponent", "cenarios:\n  - nome: a\n    eventos: 1e1\n", `cenarios file c.yaml: line 3: factor of eventos "1e1" is not a number: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"thousands", "cenarios:\n  - nome: a\n    eventos: 1.100,5\n", `cenarios file c.yaml: line 3: factor of eventos "1.100,5" is not a number: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"boolean", "cenarios:\n  - nome: a\n    eventos: sim\n", `cenarios file c.yaml: line 3: factor of eventos "sim" is not a number: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"no factor", "cenarios:\n  - nome: a\n    eventos:\n", `cenarios file c.yaml: line 3: eventos needs a factor: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"list factor", "cenarios:\n  - nome: a\n    eventos: [1.1]\n", `cenarios file c.yaml: line 3: eventos needs a factor: write a decimal multiplier such as 1.10 (+10%) or 0.90 (−10%)`},
		{"percentage as factor", "cenarios:\n  - nome: a\n    eventos: 110\n", `cenarios file c.yaml: line 3: factor of eventos 110 is above 100: a factor multiplies the group (1.10 for +10%), it is not a percentage`},
		{"duplicate nome", "cenarios:\n  - nome: Queda\n    pl: 0.9\n  - nome: Queda\n    pl: 0.8\n", `cenarios file c.yaml: line 4: nome "Queda" is given twice (lines 2 and 4): give each scenario its own name`},
		{"duplicate group", "cenarios:\n  - nome: a\n    pl: 0.9\n    pl: 0.8\n", `cenarios file c.yaml: line 4: pl is given twice (lines 3 and 4)`},
		{"duplicate nome key", "cenarios:\n  - nome: a\n    nome: b\n    pl: 0.9\n", `cenarios file c.yaml: line 3: nome is given twice (lines 2 and 3)`},
		{"no nome", "cenarios:\n  - pl: 0.9\n    descricao: x\n", `cenarios file c.yaml: line 2: scenario 1 has no nome: give it a name (nome: Sinistralidade +15%)`},
		{"empty nome", "cenarios:\n  - nome:\n    pl: 0.9\n", `cenarios file c.yaml: line 2: nome is empty: give the scenario a name`},
		{"blank nome", "cenarios:\n  - nome: '  '\n    pl: 0.9\n", `cenarios file c.yaml: line 2: nome is empty: give the scenario a name`},
		{"nome on two lines", "cenarios:\n  - nome: \"a\\nb\"\n    pl: 0.9\n", `cenarios file c.yaml: line 2: nome is a text on one line, without tabs or control characters`},
		{"nome a list", "cenarios:\n  - nome: [a]\n    pl: 0.9\n", `cenarios file c.yaml: line 2: nome is a text on one line`},
		{"no group", "cenarios:\n  - nome: Nada\n    descricao: só o nome\n", `cenarios file c.yaml: line 2: scenario "Nada" multiplies no group: add a line group: factor for each group it moves (the groups are ` + groups + `)`},
		{"key a list", "cenarios:\n  - nome: a\n    ? [pl]\n    : 0.9\n", `cenarios file c.yaml: line 3: a key is a word (nome, descricao or a group)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse([]byte(c.src), "c.yaml")
			if err == nil {
				t.Fatalf("no error: %+v", got)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

// An alias stands for the node it names: a scenario may reuse another's
// factor.
func TestParseAlias(t *testing.T) {
	got, err := Parse([]byte("cenarios:\n  - nome: a\n    eventos: &k 1.1\n  - nome: b\n    credito: *k\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !got[1].Shocks[analysis.Credito].Equal(dec("1.1")) {
		t.Errorf("credito %s", got[1].Shocks[analysis.Credito])
	}
}

// The built-in set: each group's shock alone, then all together, named in
// the language of the output.
func TestBuiltin(t *testing.T) {
	all := map[analysis.Group]string{analysis.Contraprestacoes: "1.1", analysis.Eventos: "1.1", analysis.PL: "0.9", analysis.Credito: "1.25", analysis.Mercado: "1.25"}
	for _, c := range []struct {
		l     lang.Lang
		names []string
	}{
		{lang.En, []string{"Contraprestações +10%", "Eventos +10%", "PL −10%", "Credit +25%", "Market +25%", "All together"}},
		{lang.PtBR, []string{"Contraprestações +10%", "Eventos +10%", "PL −10%", "Crédito +25%", "Mercado +25%", "Todos juntos"}},
	} {
		got := Builtin(c.l)
		if len(got) != len(c.names) {
			t.Fatalf("%s: %d scenarios", c.l, len(got))
		}
		for i, s := range got {
			if s.Name != c.names[i] {
				t.Errorf("%s %d: %q, want %q", c.l, i, s.Name, c.names[i])
			}
		}
		for i, g := range []analysis.Group{analysis.Contraprestacoes, analysis.Eventos, analysis.PL, analysis.Credito, analysis.Mercado} {
			if k := got[i].Shocks[g]; len(got[i].Shocks) != 1 || !k.Equal(dec(all[g])) {
				t.Errorf("%s: %v", got[i].Name, got[i].Shocks)
			}
		}
		last := got[len(got)-1]
		if len(last.Shocks) != len(all) {
			t.Errorf("all together: %v", last.Shocks)
		}
		for g, k := range all {
			if !last.Shocks[g].Equal(dec(k)) {
				t.Errorf("all together %s: %s, want %s", g, last.Shocks[g], k)
			}
		}
	}
}

// A shock is worded as the change in percent, in the language's numbers.
func TestShock(t *testing.T) {
	for _, c := range []struct {
		l    lang.Lang
		g    analysis.Group
		k    string
		want string
	}{
		{lang.En, analysis.Credito, "1.25", "credit +25%"},
		{lang.PtBR, analysis.Credito, "1.25", "crédito +25%"},
		{lang.PtBR, analysis.PL, "0.9", "PL −10%"},
		{lang.PtBR, analysis.Eventos, "1.125", "eventos +12,5%"}, // (1.125 − 1) × 100 = 12.5
		{lang.En, analysis.Eventos, "1.125", "eventos +12.5%"},
		{lang.En, analysis.Remissao, "1", "remission ±0%"},
		{lang.PtBR, analysis.Deducoes, "3", "deduções do PLA +200%"},
		{lang.PtBR, analysis.Operacional, "0.005", "operacional −99,5%"}, // (0.005 − 1) × 100 = −99.5
	} {
		if got := Shock(c.l, c.g, dec(c.k)); got != c.want {
			t.Errorf("%s %s ×%s: %q, want %q", c.l, c.g, c.k, got, c.want)
		}
	}
	s := analysis.Scenario{Shocks: map[analysis.Group]decimal.Decimal{analysis.Mercado: dec("1.5"), analysis.PL: dec("0.8")}}
	if got := Shocks(lang.PtBR, s); got != "PL −20%, mercado +50%" {
		t.Errorf("Shocks %q", got)
	}
	for _, g := range analysis.Groups {
		if strings.HasPrefix(GroupLabel(lang.PtBR, g), "stress.") {
			t.Errorf("%s has no label", g)
		}
	}
}

// yaml names no line for some errors: the line is then the first byte it
// cannot read, or the end of the file.
func TestParseErrorsWithoutYAMLLine(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"open quote", "cenarios:\n  - nome: \"a\n", `cenarios file c.yaml: line 2: found unexpected end of stream`}, // yaml's line
		{"only a quote", "\"", `cenarios file c.yaml: line 1: found unexpected end of stream`},
		{"quote at the end", "cenarios:\n  - nome: a\n    pl: 0.9\n\"", `cenarios file c.yaml: line 4: found unexpected end of stream`},
		{"not UTF-8", "cenarios:\n  - nome: a\n    pl: 0.9\n  - nome: \xff\n", `cenarios file c.yaml: line 4: invalid leading UTF-8 octet`},
		{"control character", "cenarios:\n  - nome: a\x01\n", `cenarios file c.yaml: line 2: control characters are not allowed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.src), "c.yaml")
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
}

// The errors are sentences: in Portuguese where the output is.
func TestParseErrorsInPortuguese(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"cenarios:\n  - nome: a\n    contraprestacao: 1.1\n",
			`arquivo de cenários c.yaml: linha 3: grupo desconhecido "contraprestacao": os grupos são pl, deducoes, contraprestacoes, eventos, abi, remissao, credito, mercado, operacional (além de nome e descricao)`},
		{"cenarios:\n  - nome: a\n    pl: -0,5\n",
			`arquivo de cenários c.yaml: linha 3: o fator de pl -0,5 não é positivo: escreva um multiplicador decimal, como 1.10 (+10%) ou 0,90 (−10%)`},
		{"cenarios: []\n", `arquivo de cenários c.yaml: linha 1: a lista de cenarios está vazia: dê ao menos um cenário (- nome: ..., depois linhas grupo: fator)`},
		{"cenarios:\n\t- x\n", `arquivo de cenários c.yaml: line 2: found character that cannot start any token`}, // yaml's own words
	} {
		_, err := Parse([]byte(c.src), "c.yaml")
		if got := lang.Describe(err, lang.PtBR); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
