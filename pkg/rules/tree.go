package rules

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/capreg/capreg/pkg/lang"
)

// Leaf is one parameter as shown to the user.
type Leaf struct {
	Path   string
	Value  string
	Status Status
	Source string
}

type leafNode struct {
	path string
	node *yaml.Node
}

// walk lists the leaf paths of a rulebook document: every scalar and every
// list is a leaf, but each point of capital_referencia is one of its own.
func walk(doc *yaml.Node) []leafNode {
	var out []leafNode
	var rec func(n *yaml.Node, path string)
	rec = func(n *yaml.Node, path string) {
		switch {
		case n.Kind == yaml.DocumentNode:
			for _, c := range n.Content {
				rec(c, path)
			}
		case n.Kind == yaml.MappingNode && path != "" && strings.HasPrefix(path, "capital_referencia@"):
			out = append(out, leafNode{path, n})
		case n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if path == "" && (k == "proveniencia" || k == "versao" || k == "confirmados") {
					continue
				}
				p := k
				if path != "" {
					p = path + "." + k
				}
				rec(n.Content[i+1], p)
			}
		case n.Kind == yaml.SequenceNode && path == "capital_referencia":
			for _, c := range n.Content {
				rec(c, path+"@"+pointDate(c))
			}
		default:
			out = append(out, leafNode{path, n})
		}
	}
	rec(doc, "")
	return out
}

func pointDate(n *yaml.Node) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "desde" {
			return n.Content[i+1].Value
		}
	}
	return "?"
}

func (rb *Rulebook) document() (*yaml.Node, error) {
	c := *rb
	c.Proveniencia, c.Confirmados = nil, nil
	var doc yaml.Node
	if err := doc.Encode(&c); err != nil {
		return nil, err
	}
	return &doc, nil
}

// Leaves lists every parameter of the effective rulebook in file order, with
// its value, status and source.
func (rb *Rulebook) Leaves() ([]Leaf, error) {
	doc, err := rb.document()
	if err != nil {
		return nil, err
	}
	var out []Leaf
	for _, l := range walk(doc) {
		p, err := rb.leafProvenance(l.path)
		if err != nil {
			return nil, err
		}
		out = append(out, Leaf{Path: l.path, Value: flow(l.node), Status: p.Status, Source: p.Fonte})
	}
	return out, nil
}

// leafProvenance is the provenance of a leaf of the rulebook's document,
// which names a parameter unless the Go types and the YAML disagree.
func (rb *Rulebook) leafProvenance(path string) (Provenance, error) {
	p, ok := rb.Provenance(path)
	if !ok {
		return p, lang.Errorf("internal error: the rulebook's leaf %s names no parameter", path)
	}
	return p, nil
}

// flow renders a node on one line.
func flow(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = flow(c)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case yaml.MappingNode:
		parts := make([]string, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, n.Content[i].Value+": "+flow(n.Content[i+1]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return ""
}

// Export writes the effective rulebook as a rules file the user can edit and
// pass back with --rules: every value, each with its status and source as a
// comment.
func (rb *Rulebook) Export() ([]byte, error) {
	doc, err := rb.document()
	if err != nil {
		return nil, err
	}
	for _, l := range walk(doc) {
		p, err := rb.leafProvenance(l.path)
		if err != nil {
			return nil, err
		}
		if l.node.Kind == yaml.SequenceNode || l.node.Kind == yaml.MappingNode {
			setFlow(l.node)
		}
		l.node.LineComment = fmt.Sprintf("%s — %s", p.Status, p.Fonte)
	}
	// Keep the confirmations, or passing the export back would turn the
	// values the user confirmed back into provisional ones.
	if len(rb.Confirmados) > 0 && doc.Kind == yaml.MappingNode {
		v := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, c := range rb.Confirmados {
			v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: c})
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "confirmados"}, v)
	}
	var b strings.Builder
	b.WriteString("# capreg rules file: edit any value and pass it back with --rules FILE.\n")
	b.WriteString("# Keys you delete keep the embedded value. A value you change becomes status `user`;\n")
	b.WriteString("# a value left as it is keeps its status (provisional stays provisional). To confirm an\n")
	b.WriteString("# embedded value as official, list its path, e.g.  confirmados: [cro.fator_provisoes]\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

func setFlow(n *yaml.Node) {
	n.Style = yaml.FlowStyle
	for _, c := range n.Content {
		setFlow(c)
	}
}
