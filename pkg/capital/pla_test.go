package capital

import (
	"testing"

	"github.com/capreg/capreg/pkg/rules/rulestest"
)

func TestPLA(t *testing.T) {
	tests := []struct {
		pl   string
		ded  [6]string
		want string
	}{
		// 5 000 000 − (100 000 + 200 000 + 50 000 + 25 000 + 10 000 + 15 000) = 4 600 000
		{"5000000", [6]string{"100000", "200000", "50000", "25000", "10000", "15000"}, "4600000"},
		// negative PL is allowed: −100 − 0.01·… = −100 − 6 × 0.01 = −100.06
		{"-100", [6]string{"0.01", "0.01", "0.01", "0.01", "0.01", "0.01"}, "-100.06"},
		// exact centavos: 1234567.89 − 0.89 = 1234567
		{"1234567.89", [6]string{"0.89", "0", "0", "0", "0", "0"}, "1234567"},
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		in := informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "0", "0", "0", "0")
		in.PLA.PL = a(tc.pl)
		for i, d := range tc.ded {
			in.PLA.Deducoes[i] = Amount{V: dec(d), Ref: "PLA!B" + string(rune('3'+i))}
		}
		r := compute(t, in, rb, Options{})
		wantDec(t, "PLA", r.PLA.Value, tc.want)
		if len(r.PLA.Inputs) != 7 || r.PLA.Inputs[1].Name != "ded_participacoes" || r.PLA.Inputs[6].Cell != "PLA!B8" {
			t.Errorf("PLA inputs %+v", r.PLA.Inputs)
		}
	}
}
