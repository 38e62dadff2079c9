package capital

import (
	"slices"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/rules/rulestest"
)

func creditInput() *Input {
	in := informedAll(operadora("autogestao", "", 1, mon(2020, 6)), "0", "0", "0", "0")
	in.Informadas.CRC = nil
	in.CreditoOperadoras = []CreditoOperadora{
		// E = 1000 + 500 + (300 − 100) + (200 − 50) − (400 + 100 + 50) = 1300
		{RegistroANS: "111111", GrauRisco: "B", GrauRef: "Credito_Operadoras!B2", C2: a("1000"), C3: a("500"), C4: a("300"), C5: a("100"), C6: a("200"), C7: a("50"), D8: a("400"), D9: a("100"), D10: a("50")},
		// E = max(0, 100 − 500) = 0
		{RegistroANS: "222222", GrauRisco: "C", GrauRef: "Credito_Operadoras!B3", C2: a("100"), D8: a("500")},
		// E = 10000, fator typed in the row: 0.5
		{RegistroANS: "333333", GrauRisco: "A", GrauRef: "Credito_Operadoras!B4", C2: a("10000"), Fator: ap("0.5")},
	}
	in.CreditoSeguros = []CreditoSeguro{
		{Contraparte: "Resseguradora", Exposicao: a("10000")},
		{Contraparte: "Seguradora", Exposicao: a("5000"), Fator: ap("0.1")},
	}
	in.CreditoAtivos = []CreditoAtivo{
		{Descricao: "LTN", Categoria: "titulo_publico_federal", Exposicao: a("1000000")},
		{Descricao: "Fundo", Categoria: "fundo_outros", Exposicao: a("100000")},
		{Descricao: "CDB", Categoria: "deposito_bancario", Exposicao: a("50000")},
		{Descricao: "FDSS", Categoria: "fundo_fdss", Exposicao: a("20000"), FPR: ap("0.5")},
		{Descricao: "Debênture", Categoria: "titulo_privado", Exposicao: a("30000")},
		{Descricao: "Outro", Categoria: "outros", Exposicao: a("10000")},
	}
	return in
}

func TestCRC(t *testing.T) {
	r := compute(t, creditInput(), rulestest.Default(t), Options{})
	// 1.1: 0.08·1300 + 0 + 0.5·10000 = 104 + 5000 = 5104
	wantDec(t, "CRC1.1", r.CRC.Find("crc_1_1").Value, "5104")
	wantDec(t, "CRC1.1 row 1", r.CRC.Find("crc_1_1_111111").Value, "104")
	wantDec(t, "CRC1.1 row 2", r.CRC.Find("crc_1_1_222222").Value, "0")
	// 1.2: 0.08·10000 + 0.1·5000 = 800 + 500 = 1300
	wantDec(t, "CRC1.2", r.CRC.Find("crc_1_2").Value, "1300")
	// 2: 0.08·(0·1000000 + 100000 + 50000 + 0.5·20000 + 30000 + 10000) = 0.08·200000 = 16000
	wantDec(t, "CRC2", r.CRC.Find("crc_2").Value, "16000")
	// CRC = 5104 + 1300 + 16000 = 22404
	wantDec(t, "CRC", r.CRC.Value, "22404")
	// BCBR = CRC (nothing else); CRO = 0 (no operational base): CBR = CRC.
	wantDec(t, "CBR", r.CBR.Value, "22404")
	want := []string{"crc.agregacao", "crc.exposicao_1_1", "crc.fator_1_1.padrao", "crc.fator_1_2",
		"crc.fpr.deposito_bancario", "crc.fpr.outros", "crc.fpr.titulo_privado", "crc.fpr.titulo_publico_federal",
		"crc.multiplicador_2"} // CRO is informed in creditInput
	if got := r.Provisional(); !slices.Equal(got, want) {
		t.Errorf("Provisional() =\n %v\nwant\n %v", got, want)
	}

	// A factor by grau de risco from the rules file, the grade matched
	// ignoring case and spaces (cell "B" = key " b "): row 1 0.02·1300 = 26;
	// row 2 (C) 0.05·0 = 0; row 3 (A, not in the table) types its own fator.
	// 1.1 = 26 + 0 + 5000 = 5026; CRC = 5026 + 1300 + 16000 = 22326.
	r = compute(t, creditInput(), loadRules(t, "crc:\n  fator_1_1:\n    por_grau: {\" b \": 0.02, C: 0.05}\n"), Options{})
	wantDec(t, "CRC1.1 por grau", r.CRC.Find("crc_1_1").Value, "5026")
	wantDec(t, "CRC por grau", r.CRC.Value, "22326")
	if p := r.CRC.Find("crc_1_1_111111").Params; len(p) != 1 || p[0].Path != "crc.fator_1_1.por_grau. b " || p[0].Value != "0.02" || p[0].Status != "user" {
		t.Errorf("row 1 parameters %+v", p)
	}
	if p := r.CRC.Find("crc_1_1_222222").Params; len(p) != 1 || p[0].Path != "crc.fator_1_1.por_grau.C" {
		t.Errorf("row 2 parameters %+v", p)
	}
	// A grade the table does not list is an input error at its cell, naming
	// the known grades: never the default factor in silence.
	in := creditInput()
	in.CreditoOperadoras[1].GrauRisco = "D"
	_, err := Compute(in, loadRules(t, "crc:\n  fator_1_1:\n    por_grau: {B: 0.02, C: 0.05}\n"), Options{})
	if f := inputErr(t, err, findings.BadEnum); f.Sheet+"!"+f.Cell != "Credito_Operadoras!B3" ||
		!strings.Contains(f.Message, `grau_risco "D"`) || !strings.Contains(f.Message, `known: "B", "C"`) {
		t.Errorf("unknown grade finding %+v", f)
	}

	// Every row with its own factor: no factor parameter is provisional.
	in = creditInput()
	in.CreditoOperadoras = in.CreditoOperadoras[2:]
	in.CreditoSeguros = in.CreditoSeguros[1:]
	in.CreditoAtivos = in.CreditoAtivos[3:4]
	r = compute(t, in, rulestest.Default(t), Options{})
	// 5000 + 500 + 0.08·10000 = 6300
	wantDec(t, "CRC typed factors", r.CRC.Value, "6300")
	for _, p := range r.Provisional() {
		if p == "crc.fator_1_1.padrao" || p == "crc.fator_1_2" || p == "crc.fpr.fundo_fdss" {
			t.Errorf("typed factor still reported as %s", p)
		}
	}

	// One parcel only: the aggregation form is not used.
	in = creditInput()
	in.CreditoSeguros, in.CreditoAtivos = nil, nil
	r = compute(t, in, rulestest.Default(t), Options{})
	wantDec(t, "CRC 1.1 only", r.CRC.Value, "5104")
	if slices.Contains(r.Provisional(), "crc.agregacao") {
		t.Error("crc.agregacao used with one parcel")
	}
	// No credit exposure: CRC = 0 and nothing provisional from it.
	in.CreditoOperadoras = nil
	r = compute(t, in, rulestest.Default(t), Options{})
	wantDec(t, "CRC none", r.CRC.Value, "0")
}

// Every node of an explanation has its own key, the CRC rows too: by
// registro ANS (and row, for a counterparty on two rows), or by row.
func TestNodeKeysUnique(t *testing.T) {
	in := richInput()
	in.CreditoOperadoras = append(in.CreditoOperadoras, in.CreditoOperadoras[0])
	r := compute(t, in, rulestest.Default(t), Options{})
	seen := map[string]bool{}
	r.Tree.Walk(func(n *Node) {
		if seen[n.Key] {
			t.Errorf("key %s twice", n.Key)
		}
		seen[n.Key] = true
	})
	for _, k := range []string{"crc_1_1_111111", "crc_1_1_111111_4", "crc_1_2_1", "crc_1_2_2", "crc_2_1", "crc_2_6"} {
		if !seen[k] {
			t.Errorf("no node %s", k)
		}
	}
}
