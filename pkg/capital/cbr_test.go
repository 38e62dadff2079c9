package capital

import (
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// CBR = sqrt(CRS² + CRC² + CRM² + 2·(0.50·CRS·CRC + 0.25·CRS·CRM + 0.25·CRC·CRM)) + CRO
func TestCBR(t *testing.T) {
	tests := []struct {
		name               string
		crs, crc, crm, cro string
		bcbr               string // truncated to 20 places
	}{
		// spec §11: 3·10⁶ + 2·(0.5 + 0.25 + 0.25)·10⁶ = 5·10⁶; √5·10⁶ = 2236.06797749978969640917|366…; + 100
		{"spec: 1000/1000/1000 + 100", "1000", "1000", "1000", "100", "2236.06797749978969640917"},
		// spec §11: 9e12 + 1e12 + 0.25e12 + 2·(1.5e12 + 0.375e12 + 0.125e12) = 14.25e12
		{"spec: 3e6/1e6/5e5 + 4e5", "3000000", "1000000", "500000", "400000", "3774917.2176353748486183424"},
		// CRS alone: √(CRS²) = CRS
		{"CRS alone", "1252.5", "0", "0", "0", "1252.5"},
		// 9 + 16 + 2·0.5·12 = 37; √37 = 6.08276253029821968899|968…
		{"3/4/0", "3", "4", "0", "0.5", "6.08276253029821968899"},
		// 0 + 0 + 16 + 0 = 16: CRM alone
		{"CRM alone", "0", "0", "4", "1", "4"},
		// 4 + 9 + 2·0.25·6 = 16; √16 = 4
		{"CRC/CRM 2/3", "0", "2", "3", "0", "4"},
		{"all zero", "0", "0", "0", "0", "0"},
	}
	rb := rulestest.Default(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), tc.crs, tc.crc, tc.crm, tc.cro), rb, Options{})
			wantDec(t, "BCBR", r.BCBR.Value, tc.bcbr)
			wantDec(t, "CBR", r.CBR.Value, dec(tc.bcbr).Add(dec(tc.cro)).String())
			// Independent: the same formula in 200-bit floating point.
			s, c, m := bf(tc.crs), bf(tc.crc), bf(tc.crm)
			x := add(mul(s, s), mul(c, c), mul(m, m),
				mul(bf("2"), add(mul(bf("0.5"), s, c), mul(bf("0.25"), s, m), mul(bf("0.25"), c, m))))
			agree(t, "CBR", r.CBR.Value, add(sqrtF(x), bf(tc.cro)))
			if r.CRO.Value.String() != dec(tc.cro).String() || !r.CRO.Informed {
				t.Errorf("CRO %s informed %v", r.CRO.Value, r.CRO.Informed)
			}
		})
	}
	// spec §11 prefixes: 2336.0679774997896… and 4174917.2176…
	r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "1000", "1000", "1000", "100"), rb, Options{})
	if !strings.HasPrefix(r.CBR.Value.String(), "2336.0679774997896") {
		t.Errorf("CBR %s", r.CBR.Value)
	}
	r = compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "3000000", "1000000", "500000", "400000"), rb, Options{})
	if !strings.HasPrefix(r.CBR.Value.String(), "4174917.2176") {
		t.Errorf("CBR %s", r.CBR.Value)
	}
}

func TestCRSumAndSufficiency(t *testing.T) {
	rb := rulestest.Default(t)
	tests := []struct {
		name               string
		mod                string
		regiao             int
		crs, crc, crm, cro string
		pl                 string
		cr, surplus        string
		sufficient         bool
	}{
		// CB = 311158.623702 > CBR = 1000: CR = CB; surplus = 4600000 − 311158.623702
		{"CB binds", "autogestao", 6, "1000", "0", "0", "0", "4600000", "311158.623702", "4288841.376298", true},
		// CBR = 3774917.2176353748486183424 + 400000 > CB = 1349233.015205
		// surplus = 4600000 − 4174917.2176353748486183424 = 425082.7823646251513816576
		{"CBR binds", "cooperativa_medica", 3, "3000000", "1000000", "500000", "400000", "4600000", "4174917.2176353748486183424", "425082.7823646251513816576", true},
		// 1000000 − 4174917.2176353748486183424
		{"insufficient", "cooperativa_medica", 3, "3000000", "1000000", "500000", "400000", "1000000", "4174917.2176353748486183424", "-3174917.2176353748486183424", false},
		// PLA = CR exactly: sufficient, surplus 0
		{"exactly sufficient", "autogestao", 6, "0", "0", "0", "0", "311158.623702", "311158.623702", "0", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seg := ""
			if tc.mod == "cooperativa_medica" {
				seg = "SSP"
			}
			in := informedAll(operadora(tc.mod, seg, tc.regiao, mon(2020, 6)), tc.crs, tc.crc, tc.crm, tc.cro)
			in.PLA.PL = a(tc.pl)
			r := compute(t, in, rb, Options{})
			wantDec(t, "CR", r.CR.Value, tc.cr)
			wantDec(t, "surplus", r.Surplus.Value, tc.surplus)
			if r.Sufficient != tc.sufficient {
				t.Errorf("sufficient %v", r.Sufficient)
			}
			if r.ICR == nil {
				t.Fatal("no ICR")
			}
			agree(t, "ICR", r.ICR.Value, quo(bf(tc.pl), bf(tc.cr)))
			if r.Tree != r.Surplus || r.Tree.Find("cb") != r.CB || r.Tree.Find("crs") != r.CRS {
				t.Error("the tree is not rooted at the surplus with CB and CRS below")
			}
		})
	}
	// ICR for CB = 1349233.015205, PLA = 4 600 000: 3.40934438170495287039|094… (Python decimal)
	in := informedAll(operadora("cooperativa_medica", "SSP", 3, mon(2020, 6)), "0", "0", "0", "0")
	in.PLA.PL = a("4600000")
	wantDec(t, "ICR", compute(t, in, rb, Options{}).ICR.Value, "3.40934438170495287039")

	// CR = 0 (a user K of zero and no risk): ICR undefined.
	rb0 := loadRules(t, "fator_k:\n  autogestao: [0, 0, 0, 0, 0, 0]\n")
	r := compute(t, informedAll(operadora("autogestao", "", 6, mon(2020, 6)), "0", "0", "0", "0"), rb0, Options{})
	if r.ICR != nil || !r.CR.Value.IsZero() || !r.Sufficient {
		t.Errorf("CR %s, ICR %v, sufficient %v", r.CR.Value, r.ICR, r.Sufficient)
	}
}
