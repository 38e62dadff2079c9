package xlsxfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/lang"
)

// withPart is a copy of the package data whose part name is replaced by
// part, stored with the given declared uncompressed size (0: the true size).
func withPart(t *testing.T, data []byte, name string, part []byte, declared uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if zf.Name != name {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(part)
		fw.Close()
		size := uint64(len(part))
		if declared > 0 {
			size = declared
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(part),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Every file that is no workbook is refused with a finding saying what it
// is and how to save it as .xlsx.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	good := oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`).bytes(t)
	sheet := []byte(ws(strings.Repeat(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`, 2000)))
	cfb := append(append([]byte{}, cfbSignature...), make([]byte, 512)...)
	encrypted := append(append([]byte{}, cfb...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	xlsx := excelize.NewFile()
	xlsxBuf, err := xlsx.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want string // code and part of the message, "" when it opens
		fix  string // part of the fix
	}{
		{"a workbook", good, "", ""},
		{"excelize's workbook", xlsxBuf.Bytes(), "", ""},
		{"without package relationships", testBook{noRels: true, sheets: []testSheet{{name: "S", xml: ws("")}}}.bytes(t), "", ""},
		{"strict OOXML", testBook{relsType: "http://purl.oclc.org/ooxml/officeDocument/relationships", sheets: []testSheet{{name: "S", xml: ws("")}}}.bytes(t), "", ""},
		{"declared over the limit", withPart(t, good, "xl/worksheets/sheet1.xml", sheet, maxUnpacked), "CR-E001 would unpack to more than 1024 MiB", ""},
		{"a csv", []byte("id;produto\n1;P\n"), "CR-E001 not a zip package", ""},
		{"an empty file", nil, "CR-E001 the file is empty", ""},
		{"a legacy xls", cfb, "CR-E001 legacy Excel 97-2003 (.xls)", "Save As, file type Excel Workbook (.xlsx)"},
		{"a password", encrypted, "CR-E022 password-protected", ""},
		{"an empty zip", zipOf(t), "CR-E001 an empty zip archive", "give capreg the .xlsx workbook itself"},
		{"an ods", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>"), "CR-E001 an OpenDocument spreadsheet (.ods)", "LibreOffice Calc"},
		{"an odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>"), "CR-E001 an OpenDocument file (application/vnd.oasis.opendocument.text)", ""},
		{"a zip holding a workbook", zipOf(t, "dados/operadora.xlsx", string(good)), "CR-E001 a zip archive holding dados/operadora.xlsx", "extract the archive"},
		{"a docx", zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), "CR-E001 a Word document (.docx)", ""},
		{"a docx naming its main part", zipOf(t, "_rels/.rels", `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`, "word/document.xml", "<w:document/>"), "CR-E001 a Word document (.docx)", "give capreg the .xlsx workbook itself"},
		{"a pptx naming its main part", zipOf(t, "_rels/.rels", `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>`, "ppt/presentation.xml", "<p:presentation/>"), "CR-E001 a PowerPoint presentation (.pptx)", ""},
		{"a pptx", zipOf(t, "[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>"), "CR-E001 a PowerPoint presentation (.pptx)", ""},
		{"an xlsb", zipOf(t, "_rels/.rels", `<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.bin"/></Relationships>`, "xl/workbook.bin", "\x00"), "CR-E001 an Excel Binary Workbook (.xlsb)", "Save As"},
		{"another zip", zipOf(t, "notes.txt", "hello"), "CR-E001 a zip archive without a workbook", ""},
		{"two parts of one name", zipOf(t, "xl/workbook.xml", "<workbook/>", "XL/Workbook.xml", "<workbook/>"), "CR-E001 two parts named", ""},
		{"invalid UTF-8 in the shared strings", testBook{sst: "<si><t>M\xe9dico</t></si>", sheets: []testSheet{{name: "S", xml: ws("")}}}.bytes(t), "CR-E001 part xl/sharedStrings.xml: the XML is malformed: invalid UTF-8", ""},
		{"a malformed workbook part", withPart(t, good, "xl/workbook.xml", []byte("<workbook><sheets></workbook>"), 0), "CR-E001 part xl/workbook.xml: the XML", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".xlsx")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			b, bad, _ := Open(context.Background(), path)
			if c.want == "" {
				if bad != nil {
					t.Fatalf("refused: %v", bad)
				}
				if len(b.Sheets()) == 0 {
					t.Error("no sheets")
				}
				b.Close()
				return
			}
			code, msg, _ := strings.Cut(c.want, " ")
			if len(bad) != 1 || bad[0].Code != code || !strings.Contains(bad[0].Message, msg) || !strings.Contains(bad[0].Fix, c.fix) {
				t.Errorf("got %v, want %s (fix: %s)", bad, c.want, c.fix)
			}
		})
	}
	if _, bad, _ := Open(context.Background(), filepath.Join(dir, "none.xlsx")); len(bad) != 1 || bad[0].Code != findings.Unreadable || !strings.Contains(bad[0].Message, "no such file") {
		t.Errorf("a missing file: %v", bad)
	}
}

// A large file is read in place, through the open file.
func TestOpenLarge(t *testing.T) {
	var sb strings.Builder
	for i := 1; i <= 60000; i++ {
		sb.WriteString(`<row r="` + strconv.Itoa(i) + `"><c t="inlineStr"><is><t>beneficiario ` + strconv.Itoa(i*7919) + `</t></is></c></row>`)
	}
	// Stored without compression, so the file is larger than inMemory.
	data := oneSheet(sb.String()).bytes(t)
	data = withStored(t, data)
	if len(data) <= inMemory {
		t.Fatalf("the file has %d bytes, not more than %d", len(data), inMemory)
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func() (*Book, func()){
		func() (*Book, func()) {
			b, bad, _ := Open(context.Background(), path)
			check(t, bad)
			return b, func() { b.Close() }
		},
		func() (*Book, func()) {
			fh, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			b, bad, _ := Read(context.Background(), fh)
			check(t, bad)
			return b, func() { fh.Close() }
		},
	} {
		b, done := open()
		got, err := readAll(t, b, "Sheet1")
		if err != nil || len(got) != 60000 || got[59999] != "A60000 text beneficiario "+strconv.Itoa(60000*7919) {
			t.Errorf("%d rows, %v", len(got), err)
		}
		done()
	}
}

func check(t *testing.T, bad findings.List) {
	t.Helper()
	if bad != nil {
		t.Fatal(bad)
	}
}

// withStored rewrites every part uncompressed.
func withStored(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		w.Write(buf.Bytes())
	}
	zw.Close()
	return out.Bytes()
}

// A part damaged or lying about its size is refused when the workbook is
// opened, never read as a shorter sheet.
func TestDamagedPart(t *testing.T) {
	good := oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)
	sheet := []byte(ws(strings.Repeat(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`, 2000)))
	lying := withPart(t, good.bytes(t), "xl/worksheets/sheet1.xml", sheet, 100)
	flipped := withPart(t, good.bytes(t), "xl/worksheets/sheet1.xml", sheet, 0)
	i := bytes.Index(flipped, []byte("xl/worksheets/sheet1.xml")) + len("xl/worksheets/sheet1.xml") + 40
	flipped[i] ^= 0xff
	for name, data := range map[string][]byte{"a part lying about its size": lying, "a flipped byte": flipped} {
		if _, bad, _ := Read(context.Background(), bytes.NewReader(data)); len(bad) != 1 || !strings.Contains(bad[0].Message, "part xl/worksheets/sheet1.xml is damaged") {
			t.Errorf("%s: %v", name, bad)
		}
	}
	// A done context ends the check.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if b, bad, err := Read(ctx, bytes.NewReader(good.bytes(t))); b != nil || bad != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v %v %v", b, bad, err)
	}
}

// Two sheets answering to one name are refused, naming both; hidden sheets
// and the date system are read from the workbook part.
func TestSheets(t *testing.T) {
	tb := testBook{sheets: []testSheet{{name: "PLA", xml: ws("")}, {name: "PLA ", xml: ws("")}, {name: " Eventos", xml: ws(""), state: "hidden"}, {name: "Notas", xml: ws(""), state: "veryHidden"}, {name: "abi", xml: ws("")}, {name: "ABI ", xml: ws("")}, {name: " Abi", xml: ws("")}}}
	b := tb.open(t)
	if got := b.Sheets(); !slices.Equal(got, []string{"PLA", "PLA ", " Eventos", "Notas", "abi", "ABI ", " Abi"}) {
		t.Errorf("sheets %q", got)
	}
	name, dup := b.Sheet("pla")
	if name != "" || dup == nil || dup.Code != findings.DuplicateSheet || !strings.Contains(dup.Message, `the sheets "PLA" and "PLA " both answer to pla`) || dup.Sheet != "pla" {
		t.Errorf("duplicate: %q %v", name, dup)
	}
	if _, dup := b.Sheet("ABI"); dup == nil || !strings.Contains(dup.Message, `the sheets "abi", "ABI " and " Abi" all answer to ABI`) {
		t.Errorf("three answering to ABI: %v", dup)
	}
	if name, dup := b.Sheet("eventos"); name != " Eventos" || dup != nil {
		t.Errorf("eventos: %q %v", name, dup)
	}
	if name, dup := b.Sheet("Eventos_ABI"); name != "" || dup != nil {
		t.Errorf("Eventos_ABI: %q %v", name, dup)
	}
	// Require: the name, the duplicate, or the reader's finding of none.
	if name, bad := b.Require("eventos", findings.MissingSheet, lang.Msg{}); name != " Eventos" || bad != nil {
		t.Errorf("require eventos: %q %v", name, bad)
	}
	if _, bad := b.Require("pla", findings.MissingSheet, lang.Msg{}); bad == nil || bad.Code != findings.DuplicateSheet {
		t.Errorf("require pla: %v", bad)
	}
	if name, bad := b.Require("Coleta", findings.ColetaLayout, lang.Text("start from capreg coleta template")); name != "" || bad == nil || bad.Code != findings.ColetaLayout || bad.Sheet != "Coleta" ||
		bad.Message != `the workbook has no sheet Coleta (it has PLA, PLA ,  Eventos, Notas, abi, ABI ,  Abi)` || bad.Fix != "start from capreg coleta template" {
		t.Errorf("require Coleta: %q %+v", name, bad)
	}
	if _, bad := (testBook{}).open(t).Require("Coleta", findings.ColetaLayout, lang.Msg{}); bad == nil || bad.Message != "the workbook has no sheet Coleta (it has no sheets)" {
		t.Errorf("require in a workbook without sheets: %+v", bad)
	}
	if b.Hidden("PLA") || !b.Hidden(" Eventos") || !b.Hidden("Notas") {
		t.Error("hidden states")
	}
	if b.Date1904() {
		t.Error("1904 without workbookPr")
	}
	for pr, want := range map[string]bool{`<workbookPr date1904="1"/>`: true, `<workbookPr date1904="true" defaultThemeVersion="1"/>`: true, `<workbookPr date1904="0"/>`: false, `<workbookPr/>`: false} {
		tb.wbPr = pr
		if got := tb.open(t).Date1904(); got != want {
			t.Errorf("%s: 1904 %v", pr, got)
		}
	}
	if _, err := b.Rows(context.Background(), "pla"); err == nil {
		t.Error("Rows takes the file's name, exactly")
	}
}

// The same date in either date system reads as the same day.
func TestDate1904(t *testing.T) {
	row := `<row r="1"><c r="A1"><v>%s</v></c></row>`
	for _, c := range []struct {
		pr, serial, want string
	}{
		{``, "45672", "2025-01-15"},
		{`<workbookPr date1904="1"/>`, "44210", "2025-01-15"}, // 45672 − 1462
		{`<workbookPr date1904="1"/>`, "0", "1904-01-01"},
		{`<workbookPr date1904="true"/>`, "0.75", "1904-01-01"},
	} {
		tb := oneSheet(strings.Replace(row, "%s", c.serial, 1))
		tb.wbPr = c.pr
		b := tb.open(t)
		rows, _ := b.Rows(context.Background(), "Sheet1")
		if !rows.Next() {
			t.Fatal(rows.Err())
		}
		d, err := rows.Cells()[0].Date(b.Date1904())
		if err != nil || d.Format(time.DateOnly) != c.want {
			t.Errorf("%s %s: %v %v, want %s", c.pr, c.serial, d, err, c.want)
		}
		rows.Close()
	}
}

func TestMerges(t *testing.T) {
	plain := `<row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell</t></is></c></row>`
	merged := ws(plain)
	merged = strings.Replace(merged, `</sheetData>`, `</sheetData><mergeCells count="2"><mergeCell ref="A2:B3"/><mergeCell ref="C5:C9"/></mergeCells>`, 1)
	b := testBook{sheets: []testSheet{{name: "Plain", xml: ws(plain)}, {name: "Merged", xml: merged}, {name: "Broken", xml: merged[:len(merged)-5]}}}.open(t)
	if refs, known := b.Merges("Plain"); !known || refs != nil {
		t.Errorf("plain: %v %v", refs, known)
	}
	if refs, known := b.Merges("Merged"); !known || !slices.Equal(refs, []string{"A2:B3", "C5:C9"}) {
		t.Errorf("merged: %v %v", refs, known)
	}
	if _, known := b.Merges("Broken"); known {
		t.Error("the merges of a malformed sheet are not known")
	}
	if _, known := b.Merges("None"); known {
		t.Error("the merges of no sheet are not known")
	}
}

// Edit opens the same workbook with excelize, to be changed.
func TestEdit(t *testing.T) {
	b := oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`).open(t)
	f, err := b.Edit()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, err := f.GetCellValue("Sheet1", "A1"); err != nil || v != "x" {
		t.Errorf("%q %v", v, err)
	}
}
