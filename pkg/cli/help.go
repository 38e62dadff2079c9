package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/capreg/capreg/pkg/lang"
)

// The help speaks the language of the run (--lang, CAPREG_LANG, the config
// file's lang): the commands write their texts in English, and localize
// puts every text of the tree in the run's language, from the catalog
// (pkg/lang, messages_help*.go), before cobra parses anything — cobra
// writes the help while it parses the flags, and a flag it cannot parse
// stops it before the command resolves its settings.

// helpLang is the language of the help and of the usage line of the run of
// args: --lang in args, else CAPREG_LANG, else the config file's lang (the
// command's section, else the top level), else the default — the
// settings' own rule (resolveFlags), on --lang and --config alone, read
// out of args without cobra. A bad value is the command's usage error to
// report; the help then speaks what the rest gives.
func helpLang(root *cobra.Command, args []string) lang.Lang {
	cmd, rest, _ := root.Find(args) // an unknown command is Execute's to report
	if cmd.Name() == "help" && cmd.Parent() == root {
		if target, targetArgs, err := root.Find(rest); err == nil { // capreg help calc: calc's section
			cmd, rest = target, targetArgs
		}
	}
	fs := pflag.NewFlagSet(cmd.CommandPath(), pflag.ContinueOnError)
	fs.ParseErrorsAllowlist.UnknownFlags = true // the command's own
	fs.SetOutput(io.Discard)
	l := new(lang.Lang)
	fs.Var(l, "lang", "")
	fs.String("config", "", "")
	fs.BoolP("help", "h", false, "") // pflag stops at a -h it does not know
	_ = fs.Parse(rest)
	if set, err := resolveFlags(fs, cmd); err == nil {
		return set.lang
	}
	// the command will report the error in the language the flags reached:
	// a valid --lang, else CAPREG_LANG, else the default
	return l.Resolved()
}

// localize puts the help of every command under root in language l: the
// texts of the commands and of their flags as the catalog has them
// (translate), the -h flag's, and cobra's words around them (usage).
func localize(root *cobra.Command, l lang.Lang) {
	root.SetUsageFunc(usage(l))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Use, c.Short = translate(l, c.Use), translate(l, c.Short)
		c.Long, c.Example = translate(l, c.Long), translate(l, c.Example)
		c.LocalFlags().VisitAll(func(f *pflag.Flag) { f.Usage = translate(l, f.Usage) })
		c.InitDefaultHelpFlag() // cobra adds it to the command it runs only: every page lists it
		c.Flags().Lookup("help").Usage = l.T(lang.HelpFlag, c.DisplayName())
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// translate is the help text s in language l, paragraph by paragraph (a
// blank line ends one): each as the catalog has it (lang.Help), else as it
// is — a paragraph of command lines reads the same in both languages.
func translate(l lang.Lang, s string) string {
	paragraphs := strings.Split(s, "\n\n")
	for i, p := range paragraphs {
		text := strings.TrimRightFunc(p, unicode.IsSpace)
		paragraphs[i] = l.Help(text) + p[len(text):]
	}
	return strings.Join(paragraphs, "\n\n")
}

// usage is cobra's usage function (cobra 1.10's defaultUsageFunc) with its
// words in language l: in English it writes what cobra writes. capreg
// puts its commands in no groups, so it lists them without.
func usage(l lang.Lang) func(*cobra.Command) error {
	return func(c *cobra.Command) error {
		var b strings.Builder
		b.WriteString(l.T(lang.HelpUsage))
		if c.Runnable() {
			b.WriteString("\n  " + flagWords(l, c.UseLine()))
		}
		if c.HasAvailableSubCommands() {
			fmt.Fprintf(&b, "\n  %s %s", c.CommandPath(), l.T(lang.HelpCommandArg))
		}
		if len(c.Aliases) > 0 {
			fmt.Fprintf(&b, "\n\n%s\n  %s", l.T(lang.HelpAliases), c.NameAndAliases())
		}
		if c.HasExample() {
			fmt.Fprintf(&b, "\n\n%s\n%s", l.T(lang.HelpExamples), c.Example)
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n\n" + l.T(lang.HelpCommands))
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() || sub.Name() == "help" {
					fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
				}
			}
		}
		if c.HasAvailableLocalFlags() {
			fmt.Fprintf(&b, "\n\n%s\n%s", l.T(lang.HelpFlags), flagUsages(l, c.LocalFlags()))
		}
		if c.HasAvailableInheritedFlags() {
			fmt.Fprintf(&b, "\n\n%s\n%s", l.T(lang.HelpGlobalFlags), flagUsages(l, c.InheritedFlags()))
		}
		if c.HasHelpSubCommands() {
			b.WriteString("\n\n" + l.T(lang.HelpTopics))
			for _, sub := range c.Commands() {
				if sub.IsAdditionalHelpTopicCommand() {
					fmt.Fprintf(&b, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), sub.Short)
				}
			}
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n\n" + l.T(lang.HelpMore, c.CommandPath()))
		}
		_, err := fmt.Fprintln(c.OutOrStderr(), b.String())
		return err
	}
}

// flagUsages lists the flags of fs as cobra does, in language l.
func flagUsages(l lang.Lang, fs *pflag.FlagSet) string {
	return flagWords(l, strings.TrimRightFunc(fs.FlagUsages(), unicode.IsSpace))
}

// flagWords puts the words cobra and pflag write about flags in s — the
// [flags] of a usage line, the (default …) of a flag — in language l.
func flagWords(l lang.Lang, s string) string {
	return strings.NewReplacer("[flags]", l.T(lang.HelpFlagsArg), " (default ", " ("+l.T(lang.HelpDefault)+" ").Replace(s)
}
