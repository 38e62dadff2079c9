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

// errInsufficient is a computed PLA below CR under --fail-on-insufficient.
var errInsufficient = errors.New("PLA is below the regulatory capital (--fail-on-insufficient)")

// Main runs capreg with args and returns the exit code.
func Main(args []string, s Streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, s)
}

func run(ctx context.Context, args []string, s Streams) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.Err, "capreg: internal error (a bug, please report it): %v\n", p)
			code = ExitInternal
		}
	}()
	out := &outputWriter{w: s.Out}
	s.Out = out
	root := NewRootCmd(s)
	l := helpLang(root, args)
	localize(root, l)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if ctx.Err() != nil {
		fmt.Fprintln(s.Err, "capreg: interrupted")
		return ExitInterrupted
	}
	if out.err != nil { // whatever the command made of it, and its own error if another
		werr := writeFailed("the output", out.err)
		if err == nil || errors.Is(err, out.err) {
			err = werr
		} else {
			err = errors.Join(werr, err)
		}
	}
	return exitCode(err, s.Err, l)
}

// exitCode prints err and maps it to the documented exit code; the hint
// after a usage error is in language l.
func exitCode(err error, w io.Writer, l lang.Lang) int {
	code := exitCodeOf(err)
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errFindings): // the report says it all
	case code == ExitInternal:
		fmt.Fprintf(w, "capreg: internal error (a bug, please report it): %v\n", err)
	case errors.As(err, &ue):
		fmt.Fprintf(w, "capreg: %v\n%s\n", err, l.T(lang.HelpRunHelp))
	default:
		fmt.Fprintf(w, "capreg: %v\n", err)
	}
	return code
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
