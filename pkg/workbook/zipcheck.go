package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits of what capreg unpacks: a whole workbook, and a sheet it may load
// whole (cell types, merged cells).
const (
	maxUnpacked      = 1 << 30  // 1 GiB, against zip bombs
	maxSmallSheetXML = 32 << 20 // 32 MiB
)

// pkgInfo is what a check of the zip package found: every part's real
// unpacked size and the part of each sheet.
type pkgInfo struct {
	size       map[string]int64  // part path → unpacked bytes
	sheetParts map[string]string // sheet name → part path
}

// inspectPackage unpacks every part of the package once, counting bytes, so
// that a damaged part (bad checksum, truncated stream, sizes that lie) or a
// zip bomb is refused before excelize, which ignores such errors, reads it.
func inspectPackage(data []byte) (*pkgInfo, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	info := &pkgInfo{size: map[string]int64{}, sheetParts: map[string]string{}}
	var total int64
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("part %s: %v", f.Name, err)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, maxUnpacked-total+1))
		rc.Close()
		total += n
		if total > maxUnpacked {
			return nil, fmt.Errorf("it unpacks to more than %d MiB (a zip bomb?)", maxUnpacked>>20)
		}
		if err != nil {
			return nil, fmt.Errorf("part %s is damaged: %v", f.Name, err)
		}
		info.size[f.Name] = n
		if n <= maxSmallSheetXML && wellFormedChecked(f.Name) {
			if err := wellFormed(f); err != nil {
				return nil, fmt.Errorf("part %s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	info.mapSheets(zr)
	return info, nil
}

// mapSheets reads xl/workbook.xml and its relationships to name each sheet's
// part. A package it cannot map just gets no size limit for cell lookups
// beyond the row count.
func (p *pkgInfo) mapSheets(zr *zip.Reader) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXML(zr, "xl/workbook.xml", &wb) != nil || readXML(zr, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range wb.Sheets {
		p.sheetParts[s.Name] = targets[s.ID]
	}
}

func readXML(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(io.LimitReader(f, 16<<20)).Decode(v)
}

// sheetBytes is the unpacked size of a sheet's part, or -1 when unknown.
func (p *pkgInfo) sheetBytes(sheet string) int64 {
	if p == nil {
		return -1
	}
	if n, ok := p.size[p.sheetParts[sheet]]; ok {
		return n
	}
	return -1
}

// wellFormedChecked names the parts whose XML is checked: excelize reads a
// malformed sheet as if it simply ended there.
func wellFormedChecked(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml") ||
		name == "xl/sharedStrings.xml" || name == "xl/workbook.xml"
}

func wellFormed(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		if _, err := d.RawToken(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
