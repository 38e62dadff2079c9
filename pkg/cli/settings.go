package cli

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/yamlmap"
)

// Configuration is read here, once per command, into the command's own
// flags: a flag the command line did not give takes CAPREG_NAME from the
// environment, else its key from the config file, else its default. The
// commands bind their flags to their Options fields, so no command reads a
// setting by name.
//
// The config file is YAML: a few shared keys at the top level, and a
// section per command keyed by its path ("calc", "coleta validate"), whose
// keys are that command's flags:
//
//	rules: regras.yaml
//	jobs: 4
//	lang: en
//	calc:
//	  factors: padrao
//	coleta validate:
//	  output: json
//
// Every key is checked against the command tree, so a misspelt key, or a
// key of one command put in another's section, is an error naming the key,
// the line and the file, whichever command runs.
//
// (Viper is not used: it lowercases keys, resolves scalars by their YAML
// type (a registro 005711 becomes a number), cannot tell which keys are
// unknown nor give their lines, and knows no sections. A scalar's text is
// handed to the flag's own parser here instead, as a command-line value
// would be.)

// sharedKeys are the top-level keys of a config file: each sets the flag of
// that name in every command that has it, unless the command's section
// sets it too.
var sharedKeys = []string{"rules", "jobs", "lang"}

// commandLineOnly are the flags taken from the command line alone: the
// files a command writes (and whether it may replace them) are never set
// by a config file or the environment, which every command shares.
var commandLineOnly = []string{"config", "out", "force", "template", "man", "markdown", "help"}

// settings are a command's resolved configuration.
type settings struct {
	given  map[string]bool // the flags given on the command line
	config string          // the config file read, "" without one
	rules  string          // the rules file (--rules), "" for the embedded rulebook
	lang   lang.Lang       // the language of the output for a person (--lang)
}

// resolve fills the flags of cmd that the command line did not give from
// the environment and the config file: flags > CAPREG_* > config file >
// defaults.
func resolve(cmd *cobra.Command) (*settings, error) { return resolveFlags(cmd.Flags(), cmd) }

// resolveFlags is resolve on the flags fs of cmd: its own (resolve), or
// the few the help needs before cobra parses cmd's (helpLang).
func resolveFlags(fs *pflag.FlagSet, cmd *cobra.Command) (*settings, error) {
	set := &settings{given: map[string]bool{}}
	fs.Visit(func(f *pflag.Flag) { set.given[f.Name] = true })
	file := configFile(fs)
	var conf map[string]configValue
	var confErr error // the environment still sets the flags (the language of this error among them)
	if file != "" {
		conf, confErr = readConfig(file, cmd)
	}
	set.config = file
	var errs []error
	fs.VisitAll(func(f *pflag.Flag) {
		if set.given[f.Name] || slices.Contains(commandLineOnly, f.Name) {
			return
		}
		env := envName(f.Name)
		if v := os.Getenv(env); v != "" {
			if err := fs.Set(f.Name, v); err != nil {
				errs = append(errs, usageError{lang.Errorf("%s=%s: %v", env, v, flagError{err})})
			}
			return
		}
		if c, ok := conf[f.Name]; ok {
			if err := fs.Set(f.Name, c.text); err != nil {
				errs = append(errs, app.InvalidError{Err: lang.Errorf("config file %s: line %d: %s: %v", file, lang.Ordinal(c.line), f.Name, flagError{err})})
			}
		}
	})
	if confErr != nil {
		return nil, confErr
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if f := fs.Lookup("rules"); f != nil {
		set.rules = f.Value.String()
	}
	if f := fs.Lookup("lang"); f != nil {
		set.lang = *f.Value.(*lang.Lang)
	}
	return set, nil
}

// envName is the environment variable of a flag: CAPREG_FAIL_ON_INSUFFICIENT.
func envName(flag string) string {
	return "CAPREG_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// configFile is the config file to read: --config, else ./capreg.yaml, else
// capreg/capreg.yaml in the user config dir; "" when there is none.
func configFile(fs *pflag.FlagSet) string {
	var file string
	if f := fs.Lookup("config"); f != nil {
		file = f.Value.String()
	}
	if file == "" {
		candidates := []string{"capreg.yaml"}
		if dir, err := os.UserConfigDir(); err == nil {
			candidates = append(candidates, filepath.Join(dir, "capreg", "capreg.yaml"))
		}
		for _, c := range candidates {
			if _, err := os.Stat(c); err == nil {
				file = c
				break
			}
		}
	}
	return file
}

// configValue is a key's value in a config file: the scalar's text and its
// line.
type configValue struct {
	text string
	line int
}

// readConfig reads the config file at path (a regular file) for cmd, as
// parseConfig does.
func readConfig(path string, cmd *cobra.Command) (map[string]configValue, error) {
	data, err := app.ReadFile(path)
	if err != nil {
		return nil, lang.Errorf("config file %w", err)
	}
	return parseConfig(data, path, cmd)
}

// parseConfig checks every key of a config file (data, read from path)
// against the command tree cmd belongs to, and returns cmd's values: the
// shared keys of the flags cmd has, overridden by cmd's section.
func parseConfig(data []byte, path string, cmd *cobra.Command) (map[string]configValue, error) {
	bad := func(line int, why lang.Msg) error {
		return app.InvalidError{Err: lang.Errorf("config file %s: line %d: %s", path, lang.Ordinal(line), why)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, app.InvalidError{Err: lang.Errorf("config file %s: %v", path, yamlError{err})}
	}
	if len(doc.Content) == 0 { // empty file
		return nil, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, bad(top.Line, lang.M("a config file is a mapping of keys to values (rules: regras.yaml, calc: {output: json})"))
	}
	sections := commandSections(cmd.Root())
	shared := map[string]configValue{}
	own := map[string]configValue{}
	err := yamlmap.EachKey(top, bad, func(key, val *yaml.Node) error {
		section, ok := sections[key.Value]
		switch {
		case val.Kind == yaml.MappingNode && !ok && len(subsections(sections, key.Value)) > 0:
			return bad(key.Line, lang.M("a section is named by the whole command path: %s", strings.Join(subsections(sections, key.Value), ", ")))
		case slices.Contains(sharedKeys, key.Value):
			v, err := scalar(key, val, bad)
			shared[key.Value] = v
			return err
		case slices.Contains(commandLineOnly, key.Value):
			return bad(key.Line, commandLineOnlyKey(key.Value))
		case !ok:
			return bad(key.Line, lang.M("unknown key %q: the top level holds %s and a section per command (%s)",
				key.Value, strings.Join(sharedKeys, ", "), strings.Join(slices.Sorted(maps.Keys(sections)), ", ")))
		case val.Kind != yaml.MappingNode:
			return bad(val.Line, lang.M("%s is the section of capreg %s: put its keys under it, indented (output: json)", key.Value, key.Value))
		}
		if section != cmd {
			return sectionKeys(key.Value, section, val, bad, nil)
		}
		return sectionKeys(key.Value, section, val, bad, own)
	})
	if err != nil {
		return nil, err
	}
	values := map[string]configValue{}
	for k, v := range shared {
		if hasFlag(cmd, k) {
			values[k] = v
		}
	}
	for k, v := range own {
		values[k] = v
	}
	return values, nil
}

// yamlError is an error of the YAML parser ("yaml: line 3: did not find
// expected key"): in English as the parser writes it; in another language
// its line in that language's words, the reason still the parser's.
type yamlError struct{ err error }

func (e yamlError) Error() string { return e.err.Error() }

// In is the error's text in language l.
func (e yamlError) In(l lang.Lang) string {
	rest, ok := strings.CutPrefix(e.err.Error(), "yaml: line ")
	n, why, found := strings.Cut(rest, ": ")
	line, err := strconv.Atoi(n)
	if !ok || !found || err != nil || english(l) {
		return e.err.Error()
	}
	return lang.M("line %d", lang.Ordinal(line)).In(l) + ": " + why
}

// sectionKeys checks every key of the section name (val) against the
// flags of its command, section, and records their values in values, if
// not nil.
func sectionKeys(name string, section *cobra.Command, val *yaml.Node, bad func(int, lang.Msg) error, values map[string]configValue) error {
	return yamlmap.EachKey(val, bad, func(k, v *yaml.Node) error {
		switch {
		case slices.Contains(commandLineOnly, k.Value):
			return bad(k.Line, commandLineOnlyKey(k.Value))
		case !hasFlag(section, k.Value):
			return bad(k.Line, lang.M("unknown key %q in section %s: capreg %s has no --%s (its keys: %s)",
				k.Value, name, name, k.Value, strings.Join(configKeys(section), ", ")))
		}
		c, err := scalar(k, v, bad)
		if values != nil {
			values[k.Value] = c
		}
		return err
	})
}

// commandLineOnlyKey is why a config file cannot hold key, a flag of the
// command line only.
func commandLineOnlyKey(key string) lang.Msg {
	return lang.M("%s is taken from the command line only (--%s), never from a config file", key, key)
}

// scalar is a key's value, which must be one scalar (its text as written).
func scalar(key, val *yaml.Node, bad func(int, lang.Msg) error) (configValue, error) {
	if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
		return configValue{}, bad(val.Line, lang.M("%s needs one value (as on the command line: --%s VALUE)", key.Value, key.Value))
	}
	return configValue{text: val.Value, line: val.Line}, nil
}

// commandSections maps the section names of a config file (the command
// paths below the root: "calc", "coleta validate") to their commands:
// every command that runs, not the parents of subcommands, help and
// completion.
func commandSections(root *cobra.Command) map[string]*cobra.Command {
	sections := map[string]*cobra.Command{}
	var walk func(c *cobra.Command, path string)
	walk = func(c *cobra.Command, path string) {
		if c.HasSubCommands() {
			for _, sub := range c.Commands() {
				if sub.Name() != "help" && sub.Name() != "completion" && !sub.Hidden {
					walk(sub, strings.TrimSpace(path+" "+sub.Name()))
				}
			}
			return
		}
		if path == "" { // a command run alone (tests): its own name
			path = c.Name()
		}
		sections[path] = c
	}
	walk(root, "")
	return sections
}

// subsections are the sections below a parent command ("coleta" gives
// "coleta fill", ...), with a colon each, as a config file names them.
func subsections(sections map[string]*cobra.Command, parent string) []string {
	var subs []string
	for name := range sections {
		if strings.HasPrefix(name, parent+" ") {
			subs = append(subs, name+":")
		}
	}
	slices.Sort(subs)
	return subs
}

// hasFlag reports whether c has the flag name, its own or inherited.
func hasFlag(c *cobra.Command, name string) bool {
	return c.Flags().Lookup(name) != nil || c.InheritedFlags().Lookup(name) != nil
}

// configKeys are the keys of a command's section: its flags (its own and
// those it inherits) but those of the command line only.
func configKeys(c *cobra.Command) []string {
	var keys []string
	add := func(f *pflag.Flag) {
		if !slices.Contains(commandLineOnly, f.Name) && !slices.Contains(keys, f.Name) {
			keys = append(keys, f.Name)
		}
	}
	c.Flags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	slices.Sort(keys)
	return keys
}
