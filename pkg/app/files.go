package app

import (
	"errors"
	"io"
	"os"

	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/safefile"
)

// FileError is an error about one file, naming it first ("x.xlsx: no such
// file or directory"). Whose fault it is, is the wrapped error's to say.
type FileError struct {
	Path string
	Err  error
}

// NewFileError is err about the file at path; an *os.PathError gives its
// reason alone, since the message names the file already.
func NewFileError(path string, err error) *FileError {
	return &FileError{path, safefile.PathCause(err)}
}

// InFile names the file at path in an error from reading or computing
// it (nil stays nil), unless the error is about that file already and
// names it.
func InFile(path string, err error) error {
	if fe := (*FileError)(nil); err == nil || errors.As(err, &fe) && fe.Path == path {
		return err
	}
	return &FileError{Path: path, Err: err}
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// In is the error's message in language l: the path, and the reason in
// l's words when it has them.
func (e *FileError) In(l lang.Lang) string { return e.Path + ": " + lang.Describe(e.Err, l) }

// Regular refuses, without opening it, a path that is not a regular file
// (an InvalidError naming it): reading a named pipe or a device would
// block, or never end. Links are followed.
func Regular(path string) error {
	if err := safefile.Regular(path); err != nil {
		return InvalidError{&FileError{path, err}}
	}
	return nil
}

// open opens an input file read-only once it is checked to be a regular
// file (safefile.OpenRegular).
func open(path string) (*os.File, error) {
	f, err := safefile.OpenRegular(path)
	if err != nil {
		return nil, InvalidError{&FileError{path, err}}
	}
	return f, nil
}

// ReadFile reads a small input file (a rules or config file) whole, once
// Regular has checked it; its errors are InvalidError naming it.
func ReadFile(path string) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, InvalidError{NewFileError(path, err)}
	}
	return data, nil
}
