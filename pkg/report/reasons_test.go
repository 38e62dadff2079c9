package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/ans"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/period"
	"github.com/capreg/capreg/pkg/rules"
)

func dated(date, ref string) capital.Dated {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	return capital.Dated{T: t, Ref: ref}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Every eligibility kind in words, each with the data the engine gives it.
func TestEligibilityText(t *testing.T) {
	db := period.Month{Year: 2024, Month: time.April}
	gov := &capital.Cover{Dated: dated("2023-05-15", "Operadora!B9"),
		From: period.Month{Year: 2023, Month: time.March}, To: period.Month{Year: 2023, Month: time.December}}
	acc := &capital.Cover{Dated: dated("2023-06-15", "Operadora!B5"),
		From: period.Month{Year: 2023, Month: time.June}, To: period.Month{Year: 2024, Month: time.March}}
	idss := capital.Amount{V: dec("0.72"), Ref: "Operadora!B14"}
	cases := []struct {
		r    capital.EligibilityReason
		want string
	}{
		{capital.EligibilityReason{Kind: capital.AlwaysAvailable, Set: ans.Padrao}, "the standard factors are always available"},
		{capital.EligibilityReason{Kind: capital.GovernanceCovers, Set: ans.Reduzido, Governance: gov},
			"governance report (RN 518 Anexo V) sent 2023-05-15 (Operadora!B9) covers 1T2023–4T2023"},
		{capital.EligibilityReason{Kind: capital.AccreditationCovers, Set: ans.Reduzido, Accreditation: acc},
			"accreditation (RN 507) from 2023-06-15 (Operadora!B5) covers 2T2023–1T2024"},
		{capital.EligibilityReason{Kind: capital.NotCovered, Set: ans.Reduzido, DataBase: db, Governance: gov, Accreditation: acc},
			"the governance report sent 2023-05-15 (Operadora!B9) covers 1T2023–4T2023 only; " +
				"the accreditation from 2023-06-15 (Operadora!B5) covers 2T2023–1T2024 only (from 2023-06-30, the end of its quarter), not data base 2024-04"},
		{capital.EligibilityReason{Kind: capital.NotCovered, Set: ans.Reduzido, DataBase: db, Governance: gov},
			"the governance report sent 2023-05-15 (Operadora!B9) covers 1T2023–4T2023 only, not data base 2024-04"},
		{capital.EligibilityReason{Kind: capital.NoReducedDate, Set: ans.Reduzido},
			"no governance report date (governanca_relatorio_data) nor accreditation start (acreditacao_inicio)"},
		{capital.EligibilityReason{Kind: capital.NoProgramDate, Set: ans.APS}, "no APS certification date (aps_certificacao)"},
		{capital.EligibilityReason{Kind: capital.NoProgramDate, Set: ans.PartoAdequado},
			"no Parto Adequado certification date (parto_adequado_certificacao)"},
		{capital.EligibilityReason{Kind: capital.ProgramAfterDataBase, Set: ans.Promoprev, DataBase: db, Date: dated("2024-05-02", "Operadora!B11")},
			"PROMOPREV approval on 2024-05-02 (Operadora!B11) is after the data base 2024-04"},
		{capital.EligibilityReason{Kind: capital.BlockedBySituation, Set: ans.APS,
			Situation: capital.Flag{Name: "situacao_direcao_fiscal", On: true, Ref: "Operadora!B20"}},
			"blocked by situacao_direcao_fiscal = S (Operadora!B20)"},
		{capital.EligibilityReason{Kind: capital.NoIDSS, Set: ans.APS, Minimum: dec("0.5")},
			"blocked: IDSS not informed (idss), the proposal needs IDSS ≥ 0.5"},
		{capital.EligibilityReason{Kind: capital.IDSSBelowMinimum, Set: ans.APS, IDSS: capital.Amount{V: dec("0.4999"), Ref: "Operadora!B14"}, Minimum: dec("0.5")},
			"blocked by IDSS 0.4999 < 0.5 (Operadora!B14)"},
		{capital.EligibilityReason{Kind: capital.ProgramQualifies, Set: ans.Promoprev, Date: dated("2024-04-11", "Operadora!B11"), IDSS: idss, Minimum: dec("0.5")},
			"PROMOPREV approval on 2024-04-11 (Operadora!B11), no blocking situation, IDSS 0.72 ≥ 0.5"},
	}
	for _, c := range cases {
		if got := eligibilityText(lang.En, c.r); got != c.want {
			t.Errorf("kind %d:\n got %q\nwant %q", c.r.Kind, got, c.want)
		}
	}
}

// The reasons in Portuguese: dates dd/mm/aaaa, months mm/aaaa, IDSS with a
// decimal comma, BRL as in English.
func TestReasonTextPtBR(t *testing.T) {
	db := period.Month{Year: 2024, Month: time.April}
	gov := &capital.Cover{Dated: dated("2023-05-15", "Operadora!B9"),
		From: period.Month{Year: 2023, Month: time.March}, To: period.Month{Year: 2023, Month: time.December}}
	acc := &capital.Cover{Dated: dated("2023-06-15", "Operadora!B5"),
		From: period.Month{Year: 2023, Month: time.June}, To: period.Month{Year: 2024, Month: time.March}}
	always := capital.EligibilityReason{Kind: capital.AlwaysAvailable, Set: ans.Padrao}
	cases := []struct {
		r    capital.SetReason
		want string
	}{
		{capital.SetReason{Choice: capital.Applied, Eligibility: always}, "aplicado: menor CRS dos conjuntos elegíveis; os fatores padrão estão sempre disponíveis"},
		{capital.SetReason{Choice: capital.LowerBenefit, Eligibility: always, CRS: dec("8017.2249"), Applied: "reduzido", AppliedCRS: dec("6102.165")},
			"elegível (os fatores padrão estão sempre disponíveis), mas de benefício menor: CRS R$ 8.017,22 ≥ R$ 6.102,17 com reduzido"},
		{capital.SetReason{Eligibility: capital.EligibilityReason{Kind: capital.NotCovered, Set: ans.Reduzido, DataBase: db, Governance: gov, Accreditation: acc}},
			"não elegível: o relatório de governança enviado em 15/05/2023 (Operadora!B9) cobre só 1T2023–4T2023; " +
				"a acreditação desde 15/06/2023 (Operadora!B5) cobre só 2T2023–1T2024 (a partir de 30/06/2023, fim do seu trimestre), não a data base 04/2024"},
		{capital.SetReason{Choice: capital.Forced, Eligibility: capital.EligibilityReason{Kind: capital.ProgramQualifies, Set: ans.Promoprev,
			Date: dated("2024-04-11", "Operadora!B11"), IDSS: capital.Amount{V: dec("0.72"), Ref: "Operadora!B14"}, Minimum: dec("0.5")}},
			"forçado com --factors; aprovação do PROMOPREV em 11/04/2024 (Operadora!B11), sem situação bloqueante, IDSS 0,72 ≥ 0,5"},
		{capital.SetReason{Eligibility: capital.EligibilityReason{Kind: capital.ProgramAfterDataBase, Set: ans.APS, DataBase: db, Date: dated("2024-05-02", "Operadora!B11")}},
			"não elegível: certificação APS em 02/05/2024 (Operadora!B11) é posterior à data base 04/2024"},
		{capital.SetReason{Choice: capital.CRSInformed, Eligibility: capital.EligibilityReason{Kind: capital.NoIDSS, Set: ans.APS, Minimum: dec("0.5")}},
			"bloqueado: IDSS não informado (idss); a proposta exige IDSS ≥ 0,5; CRS informado, nenhum conjunto de fatores aplicado"},
	}
	for _, c := range cases {
		if got := setReasonText(lang.PtBR, c.r); got != c.want {
			t.Errorf("choice %d, kind %d:\n got %q\nwant %q", c.r.Choice, c.r.Eligibility.Kind, got, c.want)
		}
	}
}

// Every choice in words, around the eligibility's.
func TestSetReasonText(t *testing.T) {
	always := capital.EligibilityReason{Kind: capital.AlwaysAvailable, Set: ans.Padrao}
	noAPS := capital.EligibilityReason{Kind: capital.NoProgramDate, Set: ans.APS}
	cases := []struct {
		r    capital.SetReason
		want string
	}{
		{capital.SetReason{Choice: capital.Applied, Eligibility: always}, "applied: lowest CRS of the eligible sets; the standard factors are always available"},
		// CRS 8017.2249 and 6102.165 round half away from zero to R$ 8.017,22 and R$ 6.102,17.
		{capital.SetReason{Choice: capital.LowerBenefit, Eligibility: always, CRS: dec("8017.2249"), Applied: "reduzido", AppliedCRS: dec("6102.165")},
			"eligible (the standard factors are always available), but lower benefit: CRS R$ 8.017,22 ≥ R$ 6.102,17 under reduzido"},
		{capital.SetReason{Choice: capital.Forced, Eligibility: always}, "forced with --factors; the standard factors are always available"},
		{capital.SetReason{Choice: capital.ForcedIneligible, Eligibility: noAPS}, "forced with --factors; not eligible: no APS certification date (aps_certificacao)"},
		{capital.SetReason{Choice: capital.OtherForced, Eligibility: always, Applied: "aps"},
			"eligible, not applied (--factors aps): the standard factors are always available"},
		{capital.SetReason{Choice: capital.CRSInformed, Eligibility: always}, "the standard factors are always available; CRS informed, no factor set applied"},
		{capital.SetReason{Choice: capital.NotEligible, Eligibility: noAPS}, "not eligible: no APS certification date (aps_certificacao)"},
	}
	for _, c := range cases {
		if got := setReasonText(lang.En, c.r); got != c.want {
			t.Errorf("choice %d:\n got %q\nwant %q", c.r.Choice, got, c.want)
		}
	}
}

// The engine's CR-W006 takes its words from the forced set's reason; the
// other warnings, and the caller's list, are left as they are.
func TestWordedForcedIneligible(t *testing.T) {
	noAPS := capital.EligibilityReason{Kind: capital.NoProgramDate, Set: ans.APS}
	r := &capital.Result{Sets: []capital.SetOutcome{
		{Set: "padrao", Eligible: true, Reason: capital.SetReason{Choice: capital.OtherForced, Applied: "aps"}},
		{Set: "aps", Chosen: true, Reason: capital.SetReason{Choice: capital.ForcedIneligible, Eligibility: noAPS}},
	}}
	other := findings.New(findings.ProposalParams, "", "", lang.Text("PROPOSAL: x"))
	in := findings.List{findings.New(findings.ForcedIneligible, "", "", lang.Text("")), other}
	got := worded(lang.En, r, in)
	want := "factor set aps forced with --factors, but the operator is not eligible: no APS certification date (aps_certificacao)"
	if len(got) != 2 || got[0].Message != want || got[0].Code != findings.ForcedIneligible || got[1].Message != other.Message {
		t.Errorf("worded: %+v", got)
	}
	if in[0].Message != "" {
		t.Error("the caller's list was changed")
	}
	if got := worded(lang.En, r, nil); got == nil || len(got) != 0 {
		t.Errorf("no warnings: %#v, want an empty list (a document's \"warnings\": [])", got)
	}
}

// A document's factor set holds its reason in words, and reads back.
func TestFactorSetOutcomeRoundTrip(t *testing.T) {
	sets := factorSetOutcomes(lang.En, []capital.SetOutcome{{Set: "padrao", Eligible: true, Chosen: true, CRS: dec("12.5"),
		Reason: capital.SetReason{Choice: capital.Applied, Eligibility: capital.EligibilityReason{Kind: capital.AlwaysAvailable, Set: ans.Padrao}}}})
	var buf bytes.Buffer
	if err := JSON(&buf, sets); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "set": "padrao",
    "eligible": true,
    "chosen": true,
    "reason": "applied: lowest CRS of the eligible sets; the standard factors are always available",
    "crs": "12.5"
  }
]
`
	if buf.String() != want {
		t.Errorf("JSON:\n%s\nwant\n%s", buf.String(), want)
	}
	var back []FactorSetOutcome
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back) != 1 || back[0].Reason != sets[0].Reason || !back[0].CRS.Equal(sets[0].CRS) {
		t.Errorf("read back %+v (%v), want %+v", back, err, sets)
	}
}

// A parameter's status in the explanation, in both languages.
func TestStatusText(t *testing.T) {
	cases := []struct {
		s      rules.Status
		en, pt string
	}{
		{rules.Regulation, "regulation", "regulamentação"},
		{rules.Provisional, "provisional", "provisório"},
		{rules.Proposal, "proposal", "proposta"},
		{rules.User, "user", "usuário"},
	}
	for _, c := range cases {
		if got := statusText(lang.En, c.s); got != c.en {
			t.Errorf("en %s: %q", c.s, got)
		}
		if got := statusText(lang.PtBR, c.s); got != c.pt {
			t.Errorf("pt-BR %s: %q", c.s, got)
		}
	}
}
