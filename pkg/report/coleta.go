package report

import (
	"fmt"
	"io"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/coleta"
)

// ColetaFilled tells what capreg coleta fill wrote to the file out: the
// month's row and its fields, the cells replaced, the notes of the plan,
// and what the sheet still lacks (rep, the validation of out).
func ColetaFilled(w io.Writer, out string, f *app.ColetaFill, rep app.FileReport) error {
	p := f.Plan
	where := fmt.Sprintf("row %d", p.Row)
	if p.New {
		where = fmt.Sprintf("new row %d", p.Row)
	}
	show := func(v *int64) string {
		if v == nil {
			return "(empty)"
		}
		return fmt.Sprint(*v)
	}
	sw := &stickyWriter{w: w}
	fmt.Fprintf(sw, "wrote %s: %s in %s of %s: field 1 = %s, 2 = %s, 5 = %d, 6 = %s, 7 = %s\n",
		out, p.Month, where, coleta.SheetName, p.Registro, coleta.FormatMonth(p.Month), p.Total, show(p.Promoprev), show(p.APS))
	for _, c := range f.Replaced {
		fmt.Fprintf(sw, "  replaced %s\n", c)
	}
	for _, n := range p.Notes {
		fmt.Fprintf(sw, "  note: %s\n", n)
	}
	if rep.Errors+rep.Warnings > 0 {
		fmt.Fprintf(sw, "  the sheet still has %d errors and %d warnings: capreg coleta validate %s lists them\n", rep.Errors, rep.Warnings, out)
	}
	return sw.err
}
