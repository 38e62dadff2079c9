package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// Regular refuses a path that is not a regular file, without opening it:
// reading a named pipe would block forever and a device would never end.
// Links are followed. The error's text says what the path is; it does not
// name the path (callers add it).
func Regular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return PathCause(err)
	}
	return RegularInfo(st)
}

// OpenRegular opens path for reading once Regular has checked it, and
// checks again what it opened (without blocking: should the path have
// become a FIFO since, opening it returns at once and the check refuses it).
func OpenRegular(path string) (*os.File, error) {
	if err := Regular(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, PathCause(err)
	}
	st, err := f.Stat()
	if err == nil {
		err = RegularInfo(st)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ErrNotRegular is the cause of every refusal of Regular, OpenRegular and
// RegularInfo that is about what the path is (errors.Is sees it).
var ErrNotRegular = errors.New("capreg reads regular files only")

// RegularInfo refuses what st describes unless it is a regular file.
func RegularInfo(st fs.FileInfo) error {
	switch m := st.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return notRegular("is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return errNotRegular("a named pipe (FIFO)")
	case m&fs.ModeSocket != 0:
		return errNotRegular("a socket")
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return errNotRegular("a device")
	}
	return errNotRegular("a special file")
}

func errNotRegular(what string) error {
	return notRegular(fmt.Sprintf("is %s, not a regular file: capreg reads regular files only", what))
}

// notRegular is a refusal of what a path is; errors.Is finds ErrNotRegular.
type notRegular string

func (e notRegular) Error() string        { return string(e) }
func (e notRegular) Is(target error) bool { return target == ErrNotRegular }

// PathCause is the cause of a file error without the operation and path an
// *fs.PathError repeats (messages name the file their own way).
func PathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
