package cli

import (
	"bytes"
	"errors"
	"strings"
	"syscall"
	"testing"
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
			code := Main(args, Streams{Out: failingWriter{werr}, Err: &stderr})
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
