//go:build unix

package diops

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
)

// A FIFO is refused before it is read: reading it would block until a
// writer came, and then never end.
func TestReadFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.xml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	done := make(chan findings.List, 1)
	go func() { _, l, _ := Read(context.Background(), path); done <- l }()
	select {
	case l := <-done:
		if len(l) != 1 || l[0].Code != findings.DiopsUnreadable || !strings.Contains(l[0].Message, "the path is a named pipe (FIFO)") {
			t.Errorf("%v", l)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read blocked")
	}
}
