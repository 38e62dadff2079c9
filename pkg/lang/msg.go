package lang

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/period"
)

// Msg is a sentence for a person whose words follow the language: an
// English format (its key in the catalog of sentences) and its arguments.
// A finding's message and fix, an error, a label of the engine carry a Msg;
// the renderer that prints it says in which language (In). The zero Msg is
// empty.
//
// Arguments are written in the language too: a Msg or an error that has
// an In method in its own words, a decimal.Decimal with Number, a
// time.Time with Date, a period.Month with Month; anything else as fmt
// writes it.
type Msg struct {
	format string
	args   []any
	en     string
}

// M is the sentence format with args. format must be a string literal:
// the catalog test finds every sentence by reading the calls of M and
// Errorf, and fails when one has no Portuguese.
func M(format string, args ...any) Msg {
	return Msg{format: format, args: args, en: fmt.Sprintf(format, enArgs(args)...)}
}

// enArgs are args as English writes them where fmt would not: a
// time.Time as an ISO date (2025-04-26), not fmt's timestamp.
func enArgs(args []any) []any {
	var out []any
	for i, a := range args {
		if t, ok := a.(time.Time); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = period.Date(t)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Text is a Msg of a text that is the same in every language (a cell's
// content, an error of the operating system, a name).
func Text(s string) Msg { return Msg{format: "%s", args: []any{s}, en: s} }

// IsZero reports whether m is the zero (empty) Msg.
func (m Msg) IsZero() bool { return m.format == "" }

// String is m in English.
func (m Msg) String() string { return m.en }

// In is m in language l.
func (m Msg) In(l Lang) string {
	if l.Resolved() == En || m.format == "" {
		return m.en
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		args[i] = l.arg(a)
	}
	return printers[l.Resolved()].Sprintf(m.format, args...)
}

// arg is a's text in l (see Msg).
func (l Lang) arg(a any) any {
	switch v := a.(type) {
	case interface{ In(Lang) string }:
		return v.In(l)
	case error:
		var le *Error
		if errors.As(v, &le) && le.Error() == v.Error() {
			return le.In(l)
		}
		return v.Error()
	case decimal.Decimal:
		return l.Number(v)
	case time.Time:
		return l.Date(v)
	case period.Month:
		return l.Month(v)
	}
	return a
}

// Error is an error whose text is a Msg; %w arguments are wrapped
// (errors.Is and errors.As see them).
type Error struct {
	Msg
	wrapped []error
}

// Errorf is fmt.Errorf with a sentence of the catalog: the error's text
// follows the language where it is printed (Describe). format must be a
// string literal (see M).
func Errorf(format string, args ...any) error {
	e := &Error{Msg: Msg{format: format, args: args, en: fmt.Errorf(format, enArgs(args)...).Error()}}
	for _, a := range args {
		if err, ok := a.(error); ok && strings.Contains(format, "%w") {
			e.wrapped = append(e.wrapped, err)
		}
	}
	return e
}

func (e *Error) Error() string { return e.en }

// Unwrap returns the errors given for %w.
func (e *Error) Unwrap() []error { return e.wrapped }

// Describe is err's text in l: in its own words when err (or the error it
// wraps with the same text) is an *Error or has an In method, else
// err.Error().
func Describe(err error, l Lang) string {
	return fmt.Sprint(l.arg(err))
}

// verbs turns %w into %v: the printers of the catalog know no %w.
func verbs(s string) string { return strings.ReplaceAll(s, "%w", "%v") }

// Ordinal is a number that names a place — a line, a row — written as its
// digits in every language: "linha 2918", as an editor or a spreadsheet
// shows it, where a count would be grouped (1.234 beneficiários).
type Ordinal int

// Format writes n's digits, whatever the verb and the language.
func (n Ordinal) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, strconv.Itoa(int(n))) }
