package capital

import (
	"slices"
	"testing"

	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// CRO = min(0.30·BCBR, max(0.03·contraprestações 12m, 0.03·provisões técnicas))
func TestCRO(t *testing.T) {
	// BCBR = √(5·10⁶) = 2236.06797749978969640917 (CRS = CRC = CRM = 1000 informed).
	const bcbr = "2236.06797749978969640917"
	tests := []struct {
		name, c12, pt, cro string
	}{
		// max(0.03·10000, 0.03·5000) = max(300, 150) = 300 < 670.82…
		{"contraprestações", "10000", "5000", "300"},
		// max(30, 0.03·20000 = 600) = 600 < 670.82…
		{"provisões", "1000", "20000", "600"},
		// max(3000, 0) = 3000 > 0.3 × 2236.06797749978969640917 = 670.820393249936908922751
		{"capped", "100000", "0", "670.820393249936908922751"},
		{"nothing", "0", "0", "0"},
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "1000", "1000", "1000", "0")
			in.Informadas.CRO = nil
			in.Operacional = Operacional{Contraprestacoes12m: a(tc.c12), ProvisoesTecnicas: a(tc.pt)}
			r := compute(t, in, rb, Options{})
			wantDec(t, "BCBR", r.BCBR.Value, bcbr)
			wantDec(t, "CRO", r.CRO.Value, tc.cro)
			wantDec(t, "CBR", r.CBR.Value, dec(bcbr).Add(dec(tc.cro)).String())
			agree(t, "CRO", r.CRO.Value, minF(mul(bf("0.3"), sqrtF(bf("5000000"))),
				maxF(mul(bf("0.03"), bf(tc.c12)), mul(bf("0.03"), bf(tc.pt)))))
			if got := r.Provisional(); !slices.Equal(got, []string{"cro.fator_contraprestacoes", "cro.fator_provisoes", "cro.limite_bcbr", "cro.modelo"}) {
				t.Errorf("provisional %v", got)
			}
			if r.CRO.Informed || !slices.Equal(r.Informed(), []string{"crs", "crc", "crm"}) {
				t.Errorf("informed %v", r.Informed())
			}
		})
	}
}
