//go:build unix

package xlsxfile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/findings/findingstest"
)

// Anything but a regular file is refused before it is read: a FIFO would
// block forever, a device never end.
func TestOpenNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	findingstest.Mkfifo(t, fifo)
	paths := map[string]string{fifo: "a named pipe (FIFO)", dir: "a directory"}
	if st, err := os.Stat("/dev/zero"); err == nil && st.Mode()&os.ModeDevice != 0 {
		paths["/dev/zero"] = "a device"
	}
	for path, what := range paths {
		bad := findingstest.Unblocked(t, path, func() findings.List { _, bad, _ := Open(context.Background(), path); return bad })
		if len(bad) != 1 || bad[0].Code != findings.Unreadable || !strings.Contains(bad[0].Message, what) || !strings.Contains(bad[0].Message, path) {
			t.Errorf("%s: %v, want %s", path, bad, what)
		}
	}
	// Read refuses an open FIFO too, before reading from it.
	fh, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if _, bad, _ := Read(context.Background(), fh); len(bad) != 1 || !strings.Contains(bad[0].Message, "FIFO") {
		t.Errorf("Read of a FIFO: %v", bad)
	}
}
