package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// resolveIn parses args as the command line of the command they name in
// the real command tree and resolves its settings; it returns the flags
// asked for as "name=value" words.
func resolveIn(t *testing.T, args []string, flags ...string) (string, error) {
	t.Helper()
	root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	cmd, rest, err := root.Find(args)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.ParseFlags(rest); err != nil {
		t.Fatal(err)
	}
	set, err := resolve(cmd)
	if err != nil {
		return "", err
	}
	var got []string
	for _, f := range flags {
		got = append(got, f+"="+cmd.Flags().Lookup(f).Value.String())
	}
	if set.config != "" {
		got = append(got, "config="+set.config)
	}
	return strings.Join(got, " "), nil
}

// The config file: shared keys, a section per command, flags > CAPREG_* >
// config file > defaults; every key checked against the command tree
// whichever command runs.
func TestConfig(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user config
	cases := []struct {
		name   string
		config string // ./capreg.yaml, "" for none
		env    map[string]string
		args   []string
		flags  []string
		want   string // the flags, or "error ..." and part of the message
	}{
		{"no config", "", nil, []string{"calc", "w.xlsx"}, []string{"output", "factors"}, "output=table factors=auto"},
		{"empty config", "", nil, []string{"calc", "w.xlsx"}, []string{"output"}, "output=table"},
		{"a section", "calc:\n  output: json\n  factors: padrao\n", nil, []string{"calc", "w.xlsx"}, []string{"output", "factors"},
			"output=json factors=padrao config=capreg.yaml"},
		{"another command's section does not apply", "calc:\n  output: json\n", nil, []string{"validate", "w.xlsx"}, []string{"output"},
			"output=table config=capreg.yaml"},
		{"shared keys", "rules: r.yaml\njobs: 3\n", nil, []string{"batch", "d"}, []string{"rules", "jobs"},
			"rules=r.yaml jobs=3 config=capreg.yaml"},
		{"the shared key lang", "lang: pt-BR\n", nil, []string{"calc", "w.xlsx"}, []string{"lang"}, "lang=pt-BR config=capreg.yaml"},
		{"no lang: the default", "", nil, []string{"calc", "w.xlsx"}, []string{"lang"}, "lang=pt-BR"},
		{"CAPREG_LANG beats config", "lang: en\n", map[string]string{"CAPREG_LANG": "pt-br"}, []string{"calc", "w.xlsx"}, []string{"lang"}, "lang=pt-BR config=capreg.yaml"},
		{"--lang beats CAPREG_LANG", "", map[string]string{"CAPREG_LANG": "pt-BR"}, []string{"calc", "w.xlsx", "--lang", "en"}, []string{"lang"}, "lang=en"},
		{"a bad lang", "lang: pt\n", nil, []string{"calc", "w.xlsx"}, nil, `error config file capreg.yaml: line 1: lang: invalid argument "pt" for "--lang" flag: unknown language "pt": capreg speaks pt-BR and en`},
		{"a bad CAPREG_LANG", "", map[string]string{"CAPREG_LANG": "fr"}, []string{"calc", "w.xlsx"}, nil, `error CAPREG_LANG=fr: invalid argument "fr" for "--lang" flag: unknown language "fr"`},
		{"the section beats a shared key", "jobs: 3\nbatch:\n  jobs: 5\n", nil, []string{"batch", "d"}, []string{"jobs"}, "jobs=5 config=capreg.yaml"},
		{"a shared key a command lacks", "jobs: 3\n", nil, []string{"calc", "w.xlsx"}, []string{"output"}, "output=table config=capreg.yaml"},
		{"environment beats config", "calc:\n  output: json\n", map[string]string{"CAPREG_OUTPUT": "csv"}, []string{"calc", "w.xlsx"}, []string{"output"},
			"output=csv config=capreg.yaml"},
		{"flag beats environment", "calc:\n  output: json\n", map[string]string{"CAPREG_OUTPUT": "csv"}, []string{"calc", "w.xlsx", "-o", "table"}, []string{"output"},
			"output=table config=capreg.yaml"},
		{"an empty variable is unset", "calc:\n  output: json\n", map[string]string{"CAPREG_OUTPUT": ""}, []string{"calc", "w.xlsx"}, []string{"output"},
			"output=json config=capreg.yaml"},
		{"a subcommand's section", "coleta validate:\n  output: csv\n  strict: true\n", nil, []string{"coleta", "validate", "c.xlsx"}, []string{"output", "strict"},
			"output=csv strict=true config=capreg.yaml"},
		{"text stays text", "coleta template:\n  registro: 005711\n", nil, []string{"coleta", "template", "c.xlsx"}, []string{"registro"},
			"registro=005711 config=capreg.yaml"},
		{"a bool from the environment", "", map[string]string{"CAPREG_FAIL_ON_INSUFFICIENT": "true"}, []string{"calc", "w.xlsx"}, []string{"fail-on-insufficient"},
			"fail-on-insufficient=true"},
		{"out at the top", "out: resultado.json\n", nil, []string{"rules", "export"}, nil,
			"error config file capreg.yaml: line 1: out is taken from the command line only (--out), never from a config file"},
		{"out in a section", "calc:\n  out: r.json\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: line 2: out is taken from the command line only"},
		{"force", "example:\n  force: true\n", nil, []string{"example", "e.xlsx"}, nil, "error config file capreg.yaml: line 2: force is taken from the command line only"},
		{"output at the top", "output: xlsx\n", nil, []string{"validate", "w.xlsx"}, nil,
			`error config file capreg.yaml: line 1: unknown key "output": the top level holds rules, jobs, lang and a section per command (batch, calc, coleta fill,`},
		{"unknown key in a section", "calc:\n  output: json\n  factor: padrao\n", nil, []string{"calc", "w.xlsx"}, nil,
			`error config file capreg.yaml: line 3: unknown key "factor" in section calc: capreg calc has no --factor (its keys: beneficiarios, coverage-weighted, csv-excel, explain, factors, fail-on-insufficient, lang, output, rules)`},
		{"another command's key", "validate:\n  factors: padrao\n", nil, []string{"calc", "w.xlsx"}, nil,
			`error config file capreg.yaml: line 2: unknown key "factors" in section validate`},
		{"checked whichever command runs", "batch:\n  bogus: 1\n", nil, []string{"rules", "show"}, nil, `error config file capreg.yaml: line 2: unknown key "bogus" in section batch`},
		{"a parent is no section", "coleta:\n  validate:\n    strict: true\n", nil, []string{"calc", "w.xlsx"}, nil,
			"error config file capreg.yaml: line 1: a section is named by the whole command path: coleta fill:, coleta template:, coleta validate:"},
		{"the rules key is no section", "rules:\n  export: {}\n", nil, []string{"calc", "w.xlsx"}, nil,
			"error config file capreg.yaml: line 1: a section is named by the whole command path: rules export:, rules show:"},
		{"a section that is a value", "calc: json\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: line 1: calc is the section of capreg calc: put its keys under it, indented (output: json)"},
		{"a key without a value", "calc:\n  output:\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: line 2: output needs one value"},
		{"a list", "rules: [a.yaml, b.yaml]\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: line 1: rules needs one value"},
		{"a key twice", "calc:\n  output: json\n  output: csv\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: line 3: output is given twice (lines 2 and 3)"},
		{"a bad value", "batch:\n  jobs: many\n", nil, []string{"batch", "d"}, nil, `error config file capreg.yaml: line 2: jobs: invalid argument "many"`},
		{"a bad variable", "", map[string]string{"CAPREG_JOBS": "many"}, []string{"batch", "d"}, nil, `error CAPREG_JOBS=many: invalid argument "many"`},
		{"not YAML", "calc: [\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: yaml: line 1"},
		{"not a mapping", "- calc\n", nil, []string{"calc", "w.xlsx"}, nil, "error config file capreg.yaml: line 1: a config file is a mapping"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if c.config != "" || c.name == "empty config" {
				must(t, os.WriteFile("capreg.yaml", []byte(c.config), 0o644))
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			got, err := resolveIn(t, c.args, c.flags...)
			if err != nil {
				if exitCodeOf(err) != ExitInvalid {
					t.Errorf("exit %d, want 2", exitCodeOf(err))
				}
				got = "error " + err.Error()
			}
			if c.name == "empty config" {
				got = strings.TrimSuffix(got, " config=capreg.yaml")
			}
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// The config file: --config, else ./capreg.yaml, else the user config dir;
// a --config that is missing or not a regular file is an error.
func TestConfigFile(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", xdg)
	t.Chdir(t.TempDir())
	must(t, os.Mkdir(xdg+"/capreg", 0o755))
	must(t, os.WriteFile(xdg+"/capreg/capreg.yaml", []byte("calc:\n  factors: aps\n"), 0o644))
	if got, err := resolveIn(t, []string{"calc", "w.xlsx"}, "factors"); err != nil || got != "factors=aps config="+xdg+"/capreg/capreg.yaml" {
		t.Errorf("user config: %s %v", got, err)
	}
	must(t, os.WriteFile("capreg.yaml", []byte("calc:\n  factors: padrao\n"), 0o644))
	if got, err := resolveIn(t, []string{"calc", "w.xlsx"}, "factors"); err != nil || got != "factors=padrao config=capreg.yaml" {
		t.Errorf("./capreg.yaml: %s %v", got, err)
	}
	must(t, os.WriteFile("mine.yaml", []byte("calc:\n  factors: reduzido\n"), 0o644))
	if got, err := resolveIn(t, []string{"calc", "w.xlsx", "--config", "mine.yaml"}, "factors"); err != nil || got != "factors=reduzido config=mine.yaml" {
		t.Errorf("--config: %s %v", got, err)
	}
	for _, bad := range []string{"none.yaml", ".", os.DevNull} {
		_, err := resolveIn(t, []string{"calc", "w.xlsx", "--config", bad})
		if err == nil || !strings.HasPrefix(err.Error(), "config file "+bad+": ") || exitCodeOf(err) != ExitInvalid {
			t.Errorf("--config %s: %v", bad, err)
		}
	}
}

// The shared keys reach a command's inherited flags (rules is the root's)
// before its flags are parsed too.
func TestParseConfigShared(t *testing.T) {
	root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	calc, _, err := root.Find([]string{"calc"})
	if err != nil {
		t.Fatal(err)
	}
	values, err := parseConfig([]byte("rules: r.yaml\njobs: 2\ncalc:\n  factors: aps\n"), "capreg.yaml", calc)
	if err != nil || len(values) != 2 || values["rules"] != (configValue{"r.yaml", 1}) || values["factors"] != (configValue{"aps", 4}) {
		t.Errorf("%v %v", values, err)
	}
}
