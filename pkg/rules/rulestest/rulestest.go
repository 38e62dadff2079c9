// Package rulestest holds what the tests of several packages need of the
// rulebook. Only tests import it.
package rulestest

import (
	"testing"

	"github.com/capreg/capreg/pkg/rules"
)

// Default is the embedded rulebook; a rulebook that does not load ends the
// test.
func Default(tb testing.TB) *rules.Rulebook {
	tb.Helper()
	rb, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return rb
}
