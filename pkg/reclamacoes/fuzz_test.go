package reclamacoes

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzRank checks the rule's properties on any list of products (each pair
// of bytes is a product's beneficiaries and complaints): ranks 1..n in
// order, the products at risk come first, within 80% unless §3 applies,
// at least one at risk when there are complaints, never one without.
func FuzzRank(f *testing.F) {
	for _, s := range [][]byte{{10, 10, 1, 10, 5, 5}, {10, 81, 10, 19}, {0, 0, 0, 0}, {1, 7}, {}, {7, 1, 7, 1, 7, 1}} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps []Product
		for i := 0; i+1 < len(data); i += 2 {
			ps = append(ps, Product{Produto: fmt.Sprintf("P%03d", i/2), Beneficiarios: int64(data[i]), Reclamacoes: int64(data[i+1])})
		}
		out := Rank(ps)
		if len(out) != len(ps) {
			t.Fatalf("%d ranked of %d", len(out), len(ps))
		}
		tot := total(ps)
		seenSafe, par3 := false, false
		for i, r := range out {
			if r.Rank != i+1 {
				t.Fatalf("rank %d at %d", r.Rank, i)
			}
			if i > 0 {
				prev := out[i-1]
				if prev.Reclamacoes < r.Reclamacoes || (prev.Reclamacoes == r.Reclamacoes && prev.Beneficiarios > r.Beneficiarios) {
					t.Fatalf("order broken at %d: %+v then %+v", i, prev, r)
				}
			}
			if r.AtRisk && seenSafe {
				t.Fatalf("%s at risk after a product that is not", r.Produto)
			}
			if !r.AtRisk {
				seenSafe = true
			}
			if r.AtRisk && r.Reclamacoes == 0 {
				t.Fatalf("%s at risk without complaints", r.Produto)
			}
			if r.Rule == Paragraph3 {
				par3 = true
			} else if r.AtRisk && r.CumulativeShare.GreaterThan(Limit) {
				t.Fatalf("%s at risk at %s", r.Produto, r.CumulativeShare)
			}
		}
		if tot > 0 {
			if !out[0].AtRisk {
				t.Fatal("complaints, yet no product at risk")
			}
			if par3 && out[0].CumulativeShare.LessThanOrEqual(Limit) {
				t.Fatal("§3 applied although the first product is within 80%")
			}
			if !out[len(out)-1].CumulativeShare.Equal(decimal.NewFromInt(1)) {
				t.Fatalf("last cumulative share %s", out[len(out)-1].CumulativeShare)
			}
		}
	})
}
