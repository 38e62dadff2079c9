// Package safefile writes output files whole or not at all: into a
// temporary file beside the target, renamed over it only when complete.
package safefile

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/capreg/capreg/pkg/lang"
)

// Write calls fill with a temporary file in path's directory and renames it
// to path when fill and the close succeed and ctx is not done; otherwise it
// removes it, and any file already at path is left as it was. fill's error
// is returned as it is; the file's own errors name path.
//
// A path InPlace reports is written in place: it has no partial state to
// protect, and renaming a file over it would replace the device.
func Write(ctx context.Context, path string, fill func(w io.Writer) error) (err error) {
	if InPlace(path) {
		return writeInPlace(path, fill)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return lang.Errorf("cannot write %s: %w", path, err)
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
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err == nil {
		if err = tmp.Close(); err == nil {
			err = os.Rename(tmp.Name(), path)
		}
	}
	if err != nil {
		return lang.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// InPlace reports whether path is written in place rather than replaced:
// a device, a named pipe or a socket (/dev/null, /dev/full), or one of the
// process's own streams (/dev/stdout, /dev/fd/N: links into /proc/self/fd),
// whatever file the stream was redirected to.
func InPlace(path string) bool {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return true
	}
	p := path
	for range 40 { // the links the kernel would follow at most
		if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil && strings.HasPrefix(dir+"/", "/proc/") {
			return true
		}
		target, err := os.Readlink(p)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	return false
}

// writeInPlace writes path as it is, appending: a stream redirected to a
// file (>>) keeps what it held.
func writeInPlace(path string, fill func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return lang.Errorf("cannot write %s: %w", path, err)
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return lang.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
