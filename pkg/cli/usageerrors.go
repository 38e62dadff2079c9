package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/capreg/capreg/pkg/lang"
)

// The mistakes of a command line that cobra and pflag find themselves (an
// unknown flag, a flag without its value, a value a flag cannot take, a
// wrong number of arguments, an unknown command) come in their English.
// flagError and argsError keep that text in English and word it in another
// language where they are printed (In); what they cannot read stays as
// cobra wrote it.

// english reports whether l is English, where the texts of cobra, pflag,
// the system and the YAML parser are printed as they come.
func english(l lang.Lang) bool { return l.String() == lang.En.String() }

// flagError is an error of pflag parsing a flag, or setting one from the
// environment or the config file.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// In is the error's text in language l.
func (e flagError) In(l lang.Lang) string {
	if english(l) {
		return e.err.Error()
	}
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(e.err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return lang.M("unknown shorthand flag: %q in -%s", firstRune(notExist.GetSpecifiedName()), notExist.GetSpecifiedShortnames()).In(l)
	case errors.As(e.err, &notExist):
		return lang.M("unknown flag: --%s", notExist.GetSpecifiedName()).In(l)
	case errors.As(e.err, &noValue) && noValue.GetSpecifiedShortnames() != "":
		return lang.M("flag needs an argument: %q in -%s", firstRune(noValue.GetSpecifiedName()), noValue.GetSpecifiedShortnames()).In(l)
	case errors.As(e.err, &noValue):
		return lang.M("flag needs an argument: --%s", noValue.GetSpecifiedName()).In(l)
	case errors.As(e.err, &invalid):
		return lang.M("invalid argument %q for %q flag: %v", invalid.GetValue(), flagName(invalid.GetFlag()), valueError(invalid.Unwrap())).In(l)
	case errors.As(e.err, &syntax):
		return lang.M("bad flag syntax: %s", syntax.GetSpecifiedFlag()).In(l)
	}
	return lang.Describe(e.err, l)
}

// firstRune is the first character of s (a shorthand flag), or 0.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// flagName names f as pflag's errors do: "-j, --jobs", or "--out".
func flagName(f *pflag.Flag) string {
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		return "-" + f.Shorthand + ", --" + f.Name
	}
	return "--" + f.Name
}

// valueError words why a flag's value was refused: strconv's errors (a
// number or a boolean flag) in the words of the language where they are
// printed; another error (--lang's own) as it is.
func valueError(err error) any {
	var num *strconv.NumError
	switch {
	case !errors.As(err, &num):
		return err
	case num.Func == "ParseBool":
		return lang.M("use true or false")
	case errors.Is(num.Err, strconv.ErrRange):
		return lang.M("the number is out of range")
	case strings.HasPrefix(num.Func, "ParseInt"), strings.HasPrefix(num.Func, "ParseUint"):
		return lang.M("not a whole number")
	}
	return lang.M("not a number")
}

// argsError is an error of cobra's argument validators (cobra.ExactArgs,
// MinimumNArgs, MaximumNArgs, RangeArgs, NoArgs).
type argsError struct{ err error }

func (e argsError) Error() string { return e.err.Error() }
func (e argsError) Unwrap() error { return e.err }

// In is the error's text in language l: cobra's sentence read back, and
// written in l.
func (e argsError) In(l lang.Lang) string {
	s := e.err.Error()
	var a, b, c int
	var x, y string
	switch {
	case english(l):
	case scanned(s, "accepts %d arg(s), received %d", &a, &b):
		return lang.M("accepts %d arg(s), received %d", a, b).In(l)
	case scanned(s, "requires at least %d arg(s), only received %d", &a, &b):
		return lang.M("requires at least %d arg(s), only received %d", a, b).In(l)
	case scanned(s, "accepts at most %d arg(s), received %d", &a, &b):
		return lang.M("accepts at most %d arg(s), received %d", a, b).In(l)
	case scanned(s, "accepts between %d and %d arg(s), received %d", &a, &b, &c):
		return lang.M("accepts between %d and %d arg(s), received %d", a, b, c).In(l)
	case scanned(s, "unknown command %q for %q", &x, &y):
		return lang.M("unknown command %q for %q", x, y).In(l)
	}
	return s
}

// scanned reports whether s is format, reading its verbs into args (each
// an *int or a *string): s must be written back exactly.
func scanned(s, format string, args ...any) bool {
	if n, err := fmt.Sscanf(s, format, args...); err != nil || n != len(args) {
		return false
	}
	vals := make([]any, len(args))
	for i, a := range args {
		switch p := a.(type) {
		case *int:
			vals[i] = *p
		case *string:
			vals[i] = *p
		}
	}
	return fmt.Sprintf(format, vals...) == s
}
