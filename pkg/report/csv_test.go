package report

import (
	"bytes"
	"testing"
)

// The two dialects of one table: Excel's puts a decimal comma in the
// numeric cells only (text with points or commas stays as it is, quoted when
// it holds the separator; text of digits, - and / as the text formula
// ="031245", so no leading zero is lost), a BOM first and CRLF line ends;
// both make a text cell formula-safe and leave a negative number a number.
func TestCSVDialects(t *testing.T) {
	header := []string{"name", "amount", "ratio", "note"}
	rows := [][]string{
		{"Op. A; Ltda.", "-1234.50", "0.7250", "v1.2, 3.4"},
		{"=cmd", "0.00", "", "-5.5"},
		{"031245", "7", "1", "2025-09"},
		{"1a", "-0.5", "0", "a031245"},
	}
	numeric := []bool{false, true, true, false}
	cases := []struct {
		dialect CSVDialect
		want    string
	}{
		{CSVPlain, "name,amount,ratio,note\n" +
			"Op. A; Ltda.,-1234.50,0.7250,\"v1.2, 3.4\"\n" +
			"'=cmd,0.00,,'-5.5\n" +
			"031245,7,1,2025-09\n" +
			"1a,-0.5,0,a031245\n"},
		{CSVExcel, "\ufeffname;amount;ratio;note\r\n" +
			"\"Op. A; Ltda.\";-1234,50;0,7250;v1.2, 3.4\r\n" +
			"'=cmd;0,00;;'-5.5\r\n" +
			"\"=\"\"031245\"\"\";7;1;\"=\"\"2025-09\"\"\"\r\n" +
			"1a;-0,5;0;a031245\r\n"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := writeCSV(&b, c.dialect, header, rows, numeric); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("dialect %d:\ngot  %q\nwant %q", c.dialect, b.String(), c.want)
		}
	}
}
