package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

// The findings of validate --balancete and of the import speak pt-BR too,
// their months mm/aaaa; English is as it always was.
func TestImportFindingsInPortuguese(t *testing.T) {
	e := loadExpected(t)
	c := e.Cases["good_erp_csv"]
	rb := rulestest.Default(t)
	o := ImportOptions{Balancetes: fixturePaths(c.Args.Balancete), Diops: fixturePaths(c.Args.Diops), Rules: rb}
	im, err := Import(context.Background(), o)
	if err != nil || im.Blocked() {
		t.Fatal(err)
	}
	rep := CheckAccounts(context.Background(), "../../examples/operadora-exemplo.xlsx", im, rb)
	for _, f := range rep.Findings {
		if f.Sheet != "PLA" || f.Cell != "B2" {
			continue
		}
		en, pt := f.In(lang.En).Message, f.In(lang.PtBR).Message
		if !strings.HasPrefix(en, "PLA.pl is R$ ") || !strings.Contains(en, " in the workbook and R$ 64.742.207,51 in the accounts (25, ") {
			t.Errorf("en: %q", en)
		}
		if !strings.HasPrefix(pt, "PLA.pl é R$ ") || !strings.Contains(pt, " na pasta de trabalho e R$ 64.742.207,51 nas contas (25, 09/2025, ") ||
			!strings.Contains(pt, "): uma diferença de ") {
			t.Errorf("pt-BR: %q", pt)
		}
	}

	// A data base the balancetes do not reach: 2024-01.
	o.DataBase = period.Month{Year: 2024, Month: 1}
	im, err = Import(context.Background(), o)
	if err != nil || !im.Blocked() {
		t.Fatalf("%v, findings %v", err, im.Findings)
	}
	f := im.Findings.Errors()[0]
	if en := f.In(lang.En).Message; f.Code != findings.BalanceteMissingMonth || !strings.HasPrefix(en, "no balancete of the data base 2024-01 was given (the balancetes are of ") {
		t.Errorf("en: %s %q", f.Code, en)
	}
	if pt := f.In(lang.PtBR).Message; !strings.HasPrefix(pt, "não foi fornecido o balancete da data base 01/2024 (os balancetes fornecidos são de ") ||
		!strings.Contains(pt, "/2025, ") || strings.Contains(pt, "2025-") {
		t.Errorf("pt-BR: %q", pt)
	}
}

// A batch row's error in a language: its first finding and how many more,
// or its error, in the language's words.
func TestFailedRowInPortuguese(t *testing.T) {
	one := findings.New(findings.MissingSheet, "PLA", "", lang.M("required sheet %s is missing", "PLA"))
	two := findings.New(findings.MissingSheet, "Eventos", "", lang.M("required sheet %s is missing", "Eventos"))
	r := FailedRow("x.xlsx", "", &findings.InputError{Findings: findings.List{one, two}})
	if want := "PLA: CR-E002 error: required sheet PLA is missing (fix: " + one.Fix + ") (and 1 more)"; r.Error != want || r.ErrorIn(lang.En) != want {
		t.Errorf("en: %q / %q, want %q", r.Error, r.ErrorIn(lang.En), want)
	}
	if got := r.ErrorIn(lang.PtBR); !strings.HasPrefix(got, "PLA: CR-E002 erro: falta a planilha obrigatória PLA (correção: ") || !strings.HasSuffix(got, ") (e mais 1)") {
		t.Errorf("pt-BR: %q", got)
	}

	// A rules file that is not there: the error names it in either language.
	missing := filepath.Join(t.TempDir(), "regras.yaml")
	_, err := LoadRules(missing)
	var ie InvalidError
	if !errors.As(err, &ie) {
		t.Fatalf("%v is no InvalidError", err)
	}
	r = FailedRow("x.xlsx", "", err)
	if got := r.ErrorIn(lang.PtBR); !strings.HasPrefix(got, "arquivo de regras "+missing+": ") {
		t.Errorf("pt-BR: %q", got)
	}
	if !strings.HasPrefix(r.Error, "rules file "+missing+": ") {
		t.Errorf("en: %q", r.Error)
	}
}
