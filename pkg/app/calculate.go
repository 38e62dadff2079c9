package app

import (
	"context"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/beneficiarios"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
	"github.com/capreg/capreg/pkg/workbook"
)

// Calculation is one workbook computed: the result, the warnings of the
// reader, the checks and the engine, and the rulebook used.
type Calculation struct {
	Result   *capital.Result
	Warnings findings.List
	Rulebook *rules.Rulebook
	Headroom *analysis.Headroom // nil unless asked for (CalculateHeadroom)
}

// Calculate reads and computes one workbook (benef: a separate beneficiary
// file, .xlsx or .csv, or "" for none). A workbook with errors is a
// *findings.InputError listing every finding of the reader and the checks
// at once.
func Calculate(ctx context.Context, path, benef string, rb *rules.Rulebook, opt capital.Options) (*Calculation, error) {
	return calculate(ctx, path, benef, rb, opt, false)
}

// CalculateHeadroom is Calculate and the headroom search on the same input
// and options (analysis.FindHeadroom): some tens of computations more.
func CalculateHeadroom(ctx context.Context, path, benef string, rb *rules.Rulebook, opt capital.Options) (*Calculation, error) {
	return calculate(ctx, path, benef, rb, opt, true)
}

// calculate is Calculate, with the headroom search when headroom is set.
func calculate(ctx context.Context, path, benef string, rb *rules.Rulebook, opt capital.Options, headroom bool) (*Calculation, error) {
	in, warnings, err := readChecked(ctx, path, benef, rb)
	if err != nil {
		return nil, err
	}
	opt.Checked = true
	res, err := capital.Compute(in, rb, opt)
	if err != nil {
		return nil, err
	}
	c := &Calculation{Result: res, Warnings: append(warnings, res.Warnings...), Rulebook: rb}
	if headroom {
		if c.Headroom, err = analysis.FindHeadroom(in, res, rb, opt); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// readChecked reads a workbook (and, when benef is not "", a separate
// beneficiary file, streamed) and runs the model's checks on what was read
// against rb: here, once, so that the engine can trust them (Checked) and
// one run reports every problem. It returns the input and the warnings of
// the reader and the checks, or an InputError with every finding of both.
func readChecked(ctx context.Context, path, benef string, rb *rules.Rulebook) (*capital.Input, findings.List, error) {
	f, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	in, l, err := workbook.Read(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	if in != nil && benef != "" {
		b, bl, err := readBeneficiarios(ctx, benef)
		if err != nil {
			return nil, nil, err
		}
		l = append(l, bl...)
		if b != nil {
			in.Beneficiarios = b
		}
	}
	if in != nil {
		l = append(l, capital.Check(in, rb)...)
	}
	if in == nil || l.HasErrors() {
		return nil, nil, &findings.InputError{Findings: l.Sorted()}
	}
	return in, l.Warnings(), nil
}

// readBeneficiarios reads a separate beneficiary file, its findings naming
// it.
func readBeneficiarios(ctx context.Context, path string) (*capital.Beneficiarios, findings.List, error) {
	if err := Regular(path); err != nil {
		return nil, nil, lang.Errorf("beneficiary file %w", err)
	}
	b, l, err := beneficiarios.Read(ctx, path)
	if err != nil {
		return nil, nil, err
	}
	for i := range l {
		l[i].File = path
	}
	return b, l, nil
}
