package rules

import (
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

// The errors of a user's rules file speak pt-BR too, with the line or the
// parameter's path as in English, decimals with a decimal comma and dates
// dd/mm/aaaa; English is as it always was.
func TestLoadErrorsInPortuguese(t *testing.T) {
	for _, c := range []struct {
		name, yml, en, pt string
	}{
		{"two misspelt keys", "cro:\n  fator_provisao: 0.1\n  limite: 0.2\n",
			"user.yaml: line 2: unknown key fator_provisao (check the spelling; capreg rules show lists every parameter); " +
				"line 3: unknown key limite (check the spelling; capreg rules show lists every parameter) (`capreg rules export` writes a valid file to start from)",
			"user.yaml: linha 2: chave desconhecida fator_provisao (confira a grafia; capreg rules show lista todos os parâmetros); " +
				"linha 3: chave desconhecida limite (confira a grafia; capreg rules show lista todos os parâmetros) (`capreg rules export` gera um arquivo válido para começar)"},
		{"not a number", "cro:\n  fator_provisoes: abc\n",
			`user.yaml: line 2: "abc" is not a number (` + "`capreg rules export` writes a valid file to start from)",
			`user.yaml: linha 2: "abc" não é um número (` + "`capreg rules export` gera um arquivo válido para começar)"},
		{"two negative factors", "cro:\n  fator_provisoes: -0.03\n  fator_contraprestacoes: -1234.5\n",
			"user.yaml: invalid rulebook:\n  cro.fator_contraprestacoes: must not be negative (is -1234.5)\n  cro.fator_provisoes: must not be negative (is -0.03)",
			"user.yaml: regras inválidas:\n  cro.fator_contraprestacoes: não pode ser negativo (é -1.234,5)\n  cro.fator_provisoes: não pode ser negativo (é -0,03)"},
		{"two points of one day", "capital_referencia: [{desde: 2025-06-01, valor: 1}, {desde: 2025-06-01, valor: 2}]\n",
			"user.yaml: capital_referencia has two points from 2025-06-01 (keep one)",
			"user.yaml: capital_referencia tem dois pontos desde 01/06/2025 (mantenha um)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load([]byte(c.yml), "user.yaml")
			if err == nil {
				t.Fatal("Load accepted it")
			}
			if got := err.Error(); got != c.en {
				t.Errorf("en: %q\nwant %q", got, c.en)
			}
			if got := lang.Describe(err, lang.PtBR); got != c.pt {
				t.Errorf("pt-BR: %q\nwant %q", got, c.pt)
			}
		})
	}
}
