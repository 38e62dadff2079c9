//go:build unix

package beneficiarios

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
)

// A FIFO is refused before it is read, as .csv or .xlsx: reading it would
// block until a writer came, and then never end.
func TestReadNotRegular(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.csv", "b.xlsx"} {
		path := filepath.Join(dir, name)
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skip("no FIFO here:", err)
		}
		done := make(chan findings.List, 1)
		go func() { _, l, _ := Read(context.Background(), path); done <- l }()
		select {
		case l := <-done:
			if len(l) != 1 || l[0].Code != findings.Unreadable || !strings.Contains(l[0].Message, "named pipe (FIFO)") {
				t.Errorf("%s: %v", name, l)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Read blocked", name)
		}
	}
}
