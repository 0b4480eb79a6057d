package gen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/suite"
	"github.com/rscls/rscls/protocol"
)

// VSCodeSettingsTitle is the title of the entry of the VS Code extension's
// contributes.configuration that UpdateVSCodeManifest generates. The extension
// finds the server's keys by the same title; its other entries (the server
// path, the protocol trace) are written by hand.
const VSCodeSettingsTitle = "Server settings"

// severities lists the severity names, most severe first, as the settings
// documentation gives them.
func severities() []any {
	var out []any
	for s := analysis.SeverityError; ; s-- {
		out = append(out, s.String())
		if s == analysis.SeverityOff {
			return out
		}
	}
}

// vscodeSettings renders one contributes.configuration property, named
// "rscls." + key, for every key of SettingDocs.
func vscodeSettings() object {
	var props object
	for i, d := range SettingDocs() {
		p := object{{"type", d.Type}}
		desc := d.Doc
		if d.Type == "array" {
			p = append(p, member{"items", object{{"type", "string"}}})
		}
		p = append(p, member{"default", d.Default})
		switch d.Key {
		case "rules":
			var names []string
			for _, a := range suite.Analyzers {
				names = append(names, a.Name)
			}
			// The value schema has a type so that the Settings editor can
			// edit the object as a table of rule and severity.
			p = append(p,
				member{"additionalProperties", object{{"type", "string"}, {"enum", severities()}}},
				member{"propertyNames", object{{"enum", anys(names)}}})
			desc += " Rules: " + strings.Join(names, ", ") + "."
		case "logLevel":
			p = append(p, member{"enum", anys(protocol.LogLevels)})
		}
		p = append(p, member{"description", desc}, member{"order", i})
		props = append(props, member{"rscls." + d.Key, p})
	}
	return props
}

func anys(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// UpdateVSCodeManifest returns the extension's package.json with the
// properties of the configuration entry titled VSCodeSettingsTitle replaced
// by vscodeSettings (the entry is appended when missing). Everything else is
// kept in its order and the whole is printed as npm prints package.json:
// two-space indentation and a final newline.
func UpdateVSCodeManifest(data []byte) ([]byte, error) {
	v, err := parseOrdered(data)
	if err != nil {
		return nil, fmt.Errorf("package.json: %v", err)
	}
	root, ok := v.(object)
	if !ok {
		return nil, errors.New("package.json: not an object")
	}
	contributes, ok := root.Get("contributes").(object)
	if !ok {
		return nil, errors.New("package.json: no contributes object")
	}
	var entries []any
	switch c := contributes.Get("configuration").(type) {
	case nil:
	case []any:
		entries = c
	default:
		return nil, errors.New("package.json: contributes.configuration must be an array of entries")
	}
	found := false
	for i, e := range entries {
		entry, ok := e.(object)
		if !ok || entry.Get("title") != VSCodeSettingsTitle {
			continue
		}
		entries[i] = entry.Set("properties", vscodeSettings())
		found = true
	}
	if !found {
		entries = append(entries, object{{"title", VSCodeSettingsTitle}, {"properties", vscodeSettings()}})
	}
	contributes = contributes.Set("configuration", entries)
	root = root.Set("contributes", contributes)
	var b bytes.Buffer
	writeOrdered(&b, root, "")
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// object is a JSON object that keeps the order of its members, so that a
// rewritten package.json differs from the original only where it must.
type object []member

// member is one key and value of an object.
type member struct {
	Key   string
	Value any
}

// Get returns the value of key, or nil.
func (o object) Get(key string) any {
	for _, m := range o {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}

// Set returns o with key set to value: in place when present, else last.
func (o object) Set(key string, value any) object {
	out := append(object(nil), o...)
	for i, m := range out {
		if m.Key == key {
			out[i].Value = value
			return out
		}
	}
	return append(out, member{key, value})
}

// parseOrdered decodes JSON into object, []any, string, json.Number, bool
// and nil values.
func parseOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := parseValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected content after the top-level value")
	}
	return v, nil
}

func parseValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := object{}
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := parseValue(dec)
			if err != nil {
				return nil, err
			}
			obj = append(obj, member{key.(string), v})
		}
		_, err := dec.Token() // '}'
		return obj, err
	case json.Delim('['):
		arr := []any{}
		for dec.More() {
			v, err := parseValue(dec)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := dec.Token() // ']'
		return arr, err
	}
	return tok, nil
}

// writeOrdered prints v the way JSON.stringify(v, null, 2) does.
func writeOrdered(b *bytes.Buffer, v any, indent string) {
	inner := indent + "  "
	switch v := v.(type) {
	case object:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range v {
			b.WriteString(inner)
			writeScalar(b, m.Key)
			b.WriteString(": ")
			writeOrdered(b, m.Value, inner)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range v {
			b.WriteString(inner)
			writeOrdered(b, e, inner)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case map[string]string:
		// Defaults such as the rules' {} arrive as Go maps; none has members
		// today, and an ordered rendering would need sorting if one did.
		obj := object{}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			obj = append(obj, member{k, v[k]})
		}
		writeOrdered(b, obj, indent)
	case []string:
		writeOrdered(b, anys(v), indent)
	default:
		writeScalar(b, v)
	}
}

func writeScalar(b *bytes.Buffer, v any) {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // JSON.stringify leaves <, > and & alone
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("package.json value %v: %v", v, err))
	}
	b.Write(bytes.TrimSuffix(out.Bytes(), []byte("\n")))
}
