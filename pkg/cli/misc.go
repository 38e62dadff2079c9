package cli

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/report"
)

// NewCmdTemplate builds capreg template.
func NewCmdTemplate(s Streams) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:     "template FILE",
		Short:   "Write the empty input workbook (layout v1) with a Leia-me sheet",
		Example: "  capreg template operadora.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := resolve(cmd)
			if err != nil {
				return err
			}
			if err := set.guard(force, args); err != nil {
				return err
			}
			return writeWorkbook(cmd, s, args[0], generate.Template)
		},
	}
	addForceFlag(cmd, &force)
	return cmd
}

func writeWorkbook(cmd *cobra.Command, s Streams, path string, build func() (*excelize.File, error)) error {
	f, err := build()
	if err != nil {
		return err
	}
	defer f.Close()
	if err := safeWrite(cmd.Context(), path, func(w io.Writer) error { return f.Write(w) }); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "wrote %s\n", path)
	return nil
}

// Version is the version from the build info ("(devel)" in a source tree).
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		for _, st := range bi.Settings {
			if st.Key == "vcs.revision" && len(st.Value) >= 12 {
				v += " " + st.Value[:12]
			}
		}
		return v
	}
	return "unknown"
}

// NewCmdVersion builds capreg version.
func NewCmdVersion(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print capreg's version and the JSON schema version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(s.Out, "capreg %s (json schema %s)\n", Version(), report.SchemaVersion)
			return err
		},
	}
}
