package cli

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/app"
	"github.com/capreg/capreg/pkg/lang"
	"github.com/capreg/capreg/pkg/safefile"
)

// inputFile is a file a command reads, with its role for messages ("the
// workbook").
type inputFile struct {
	role lang.Msg
	path string
}

// inputFiles are paths a command reads, all in one role.
func inputFiles(role lang.Msg, paths []string) []inputFile {
	files := make([]inputFile, len(paths))
	for i, p := range paths {
		files[i] = inputFile{role, p}
	}
	return files
}

// guard refuses, before anything is read, to write a file of outs over one
// of the command's inputs (ins, the rules file and the config file) —
// compared by identity, whatever the spelling, link or hard link — even
// with --force; to write over an existing file without force; and to write
// over a directory. An output not there yet cannot clash; a device
// (/dev/null, /dev/stdout) is written in place and needs no --force; "" and
// "-" are stdout.
func (set *settings) guard(force bool, outs []string, ins ...inputFile) error {
	ins = append(ins, inputFile{lang.M("the rules file"), set.rules}, inputFile{lang.M("the config file"), set.config})
	type stated struct {
		inputFile
		st os.FileInfo
	}
	var read []stated
	for _, in := range ins {
		if in.path == "" {
			continue
		}
		if st, err := os.Stat(in.path); err == nil { // an input not there is its reader's error
			read = append(read, stated{in, st})
		}
	}
	for _, out := range outs {
		if out == "" || out == "-" {
			continue
		}
		st, err := os.Stat(out)
		if err != nil {
			continue // nothing there yet (or unreachable: the write says so)
		}
		if i := slices.IndexFunc(read, func(in stated) bool { return os.SameFile(st, in.st) }); i >= 0 {
			return usageError{lang.Errorf("cannot write %s: it is %s %s, and an input is never written over (not even with --force); name another file",
				out, read[i].role, read[i].path)}
		}
		switch {
		case st.IsDir():
			return usageError{lang.Errorf("cannot write %s: it is a directory; name a file", out)}
		case !st.Mode().IsRegular(): // a device: written in place
		case !force:
			return usageError{lang.Errorf("%s exists: --force replaces it; or name another file", out)}
		}
	}
	return nil
}

// extFormats are the output formats the extension of --out implies.
var extFormats = map[string]string{
	".xlsx": "xlsx", ".json": "json", ".jsonl": "json", ".csv": "csv", ".txt": "table", ".tsv": "table",
	".xml": "junit",
}

// outputFormat settles a command's --output, one of formats: -o on the
// command line; else the format --out's extension implies (.xlsx, .json,
// .jsonl, .csv, .xml for junit, .txt/.tsv for table); else -o from the environment, the
// config file or the default. An -o that contradicts --out's extension is
// a usage error.
func (set *settings) outputFormat(output *string, out string, formats []string) error {
	ext := strings.ToLower(filepath.Ext(out))
	implied, known := extFormats[ext]
	switch {
	case known && set.given["output"] && *output != implied:
		return usageError{lang.Errorf("--output %s contradicts --out %s, whose extension means %s: drop --output, or give the file a %s extension (%s)",
			*output, out, implied, *output, strings.Join(formatExts([]string{*output}), ", "))}
	case known:
		*output = implied
	}
	if slices.Contains(formats, *output) {
		if set.given["csv-excel"] && *output != "csv" {
			return usageError{lang.Errorf("--csv-excel shapes CSV output, and the output is %s: add --output csv (or --out FILE.csv), or drop --csv-excel", *output)}
		}
		return nil
	}
	if known && !set.given["output"] {
		return usageError{lang.Errorf("--out %s: its extension means %s, and this command writes %s (%s)", out, implied,
			strings.Join(formats, ", "), strings.Join(formatExts(formats), ", "))}
	}
	return usageError{lang.Errorf("--output %q: use one of %s", *output, strings.Join(formats, ", "))}
}

// formatExts are the --out extensions of formats.
func formatExts(formats []string) []string {
	var exts []string
	for ext, f := range extFormats {
		if slices.Contains(formats, f) {
			exts = append(exts, ext)
		}
	}
	slices.Sort(exts)
	return exts
}

// outputWriter remembers the first error writing through it: an output
// that cannot be written (a full disk, a closed pipe) is an I/O error,
// exit 2, never a bug of capreg's.
type outputWriter struct {
	w   io.Writer
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// writeFailed is the error of an output that could not be written (what:
// its path, or a Msg such as "the output").
func writeFailed(what any, err error) error {
	return app.InvalidError{Err: lang.Errorf("cannot write %s: %w", what, osError{err})}
}

// osError is an error of the system: in English its own text ("write
// /dev/stdout: broken pipe"); in another language an *fs.PathError's path
// and its cause in that language's words where it has them
// (safefile.PathCause), the system call's name left out.
type osError struct{ err error }

func (e osError) Error() string { return e.err.Error() }
func (e osError) Unwrap() error { return e.err }

// In is the error's text in language l.
func (e osError) In(l lang.Lang) string {
	pe, ok := e.err.(*fs.PathError)
	if !ok || english(l) {
		return lang.Describe(e.err, l)
	}
	return pe.Path + ": " + lang.Describe(safefile.PathCause(pe), l)
}

// writeOutput writes to --out FILE atomically, or to stdout.
func writeOutput(ctx context.Context, out string, stdout io.Writer, fill func(io.Writer) error) error {
	if out == "" || out == "-" {
		return fill(stdout) // run reports a failed write to stdout
	}
	return safeWrite(ctx, out, fill)
}

// safeWrite writes path whole or not at all (exit 2 when it cannot; an
// interrupt stays recognisable through the wrapping).
func safeWrite(ctx context.Context, path string, fill func(io.Writer) error) error {
	err := safefile.Write(ctx, path, func(w io.Writer) error {
		ow := &outputWriter{w: w}
		if err := fill(ow); err != nil {
			if ow.err != nil {
				return writeFailed(path, ow.err)
			}
			return err
		}
		return nil
	})
	if err != nil {
		return app.InvalidError{Err: err}
	}
	return nil
}

// xlsxWriter writes the workbook a renderer built (or returns its error),
// and closes it.
func xlsxWriter(f *excelize.File, err error) func(io.Writer) error {
	return func(w io.Writer) error {
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Write(w)
	}
}
