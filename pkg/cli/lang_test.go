package cli

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// notEnglish are the words the pt-BR table of the example shares with the
// English one and may keep: acronyms, proper names (of the program, the
// regulation, the operator, commands and sheets) and the Portuguese terms
// of the ANS the English table uses too.
var notEnglish = []string{
	// acronyms
	"ANS", "RN", "CB", "PLA", "CRS", "PRE", "PRO", "PEONA", "SUS", "RA", "RM", "CRC", "CRM", "CRO", "CBR", "CR", "ICR",
	"IDSS", "APS", "PROMOPREV", "SSP", "R",
	// proper names: the program and its commands and flags, the regulation, the operator, the workbook's sheets, the rulebook
	"capreg", "rules", "export", "factors", "Anexo", "V", "Parto", "Adequado", "Exemplo", "Planalto", "Assistência", "Médica", "Ltda",
	"Operadora", "T", "Caixa", "de", "Assistencia", "dos", "Empregados",
	// the modalidade, campos and parcels as the workbook names them
	"autogestao", "idss", "crm", "cro",
	// the ANS's Portuguese terms, which the English table keeps
	"Data", "base", "região", "Capital", "Base", "Patrimônio", "Líquido", "Ajustado", "ressarcimento", "ao", "Baseado", "em", "Riscos",
	"Regulatório", "max", "S",
	// the factor sets' names
	"padrao", "reduzido", "promoprev", "aps",
	// Portuguese words spelt as English ones
	"capital", "legal", "a",
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

// The pt-BR table of the example, and of an insufficient operator with
// informed parcels, has no English word: no word of the English table but
// those listed in notEnglish.
func TestPtBRTableHasNoEnglish(t *testing.T) {
	t.Chdir("../..")
	for _, c := range []struct {
		file string
		tty  bool
	}{
		{"examples/operadora-exemplo.xlsx", true}, {"examples/operadora-exemplo.xlsx", false},
		{"testdata/fixtures/f06_autogestao_insuficiente.xlsx", true},
	} {
		tty := c.tty
		en, errs, code := runCapregTTY(t, tty, "calc", c.file, "--lang", "en")
		if code != 0 {
			t.Fatalf("en: exit %d: %s", code, errs)
		}
		pt, errs, code := runCapregTTY(t, tty, "calc", c.file, "--lang", "pt-BR")
		if code != 0 {
			t.Fatalf("pt-BR: exit %d: %s", code, errs)
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
			t.Errorf("tty %v: English words in the pt-BR table: %s\n%s", tty, strings.Join(left, " "), pt)
		}
		if len(english) < 60 {
			t.Errorf("the English table has %d words only: %s", len(english), en)
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
		{"", nil, 0, "Sufficiency: SUFFICIENT (PLA ≥ CR)"},
		{"pt-BR", nil, 0, "Suficiência: SUFICIENTE"},
		{"", []string{"--lang", "pt"}, 2, `invalid argument "pt" for "--lang" flag: unknown language "pt": capreg speaks pt-BR and en`},
		{"fr", nil, 2, `CAPREG_LANG=fr: invalid argument "fr" for "--lang" flag: unknown language "fr"`},
	} {
		t.Setenv("CAPREG_LANG", c.env)
		out, errs, code := runCapreg(t, append([]string{"calc", "examples/operadora-exemplo.xlsx"}, c.args...)...)
		if code != c.code || !strings.Contains(out+errs, c.want) {
			t.Errorf("CAPREG_LANG=%s %v: exit %d, want %d and %q:\n%s%s", c.env, c.args, code, c.code, c.want, out, errs)
		}
	}
}
