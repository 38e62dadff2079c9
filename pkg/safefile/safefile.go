// Package safefile writes output files whole or not at all: into a
// temporary file beside the target, renamed over it only when complete.
package safefile

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write calls fill with a temporary file in path's directory and renames it
// to path when fill and the close succeed and ctx is not done; otherwise it
// removes it, and any file already at path is left as it was.
func Write(ctx context.Context, path string, fill func(w io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
