package cli

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// notEnglish are the words the pt-BR tables of the example (calc, compare,
// batch) share with the English ones and may keep: acronyms, proper names
// (of the program, the regulation, the operator, commands and sheets) and
// the Portuguese terms of the ANS the English tables use too.
var notEnglish = []string{
	// acronyms
	"ANS", "RN", "CB", "PLA", "CRS", "PRE", "PRO", "PEONA", "SUS", "RA", "RM", "CRC", "CRM", "CRO", "CBR", "CR", "ICR",
	"IDSS", "APS", "PROMOPREV", "SSP", "R", "vs", "PL",
	// proper names: the program and its commands and flags, the regulation, the operator, the workbook's sheets, the rulebook
	"capreg", "rules", "export", "factors", "compare", "calc", "Anexo", "V", "Parto", "Adequado", "Exemplo", "Planalto", "Assistência", "Médica", "Ltda",
	"Operadora", "T", "Caixa", "de", "Assistencia", "dos", "Empregados", "OdontoSorriso", "Planos", "Odontologicos",
	// the modalidade, campos and parcels as the workbook names them
	"autogestao", "idss", "crm", "cro",
	// the headroom: its factor k, its groups and the sheets and campos they multiply
	"k", "contraprestacoes", "eventos", "abi", "credito", "mercado",
	"Contraprestacoes", "Eventos", "ABI", "Operacional", "Remissao", "exposicao", "valor",
	// the ANS's Portuguese terms, which the English table keeps
	"Data", "base", "região", "Capital", "Base", "Patrimônio", "Líquido", "Ajustado", "ressarcimento", "ao", "Baseado", "em", "Riscos",
	"Regulatório", "max", "S", "Registro", "padrão", "data", "aporte",
	// the factor sets' names
	"padrao", "reduzido", "promoprev", "aps",
	// Portuguese words spelt as English ones
	"capital", "legal", "a", "as", "no",
	// the risk contributions: an acronym, a mathematician, a Portuguese word spelt as English
	"BCBR", "Euler", "total",
}

// words are the words of s: runs of letters; a name with a dot, an
// underscore, an @, a ! or a / (a parameter's path, a campo, a cell, a
// file) is an identifier, not a word.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._@!/-", r)
	}) {
		if strings.ContainsAny(f, "._@!/") {
			continue
		}
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) {
			out[w] = true
		}
	}
	return out
}

// The pt-BR tables of the example, and of an insufficient operator with
// informed parcels, have no English word: no word of the English table but
// those listed in notEnglish. So for calc, compare and batch (its rows of
// operators computed: the findings of a workbook not computed are the
// findings', whose messages have languages of their own).
func TestPtBRTableHasNoEnglish(t *testing.T) {
	t.Chdir("../..")
	const example, insufficient = "examples/operadora-exemplo.xlsx", "testdata/fixtures/f06_autogestao_insuficiente.xlsx"
	for _, c := range []struct {
		args []string
		tty  bool
	}{
		{[]string{"calc", example}, true}, {[]string{"calc", example}, false},
		{[]string{"calc", insufficient}, true},
		{[]string{"compare", example}, true}, {[]string{"compare", example}, false},
		{[]string{"compare", "testdata/fixtures/f04_odonto_grupo_aps.xlsx"}, true},
		{[]string{"batch", example, insufficient, "testdata/fixtures/f04_odonto_grupo_aps.xlsx"}, true},
		{[]string{"batch", example, insufficient}, false},
	} {
		tty := c.tty
		en, errs, code := runCapregTTY(t, tty, append(c.args, "--lang", "en")...)
		if code != 0 {
			t.Fatalf("%v en: exit %d: %s", c.args, code, errs)
		}
		pt, errs, code := runCapregTTY(t, tty, append(c.args, "--lang", "pt-BR")...)
		if code != 0 {
			t.Fatalf("%v pt-BR: exit %d: %s", c.args, code, errs)
		}
		english := words(en)
		var left []string
		for w := range words(pt) {
			if english[w] && !slices.Contains(notEnglish, w) {
				left = append(left, w)
			}
		}
		slices.Sort(left)
		if len(left) > 0 {
			t.Errorf("%v tty %v: English words in the pt-BR table: %s\n%s", c.args, tty, strings.Join(left, " "), pt)
		}
		if len(english) < 30 {
			t.Errorf("%v: the English table has %d words only: %s", c.args, len(english), en)
		}
	}
}

// --lang takes pt-BR or en; any other language is a usage error (exit 2),
// from the flag, CAPREG_LANG or the config file.
func TestLangFlag(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct {
		env  string
		args []string
		code int
		want string
	}{
		{"", []string{"--lang", "pt-BR"}, 0, "Suficiência: SUFICIENTE (PLA ≥ CR)"},
		{"", []string{"--lang", "en"}, 0, "Sufficiency: SUFFICIENT (PLA ≥ CR)"},
		{"", nil, 0, "Suficiência: SUFICIENTE (PLA ≥ CR)"}, // the default
		{"en", nil, 0, "Sufficiency: SUFFICIENT"},
		{"", []string{"--lang", "pt"}, 2, `valor inválido "pt" para a opção "--lang": idioma desconhecido "pt": o capreg fala pt-BR e en`}, // in the default language
		{"fr", nil, 2, `CAPREG_LANG=fr: valor inválido "fr" para a opção "--lang": idioma desconhecido "fr"`},
	} {
		t.Setenv("CAPREG_LANG", c.env)
		out, errs, code := runCapreg(t, append([]string{"calc", "examples/operadora-exemplo.xlsx"}, c.args...)...)
		if code != c.code || !strings.Contains(out+errs, c.want) {
			t.Errorf("CAPREG_LANG=%s %v: exit %d, want %d and %q:\n%s%s", c.env, c.args, code, c.code, c.want, out, errs)
		}
	}
}
