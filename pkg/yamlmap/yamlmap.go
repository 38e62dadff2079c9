// Package yamlmap reads the mappings of a YAML file a person wrote (the
// config file, a cenarios file): every key in the order written, each key
// once, a problem named with its line.
package yamlmap

import (
	"gopkg.in/yaml.v3"

	"github.com/capreg/capreg/pkg/lang"
)

// EachKey calls f on every key of mapping node m and its value, in order,
// and refuses a key given twice with bad(line, why).
func EachKey(m *yaml.Node, bad func(int, lang.Msg) error, f func(key, val *yaml.Node) error) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		if line, ok := seen[key.Value]; ok {
			return bad(key.Line, lang.M("%s is given twice (lines %d and %d)", key.Value, lang.Ordinal(line), lang.Ordinal(key.Line)))
		}
		seen[key.Value] = key.Line
		if err := f(key, val); err != nil {
			return err
		}
	}
	return nil
}
