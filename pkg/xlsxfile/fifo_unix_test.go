//go:build unix

package xlsxfile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
)

// Anything but a regular file is refused before it is read: a FIFO would
// block forever, a device never end.
func TestOpenNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	paths := map[string]string{fifo: "a named pipe (FIFO)", dir: "a directory"}
	if st, err := os.Stat("/dev/zero"); err == nil && st.Mode()&os.ModeDevice != 0 {
		paths["/dev/zero"] = "a device"
	}
	for path, what := range paths {
		done := make(chan *findings.Finding, 1)
		go func() { _, bad, _ := Open(context.Background(), path); done <- bad }()
		select {
		case bad := <-done:
			if bad == nil || bad.Code != findings.Unreadable || !strings.Contains(bad.Message, what) || !strings.Contains(bad.Message, path) {
				t.Errorf("%s: %v, want %s", path, bad, what)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Open blocked", path)
		}
	}
	// Read refuses an open FIFO too, before reading from it.
	fh, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if _, bad, _ := Read(context.Background(), fh); bad == nil || !strings.Contains(bad.Message, "FIFO") {
		t.Errorf("Read of a FIFO: %v", bad)
	}
}
