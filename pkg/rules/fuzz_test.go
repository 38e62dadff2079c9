package rules

import (
	"testing"
)

// FuzzLoad feeds arbitrary bytes as a user's rules file. Load must never
// panic; when it accepts a file, the effective rulebook must export to a
// file that loads back to the same values and statuses.
func FuzzLoad(f *testing.F) {
	exported, err := func() ([]byte, error) {
		rb, err := Default()
		if err != nil {
			return nil, err
		}
		return rb.Export()
	}()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"",
		"# only a comment\n",
		"cro:\n  fator_provisoes: 0.1\n",
		"cro:\n  fator_provisao: 0.1\n", // misspelt
		"capital_referencia: [{desde: 2025-06-01, valor: 11000000.00}]\n",
		"capital_referencia: [{desde: 2020-03-06, valor: 9000000}]\n",
		"fator_k:\n  autogestao: [60, 38.39, 20.11, 8.85, 6.20, 3.54]\n",
		"crs:\n  pre:\n    beta:\n      padrao: {individual: 0.05}\n",
		"crc:\n  fator_1_1:\n    por_grau: {A: 0.02, B: 0.05}\n",
		"confirmados: [cro.fator_provisoes, crs.pre.rho]\n",
		"confirmados: [nada]\n",
		"proveniencia: []\n",
		"crm:\n  correlacao: [[1, 0.5], [0.5, 1]]\n",
		"cro:\n  fator_provisoes: 1e-9999\n",
		"cro:\n  limite_bcbr: &x 0.2\n  fator_provisoes: *x\n",
		"cbr: null\n",
		"- 1\n",
		"cro: [\n",
		"versao: x\n",
		changeAllFile(),
		string(exported),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rb, err := Load(data, "fuzz.yaml")
		if err != nil {
			return
		}
		leaves, err := rb.Leaves()
		if err != nil {
			t.Fatalf("Leaves of an accepted file: %v", err)
		}
		out, err := rb.Export()
		if err != nil {
			t.Fatalf("Export of an accepted file: %v", err)
		}
		back, err := Load(out, "fuzz.yaml")
		if err != nil {
			t.Fatalf("the export of an accepted file does not load: %v\n%s", err, out)
		}
		again, err := back.Leaves()
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(leaves) {
			t.Fatalf("%d leaves after the round trip, %d before", len(again), len(leaves))
		}
		for i, l := range leaves {
			if again[i] != l {
				t.Fatalf("leaf %+v became %+v after the round trip", l, again[i])
			}
		}
	})
}
