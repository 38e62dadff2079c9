package lang

import (
	"fmt"
	"strings"
)

// Err is a Msg of err's text: in its own words in each language when err
// is an *Error (or has an In method), else err.Error() (see Describe). It
// is the message of a finding that reports an error.
func Err(err error) Msg {
	return Msg{format: "%v", args: []any{err}, en: err.Error()}
}

// Join is items written one after another with sep between them, each in
// the language as an argument of M is (a list of months, of sentences).
func Join[T any](items []T, sep string) Msg {
	if len(items) == 0 {
		return Text("")
	}
	args := make([]any, len(items))
	for i, it := range items {
		args[i] = it
	}
	format := strings.Repeat("%v"+strings.ReplaceAll(sep, "%", "%%"), len(items)-1) + "%v"
	return Msg{format: format, args: args, en: fmt.Sprintf(format, enArgs(args)...)}
}
