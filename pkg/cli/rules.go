package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/capreg/capreg/pkg/rules"
)

// NewCmdRules builds capreg rules show|export.
func NewCmdRules(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Show or export the effective rulebook (embedded + --rules FILE)",
	}
	show := &cobra.Command{
		Use:     "show",
		Short:   "List every parameter with value, status (regulation, provisional, proposal, user) and source",
		Example: "  capreg rules show\n  capreg rules show --rules regras.yaml",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			rb, err := loadRules(set.rules)
			if err != nil {
				return err
			}
			leaves, err := rb.Leaves()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "PARAMETER\tVALUE\tSTATUS\tSOURCE\n")
			for _, l := range leaves {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Path, l.Value, l.Status, l.Source)
			}
			return tw.Flush()
		},
	}
	var out string
	var force bool
	export := &cobra.Command{
		Use:     "export",
		Short:   "Write the effective rulebook as a rules file to edit and pass back with --rules",
		Example: "  capreg rules export > regras.yaml\n  capreg rules export --out regras.yaml",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			if err := set.guard(force, []string{out}); err != nil {
				return err
			}
			rb, err := loadRules(set.rules)
			if err != nil {
				return err
			}
			return exportRules(cmd, s, rb, out)
		},
	}
	addOutFlags(export, &out, &force)
	cmd.AddCommand(show, export)
	return cmd
}

// exportRules writes rb as a rules file to out (stdout when "").
func exportRules(cmd *cobra.Command, s Streams, rb *rules.Rulebook, out string) error {
	data, err := rb.Export()
	if err != nil {
		return err
	}
	return writeOutput(cmd, out, s.Out, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
