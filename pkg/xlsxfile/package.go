package xlsxfile

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// errNotPackage: the data is no zip at all.
var errNotPackage = errors.New("the file is not an xlsx package (is it .xls, .ods, .csv or damaged?)")

// Package is what a check of the zip package found: every part's real
// unpacked size, the part of each sheet, and the last row of each sheet part
// too large to check its XML whole.
type Package struct {
	size       map[string]int64  // part path → unpacked bytes
	sheetParts map[string]string // sheet name → part path
	lastRow    map[string]int    // part path → the row number of its last row
	merges     map[string]bool   // part path → its XML, checked whole, has merged cells
}

// inspect unpacks every part of the package once, without keeping it,
// before excelize reads any: archive/zip checks each part's size and
// checksum against its header, so a part that lies about its size or is
// damaged is refused instead of being read as a shorter, valid-looking
// sheet; the declared and the real total are bounded (zip bombs).
//
// excelize's Rows iterator ends silently at malformed XML, reading a sheet
// as if it simply ended there. So the XML of the workbook, the shared
// strings and the sheets must be well-formed, with two exceptions that are
// not parsed twice (encoding/xml would add half to the time of reading a
// sheet with excelize): a sheet part larger than MaxSmallSheetXML, and the
// sheets named in streamed, which the caller reads only with the Rows
// iterator. For those the check notes the last row number while unpacking,
// and the reader asks Truncated whether the iterator got there.
func inspect(src io.ReaderAt, size int64, streamed []string) (*Package, error) {
	zr, err := zip.NewReader(src, size)
	if err != nil {
		return nil, errNotPackage
	}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
	}
	if declared > maxUnpacked {
		return nil, fmt.Errorf("it would unpack to more than %d MiB", maxUnpacked>>20)
	}
	info := &Package{size: map[string]int64{}, sheetParts: map[string]string{}, lastRow: map[string]int{}, merges: map[string]bool{}}
	info.mapSheets(zr)
	track := map[string]bool{}
	for sheet, part := range info.sheetParts {
		for _, name := range streamed {
			if strings.EqualFold(strings.TrimSpace(sheet), strings.TrimSpace(name)) {
				track[part] = true
			}
		}
	}
	var total int64
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("part %s: %v", f.Name, err)
		}
		var sink io.Writer = io.Discard
		var rows *rowTracker
		if isSheetPart(f.Name) && (track[f.Name] || f.UncompressedSize64 > MaxSmallSheetXML) {
			rows = &rowTracker{}
			sink = rows
		}
		n, err := io.Copy(sink, io.LimitReader(rc, maxUnpacked-total+1))
		rc.Close()
		total += n
		if total > maxUnpacked {
			return nil, fmt.Errorf("it unpacks to more than %d MiB (a zip bomb?)", maxUnpacked>>20)
		}
		if err != nil {
			return nil, fmt.Errorf("part %s is damaged: %v", f.Name, err)
		}
		info.size[f.Name] = n
		switch {
		case rows != nil:
			info.lastRow[f.Name] = rows.last
		case wellFormedChecked(f.Name) && n <= MaxSmallSheetXML:
			merges, err := wellFormed(f)
			if err != nil {
				return nil, fmt.Errorf("part %s is not well-formed XML: %v", f.Name, err)
			}
			info.merges[f.Name] = merges
		}
	}
	return info, nil
}

// Truncated reports whether a streamed read of sheet stopped short: last is
// the number of the last row the Rows iterator gave (the count of its Next
// calls that returned true), and the sheet's part has a later row. Call it
// only after the iterator ended by itself. Always false for a sheet whose
// XML the check parsed whole.
func (p *Package) Truncated(sheet string, last int) bool {
	if p == nil {
		return false
	}
	want, ok := p.lastRow[p.sheetParts[sheet]]
	return ok && last < want
}

// mapSheets reads xl/workbook.xml and its relationships to name each sheet's
// part. A package it cannot map just gets no size limit for cell lookups
// beyond the row count.
func (p *Package) mapSheets(zr *zip.Reader) {
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

// SheetBytes is the unpacked size of a sheet's part, or -1 when unknown.
func (p *Package) SheetBytes(sheet string) int64 {
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
	return isSheetPart(name) || name == "xl/sharedStrings.xml" || name == "xl/workbook.xml"
}

func isSheetPart(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
}

// wellFormed checks a part's XML and tells whether it has merged cells.
// Every end tag must close the element open, as excelize's decoder (Token)
// requires; the names are compared as written, which is what Token compares,
// sparing RawToken the namespace translation that is most of Token's cost.
func wellFormed(f *zip.File) (merges bool, err error) {
	rc, err := f.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var open []xml.Name
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(open) > 0 {
				return false, fmt.Errorf("the XML ends with element <%s> open", qname(open[len(open)-1]))
			}
			return merges, nil
		} else if err != nil {
			return false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
			merges = merges || t.Name.Local == "mergeCell"
		case xml.EndElement:
			if len(open) == 0 {
				return false, fmt.Errorf("unexpected end element </%s>", qname(t.Name))
			}
			if top := open[len(open)-1]; top != t.Name {
				return false, fmt.Errorf("element <%s> closed by </%s>", qname(top), qname(t.Name))
			}
			open = open[:len(open)-1]
		}
	}
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// MayHaveMerges reports whether sheet can have merged cells: false only
// when the check read its XML whole and found none, so a caller can spare
// excelize's loading the whole sheet to list them.
func (p *Package) MayHaveMerges(sheet string) bool {
	if p == nil {
		return true
	}
	m, checked := p.merges[p.sheetParts[sheet]]
	return m || !checked
}
