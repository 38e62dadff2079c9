package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/lang"
)

// TemplateOptions are the streams and settings of capreg template.
type TemplateOptions struct {
	IO    Streams
	File  string
	Force bool      // FILE may replace an existing file
	Lang  lang.Lang // --lang, the root's
}

// NewCmdTemplate builds capreg template; runF replaces the run (tests of
// flag parsing), nil runs it.
func NewCmdTemplate(s Streams, runF func(context.Context, *TemplateOptions) error) *cobra.Command {
	o := &TemplateOptions{IO: s}
	cmd := &cobra.Command{
		Use:     "template FILE",
		Short:   "Write the empty input workbook (layout v1) with a Leia-me sheet",
		Example: "  capreg template operadora.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE: runE(o, func(set *settings, args []string) error {
			o.File, o.Lang = args[0], set.lang
			return set.guard(o.Force, []string{o.File})
		}, runF, func(ctx context.Context, o *TemplateOptions) error {
			return writeWorkbook(ctx, o.IO, o.Lang, o.File, generate.Template)
		}),
	}
	addForceFlag(cmd, &o.Force)
	return cmd
}

// writeWorkbook writes the workbook build makes to path, whole or not at
// all, and says so on stderr in language l.
func writeWorkbook(ctx context.Context, s Streams, l lang.Lang, path string, build func() (*excelize.File, error)) error {
	f, err := build()
	if err != nil {
		return err // a bug: the workbook is capreg's own
	}
	defer f.Close()
	if err := safeWrite(ctx, path, func(w io.Writer) error { return f.Write(w) }); err != nil {
		return err
	}
	fmt.Fprintln(s.Err, l.T(lang.Wrote, path))
	return nil
}
