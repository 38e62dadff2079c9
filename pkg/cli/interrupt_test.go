package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// An interrupted run exits 130 and leaves no output file, not even a
// temporary one.
func TestInterruptLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.json")
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C before the write completes
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"calc", "../../examples/operadora-exemplo.xlsx", "-o", "json", "--out", out}, Streams{Out: &stdout, Err: &stderr})
	if code != ExitInterrupted {
		t.Fatalf("exit %d, want 130 (%s)", code, stderr.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}
