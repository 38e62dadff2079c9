package app

import (
	"context"
	"errors"
	"slices"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/coletabook"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
)

// FileReport is the validation of one file.
type FileReport struct {
	File     string
	Valid    bool // no error
	Errors   int
	Warnings int
	Findings findings.List // sorted, each naming File
}

// rulebookNotices are calc's notices about the rulebook rather than the
// workbook: the result used provisional (CR-W005) or proposal (CR-W009)
// parameters. With the shipped rulebook nearly every result uses
// provisional ones (the capital de referência points, CRC, CRM and CRO
// factors), which calc marks on every figure, and only a rules file changes
// that: validate leaves them out, so --strict fails on what the workbook can
// fix.
var rulebookNotices = []string{findings.ProvisionalParams, findings.ProposalParams}

// RulebookNotice tells whether f is a rulebook notice rather than a
// finding about the workbook.
func RulebookNotice(f findings.Finding) bool { return slices.Contains(rulebookNotices, f.Code) }

// Validate checks one workbook as calc reads and computes it (the same
// Calculate): the reader's findings, the model's checks, the errors
// computing it meets, and every warning calc would print for it but the
// rulebook notices.
func Validate(ctx context.Context, path string, rb *rules.Rulebook) FileReport {
	var l findings.List
	c, err := Calculate(ctx, path, "", rb, capital.Options{})
	var ie *findings.InputError
	switch {
	case errors.As(err, &ie):
		l = ie.Findings
	case errors.Is(err, capital.ErrRules):
		l.Add(unreadable(err).WithFix(lang.M("check the rules file")))
	case err != nil:
		l.Add(unreadable(err))
	default:
		l = slices.DeleteFunc(c.Warnings, RulebookNotice)
	}
	return newFileReport(path, l)
}

// ValidateColeta checks one collection workbook (capreg coleta); an
// interruption is the one finding of a file not read through.
func ValidateColeta(ctx context.Context, path string) FileReport {
	l, err := coletabook.Validate(ctx, path)
	if err != nil {
		l.Add(unreadable(err))
	}
	return newFileReport(path, l)
}

// ValidateEach checks every file with check, in order, and stops with
// ctx's error when it is done.
func ValidateEach(ctx context.Context, files []string, check func(ctx context.Context, path string) FileReport) ([]FileReport, error) {
	var reps []FileReport
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		reps = append(reps, check(ctx, f))
	}
	return reps, nil
}

// unreadable is the finding of a file that cannot be read at all.
func unreadable(err error) findings.Finding {
	return findings.New(findings.Unreadable, "", "", lang.Err(err))
}

// newFileReport is the report of a file with its findings l.
func newFileReport(path string, l findings.List) FileReport {
	for i := range l {
		l[i].File = path
	}
	rep := FileReport{File: path, Findings: l.Sorted()}
	rep.Errors, rep.Warnings = len(l.Errors()), len(l.Warnings())
	rep.Valid = rep.Errors == 0
	return rep
}
