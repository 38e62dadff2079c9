package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"
)

// failingWriter fails every write, as stdout does on a full disk or a
// closed pipe.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// An output that cannot be written is an I/O error (exit 2, "cannot write
// the output"), never a bug, whatever the command and wherever the write.
func TestOutputWriteFails(t *testing.T) {
	t.Chdir("../..")
	for _, werr := range []error{syscall.ENOSPC, syscall.EPIPE, errors.New("boom")} {
		for _, args := range [][]string{
			{"calc", "examples/operadora-exemplo.xlsx"},
			{"calc", "examples/operadora-exemplo.xlsx", "-o", "json"},
			{"calc", "examples/operadora-exemplo.xlsx", "-o", "xlsx"},
			{"calc", "testdata/invalid/i07_unparsable_number.xlsx", "-o", "json"}, // the error document
			{"compare", "examples/operadora-exemplo.xlsx", "-o", "csv"},
			{"batch", "examples/operadora-exemplo.xlsx", "-o", "json"},
			{"validate", "examples/operadora-exemplo.xlsx"},
			{"validate", "--rules-list"},
			{"rules", "show"},
			{"rules", "export"},
			{"version"},
			{"--help"},
		} {
			var stderr bytes.Buffer
			code := Main(append([]string{"--lang", "en"}, args...), Streams{Out: failingWriter{werr}, Err: &stderr})
			if code != ExitInvalid || !strings.Contains(stderr.String(), "capreg: cannot write the output: "+werr.Error()+"\n") ||
				strings.Contains(stderr.String(), "internal error") {
				t.Errorf("%v on %v: exit %d, want 2: %s", args, werr, code, stderr.String())
			}
			if strings.Contains(strings.Join(args, " "), "i07") && !strings.Contains(stderr.String(), "\ntestdata/invalid/i07_unparsable_number.xlsx: Contraprestacoes!D7: CR-E006") {
				t.Errorf("%v: the workbook's own error is lost: %s", args, stderr.String())
			}
		}
	}
}

// Every usage error exits 2, at any depth of the command tree: an unknown
// flag, an unexpected argument, an unknown subcommand or help topic, a
// parent of subcommands run alone.
func TestUsageErrorsEverywhere(t *testing.T) {
	exit := func(args ...string) (int, string) {
		var stderr bytes.Buffer
		code := run(context.Background(), append([]string{"--lang", "en"}, args...), Streams{Out: &bytes.Buffer{}, Err: &stderr})
		return code, stderr.String()
	}
	root := NewRootCmd(Streams{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	n := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.Fields(c.CommandPath())[1:]
		n++
		if code, stderr := exit(append(path, "--no-such-flag")...); code != ExitInvalid {
			t.Errorf("%v --no-such-flag: exit %d: %s", path, code, stderr)
		}
		extra := append(path, "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9")
		if c.ValidateArgs(extra[len(path):]) != nil { // too many for it
			if code, stderr := exit(extra...); code != ExitInvalid || !strings.Contains(stderr, "capreg --help") {
				t.Errorf("%v with 9 arguments: exit %d: %s", path, code, stderr)
			}
		}
		if c.HasSubCommands() && c != root {
			if code, stderr := exit(path...); code != ExitInvalid || !strings.Contains(stderr, "needs a subcommand") {
				t.Errorf("%v alone: exit %d: %s", path, code, stderr)
			}
			if code, stderr := exit(append(path, "bogus")...); code != ExitInvalid || !strings.Contains(stderr, `unknown command "bogus"`) {
				t.Errorf("%v bogus: exit %d: %s", path, code, stderr)
			}
		}
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
	}
	walk(root)
	if n < 20 {
		t.Errorf("only %d commands walked", n)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"rules", "show", "extra"}, ExitInvalid},
		{[]string{"rules", "bogus"}, ExitInvalid},
		{[]string{"bogus"}, ExitInvalid},
		{[]string{"help", "bogus"}, ExitInvalid},
		{[]string{"help", "rules", "bogus"}, ExitInvalid},
		{[]string{"completion", "bogus"}, ExitInvalid},
		{[]string{"version", "x"}, ExitInvalid},
		{[]string{}, ExitOK},
		{[]string{"help"}, ExitOK},
		{[]string{"help", "coleta", "fill"}, ExitOK},
		{[]string{"completion", "bash"}, ExitOK},
		{[]string{"rules", "show", "--help"}, ExitOK},
	} {
		if code, stderr := exit(c.args...); code != c.code {
			t.Errorf("%v: exit %d, want %d: %s", c.args, code, c.code, stderr)
		}
	}
}
