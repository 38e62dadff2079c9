// Package xlsxfile opens the .xlsx files a person hands to capreg's smaller
// readers (the coleta sheet, the complaint ranking, a beneficiary file) with
// bounded sizes and a finding, not an error text, when the file is not a
// workbook. The layout-v1 reader (pkg/workbook) has its own, stricter
// package checks.
package xlsxfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
)

// Limits: the file itself, everything it unpacks, and the largest part kept
// in memory (larger sheets excelize streams from a temporary file).
const (
	MaxFileSize       = 512 << 20
	maxUnpacked       = 1 << 30
	unzipXMLSizeLimit = 16 << 20
	// MaxSmallSheetXML is the largest sheet part a reader may have excelize
	// load whole (cell types, merged cells); larger ones are only streamed.
	MaxSmallSheetXML = 32 << 20
)

// cfbSignature starts an OLE compound file: a legacy .xls, or an xlsx
// encrypted with a password.
var cfbSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Open opens path read-only as a workbook. A file that cannot be used gives
// a finding (CR-E001 or CR-E022) instead.
func Open(path string) (*excelize.File, *findings.Finding) {
	f, _, bad := OpenPackage(path)
	return f, bad
}

// OpenPackage is Open that also returns what the package check found. The
// sheets named in streamed (case and blanks forgiven) must be read only with
// the Rows iterator, each read followed by Package.Truncated: the check does
// not parse their XML (see inspect).
func OpenPackage(path string, streamed ...string) (*excelize.File, *Package, *findings.Finding) {
	fh, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, unreadable(fmt.Sprintf("cannot read %s: %v", path, err), "")
	}
	defer fh.Close()
	st, err := fh.Stat()
	switch {
	case err != nil:
		return nil, nil, unreadable(fmt.Sprintf("cannot read %s: %v", path, err), "")
	case st.IsDir():
		return nil, nil, unreadable(path+" is a directory, not a workbook", "")
	}
	return ReadStreaming(fh, streamed...)
}

// ReadStreaming reads a workbook from src (at most MaxFileSize bytes),
// checks its package (see inspect) and opens it; the sheets named in
// streamed are read as OpenPackage says. A file that cannot be used gives a
// finding (CR-E001 or CR-E022) instead. A regular *os.File larger than a
// few megabytes is checked and opened in place, never copied into memory
// whole.
func ReadStreaming(src io.Reader, streamed ...string) (*excelize.File, *Package, *findings.Finding) {
	if fh, ok := src.(*os.File); ok {
		if st, err := fh.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > inMemory {
			return readFile(fh, st, streamed)
		}
	}
	data, err := io.ReadAll(io.LimitReader(src, MaxFileSize+1))
	switch {
	case err != nil:
		return nil, nil, unreadable("cannot read the file: "+err.Error(), "")
	case len(data) > MaxFileSize:
		return nil, nil, tooLarge()
	case bytes.HasPrefix(data, cfbSignature):
		f := compoundFile(data)
		return nil, nil, &f
	}
	pkg, err := inspect(bytes.NewReader(data), int64(len(data)), streamed)
	if err != nil {
		return nil, nil, unreadable("not a readable .xlsx workbook: "+err.Error(), "")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), openOptions)
	if err != nil {
		return nil, nil, unreadable("not a readable .xlsx workbook: "+openError(err), "")
	}
	return f, pkg, nil
}

// inMemory is the size up to which a file is read whole into memory: one
// read instead of the many small reads of checking and opening it in place
// (a typical operator's workbook is tens of kilobytes).
const inMemory = 4 << 20

var openOptions = excelize.Options{UnzipSizeLimit: maxUnpacked, UnzipXMLSizeLimit: unzipXMLSizeLimit}

// readFile checks the package of a regular file through its ReaderAt and
// has excelize open it by name, so neither holds the file in memory
// (excelize.OpenReader would copy it whole, and so would a check of a copy:
// two copies of a 35 MB workbook and the garbage of growing them took the
// peak RSS of reading a 1,048,575-row sheet from 23 MB to 165 MB). The file
// must be the same one, unchanged, when excelize has read it.
func readFile(fh *os.File, st os.FileInfo, streamed []string) (*excelize.File, *Package, *findings.Finding) {
	if st.Size() > MaxFileSize {
		return nil, nil, tooLarge()
	}
	head := make([]byte, len(cfbSignature))
	if n, _ := fh.ReadAt(head, 0); n == len(head) && bytes.Equal(head, cfbSignature) {
		data, err := io.ReadAll(io.NewSectionReader(fh, 0, st.Size()))
		if err != nil {
			return nil, nil, unreadable("cannot read the file: "+err.Error(), "")
		}
		f := compoundFile(data)
		return nil, nil, &f
	}
	pkg, err := inspect(fh, st.Size(), streamed)
	if err != nil {
		return nil, nil, unreadable("not a readable .xlsx workbook: "+err.Error(), "")
	}
	f, err := excelize.OpenFile(fh.Name(), openOptions)
	if err != nil {
		return nil, nil, unreadable("not a readable .xlsx workbook: "+openError(err), "")
	}
	if now, err := os.Stat(fh.Name()); err != nil || !os.SameFile(st, now) || now.Size() != st.Size() || !now.ModTime().Equal(st.ModTime()) {
		f.Close()
		return nil, nil, unreadable("the file changed while it was being read", "run again once the file is saved")
	}
	return f, pkg, nil
}

func tooLarge() *findings.Finding {
	return unreadable(fmt.Sprintf("the file is larger than %d MiB", MaxFileSize>>20), "")
}

func unreadable(msg, fix string) *findings.Finding {
	f := findings.New(findings.Unreadable, "", "", msg, fix)
	return &f
}

// compoundFile tells a password-protected workbook from a legacy .xls.
func compoundFile(data []byte) findings.Finding {
	var marker []byte
	for _, c := range "EncryptionInfo" {
		marker = append(marker, byte(c), 0) // UTF-16LE stream name
	}
	if bytes.Contains(data, marker) {
		return findings.New(findings.Encrypted, "", "", "the workbook is password-protected (encrypted); capreg cannot read it", "")
	}
	return findings.New(findings.Unreadable, "", "", "not a readable .xlsx workbook: this is a legacy Excel 97-2003 (.xls) or other OLE file", "save it as Excel Workbook (.xlsx) and try again")
}

func openError(err error) string {
	if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip: not a valid zip file") {
		return errNotPackage.Error()
	}
	return err.Error()
}

// Sheet returns the file's name of the sheet called name, case and blanks
// around it forgiven.
func Sheet(f *excelize.File, name string) (string, bool) {
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return s, true
		}
	}
	return "", false
}

// Malformed turns a panic of excelize on a malformed part into a finding;
// call it deferred, with the reader's finding list.
func Malformed(p any, sheet string) findings.Finding {
	return findings.New(findings.Unreadable, sheet, "", fmt.Sprintf("the workbook is malformed: %v", p), "")
}
