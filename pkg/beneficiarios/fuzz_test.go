package beneficiarios

import (
	"context"
	"strings"
	"testing"
)

// FuzzCSV reads any bytes as a beneficiary CSV: no panic, and the counts
// hold together (every program count within the total, products adding up).
func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		header + "1,P1,individual,medico_hospitalar,nenhuma,S,N,S\n",
		strings.ReplaceAll(header, ",", ";") + "1;Sa\xfade;individual;odontologico;nenhuma;N;S;N\r\n",
		header + "1,\"P\"\"1\",individual\n", "", "\ufeff", "id;produto\n\"", header + "\n\n,,,,,,,\n",
		strings.ReplaceAll(header+"1,\"P\r\n1\",individual,medico_hospitalar,nenhuma,S,N,N\n", "\n", "\r"),
		header + "1,P1,individual\r\r\n2,P1,individual,odontologico,nenhuma,N,N,N\r",
		header + "1,P1,individual,medico_hospitalar,nenhuma\n,,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, l, _ := ReadCSV(context.Background(), strings.NewReader(string(data)), "f.csv")
		for _, fd := range l {
			if fd.Code == "" || fd.Message == "" {
				t.Fatalf("finding without code or message: %+v", fd)
			}
		}
		if b == nil {
			return
		}
		var sum int64
		for _, n := range b.PorProduto {
			sum += n
		}
		if sum != b.Total || b.Promoprev > b.Total || b.APS > b.Total || b.PartoAdequado > b.Total {
			t.Fatalf("counts do not hold together: %+v", b)
		}
	})
}
