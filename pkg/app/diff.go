package app

import (
	"context"
	"errors"

	"github.com/capreg/capreg/pkg/analysis"
	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/rules"
)

// Difference is the analysis of change between two workbooks of an
// operator (capreg diff): ANTERIOR and ATUAL each computed as calc computes
// them, and the states in between, one per step.
type Difference struct {
	Anterior, Atual *Calculation // States[0] and the last state, with each workbook's warnings
	AnteriorPath    string
	AtualPath       string
	States          []analysis.State // ANTERIOR, then the state after each step of analysis.Steps()
	Notes           []DiffNote       // what the reader of the analysis should know
}

// DiffNote is something about the two workbooks an analysis of change
// warns of.
type DiffNote int

// The notes of a Difference.
const (
	// RegistroDiffers: the workbooks are of two operators.
	RegistroDiffers DiffNote = iota + 1
	// DataBaseNotAfter: ATUAL's data base is not later than ANTERIOR's
	// (the workbooks given in the wrong order, or the same month twice).
	DataBaseNotAfter
)

// Diff reads and checks the workbooks anterior and atual as calc does
// (without beneficiary data: the amounts do not depend on it) and analyses
// the change from one to the other (analysis.Change). A workbook with
// errors is a FileError naming it around the *findings.InputError of its
// findings; when both have errors, both are returned (errors.Join).
func Diff(ctx context.Context, anterior, atual string, rb *rules.Rulebook) (*Difference, error) {
	a, wa, errA := readChecked(ctx, anterior, "", rb)
	b, wb, errB := readChecked(ctx, atual, "", rb)
	if err := errors.Join(InFile(anterior, errA), InFile(atual, errB)); err != nil {
		return nil, err
	}
	states, err := analysis.Change(a, b, rb)
	if err != nil {
		return nil, err
	}
	first, last := states[0].Result, states[len(states)-1].Result
	d := &Difference{
		Anterior:     &Calculation{Result: first, Warnings: append(wa, first.Warnings...), Rulebook: rb},
		Atual:        &Calculation{Result: last, Warnings: append(wb, last.Warnings...), Rulebook: rb},
		AnteriorPath: anterior, AtualPath: atual, States: states,
	}
	// each side is calc's document of its workbook, headroom included
	if d.Anterior.Headroom, err = analysis.FindHeadroom(a, first, rb, capital.Options{}); err != nil {
		return nil, err
	}
	if d.Atual.Headroom, err = analysis.FindHeadroom(b, last, rb, capital.Options{}); err != nil {
		return nil, err
	}
	if a.Operadora.RegistroANS != b.Operadora.RegistroANS {
		d.Notes = append(d.Notes, RegistroDiffers)
	}
	if !b.Operadora.DataBase.After(a.Operadora.DataBase) {
		d.Notes = append(d.Notes, DataBaseNotAfter)
	}
	return d, nil
}
