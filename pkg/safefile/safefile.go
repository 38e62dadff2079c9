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
//
// A path that is not a regular file (/dev/null, /dev/stdout, a named pipe)
// is written in place: it has no partial state to protect, and renaming a
// file over it would replace the device.
func Write(ctx context.Context, path string, fill func(w io.Writer) error) (err error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return writeInPlace(path, fill)
	}
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

func writeInPlace(path string, fill func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
