package generate

import (
	"context"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// templateBytes is Template as xlsx bytes, identical on every call.
func templateBytes() ([]byte, error) {
	f, err := Template()
	if err != nil {
		return nil, err
	}
	return toBytes(f)
}

// exampleBytes is the example operator's workbook (no beneficiary rows) as
// xlsx bytes, identical on every call.
func exampleBytes(seed uint64) ([]byte, error) {
	f, _, err := NewExample(seed).Workbook(context.Background(), WorkbookOptions{})
	if err != nil {
		return nil, err
	}
	return toBytes(f)
}

func toBytes(f *excelize.File) ([]byte, error) {
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("writing xlsx: %w", err)
	}
	return buf.Bytes(), nil
}
