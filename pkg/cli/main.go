// Package cli is capreg's command line and nothing more: each cobra
// command binds its flags to its Options (settings.go fills those the
// command line did not give from CAPREG_* and the config file; files.go
// keeps its outputs off its inputs), calls one use case of pkg/app and
// hands the result to a renderer of pkg/report. Main maps every error to
// the documented exit codes; no command exits.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
)

// Exit codes (the same for every command).
const (
	ExitOK           = 0
	ExitInternal     = 1
	ExitInvalid      = 2
	ExitInsufficient = 3
	ExitInterrupted  = 130
)

// Streams are the command's standard streams.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	OutTTY bool // stdout is a terminal
	ErrTTY bool // stderr is a terminal
}

// System returns the process's streams.
func System() Streams {
	return Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())), ErrTTY: term.IsTerminal(int(os.Stderr.Fd()))}
}

// usageError is a mistake in the command line (exit 2, with usage hint).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// In is the error's message in language l.
func (e usageError) In(l lang.Lang) string { return describe(e.err, l) }

// errInsufficient is a computed PLA below CR under --fail-on-insufficient.
var errInsufficient = lang.Errorf("PLA is below the regulatory capital (--fail-on-insufficient)")

// Main runs capreg with args and returns the exit code.
func Main(args []string, s Streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, s)
}

func run(ctx context.Context, args []string, s Streams) (code int) {
	l := lang.Default // until the command line says otherwise
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.Err, "capreg: %s\n", internalError(p).In(l))
			code = ExitInternal
		}
	}()
	out := &outputWriter{w: s.Out}
	s.Out = out
	root := NewRootCmd(s)
	l = helpLang(root, args)
	localize(root, l)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if ctx.Err() != nil {
		fmt.Fprintf(s.Err, "capreg: %s\n", lang.M("interrupted").In(l))
		return ExitInterrupted
	}
	if out.err != nil { // whatever the command made of it, and its own error if another
		werr := writeFailed(lang.M("the output"), out.err)
		if err == nil || errors.Is(err, out.err) {
			err = werr
		} else {
			err = errors.Join(werr, err)
		}
	}
	return exitCode(err, s.Err, l)
}

// exitCode prints err in language l (the hint after a usage error too)
// and maps it to the documented exit code.
func exitCode(err error, w io.Writer, l lang.Lang) int {
	code := exitCodeOf(err)
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errFindings): // the report says it all
	case code == ExitInternal:
		fmt.Fprintf(w, "capreg: %s\n", internalError(err).In(l))
	case errors.As(err, &ue):
		fmt.Fprintf(w, "capreg: %s\n%s\n", describe(err, l), l.T(lang.HelpRunHelp))
	default:
		fmt.Fprintf(w, "capreg: %s\n", describe(err, l))
	}
	return code
}

// internalError says that what went wrong (an error, or a panic's value)
// is a bug of capreg's.
func internalError(what any) lang.Msg {
	return lang.M("internal error (a bug, please report it): %v", what)
}

// worded is an error (or any value) that says itself in a language.
type worded interface{ In(lang.Lang) string }

// describe is err's message in language l (lang.Describe), the errors
// joined in it (errors.Join) each in l, one a line.
func describe(err error, l lang.Lang) string {
	if _, ok := err.(worded); !ok {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs := j.Unwrap()
			lines := make([]string, len(errs))
			for i, e := range errs {
				lines[i] = describe(e, l)
			}
			return strings.Join(lines, "\n")
		}
	}
	return lang.Describe(err, l)
}

// exitCodeOf maps an error to the documented exit code: anything not known
// as the input's or the command line's fault is a bug.
func exitCodeOf(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errInsufficient):
		return ExitInsufficient
	case errors.Is(err, errFindings), errors.As(err, &ue), app.InputFault(err):
		return ExitInvalid
	}
	return ExitInternal
}
