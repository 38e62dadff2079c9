package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/capreg/capreg/pkg/capital"
	"github.com/capreg/capreg/pkg/findings"
	"github.com/capreg/capreg/pkg/generate"
	"github.com/capreg/capreg/pkg/rules/rulestest"
	"github.com/capreg/capreg/pkg/workbook"
)

// The shipped example computes to the figures of examples/operadora-exemplo.json
// (reduzido applied, sufficient; CR = CBR since CBR > CB).
func TestCalculateExample(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	c, err := Calculate(context.Background(), "examples/operadora-exemplo.xlsx", "", rb, capital.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Result
	want := map[string]string{"cb": "3605924.114325", "pla": "143099178.19", "cbr": "28141360.600249886078433551532",
		"cr": "28141360.600249886078433551532", "surplus": "114957817.589750113921566448468"}
	for k, v := range want {
		if got := figures(r)[k]; !got.Equal(decimal.RequireFromString(v)) {
			t.Errorf("%s = %s, want %s", k, got, v)
		}
	}
	// surplus = PLA − CR: 143099178.19 − 28141360.600249886078433551532
	if !r.Surplus.Value.Equal(r.PLA.Value.Sub(r.CR.Value)) {
		t.Errorf("surplus %s ≠ PLA − CR", r.Surplus.Value)
	}
	if r.FactorSet != "reduzido" || !r.Sufficient || c.Rulebook != rb {
		t.Errorf("set %s, sufficient %v", r.FactorSet, r.Sufficient)
	}
}

// Calculate checks the input once, and the engine trusts it (Checked):
// the figures and the warnings, in order, are those of reading, then
// computing with the engine checking again, on every valid workbook.
func TestCalculateChecksOnce(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	for _, path := range validWorkbooks(t) {
		for _, set := range []string{capital.Auto, "padrao"} {
			opt := capital.Options{Factors: set}
			c, err := Calculate(context.Background(), path, "", rb, opt)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in, read, err := workbook.Read(context.Background(), bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			res, err := capital.Compute(in, rb, opt) // checks again
			if err != nil {
				t.Fatal(err)
			}
			want := append(read.Warnings(), res.Warnings...)
			if !reflect.DeepEqual(c.Warnings, want) {
				t.Errorf("%s %s: warnings\n %v\nwant\n %v", path, set, c.Warnings, want)
			}
			for k, v := range figures(res) {
				if !figures(c.Result)[k].Equal(v) {
					t.Errorf("%s %s: %s differs", path, set, k)
				}
			}
		}
	}
}

// A separate beneficiary file: read and used (coverage-weighted shares
// need it); its findings name it; one not there is the input's fault,
// named "beneficiary file"; the engine's refusal of coverage-weighted
// shares without beneficiaries is an input error too.
func TestCalculateBeneficiaryFile(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	const example = "examples/operadora-exemplo.xlsx"
	dir := t.TempDir()
	csv := filepath.Join(dir, "b.csv")
	var buf bytes.Buffer
	if _, err := generate.NewExample(1).WriteBeneficiaryCSV(context.Background(), &buf, 500); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	weighted := capital.Options{CoverageWeighted: true}
	if _, err := Calculate(context.Background(), example, csv, rb, weighted); err != nil {
		t.Errorf("with the beneficiary file: %v", err)
	}
	var ie *findings.InputError
	if _, err := Calculate(context.Background(), example, "", rb, weighted); !errors.As(err, &ie) || !InputFault(err) {
		t.Errorf("coverage-weighted without beneficiaries: %v", err)
	}
	none := filepath.Join(dir, "none.csv")
	if _, err := Calculate(context.Background(), example, none, rb, capital.Options{}); err == nil || !InputFault(err) ||
		err.Error() != "beneficiary file "+none+": no such file or directory" {
		t.Errorf("a beneficiary file not there: %v", err)
	}
	bad := filepath.Join(dir, "bad.csv")
	lines := strings.SplitAfter(buf.String(), "\n")
	if err := os.WriteFile(bad, []byte(lines[0]+strings.Replace(lines[1], "nenhuma", "talvez", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Calculate(context.Background(), example, bad, rb, capital.Options{})
	if !errors.As(err, &ie) || !slices.ContainsFunc(ie.Findings, func(f findings.Finding) bool { return f.File == bad }) {
		t.Errorf("a bad beneficiary file: %v", err)
	}
}

// A workbook that is not there, or not a file, is the input's fault
// naming it; an unreadable workbook's findings come all at once.
func TestCalculateRefuses(t *testing.T) {
	t.Chdir("../..")
	rb := rulestest.Default(t)
	for path, want := range map[string]string{
		"nothere.xlsx": "nothere.xlsx: no such file or directory",
		"testdata":     "testdata: is a directory, not a file",
	} {
		var fe *FileError
		if _, err := Calculate(context.Background(), path, "", rb, capital.Options{}); err == nil || err.Error() != want ||
			!InputFault(err) || !errors.As(err, &fe) || fe.Path != path {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	var ie *findings.InputError
	_, err := Calculate(context.Background(), "testdata/invalid/i55_five_errors_five_sheets.xlsx", "", rb, capital.Options{})
	if !errors.As(err, &ie) || len(ie.Findings.Errors()) != 5 {
		t.Errorf("five errors: %v", err)
	}
}

// figures are a result's amounts by their JSON key.
func figures(r *capital.Result) map[string]decimal.Decimal {
	return map[string]decimal.Decimal{"cb": r.CB.Value, "pla": r.PLA.Value, "crs": r.CRS.Value, "crc": r.CRC.Value, "crm": r.CRM.Value,
		"cro": r.CRO.Value, "cbr": r.CBR.Value, "cr": r.CR.Value, "surplus": r.Surplus.Value}
}
