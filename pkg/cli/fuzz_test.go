package cli

import (
	"bytes"
	"testing"
)

// Any config file gives the values of the command's flags or an error of
// the input's (exit 2), never a panic; every value given belongs to a flag
// of the command.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		"", "rules: r.yaml\njobs: 4\n", "calc:\n  output: json\n  factors: padrao\n",
		"coleta validate:\n  strict: true\n", "coleta:\n  fill: {}\n", "out: x\n", "calc: [1, 2]\n",
		"calc:\n  output: json\n  output: csv\n", "- a\n- b\n", "calc: &a {output: json}\nbatch: *a\n",
		"? [a, b]\n: c\n", "calc:\n  explain: !!binary aGk=\n", "\"rules\": ~\n",
	} {
		f.Add([]byte(seed))
	}
	root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	calc, _, err := root.Find([]string{"calc"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		values, err := parseConfig(data, "capreg.yaml", calc)
		if err != nil {
			if exitCodeOf(err) != ExitInvalid {
				t.Fatalf("exit %d: %v", exitCodeOf(err), err)
			}
			return
		}
		for k := range values {
			if !hasFlag(calc, k) {
				t.Fatalf("value for %q, not a flag of calc", k)
			}
		}
	})
}
