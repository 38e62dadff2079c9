package generate

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/capital"
)

func marketBytes(t *testing.T, seed uint64, i, n int) []byte {
	t.Helper()
	f, _, err := MarketOperator(seed, i, n).Workbook(context.Background(), WorkbookOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := toBytes(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMarketFile(t *testing.T) {
	for _, c := range []struct {
		i, n int
		want string
	}{{1, 5, "operadora-0001.xlsx"}, {1000, 1000, "operadora-1000.xlsx"}, {7, 12000, "operadora-00007.xlsx"}, {99999, 99999, "operadora-99999.xlsx"}} {
		if got := MarketFile(c.i, c.n); got != c.want {
			t.Errorf("MarketFile(%d, %d) = %s, want %s", c.i, c.n, got, c.want)
		}
	}
}

func TestMarketDeterministic(t *testing.T) {
	t.Parallel()
	a, b := marketBytes(t, 5, 3, 10), marketBytes(t, 5, 3, 10)
	if !bytes.Equal(a, b) {
		t.Error("the same market seed gave different bytes for operator 3")
	}
	if bytes.Equal(a, marketBytes(t, 6, 3, 10)) {
		t.Error("market seeds 5 and 6 gave the same operator 3")
	}
	if bytes.Equal(a, marketBytes(t, 5, 4, 10)) {
		t.Error("operators 3 and 4 are the same")
	}
}

// A market of the default seed: every operator valid, and varied in
// modalidade, size, region, programs and sufficiency; registros distinct.
func TestMarketVaries(t *testing.T) {
	t.Parallel()
	const n = 30
	mods, regions, sets := map[string]bool{}, map[int]bool{}, map[string]bool{}
	registros := map[string]int{}
	insufficient, small, large := 0, 0, 0
	for i := 1; i <= n; i++ {
		o := MarketOperator(1, i, n)
		res, l := compute(t, marketBytes(t, 1, i, n), capital.Options{})
		for _, f := range l {
			if f.Code != "CR-W004" && f.Code != "CR-W005" && f.Code != "CR-W009" {
				t.Errorf("operator %d (%s): unexpected finding %v", i, o.Modalidade, f)
			}
		}
		if prev, dup := registros[o.Registro]; dup {
			t.Errorf("operators %d and %d share registro %s", prev, i, o.Registro)
		}
		registros[o.Registro] = i
		mods[o.Modalidade] = true
		regions[res.Operadora.Regiao] = true
		sets[res.FactorSet] = true
		if !res.Sufficient {
			insufficient++
		}
		if o.Lives < 20_000 {
			small++
		}
		if o.Lives >= 100_000 {
			large++
		}
	}
	if len(mods) < 5 {
		t.Errorf("%d modalidades, want at least 5: %v", len(mods), mods)
	}
	if len(regions) < 4 {
		t.Errorf("%d regions, want at least 4", len(regions))
	}
	if len(sets) < 3 {
		t.Errorf("factor sets applied %v, want at least 3 different", sets)
	}
	if insufficient == 0 || insufficient > n/5 {
		t.Errorf("%d of %d insufficient, want a few", insufficient, n)
	}
	if small == 0 || large == 0 {
		t.Errorf("%d small and %d large operators, want both", small, large)
	}
	t.Logf("%d operators: %d modalidades, %d regions, sets %v, %d insufficient, %d small, %d large",
		n, len(mods), len(regions), sets, insufficient, small, large)
}

// A market operator with beneficiary rows passes the beneficiary checks
// (programs and remission agree) and computes coverage-weighted.
func TestMarketBeneficiaries(t *testing.T) {
	t.Parallel()
	for _, i := range []int{1, 2, 3, 4} {
		o := MarketOperator(1, i, 8)
		data, said := workbookBytes(t, o, 1000)
		_, l := compute(t, data, capital.Options{CoverageWeighted: true})
		for _, f := range l {
			if f.Code == "CR-W012" || f.Code == "CR-W015" {
				t.Errorf("operator %d (%s): %v", i, o.Modalidade, f)
			}
		}
		if said.Total != 1000 {
			t.Errorf("operator %d: %d rows", i, said.Total)
		}
		if !strings.HasPrefix(o.intro[0], "Este arquivo é um EXEMPLO FICTÍCIO") {
			t.Errorf("intro %q", o.intro[0])
		}
	}
}
