// Package xlsxfile opens the .xlsx files a person hands to capreg's smaller
// readers (the coleta sheet, the complaint ranking, a beneficiary file) with
// bounded sizes and a finding, not an error text, when the file is not a
// workbook. The layout-v1 reader (pkg/workbook) has its own, stricter
// package checks.
package xlsxfile

import (
	"archive/zip"
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
)

// cfbSignature starts an OLE compound file: a legacy .xls, or an xlsx
// encrypted with a password.
var cfbSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Open opens path read-only as a workbook. A file that cannot be used gives
// a finding (CR-E001 or CR-E022) instead.
func Open(path string) (*excelize.File, *findings.Finding) {
	fh, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, unreadable(fmt.Sprintf("cannot read %s: %v", path, err), "")
	}
	defer fh.Close()
	st, err := fh.Stat()
	switch {
	case err != nil:
		return nil, unreadable(fmt.Sprintf("cannot read %s: %v", path, err), "")
	case st.IsDir():
		return nil, unreadable(path+" is a directory, not a workbook", "")
	case st.Size() > MaxFileSize:
		return nil, unreadable(fmt.Sprintf("the file is larger than %d MiB", MaxFileSize>>20), "")
	}
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, unreadable("cannot read the file: "+err.Error(), "")
	}
	if bytes.HasPrefix(data, cfbSignature) {
		f := compoundFile(data)
		return nil, &f
	}
	if err := checkParts(data); err != nil {
		return nil, unreadable("not a readable .xlsx workbook: "+err.Error(), "")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnpacked, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return nil, unreadable("not a readable .xlsx workbook: "+openError(err), "")
	}
	return f, nil
}

// checkParts unpacks every part once, without keeping it, before excelize
// reads any: archive/zip checks each part's size and checksum against its
// header, so a part that lies about its size or is damaged is refused
// instead of being read as a shorter, valid-looking sheet. The declared
// and the real total are both bounded. Data that is no zip at all is left
// for excelize to name.
func checkParts(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
	}
	if declared > maxUnpacked {
		return fmt.Errorf("it would unpack to more than %d MiB", maxUnpacked>>20)
	}
	var total int64
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("part %s cannot be unpacked: %v", f.Name, err)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, maxUnpacked-total+1))
		rc.Close()
		if total += n; total > maxUnpacked {
			return fmt.Errorf("it unpacks to more than %d MiB", maxUnpacked>>20)
		}
		if err != nil {
			return fmt.Errorf("part %s is damaged: %v", f.Name, err)
		}
	}
	return nil
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
		return "the file is not an xlsx package (is it .xls, .ods, .csv or damaged?)"
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
