package report

import (
	"fmt"
	"io"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/lang"
)

// ColetaFilled tells what capreg coleta fill wrote to the file out, in
// language l: the month's row and its fields, the cells replaced, the notes
// of the plan, and what the sheet still lacks (rep, the validation of out).
func ColetaFilled(w io.Writer, out string, f *app.ColetaFill, rep app.FileReport, l lang.Lang) error {
	p := f.Plan
	where := l.T(lang.ColetaRow, fmt.Sprint(p.Row))
	if p.New {
		where = l.T(lang.ColetaNewRow, fmt.Sprint(p.Row))
	}
	show := func(v *int64) string {
		if v == nil {
			return l.T(lang.ColetaEmpty)
		}
		return fmt.Sprint(*v)
	}
	sw := &stickyWriter{w: w}
	fmt.Fprintln(sw, l.T(lang.ColetaWrote, out, l.Month(p.Month), where, coleta.SheetName, p.Registro, coleta.FormatMonth(p.Month),
		fmt.Sprint(p.Total), show(p.Promoprev), show(p.APS)))
	for _, c := range f.Replaced {
		fmt.Fprintf(sw, "  %s\n", l.T(lang.ColetaReplaced, c))
	}
	for _, n := range p.Notes {
		fmt.Fprintf(sw, "  %s\n", l.T(lang.ColetaNote, n.In(l)))
	}
	if rep.Errors+rep.Warnings > 0 {
		fmt.Fprintf(sw, "  %s\n", l.T(lang.ColetaStillHas, l.Count(rep.Errors), l.Count(rep.Warnings), out))
	}
	return sw.err
}
