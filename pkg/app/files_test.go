package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capreg/capreg/pkg/findings/findingstest"
)

// An input that is not a regular file is refused before it is opened (a
// named pipe would block the read forever), as the input's fault, naming
// the file.
func TestRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.xlsx")
	findingstest.Mkfifo(t, fifo)
	file := filepath.Join(dir, "f.xlsx")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, want string }{
		{file, ""},
		{fifo, fifo + ": is a named pipe (FIFO), not a regular file"},
		{os.DevNull, os.DevNull + ": is a device, not a regular file"},
		{dir, dir + ": is a directory, not a file"},
		{filepath.Join(dir, "none.xlsx"), filepath.Join(dir, "none.xlsx") + ": no such file or directory"},
	}
	for _, c := range cases {
		err := Regular(c.path)
		if (err == nil) != (c.want == "") || (err != nil && !strings.HasPrefix(err.Error(), c.want)) {
			t.Errorf("%s: %v, want %q", c.path, err, c.want)
		}
		var fe *FileError
		if err != nil && (!InputFault(err) || !errors.As(err, &fe) || fe.Path != c.path) {
			t.Errorf("%s: %v is not the input's fault, naming the file", c.path, err)
		}
	}
	for _, read := range []func(string) error{
		func(p string) error { _, err := open(p); return err },
		func(p string) error { _, err := ReadFile(p); return err },
	} {
		if err := read(fifo); err == nil || !InputFault(err) {
			t.Errorf("reading a FIFO: %v", err)
		}
	}
}

// The rulebook: the embedded one without a file; a rules file merged over
// it; a file that is not there, or does not load, is the input's fault
// naming it.
func TestLoadRules(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "r.yaml"), filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte("crm:\n  modelo: choque_prazo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("no_such_key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rb, err := LoadRules(""); err != nil || rb.UserFile() != "" {
		t.Errorf("embedded: %v", err)
	}
	if rb, err := LoadRules(good); err != nil || rb.UserFile() != good {
		t.Errorf("rules file: %v", err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "none.yaml"): "rules file " + filepath.Join(dir, "none.yaml") + ": no such file or directory",
		dir:                             "rules file " + dir + ": is a directory, not a file",
		bad:                             bad,
	} {
		_, err := LoadRules(path)
		if err == nil || !strings.HasPrefix(err.Error(), want) || !InputFault(err) {
			t.Errorf("%s: %v, want the input's fault %q", path, err, want)
		}
	}
}

// Whose fault an error is: the input's (findings, InvalidError, a rulebook
// that cannot serve the input), or a bug.
func TestInputFault(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{InvalidError{errors.New("x")}, true},
		{&FileError{"a.xlsx", InvalidError{errors.New("x")}}, true},
		{&FileError{"a.xlsx", errors.New("a bug")}, false},
		{errors.New("a bug"), false},
	} {
		if got := InputFault(c.err); got != c.want {
			t.Errorf("%v: %v, want %v", c.err, got, c.want)
		}
	}
}
