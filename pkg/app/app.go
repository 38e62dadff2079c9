// Package app holds capreg's use cases: calculate, compare, validate,
// batch, rank (reclamações) and the collection sheet's validation and
// fill. Each takes domain options (paths, a rulebook, capital.Options, a
// context) and returns a domain result (a Calculation, a Comparison, a
// FileReport per file, batch rows through a callback, a ranking, a filled
// sheet); it reads the inputs through the readers, checks them once, runs
// the engine once per result and renders nothing. pkg/cli turns flags into
// these calls and their results into a pkg/report renderer call.
package app

import (
	"errors"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/rules"
)

// InvalidError is a run stopped by its inputs or outputs, not by a bug: an
// input file not there or not readable, a rules or config file that does
// not load, an output that cannot be written. Its message says why; the
// command line exits 2 on it.
type InvalidError struct{ Err error }

func (e InvalidError) Error() string { return e.Err.Error() }
func (e InvalidError) Unwrap() error { return e.Err }

// In is the error's message in language l.
func (e InvalidError) In(l lang.Lang) string { return lang.Describe(e.Err, l) }

// InputFault reports whether err is the input's fault, for the user to
// fix, rather than a bug: findings (a workbook rejected), an InvalidError,
// a rulebook that cannot serve the input.
func InputFault(err error) bool {
	var in *findings.InputError
	var ie InvalidError
	return errors.As(err, &in) || errors.As(err, &ie) || errors.Is(err, capital.ErrRules)
}

// LoadRules returns the embedded rulebook merged with the rules file at
// path, if any ("" for the embedded rulebook alone). A run loads it once
// and hands it to every use case.
func LoadRules(path string) (*rules.Rulebook, error) {
	if path == "" {
		return rules.Default()
	}
	data, err := ReadFile(path)
	if err != nil {
		return nil, lang.Errorf("rules file %w", err)
	}
	rb, err := rules.Load(data, path)
	if err != nil {
		return nil, InvalidError{err}
	}
	return rb, nil
}
