// Package golden compares a test's output with a golden file, and rewrites
// the file instead when the test runs with -update (GoReleaser's
// internal/golden pattern). Only tests import it.
package golden

import (
	"crypto/sha256"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// Equal compares got with the file at path, or rewrites the file with got
// under -update; pkg names the package to rerun with -update (./pkg/cli).
func Equal(t *testing.T, pkg, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s -update)", err, pkg)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output; run go test %s -update and review the diff.\n--- got ---\n%s", path, pkg, got)
	}
}

// Sum is the SHA-256 of the file at path, taken before and after a run to
// show that the run left an input as it was.
func Sum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
