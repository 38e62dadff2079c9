package xlsxfile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/capreg/capreg/pkg/findings"
)

// workbook is a real workbook whose sheet1 part is replaced by part, stored
// with the given declared uncompressed size (0: the true size).
func workbook(t *testing.T, part []byte, declared uint64) []byte {
	t.Helper()
	f := excelize.NewFile()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet1.xml" || part == nil {
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

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	sheet := []byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>` +
		strings.Repeat(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`, 2000) + `</sheetData></worksheet>`)
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	encrypted := append(append([]byte{}, cfb...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	cases := []struct {
		name string
		data []byte
		want string // code and part of the message, "" when it opens
	}{
		{"a workbook", workbook(t, nil, 0), ""},
		{"a replaced sheet, sizes true", workbook(t, sheet, 0), ""},
		// The part says 100 bytes and holds more: refused, not read short.
		{"a part lying about its size", workbook(t, sheet, 100), "CR-E001 part xl/worksheets/sheet1.xml is damaged"},
		{"declared over the limit", workbook(t, sheet, maxUnpacked), "CR-E001 would unpack to more than 1024 MiB"},
		{"a csv", []byte("id;produto\n1;P\n"), "CR-E001 not an xlsx package"},
		{"an empty file", nil, "CR-E001 not an xlsx package"},
		{"a legacy xls", cfb, "CR-E001 legacy Excel 97-2003"},
		{"a password", encrypted, "CR-E022 password-protected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".xlsx")
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			f, bad := Open(path)
			if c.want == "" {
				if bad != nil {
					t.Fatalf("refused: %v", bad)
				}
				f.Close()
				return
			}
			code, msg, _ := strings.Cut(c.want, " ")
			if bad == nil || bad.Code != code || !strings.Contains(bad.Message, msg) {
				t.Errorf("got %v, want %s", bad, c.want)
			}
		})
	}
	for _, p := range []string{dir, filepath.Join(dir, "none.xlsx")} {
		if _, bad := Open(p); bad == nil || bad.Code != findings.Unreadable {
			t.Errorf("%s: %v", p, bad)
		}
	}
}

func TestSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", " coleta ")
	if name, ok := Sheet(f, "Coleta"); !ok || name != " coleta " {
		t.Errorf("%q %v", name, ok)
	}
	if _, ok := Sheet(f, "Periodo"); ok {
		t.Error("found a sheet that is not there")
	}
}
