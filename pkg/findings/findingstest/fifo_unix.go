//go:build unix

package findingstest

import (
	"syscall"
	"testing"
)

// Mkfifo makes a named pipe at path, or skips the test where the file
// system has none.
func Mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
}
