package safefile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/capreg/capreg/pkg/lang"
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
var ErrNotRegular = lang.Errorf("capreg reads regular files only")

// RegularInfo refuses what st describes unless it is a regular file.
func RegularInfo(st fs.FileInfo) error {
	switch m := st.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return &notRegular{lang.M("is a directory, not a file")}
	case m&fs.ModeNamedPipe != 0:
		return errNotRegular(lang.M("a named pipe (FIFO)"))
	case m&fs.ModeSocket != 0:
		return errNotRegular(lang.M("a socket"))
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return errNotRegular(lang.M("a device"))
	}
	return errNotRegular(lang.M("a special file"))
}

func errNotRegular(what lang.Msg) error {
	return &notRegular{lang.M("is %s, not a regular file: capreg reads regular files only", what)}
}

// notRegular is a refusal of what a path is, in the words of the language
// where it is printed (In); errors.Is finds ErrNotRegular.
type notRegular struct{ lang.Msg }

func (e *notRegular) Error() string        { return e.String() }
func (e *notRegular) Is(target error) bool { return target == ErrNotRegular }

// PathCause is the cause of a file error without the operation and path an
// *fs.PathError repeats (messages name the file their own way). The
// system's usual causes (no such file, permission denied, ...) are worded
// in the language where they are printed; errors.Is and errors.As see the
// system's error.
func PathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err
	}
	var msg lang.Msg
	switch errno {
	case syscall.ENOENT:
		msg = lang.M("no such file or directory")
	case syscall.EACCES:
		msg = lang.M("permission denied")
	case syscall.EPERM:
		msg = lang.M("operation not permitted")
	case syscall.EISDIR:
		msg = lang.M("is a directory")
	case syscall.ENOTDIR:
		msg = lang.M("not a directory")
	case syscall.ELOOP:
		msg = lang.M("too many levels of symbolic links")
	case syscall.ENAMETOOLONG:
		msg = lang.M("file name too long")
	case syscall.ENOSPC:
		msg = lang.M("no space left on device")
	case syscall.EROFS:
		msg = lang.M("read-only file system")
	default:
		return err
	}
	return &osCause{err, msg}
}

// osCause is an error of the system about a path: in English its own text,
// in another language msg (In).
type osCause struct {
	err error
	msg lang.Msg
}

func (e *osCause) Error() string { return e.err.Error() }
func (e *osCause) Unwrap() error { return e.err }

// In is the error's text in language l.
func (e *osCause) In(l lang.Lang) string {
	if l.String() == lang.En.String() {
		return e.err.Error()
	}
	return e.msg.In(l)
}
