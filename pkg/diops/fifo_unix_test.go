//go:build unix

package diops

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/findings/findingstest"
)

// A FIFO is refused before it is read: reading it would block until a
// writer came, and then never end.
func TestReadFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.xml")
	findingstest.Mkfifo(t, path)
	l := findingstest.Unblocked(t, "Read", func() findings.List { _, l, _ := Read(context.Background(), path); return l })
	if len(l) != 1 || l[0].Code != findings.DiopsUnreadable || !strings.Contains(l[0].Message, "the path is a named pipe (FIFO)") {
		t.Errorf("%v", l)
	}
}
