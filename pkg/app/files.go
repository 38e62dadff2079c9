package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{path, err}
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Regular refuses, without opening it, a path that is not a regular file
// (an InvalidError naming it): reading a named pipe or a device would
// block, or never end. Links are followed.
func Regular(path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return InvalidError{NewFileError(path, err)}
	case st.IsDir():
		return InvalidError{&FileError{path, errors.New("is a directory, not a file")}}
	case !st.Mode().IsRegular():
		return InvalidError{&FileError{path, fmt.Errorf("is %s, not a regular file: capreg reads files only", fileKind(st.Mode()))}}
	}
	return nil
}

// fileKind names what a path that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// open opens an input file read-only once Regular has checked it.
func open(path string) (*os.File, error) {
	if err := Regular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, InvalidError{NewFileError(path, err)}
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
