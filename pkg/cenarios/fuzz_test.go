package cenarios

import (
	"os"
	"regexp"
	"testing"

	"github.com/capreg/capreg/pkg/analysis"
)

// A refusal names the file and the line (yaml's own syntax errors say
// "line N" too).
var errShape = regexp.MustCompile(`^cenarios file fuzz\.yaml: (line \d+|yaml: )`)

// FuzzParse feeds arbitrary bytes as a cenarios file. Parse must never
// panic; a refusal names the file and the line; an accepted file gives
// scenarios with a unique, non-empty, one-line name and at least one
// group, each factor in (0, MaxFactor].
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile("../../examples/cenarios.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"",
		"# só um comentário\n",
		string(example),
		"cenarios:\n  - nome: a\n    pl: 0.9\n",
		"cenarios:\n  - {nome: a, eventos: 1,15, credito: 1.25}\n",
		"cenarios:\n  - nome: a\n    contraprestacao: 1.1\n", // misspelt
		"cenarios:\n  - nome: a\n    pl: 0\n",
		"cenarios:\n  - nome: a\n    pl: -0.5\n",
		"cenarios:\n  - nome: a\n    pl: 1e400\n",
		"cenarios:\n  - nome: a\n    pl: 100.0000001\n",
		"cenarios:\n  - nome: a\n    pl: .5\n",
		"cenarios:\n  - nome: a\n    pl: 1.\n",
		"cenarios:\n  - nome: a\n    pl: 0.9\n  - nome: a\n    pl: 0.8\n",
		"cenarios:\n  - nome: a\n    pl: 0.9\n    pl: 0.8\n",
		"cenarios:\n  - nome: &n a\n    pl: &k 0.9\n  - nome: *n\n    eventos: *k\n",
		"cenarios: &l [*l]\n",
		"cenarios: []\n",
		"cenarios:\n",
		"cenarios: [[]]\n",
		"cenarios:\n  - nome: \"\\t\"\n    pl: 1\n",
		"cenarios:\n  - ? {a: 1}\n    : 2\n",
		"outro: 1\n",
		"- 1\n",
		"cenarios: [\n",
		"---\ncenarios:\n  - {nome: a, pl: 1}\n---\nx: 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Parse(data, "fuzz.yaml")
		if err != nil {
			if !errShape.MatchString(err.Error()) {
				t.Fatalf("an error that names no line: %v", err)
			}
			return
		}
		if len(got) == 0 {
			t.Fatal("no scenario and no error")
		}
		names := map[string]bool{}
		for _, s := range got {
			if s.Name == "" || names[s.Name] {
				t.Fatalf("name %q empty or twice", s.Name)
			}
			names[s.Name] = true
			if len(s.Shocks) == 0 {
				t.Fatalf("%q shocks nothing", s.Name)
			}
			for g, k := range s.Shocks {
				if _, err := analysis.ParseGroup(string(g)); err != nil {
					t.Fatal(err)
				}
				if k.Sign() <= 0 || k.GreaterThan(MaxFactor) {
					t.Fatalf("%q %s: factor %s", s.Name, g, k)
				}
			}
		}
	})
}
