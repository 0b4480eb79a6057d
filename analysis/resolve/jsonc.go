package resolve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsoncToJSON turns JSONC (the dialect of tsconfig.json and jsconfig.json)
// into JSON: it drops a UTF-8 byte order mark, blanks out // and /* */
// comments and trailing commas before } and ]. Blanked bytes become spaces
// (newlines are kept), so offsets in the output match the input less the
// BOM and syntax errors can still be located.
func jsoncToJSON(src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	out := make([]byte, len(src))
	copy(out, src)
	lastSignificant := -1 // index in out of the last byte that is not blank
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case c == '"':
			// Copy the string untouched; "//" and "/*" inside it are text.
			i++
			for i < len(out) && out[i] != '"' {
				if out[i] == '\\' {
					i++
				}
				i++
			}
			if i >= len(out) {
				return nil, errors.New("unterminated string")
			}
			lastSignificant = i
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for i < len(out) && out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
				i++
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			end := bytes.Index(out[i+2:], []byte("*/"))
			if end < 0 {
				return nil, errors.New("unterminated /* comment")
			}
			end += i + 2 + 2
			blank(out[i:end])
			i = end - 1
		case c == '}' || c == ']':
			if lastSignificant >= 0 && out[lastSignificant] == ',' {
				out[lastSignificant] = ' '
			}
			lastSignificant = i
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			lastSignificant = i
		}
	}
	return out, nil
}

// blank replaces everything but line breaks with spaces.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}

// jsonObject is a JSON object that remembers the order of its keys:
// package.json condition objects are matched in key order.
type jsonObject struct {
	keys   []string
	values []any
}

// get returns the value of key; with duplicate keys the last one wins, as in
// JavaScript.
func (o *jsonObject) get(key string) (any, bool) {
	if o == nil {
		return nil, false
	}
	for i := len(o.keys) - 1; i >= 0; i-- {
		if o.keys[i] == key {
			return o.values[i], true
		}
	}
	return nil, false
}

func (o *jsonObject) getString(key string) string {
	v, _ := o.get(key)
	s, _ := v.(string)
	return s
}

func (o *jsonObject) getObject(key string) *jsonObject {
	v, _ := o.get(key)
	obj, _ := v.(*jsonObject)
	return obj
}

// maxJSONDepth bounds nesting so that hostile files cannot exhaust the stack.
const maxJSONDepth = 200

// parseJSON decodes JSON into nil, bool, float64, string, []any and
// *jsonObject values. Errors say where they happened.
func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	v, err := decodeValue(dec, 0)
	if err == nil {
		if _, trailing := dec.Token(); trailing != io.EOF {
			err = errors.New("unexpected data after the top-level value")
		}
	}
	if err != nil {
		return nil, locate(data, dec.InputOffset(), err)
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxJSONDepth {
		return nil, errors.New("nesting too deep")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			obj := &jsonObject{}
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := keyTok.(string)
				if !ok {
					return nil, errors.New("object key is not a string")
				}
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				obj.keys = append(obj.keys, key)
				obj.values = append(obj.values, v)
			}
			if _, err := dec.Token(); err != nil { // '}'
				return nil, err
			}
			return obj, nil
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return nil, err
			}
			return arr, nil
		}
		return nil, fmt.Errorf("unexpected %q", rune(tok))
	default:
		return tok, nil // string, float64, bool or nil
	}
}

// locate prefixes err with the line and column of the failure. The
// decoder's offset is used rather than SyntaxError.Offset, which counts from
// the start of the value being decoded.
func locate(data []byte, offset int64, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = errors.New("unexpected end of input")
	}
	off := min(max(int(offset), 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("line %d, column %d: %v", line, col, err)
}
