package layout

import "testing"

func TestBeneficiaryFile(t *testing.T) {
	cases := []struct{ workbook, ext, want string }{
		{"dir/op.xlsx", "csv", "dir/op.beneficiarios.csv"},
		{"dir/op.xlsx", ".xlsx", "dir/op.beneficiarios.xlsx"},
		{"OP.XLSX", "csv", "OP.beneficiarios.csv"},
		{"mercado/operadora-0001.xlsx", "csv", "mercado/operadora-0001.beneficiarios.csv"},
		{"sem-extensao", "csv", "sem-extensao.beneficiarios.csv"},
		{"a.b.xlsx", "csv", "a.b.beneficiarios.csv"},
	}
	for _, c := range cases {
		if got := BeneficiaryFile(c.workbook, c.ext); got != c.want {
			t.Errorf("BeneficiaryFile(%q, %q) = %q, want %q", c.workbook, c.ext, got, c.want)
		}
		if IsBeneficiaryFile(c.workbook) {
			t.Errorf("IsBeneficiaryFile(%q) = true for a workbook", c.workbook)
		}
		if !IsBeneficiaryFile(c.want) {
			t.Errorf("IsBeneficiaryFile(%q) = false", c.want)
		}
	}
}
