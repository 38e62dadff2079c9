//go:build unix

package beneficiarios

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/findings/findingstest"
)

// A FIFO is refused before it is read, as .csv or .xlsx: reading it would
// block until a writer came, and then never end.
func TestReadNotRegular(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.csv", "b.xlsx"} {
		path := filepath.Join(dir, name)
		findingstest.Mkfifo(t, path)
		l := findingstest.Unblocked(t, name, func() findings.List { _, l, _ := Read(context.Background(), path); return l })
		if len(l) != 1 || l[0].Code != findings.Unreadable || !strings.Contains(l[0].Message, "named pipe (FIFO)") {
			t.Errorf("%s: %v", name, l)
		}
	}
}
