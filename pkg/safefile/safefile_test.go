package safefile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/capreg/capreg/pkg/lang"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	// A failed fill leaves the old file and no temporary one.
	err := Write(context.Background(), path, func(w io.Writer) error { io.WriteString(w, "partial"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after a failed write: %q", b)
	}
	// A done context too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Write(ctx, path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	// A complete write replaces it.
	if err := Write(context.Background(), path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("after a write: %q", b)
	}
}

// A device or a pipe is written in place, never replaced by a file.
func TestWriteDevice(t *testing.T) {
	if err := Write(context.Background(), os.DevNull, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("%s is now %v (%v)", os.DevNull, st.Mode(), err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := Write(context.Background(), fifo, func(w io.Writer) error { _, err := io.WriteString(w, "through the pipe"); return err }); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("read %q", s)
	}
	if st, _ := os.Stat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v", st.Mode())
	}
}

// The process's own streams are written in place whatever they were
// redirected to, appending; a file, a link to a file and a path not there
// yet are replaced whole.
func TestInPlace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(file, []byte("kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, link, filepath.Join(dir, "new.txt")} {
		if InPlace(p) {
			t.Errorf("%s: in place", p)
		}
	}
	if !InPlace(os.DevNull) {
		t.Errorf("%s: replaced", os.DevNull)
	}
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc here")
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stream := fmt.Sprintf("/dev/fd/%d", f.Fd()) // as /dev/stdout is when stdout goes to a file
	if !InPlace(stream) || !InPlace("/dev/stdout") {
		t.Fatalf("%s or /dev/stdout: replaced", stream)
	}
	if err := Write(context.Background(), stream, func(w io.Writer) error { _, err := io.WriteString(w, "added\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); string(b) != "kept\nadded\n" {
		t.Errorf("the file behind the stream holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files: %v", entries)
	}
}

// A path that cannot be read says why in the language where it is printed:
// in English as before (the system's own words), in pt-BR in Portuguese;
// errors.Is still sees the system's error and ErrNotRegular.
func TestPathErrorsInPortuguese(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		is     error
		en, pt string
	}{
		{filepath.Join(dir, "none.xlsx"), fs.ErrNotExist, "no such file or directory", "arquivo ou diretório inexistente"},
		{filepath.Join(file, "x.xlsx"), syscall.ENOTDIR, "not a directory", "não é um diretório"},
		{dir, ErrNotRegular, "is a directory, not a file", "é um diretório, não um arquivo"},
		{os.DevNull, ErrNotRegular, "is a device, not a regular file: capreg reads regular files only", "é um dispositivo, não um arquivo comum: o capreg lê apenas arquivos comuns"},
	}
	for _, c := range tests {
		_, err := OpenRegular(c.path)
		if !errors.Is(err, c.is) || err.Error() != c.en || lang.Describe(err, lang.En) != c.en || lang.Describe(err, lang.PtBR) != c.pt {
			t.Errorf("%s: %v (%q in pt-BR), want %q, %q", c.path, err, lang.Describe(err, lang.PtBR), c.en, c.pt)
		}
	}
	// The system's words and the sentences of its usual errors agree in English.
	for _, errno := range []syscall.Errno{syscall.ENOENT, syscall.EACCES, syscall.EPERM, syscall.EISDIR, syscall.ENOTDIR, syscall.ELOOP, syscall.ENAMETOOLONG} {
		var c *osCause
		if err := PathCause(errno); !errors.As(err, &c) || c.msg.String() != errno.Error() || !errors.Is(err, errno) {
			t.Errorf("%v: %v", errno, err)
		}
	}
	// An error of writing, in pt-BR, keeps the system's words of its cause.
	err := Write(context.Background(), filepath.Join(dir, "none", "out.txt"), func(io.Writer) error { return nil })
	if got := lang.Describe(err, lang.PtBR); !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(got, "não foi possível gravar "+filepath.Join(dir, "none", "out.txt")+": open ") {
		t.Errorf("%v: %q", err, got)
	}
}
