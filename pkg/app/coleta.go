package app

import (
	"context"
	"errors"

	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/coleta"
	"github.com/capreg/capreg/pkg/coletabook"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/period"
)

// ColetaCounts reads the beneficiary file benef for filling the collection
// sheet at sheet (capreg coleta fill): the counts of fields 5, 6 and 7, and
// the file's warnings, naming it. Both files must be regular files, and are
// checked before either is read; a beneficiary file with errors is a
// *findings.InputError.
func ColetaCounts(ctx context.Context, sheet, benef string) (coleta.Counts, findings.List, error) {
	for _, in := range []string{sheet, benef} {
		if err := Regular(in); err != nil {
			return coleta.Counts{}, nil, err
		}
	}
	counts, l, err := beneficiarios.Read(ctx, benef)
	if err != nil {
		return coleta.Counts{}, nil, err // interrupted
	}
	for i := range l {
		l[i].File = benef
	}
	if l.HasErrors() || counts == nil {
		return coleta.Counts{}, nil, &findings.InputError{Findings: l.Sorted()}
	}
	return coleta.Counts{Total: counts.Total, Promoprev: counts.Promoprev, APS: counts.APS}, l.Warnings(), nil
}

// ColetaFill is a collection sheet with one month filled, in memory, to
// write.
type ColetaFill struct {
	Book     *coletabook.Book // the filled workbook; Close it
	Plan     *coleta.Plan     // what was filled where
	Replaced []string         // the cells whose earlier value it replaced
}

// FillColeta fills month mes of the collection sheet at path with counts
// (registro for field 1 when the sheet has none): the sheet on disk is not
// modified. A sheet that cannot be filled is a *findings.InputError naming
// it, or an InvalidError.
func FillColeta(ctx context.Context, path string, mes period.Month, counts coleta.Counts, registro string) (*ColetaFill, error) {
	b, l, err := coletabook.Open(ctx, path)
	if err != nil {
		return nil, err // interrupted
	}
	if b == nil {
		for i := range l {
			l[i].File = path
		}
		return nil, &findings.InputError{Findings: l}
	}
	plan, err := coleta.PlanFill(b.Sheet, mes, counts, registro)
	var ie *findings.InputError
	switch {
	case errors.As(err, &ie):
		for i := range ie.Findings {
			ie.Findings[i].File = path
		}
	case err != nil:
		err = InvalidError{err}
	}
	if err != nil {
		b.Close()
		return nil, err
	}
	replaced, err := b.Apply(plan)
	if err != nil {
		b.Close()
		return nil, err
	}
	return &ColetaFill{Book: b, Plan: plan, Replaced: replaced}, nil
}
