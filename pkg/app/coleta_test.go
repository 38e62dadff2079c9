package app

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/period"
)

// The counts of a fill come from the beneficiary file (12 beneficiaries,
// 5 promoprev S, 3 aps S); both files are checked first; a bad
// beneficiary file is an input error naming it.
func TestColetaCounts(t *testing.T) {
	t.Chdir("../..")
	const sheet = "testdata/coleta/coleta-valida.xlsx"
	for _, benef := range []string{"testdata/coleta/beneficiarios.csv", "testdata/coleta/beneficiarios.xlsx"} {
		c, _, err := ColetaCounts(context.Background(), sheet, benef)
		if err != nil || c != (coleta.Counts{Total: 12, Promoprev: 5, APS: 3}) {
			t.Errorf("%s: %+v %v", benef, c, err)
		}
	}
	if _, _, err := ColetaCounts(context.Background(), "nothere.xlsx", "testdata/coleta/beneficiarios.csv"); err == nil ||
		err.Error() != "nothere.xlsx: no such file or directory" || !InputFault(err) {
		t.Errorf("a sheet not there: %v", err)
	}
	const bad = "testdata/coleta/c34_nao_e_xlsx.xlsx"
	var ie *findings.InputError
	if _, _, err := ColetaCounts(context.Background(), sheet, bad); !errors.As(err, &ie) || ie.Findings[0].File != bad || ie.Findings[0].Code != findings.Unreadable {
		t.Errorf("a bad beneficiary file: %v", err)
	}
}

// Filling an existing month replaces its counts in memory (E4: 48337 →
// 12) and leaves the sheet on disk as it was; a sheet that cannot be
// filled is an input error naming it.
func TestFillColeta(t *testing.T) {
	t.Chdir("../..")
	const sheet = "testdata/coleta/coleta-valida.xlsx"
	before := golden.Sum(t, sheet)
	f, err := FillColeta(context.Background(), sheet, period.Month{Year: 2018, Month: 2}, coleta.Counts{Total: 12, Promoprev: 5, APS: 3}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Book.Close()
	if f.Plan.Row != 4 || f.Plan.New || f.Plan.Total != 12 || !slices.Contains(f.Replaced, "E4: 48337 → 12") || golden.Sum(t, sheet) != before {
		t.Errorf("plan %+v, replaced %v", f.Plan, f.Replaced)
	}
	for path, code := range map[string]string{"testdata/coleta/c01_sem_aba_coleta.xlsx": "CR-E030", "testdata/coleta/c02_cabecalho_campo_7.xlsx": "CR-E030"} {
		var ie *findings.InputError
		if _, err := FillColeta(context.Background(), path, period.Month{Year: 2019, Month: 6}, coleta.Counts{Total: 1}, ""); !errors.As(err, &ie) ||
			ie.Findings[0].Code != code || ie.Findings[0].File != path {
			t.Errorf("%s: %v", path, err)
		}
	}
	if _, err := FillColeta(context.Background(), sheet, period.Month{Year: 2019, Month: 6}, coleta.Counts{Total: 1}, "123456"); err == nil || !InputFault(err) {
		t.Errorf("registro disagrees: %v", err)
	}
}
