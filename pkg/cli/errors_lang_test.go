package cli

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/lang"
)

// Every mistake of a command line is told in the run's language: capreg's
// own (the guard, the flags it checks, the config file) and cobra's and
// pflag's (an unknown command or flag, a value a flag cannot take, the
// number of arguments), each with the usage hint, exit 2.
func TestUsageErrorsPortuguese(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Chdir(dir)
	for _, f := range []string{"in.xlsx", "old.json"} {
		must(t, os.WriteFile(f, []byte(f), 0o644))
	}
	must(t, os.Mkdir("vazio", 0o755))
	must(t, os.WriteFile("bad-key.yaml", []byte("calc:\n  factor: padrao\n"), 0o644))
	must(t, os.WriteFile("bad-yaml.yaml", []byte("calc: [\n"), 0o644))
	const hint = "\nExecute 'capreg --help' para ver como usar.\n"
	for _, c := range []struct {
		args []string
		want string // the whole of stderr
	}{
		{[]string{"frobnicate"}, `capreg: comando desconhecido "frobnicate" para "capreg"` + hint},
		{[]string{"calc", "--frob", "in.xlsx"}, "capreg: opção desconhecida: --frob" + hint},
		{[]string{"calc", "-z", "in.xlsx"}, "capreg: opção curta desconhecida: 'z' em -z" + hint},
		{[]string{"calc", "in.xlsx", "--out"}, "capreg: a opção --out precisa de um valor" + hint},
		{[]string{"batch", "--jobs", "x", "in.xlsx"}, `capreg: valor inválido "x" para a opção "-j, --jobs": não é um número inteiro` + hint},
		{[]string{"calc", "--force=talvez", "in.xlsx"}, `capreg: valor inválido "talvez" para a opção "--force": use true ou false` + hint},
		{[]string{"calc"}, "capreg: aceita 1 argumento(s), recebeu 0" + hint},
		{[]string{"batch"}, "capreg: exige pelo menos 1 argumento(s), recebeu apenas 0" + hint},
		{[]string{"reclamacoes", "a.xlsx", "b.xlsx"}, "capreg: aceita no máximo 1 argumento(s), recebeu 2" + hint},
		{[]string{"coleta"}, "capreg: capreg coleta precisa de um subcomando: fill, template, validate" + hint},
		{[]string{"batch", "--jobs", "-2", "in.xlsx"}, "capreg: --jobs -2: informe um número de processos ≥ 1 (0 = um por núcleo)" + hint},
		{[]string{"calc", "in.xlsx", "--factors", "x"}, `capreg: --factors "x": use auto ou um destes: padrao, reduzido, promoprev, parto_adequado, aps` + hint},
		{[]string{"calc", "in.xlsx", "--output", "x"}, `capreg: --output "x": use um destes: table, json, csv, xlsx` + hint},
		{[]string{"calc", "in.xlsx", "--out", "in.xlsx", "--force"},
			"capreg: não é possível gravar in.xlsx: é a pasta de trabalho in.xlsx, e uma entrada nunca é sobrescrita (nem com --force); indique outro arquivo" + hint},
		{[]string{"calc", "in.xlsx", "--out", "old.json"}, "capreg: old.json já existe: --force o substitui; ou indique outro arquivo" + hint},
		{[]string{"import", "--balancete", "a.csv", "b.csv", "c.csv", "d.csv", "--out", "n.xlsx"},
			"capreg: capreg import não aceita argumentos, mas recebeu b.csv c.csv e mais 1: indique cada arquivo com --balancete (ou --diops), ou dê um diretório ou um glob entre aspas: --balancete 'erp/*.csv'" + hint},
		{[]string{"import", "--balancete", "vazio", "--out", "n.xlsx"}, "capreg: --balancete vazio: não há nenhum arquivo .csv ou .xlsx ali" + hint},
		// Not usage errors: no hint.
		{[]string{"calc", "in.xlsx", "--config", "bad-key.yaml"},
			"capreg: arquivo de configuração bad-key.yaml: linha 2: chave desconhecida \"factor\" na seção calc: capreg calc não tem --factor (as chaves dela: beneficiarios, coverage-weighted, csv-excel, explain, factors, fail-on-insufficient, lang, output, rules)\n"},
		{[]string{"calc", "in.xlsx", "--config", "bad-yaml.yaml"}, "capreg: arquivo de configuração bad-yaml.yaml: linha 1: did not find expected node content\n"},
		{[]string{"calc", "in.xlsx", "--config", "nao-existe.yaml"}, "capreg: arquivo de configuração nao-existe.yaml: arquivo ou diretório inexistente\n"},
	} {
		_, errs, code := runCapreg(t, append([]string{"--lang", "pt-BR"}, c.args...)...)
		if code != ExitInvalid || errs != c.want {
			t.Errorf("%v: exit %d, stderr\n%q\nwant 2 and\n%q", c.args, code, errs, c.want)
		}
	}
	// A variable of the environment a flag cannot take.
	t.Setenv("CAPREG_JOBS", "muitos")
	if _, errs, code := runCapreg(t, "batch", "in.xlsx", "--lang", "pt-BR"); code != ExitInvalid ||
		errs != `capreg: CAPREG_JOBS=muitos: valor inválido "muitos" para a opção "-j, --jobs": não é um número inteiro`+hint {
		t.Errorf("CAPREG_JOBS: exit %d, stderr %q", code, errs)
	}
}

// cobra's argument validators are read back whatever their numbers, and
// written in pt-BR; English stays cobra's.
func TestArgsErrorLang(t *testing.T) {
	cmd := &cobra.Command{Use: "x"}
	for _, c := range []struct {
		validate cobra.PositionalArgs
		args     []string
		en, pt   string
	}{
		{cobra.ExactArgs(2), []string{"a"}, "accepts 2 arg(s), received 1", "aceita 2 argumento(s), recebeu 1"},
		{cobra.MinimumNArgs(1), nil, "requires at least 1 arg(s), only received 0", "exige pelo menos 1 argumento(s), recebeu apenas 0"},
		{cobra.MaximumNArgs(1), []string{"a", "b", "c"}, "accepts at most 1 arg(s), received 3", "aceita no máximo 1 argumento(s), recebeu 3"},
		{cobra.RangeArgs(1, 2), nil, "accepts between 1 and 2 arg(s), received 0", "aceita de 1 a 2 argumentos, recebeu 0"},
		{cobra.NoArgs, []string{"y z"}, `unknown command "y z" for "x"`, `comando desconhecido "y z" para "x"`},
	} {
		err := wrapArgs(c.validate)(cmd, c.args)
		if err == nil || err.Error() != c.en || describe(err, lang.En) != c.en || describe(err, lang.PtBR) != c.pt {
			t.Errorf("%v: %v / %q / %q, want %q and %q", c.args, err, describe(err, lang.En), describe(err, lang.PtBR), c.en, c.pt)
		}
	}
	// A text that is no validator's stays as it is.
	if got := (argsError{errors.New("accepts 1 arg(s), received 2, or not")}).In(lang.PtBR); got != "accepts 1 arg(s), received 2, or not" {
		t.Errorf("an unknown text: %q", got)
	}
}

// An error of the system about a path: English as the system writes it;
// pt-BR names the path and says the cause in its words. Joined errors are
// each in the language.
func TestOSErrorLang(t *testing.T) {
	err := writeFailed(lang.M("the output"), &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC})
	if got := describe(err, lang.En); got != "cannot write the output: write /dev/stdout: no space left on device" {
		t.Errorf("en: %q", got)
	}
	if got := describe(err, lang.PtBR); got != "não foi possível gravar a saída: /dev/stdout: não há espaço livre no dispositivo" {
		t.Errorf("pt-BR: %q", got)
	}
	_, mkdir := os.Stat(filepath.Join(t.TempDir(), "nada", "x"))
	joined := errors.Join(osError{mkdir}, usageError{lang.Errorf("--mes AAAA-MM is required")})
	if got := describe(joined, lang.PtBR); !strings.HasSuffix(got, "/nada/x: arquivo ou diretório inexistente\n--mes AAAA-MM é obrigatório") {
		t.Errorf("joined, pt-BR: %q", got)
	}
	if got := describe(joined, lang.En); got != joined.Error() {
		t.Errorf("joined, en: %q", got)
	}
}

// A bug's message and an interrupted run's say so in the language.
func TestExitMessagesLang(t *testing.T) {
	var b strings.Builder
	if code := exitCode(errors.New("index out of range"), &b, lang.PtBR); code != ExitInternal ||
		b.String() != "capreg: erro interno (um defeito do capreg; por favor, relate-o): index out of range\n" {
		t.Errorf("internal error: %d %q", code, b.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"--lang", "pt-BR", "calc", "../../examples/operadora-exemplo.xlsx"}, Streams{Out: &stdout, Err: &stderr}); code != ExitInterrupted ||
		stderr.String() != "capreg: interrompido\n" {
		t.Errorf("interrupted: %d %q", code, stderr.String())
	}
}
