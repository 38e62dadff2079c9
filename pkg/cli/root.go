package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/lang"
)

const exitCodesHelp = `Exit codes:
  0    done; every input valid
  1    unexpected internal error (a bug: the message says so)
  2    usage error or invalid input (validation errors found, unreadable file)
  3    computed, and some operator's PLA is below its CR (only with --fail-on-insufficient)
  130  interrupted (Ctrl-C / SIGTERM)`

// NewRootCmd builds the command tree.
func NewRootCmd(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "capreg",
		Short: "Regulatory capital of Brazilian health-plan operators (ANS RN 569/2022)",
		Long: `capreg computes the regulatory capital of a health-plan operator under ANS RN 569/2022:
Capital Base, PLA, the risk parcels CRS (PRE, PRO, SUS, RA+RM), CRC, CRM, CRO, the CBR,
CR = max(CB, CBR), surplus and sufficiency, choosing the factor set the operator is
eligible for. Every figure is explained down to the input cell and the rulebook
parameter behind it; parameters the regulation does not confirm are marked PROVISIONAL.

Configuration: flags > environment CAPREG_* (e.g. CAPREG_RULES, CAPREG_OUTPUT) >
config file (--config, else ./capreg.yaml, else the user config dir) > defaults.
The config file holds the shared keys rules, jobs and lang, and a section per command
named by its path (calc:, coleta validate:) whose keys are that command's flags;
an unknown key is an error. --out, --force and --config come from the command
line only: no config file or variable decides which files are written.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	addRootFlags(root)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{flagError{err}}
	})
	root.AddCommand(
		NewCmdCalc(s, nil),
		NewCmdValidate(s, nil),
		NewCmdCompare(s, nil),
		NewCmdDiff(s, nil),
		NewCmdStress(s, nil),
		NewCmdBatch(s, nil),
		NewCmdTemplate(s, nil),
		NewCmdExample(s, nil),
		NewCmdImport(s, nil),
		NewCmdRules(s),
		NewCmdColeta(s), NewCmdReclamacoes(s, nil),
		NewCmdVersion(s, nil), NewCmdDocs(s, nil),
	)
	root.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usageError{lang.Errorf("no help topic %q: capreg help lists the commands", strings.Join(args, " "))}
			}
			return cmd.Help()
		},
	})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	checkArgs(root)
	return root
}

// addRootFlags adds the flags of every command: --config, --rules and
// --lang (the language of the output for a person), which resolve reads
// into the settings.
func addRootFlags(root *cobra.Command) {
	root.PersistentFlags().String("config", "", "config file (default ./capreg.yaml, else the user config dir)")
	root.PersistentFlags().String("rules", "", "rules file (YAML) merged over the embedded rulebook")
	completeFlag(root, "config", completeFiles(yamlExts...))
	completeFlag(root, "rules", completeFiles(yamlExts...))
	root.PersistentFlags().Var(new(lang.Lang), "lang", "language of the output for a person: "+strings.Join(langValues(), " or "))
	completeFlag(root, "lang", completeValues(langValues()...))
}

// runE is the RunE of a command in gh's pattern, the same for every
// command: it resolves the settings (flags > environment > config file),
// lets complete fill the options o from them and the arguments and check
// them (usage errors), then runs runF when a test gives one, else run.
func runE[O any](o *O, complete func(set *settings, args []string) error, runF, run func(context.Context, *O) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		set, err := resolve(cmd)
		if err != nil {
			return err
		}
		if err := complete(set, args); err != nil {
			return err
		}
		if runF != nil {
			return runF(cmd.Context(), o)
		}
		return run(cmd.Context(), o)
	}
}

// checkArgs makes every command of the tree refuse unexpected arguments as
// a usage error (exit 2): cobra leaves the arguments of a command without
// Args to legacyArgs, which lets a parent of subcommands take any (rules
// extra) and calls an unknown one a plain error. The parents of
// subcommands refuse to run alone.
func checkArgs(c *cobra.Command) {
	if c.HasSubCommands() && c.Args == nil {
		c.Args = cobra.NoArgs
	}
	if c.HasSubCommands() && !c.Runnable() {
		c.RunE = func(*cobra.Command, []string) error {
			var subs []string
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() {
					subs = append(subs, sub.Name())
				}
			}
			return usageError{lang.Errorf("%s needs a subcommand: %s", c.CommandPath(), strings.Join(subs, ", "))}
		}
	}
	c.Args = wrapArgs(c.Args)
	for _, sub := range c.Commands() {
		checkArgs(sub)
	}
}

// wrapArgs marks argument-count errors as usage errors, cobra's in the
// words of the language where they are printed (argsError).
func wrapArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	if v == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		err := v(cmd, args)
		if err == nil {
			return nil
		}
		if _, ok := err.(worded); !ok {
			err = argsError{err}
		}
		return usageError{err}
	}
}
