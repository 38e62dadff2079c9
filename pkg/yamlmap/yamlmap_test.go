package yamlmap

import (
	"errors"
	"fmt"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/capreg/capreg/pkg/lang"
)

func TestEachKey(t *testing.T) {
	bad := func(line int, why lang.Msg) error { return fmt.Errorf("line %d: %s", line, why) }
	for _, c := range []struct {
		doc, keys, err string
	}{
		{"a: 1\nb: 2\n", "a b ", ""},
		{"a: 1\nb: 2\na: 3\n", "a b ", "line 3: a is given twice (lines 1 and 3)"},
		{"{}\n", "", ""},
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(c.doc), &n); err != nil {
			t.Fatal(err)
		}
		keys := ""
		err := EachKey(n.Content[0], bad, func(k, _ *yaml.Node) error { keys += k.Value + " "; return nil })
		if keys != c.keys || (err == nil) != (c.err == "") || (err != nil && err.Error() != c.err) {
			t.Errorf("%q: keys %q, err %v; want %q, %q", c.doc, keys, err, c.keys, c.err)
		}
	}
	stop := errors.New("stop")
	var n yaml.Node
	_ = yaml.Unmarshal([]byte("a: 1\nb: 2\n"), &n)
	calls := 0
	if err := EachKey(n.Content[0], nil, func(_, _ *yaml.Node) error { calls++; return stop }); err != stop || calls != 1 {
		t.Errorf("f's error: %v after %d calls, want stop after 1", err, calls)
	}
}
