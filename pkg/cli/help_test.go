package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/capreg/capreg/pkg/golden"
	"github.com/capreg/capreg/pkg/lang"
)

// helpUnit is one text of the help as a command writes it in English: its
// Use, its Short, a paragraph of its Long or Example, a flag's usage.
type helpUnit struct {
	where, text string
}

// helpUnits are the texts of the help of every command under root (an
// English tree), as translate takes them.
func helpUnits(root *cobra.Command) []helpUnit {
	var units []helpUnit
	add := func(where, s string) {
		for _, p := range strings.Split(s, "\n\n") {
			if p = strings.TrimRight(p, " \t\n"); p != "" {
				units = append(units, helpUnit{where, p})
			}
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := c.CommandPath()
		add(path+" Use", c.Use)
		add(path+" Short", c.Short)
		add(path+" Long", c.Long)
		add(path+" Example", c.Example)
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" { // lang.HelpFlag
				add(path+" --"+f.Name, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return units
}

// sameWords are the words a help text may keep in pt-BR (a text made of
// them alone, flags and names aside, needs no translation): the words of
// command lines (shells, their commands, the platforms, the examples'
// directories) and the placeholders the Portuguese help keeps.
var sameWords = []string{
	"capreg", "DIR", "GLOB", "N", "B", "AAAA", "MM",
	"bash", "zsh", "fish", "powershell", "source", "echo", "autoload", "U", "compinit", "fpath", "brew", "prefix",
	"Out", "String", "Invoke", "Expression", "Linux", "macOS", "mercado", "contas", "ANTERIOR", "ATUAL",
}

// flagToken is a flag on a command line: -o, --coverage-weighted.
var flagToken = regexp.MustCompile(`(^|[^\w-])--?[A-Za-z][\w-]*`)

// helpNames are the names a help text may keep in pt-BR: the commands
// under root, the values of --output and --factors, sameWords.
func helpNames(root *cobra.Command) map[string]bool {
	names := map[string]bool{}
	for _, w := range slices.Concat(sameWords, batchOutputs, validateOutputs, factorValues()) {
		names[w] = true
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		names[c.Name()] = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return names
}

// englishWords are the words of the help text s that are not names: its
// words but those of its flags and its names (an ellipsis is no
// identifier: FILE... is a word).
func englishWords(s string, names map[string]bool) []string {
	var english []string
	for w := range words(flagToken.ReplaceAllString(strings.ReplaceAll(s, "...", " "), " ")) {
		if !names[w] {
			english = append(english, w)
		}
	}
	slices.Sort(english)
	return english
}

// Every text of the help has its pt-BR text in the catalog, but those made
// of names alone (command lines, a Use of names); a translated Use keeps
// the command's name; the catalog holds no text the help no longer has.
func TestHelpTranslated(t *testing.T) {
	root := NewRootCmd(Streams{})
	root.InitDefaultHelpFlag()
	names := helpNames(root)
	used := map[string]bool{}
	var missing []string
	for _, u := range helpUnits(root) {
		used[u.text] = true
		pt := lang.PtBR.Help(u.text)
		if strings.HasSuffix(u.where, " Use") && strings.Fields(pt)[0] != strings.Fields(u.text)[0] {
			t.Errorf("%s: %q renames the command %q", u.where, pt, u.text)
		}
		if pt != u.text {
			continue
		}
		if english := englishWords(u.text, names); len(english) > 0 {
			missing = append(missing, fmt.Sprintf("%s (%s):\n\thelpText(%q, %q),", u.where, strings.Join(english, " "), u.text, "…"))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d help texts have no pt-BR text: add them to pkg/lang/messages_help_*.go:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for _, en := range lang.HelpTexts() {
		if !used[en] {
			t.Errorf("the catalog translates a help text no command has (reworded? remove it): %q", en)
		}
	}
}

// In pt-BR every flag that takes a value names it in Portuguese (a
// `PLACEHOLDER` in its usage, never pflag's type: string, int); a boolean
// flag names none.
func TestHelpFlagValues(t *testing.T) {
	root := NewRootCmd(Streams{})
	localize(root, lang.PtBR)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			if f.Value.Type() == "bool" {
				if name != "" {
					t.Errorf("%s --%s: a boolean flag shows a value %s", c.CommandPath(), f.Name, name)
				}
			} else if name == "" || name != strings.ToUpper(name) {
				t.Errorf("%s --%s: its value shows as %q: name it with a `PLACEHOLDER` in the pt-BR usage %q", c.CommandPath(), f.Name, name, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// In English the help is cobra's own, word for word, on every command: the
// usage function localize sets only changes its words. A command with
// aliases and a help topic show the parts capreg has none of yet.
func TestHelpEnglishIsCobras(t *testing.T) {
	build := func() *cobra.Command {
		root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
		root.AddCommand(&cobra.Command{Use: "topico", Short: "a help topic"})
		calc, _, _ := root.Find([]string{"calc"})
		calc.Aliases = []string{"calcula"}
		return root
	}
	cobras, ours := build(), build()
	localize(ours, lang.En)
	var walk func(c, o *cobra.Command)
	walk = func(c, o *cobra.Command) {
		c.InitDefaultHelpFlag()
		if got, want := o.UsageString(), c.UsageString(); got != want {
			t.Errorf("%s: the English usage is not cobra's:\n--- ours ---\n%s\n--- cobra's ---\n%s", c.CommandPath(), got, want)
		}
		for i, sub := range c.Commands() {
			walk(sub, o.Commands()[i])
		}
	}
	walk(cobras, ours)
	if !strings.Contains(ours.UsageString(), "Additional help topics:\n  capreg topico") {
		t.Errorf("no help topic in:\n%s", ours.UsageString())
	}
}

// capreg --help and capreg calc --help in each language, as goldens; capreg
// help calc is calc --help.
func TestHelpGolden(t *testing.T) {
	t.Chdir("../..")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, c := range []struct {
		file string
		args []string
	}{
		{"help-en.golden", []string{"--help", "--lang", "en"}},
		{"help-pt-BR.golden", []string{"--lang", "pt-BR", "--help"}},
		{"help-calc-en.golden", []string{"--lang", "en", "calc", "--help"}},
		{"help-calc-pt-BR.golden", []string{"calc", "--help", "--lang", "pt-BR"}},
	} {
		out, errs, code := runCapreg(t, c.args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		golden.Equal(t, "./pkg/cli", filepath.Join("testdata", "golden", c.file), out)
	}
	calc, _, _ := runCapreg(t, "calc", "--help", "--lang", "pt-BR")
	if help, _, _ := runCapreg(t, "help", "calc", "--lang", "pt-BR"); help != calc {
		t.Errorf("capreg help calc is not calc --help:\n%s", help)
	}
}

// resolvedLang is the language the run of args resolves (resolve, in the
// command); ran is false when it runs no command.
func resolvedLang(args []string) (l lang.Lang, ran bool) {
	root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() {
			c.RunE = func(cmd *cobra.Command, _ []string) error {
				set, err := resolve(cmd)
				if err == nil {
					l, ran = set.lang, true
				}
				return err
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetArgs(args)
	_ = root.Execute()
	return l, ran
}

// The help's language is the command's: --lang (wherever on the command
// line, before --), else CAPREG_LANG, else the config file's lang (the
// command's section, else the top level), else the default — what resolve
// gives the command, when it runs. A bad value leaves the rest to decide.
func TestHelpLang(t *testing.T) {
	section := "calc:\n  lang: pt-BR\n"
	for _, c := range []struct {
		name   string
		args   []string
		env    string
		config string
		want   lang.Lang
		runs   bool // the command runs, and resolves the same language (help calc reads calc's section, not help's)
	}{
		{"default", []string{"calc", "x.xlsx"}, "", "", lang.Default, true},
		{"flag", []string{"calc", "x.xlsx", "--lang", "pt-BR"}, "", "", lang.PtBR, true},
		{"flag=", []string{"calc", "--lang=pt-BR", "x.xlsx"}, "", "", lang.PtBR, true},
		{"flag before the command", []string{"--lang", "pt-BR", "calc", "x.xlsx"}, "", "", lang.PtBR, true},
		{"flag after flags with values", []string{"calc", "-o", "json", "--factors", "padrao", "--lang", "pt-BR", "x.xlsx"}, "", "", lang.PtBR, true},
		{"an argument after --", []string{"calc", "--", "--lang=pt-BR"}, "", "", lang.Default, true},
		{"env", []string{"calc", "x.xlsx"}, "pt-BR", "", lang.PtBR, true},
		{"flag over env", []string{"calc", "x.xlsx", "--lang", "en"}, "pt-BR", "", lang.En, true},
		{"config", []string{"calc", "x.xlsx"}, "", "lang: pt-BR\n", lang.PtBR, true},
		{"env over config", []string{"calc", "x.xlsx"}, "en", "lang: pt-BR\n", lang.En, true},
		{"--config", []string{"calc", "x.xlsx", "--config", "other.yaml"}, "", "", lang.PtBR, true},
		{"the command's section", []string{"calc", "x.xlsx"}, "", section, lang.PtBR, true},
		{"another command's section", []string{"compare", "x.xlsx"}, "", section, lang.Default, true},
		{"capreg help of the command", []string{"help", "calc"}, "", section, lang.PtBR, false},
		{"--help", []string{"calc", "--help"}, "", section, lang.PtBR, false},
		{"a bad config file", []string{"calc", "x.xlsx"}, "", "lang: pt-BR\nbogus: 1\n", lang.Default, false},
		{"a bad config file, the flag", []string{"calc", "x.xlsx", "--lang", "pt-BR"}, "", "bogus: 1\n", lang.PtBR, false},
		{"a bad flag, the env", []string{"calc", "x.xlsx", "--lang", "fr"}, "pt-BR", "", lang.PtBR, false},
		{"an unknown command", []string{"bogus", "--lang", "pt-BR"}, "", "", lang.PtBR, false},
		{"-h", []string{"calc", "-h", "--lang", "pt-BR"}, "", "", lang.PtBR, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			t.Setenv("CAPREG_LANG", c.env)
			if err := os.WriteFile("other.yaml", []byte("lang: pt-BR\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.config != "" {
				if err := os.WriteFile("capreg.yaml", []byte(c.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := helpLang(NewRootCmd(Streams{}), c.args); got.String() != c.want.String() {
				t.Errorf("helpLang(%v) = %s, want %s", c.args, got, c.want)
			}
			if got, ran := resolvedLang(c.args); c.runs && (!ran || got.String() != c.want.String()) {
				t.Errorf("capreg %v resolves %s (ran %v), the help %s", c.args, got, ran, c.want)
			}
		})
	}
}

// The error of a usage error and the hint after it speak the language,
// even when the error stops cobra before it reads --lang (cobra's own
// errors too).
func TestUsageLineLang(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"calc", "--no-such-flag", "--lang", "pt-BR"}, "capreg: opção desconhecida: --no-such-flag\nExecute 'capreg --help' para ver como usar.\n"},
		{[]string{"--lang", "pt-BR", "calc"}, "capreg: aceita 1 argumento(s), recebeu 0\nExecute 'capreg --help' para ver como usar.\n"},
		{[]string{"calc", "--lang", "en"}, "capreg: accepts 1 arg(s), received 0\nRun 'capreg --help' for usage.\n"},
	} {
		_, errs, code := runCapreg(t, c.args...)
		if code != ExitInvalid || errs != c.want {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, errs, c.want)
		}
	}
}

// capreg docs writes its pages in the language: the commands' texts and
// cobra/doc's own words (headings, [flags], default).
func TestDocsLang(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if _, errs, code := runCapreg(t, "docs", "--lang", "pt-BR", "--man", filepath.Join(dir, "man"), "--markdown", filepath.Join(dir, "md")); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	md, man := read("md/capreg_calc.md"), read("man/capreg-calc.1")
	for _, want := range []string{"\nCalcula o capital regulatório de uma operadora\n", "\n### Sinopse\n", "\ncapreg calc PLANILHA [opções]\n",
		"\n### Exemplos\n", "\n### Opções\n", "\n### Opções herdadas dos comandos superiores\n", "\n### VEJA TAMBÉM\n",
		`(padrão "table")`, "ajuda de calc", "Códigos de saída:"} {
		if !strings.Contains(md, want) {
			t.Errorf("capreg_calc.md: no %q:\n%s", want, md)
		}
	}
	for _, want := range []string{`"manual do capreg"`, "\n.SH NOME\n", "\n.SH SINOPSE\n", "capreg calc PLANILHA [opções]", "\n.SH DESCRIÇÃO\n",
		"\n.SH OPÇÕES\n", "\n.SH OPÇÕES HERDADAS DOS COMANDOS SUPERIORES\n", "\n.SH EXEMPLOS\n", "\n.SH VEJA TAMBÉM\n", "Calcula o capital regulatório"} {
		if !strings.Contains(man, want) {
			t.Errorf("capreg-calc.1: no %q:\n%s", want, man)
		}
	}
	for _, page := range []string{md, man} {
		for _, english := range []string{"Synopsis", "SYNOPSIS", "Options", "OPTIONS", "SEE ALSO", "[flags]", "(default", "Compute"} {
			if strings.Contains(page, english) {
				t.Errorf("%q in the pt-BR page:\n%s", english, page)
			}
		}
	}
}

// helpLang reads a user's command line before cobra does: whatever the
// arguments, it never panics and gives a language capreg speaks.
func FuzzHelpLang(f *testing.F) {
	f.Chdir(f.TempDir())
	f.Setenv("XDG_CONFIG_HOME", f.TempDir())
	f.Setenv("CAPREG_LANG", "")
	for _, s := range []string{"calc x.xlsx --lang pt-BR", "--lang=en help calc", "calc -h --lang", "-- --lang pt-BR", "coleta fill -- -", "--lang --lang", "-abc --=x ---", "help help help"} {
		f.Add(s)
	}
	root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	f.Fuzz(func(t *testing.T, s string) {
		if l := helpLang(root, strings.Fields(s)); l != "" && !slices.Contains(lang.All, l) {
			t.Errorf("%q: language %q", s, l)
		}
	})
}
