package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/capreg/capreg/pkg/findings"
)

func TestBatchSummary(t *testing.T) {
	var s BatchSummary
	for _, r := range []*BatchRow{
		{File: "a", Doc: &Document{Sufficient: true}},
		{File: "b", Doc: &Document{Sufficient: false}},
		{File: "c", Error: "bad"},
		{File: "d", Error: "bug", Internal: true},
		{File: "e", Doc: &Document{Sufficient: true}},
	} {
		s.Add(r)
	}
	s.Elapsed = 1500 * time.Millisecond
	want := BatchSummary{Total: 5, Computed: 3, Failed: 2, Insufficient: 1, Internal: 1, Elapsed: s.Elapsed}
	if s != want {
		t.Errorf("%+v, want %+v", s, want)
	}
	if got := s.String(); got != "5 workbooks: 3 computed (1 insufficient), 2 failed, in 1.5 s" {
		t.Errorf("%q", got)
	}
}

// A JSON line: error null and the document's keys when computed; the
// error, its findings and no amounts when not.
func TestBatchJSONLine(t *testing.T) {
	var buf bytes.Buffer
	ok := &BatchRow{File: "a.xlsx", Doc: &Document{SchemaVersion: SchemaVersion, File: "a.xlsx", RegistroANS: "123456", FactorSet: "padrao"}}
	bad := &BatchRow{File: "b.xlsx", Error: "PLA!B2: CR-E005", Findings: findings.List{findings.New(findings.EmptyValue, "PLA", "B2", "pl is empty", "")}}
	for _, r := range []*BatchRow{ok, bad} {
		if err := BatchJSONLine(&buf, r); err != nil {
			t.Fatal(err)
		}
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	if len(lines) != 2 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	var a, b map[string]any
	if json.Unmarshal(lines[0], &a) != nil || json.Unmarshal(lines[1], &b) != nil {
		t.Fatalf("not JSON:\n%s", buf.String())
	}
	if a["schema_version"] != "1" || a["file"] != "a.xlsx" || a["error"] != nil || a["registro_ans"] != "123456" || a["errors"] != nil {
		t.Errorf("computed row: %v", a)
	}
	if _, has := a["error"]; !has {
		t.Error("computed row without the error key (null)")
	}
	errs, _ := b["errors"].([]any)
	if b["schema_version"] != "1" || b["file"] != "b.xlsx" || b["error"] != "PLA!B2: CR-E005" || len(errs) != 1 || b["amounts"] != nil {
		t.Errorf("failed row: %v", b)
	}
}
