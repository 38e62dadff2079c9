package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/report"
	"github.com/capreg/capreg/pkg/rules"
)

// RulesOptions are the streams and settings of capreg rules show and
// export.
type RulesOptions struct {
	IO    Streams
	Rules string    // the rules file merged over the embedded rulebook, or ""
	Out   string    // export: the file to write, "" for stdout
	Force bool      // export: --out may replace an existing file
	Lang  lang.Lang // --lang, the root's
}

// NewCmdRules builds capreg rules show|export.
func NewCmdRules(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Show or export the effective rulebook (embedded + --rules FILE)",
	}
	cmd.AddCommand(NewCmdRulesShow(s, nil), NewCmdRulesExport(s, nil))
	return cmd
}

// NewCmdRulesShow builds capreg rules show; runF replaces the run (tests
// of flag parsing), nil runs it.
func NewCmdRulesShow(s Streams, runF func(context.Context, *RulesOptions) error) *cobra.Command {
	o := &RulesOptions{IO: s}
	return &cobra.Command{
		Use:     "show",
		Short:   "List every parameter with value, status (regulation, provisional, proposal, user) and source",
		Example: "  capreg rules show\n  capreg rules show --rules regras.yaml",
		Args:    cobra.NoArgs,
		RunE:    runE(o, o.complete, runF, runRulesShow),
	}
}

// complete takes the rules file from set, and checks export's --out (show
// has none).
func (o *RulesOptions) complete(set *settings, _ []string) error {
	o.Rules, o.Lang = set.rules, set.lang
	return set.guard(o.Force, []string{o.Out})
}

// effective is view (Leaves, Export) of the effective rulebook: the
// embedded one merged with o's rules file.
func effective[V any](o *RulesOptions, view func(*rules.Rulebook) (V, error)) (V, error) {
	rb, err := app.LoadRules(o.Rules)
	if err != nil {
		var none V
		return none, err
	}
	return view(rb)
}

func runRulesShow(_ context.Context, o *RulesOptions) error {
	leaves, err := effective(o, (*rules.Rulebook).Leaves)
	if err != nil {
		return err
	}
	return report.RulesTable(o.IO.Out, leaves, o.Lang)
}

// NewCmdRulesExport builds capreg rules export; runF replaces the run
// (tests of flag parsing), nil runs it.
func NewCmdRulesExport(s Streams, runF func(context.Context, *RulesOptions) error) *cobra.Command {
	o := &RulesOptions{IO: s}
	cmd := &cobra.Command{
		Use:     "export",
		Short:   "Write the effective rulebook as a rules file to edit and pass back with --rules",
		Example: "  capreg rules export > regras.yaml\n  capreg rules export --out regras.yaml",
		Args:    cobra.NoArgs,
		RunE:    runE(o, o.complete, runF, runRulesExport),
	}
	addOutFlags(cmd, &o.Out, outUsage, &o.Force)
	return cmd
}

func runRulesExport(ctx context.Context, o *RulesOptions) error {
	data, err := effective(o, (*rules.Rulebook).Export)
	if err != nil {
		return err
	}
	return writeOutput(ctx, o.Out, o.IO.Out, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
