package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/reclamacoes"
)

// rankedTwo is a ranking by hand: 30 complaints, P1 holds 20 (66,67%, at
// risk under the caput), P2 10 (cumulative 100%, not at risk); the second
// product's code drives a terminal.
func rankedTwo() *reclamacoes.Result {
	d := decimal.RequireFromString
	return &reclamacoes.Result{
		Periodo: reclamacoes.Period{Inicio: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), Fim: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)},
		Total:   30,
		Products: []reclamacoes.Ranked{
			{Rank: 1, Produto: "P1", Beneficiarios: 1500, Reclamacoes: 20, Share: d("0.666667"), CumulativeShare: d("0.666667"), AtRisk: true, Rule: reclamacoes.Caput},
			{Rank: 2, Produto: "=P2\x1b[31m", Beneficiarios: 10, Reclamacoes: 10, Share: d("0.333333"), CumulativeShare: d("1")},
		},
	}
}

// The table in each language: English with ISO dates and decimal points,
// Portuguese with dd/mm/aaaa and decimal commas.
func TestReclamacoesTable(t *testing.T) {
	for l, want := range map[lang.Lang]string{
		lang.En: `capreg — IN ANS 36/2024 art. 17: products at risk from unresolved complaints
Period      2024-10-01 to 2025-03-31
Complaints  30 unresolved, 2 products, 1 at risk

RANK  PRODUTO   BENEFICIÁRIOS  RECLAMAÇÕES  SHARE   CUMULATIVE  AT RISK
1     P1        1500           20           66.67%  66.67%      YES (art. 17 caput)
2     =P2` + "\uFFFD" + `[31m  10             10           33.33%  100.00%     no

At risk: the products that together hold at most 80% of the unresolved complaints (art. 17 caput).
`,
		lang.PtBR: `capreg — IN ANS 36/2024 art. 17: produtos em risco por reclamações não resolvidas
Período      01/10/2024 a 31/03/2025
Reclamações  30 não resolvidas, 2 produtos, 1 em risco

POSIÇÃO  PRODUTO   BENEFICIÁRIOS  RECLAMAÇÕES  PARTICIPAÇÃO  ACUMULADA  EM RISCO
1        P1        1.500          20           66,67%        66,67%     SIM (art. 17 caput)
2        =P2` + "\uFFFD" + `[31m  10             10           33,33%        100,00%    não

Em risco: os produtos que, juntos, somam no máximo 80% das reclamações não resolvidas (art. 17 caput).
`,
	} {
		var buf bytes.Buffer
		if err := ReclamacoesTable(&buf, rankedTwo(), l); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", l, buf.String(), want)
		}
	}
}

func TestReclamacoesCSVAndJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := ReclamacoesCSV(&buf, rankedTwo(), CSVPlain); err != nil {
		t.Fatal(err)
	}
	want := "rank,produto,beneficiarios,reclamacoes,share,cumulative_share,at_risk,rule\n" +
		"1,P1,1500,20,0.666667,0.666667,true,art. 17 caput\n" +
		"2,'=P2\x1b[31m,10,10,0.333333,1,false,\n"
	if buf.String() != want {
		t.Errorf("csv\n%q\nwant\n%q", buf.String(), want)
	}
	buf.Reset()
	if err := ReclamacoesJSON(&buf, rankedTwo()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"inicio": "2024-10-01"`, `"total": 30`, `"share": "0.666667"`, `"cumulative_share": "1"`, `"at_risk": false`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("json lacks %s:\n%s", s, buf.String())
		}
	}
}

// A cell's text never drives the terminal: C0 and C1 controls and invalid
// UTF-8 become U+FFFD.
func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Plano Saúde":  "Plano Saúde",
		"P\x1b[31m":    "P\uFFFD[31m",
		"\u009bx":      "\uFFFDx",
		"a\xffb\tc\nd": "a\uFFFDb\uFFFDc\uFFFDd",
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}
