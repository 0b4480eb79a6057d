package resolve

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestJSONCToJSON(t *testing.T) {
	cases := []struct {
		name, in string
		want     any // the encoding/json decoding of the output
	}{
		{"plain", `{"a": 1}`, map[string]any{"a": 1.0}},
		{"line comment", "{\"a\": 1 // one\n}", map[string]any{"a": 1.0}},
		{"line comment at end of input", "{\"a\": 1}\n// done", map[string]any{"a": 1.0}},
		{"block comment", `{/* x */"a": /* y */ 1}`, map[string]any{"a": 1.0}},
		{"multi-line block comment", "{\n/*\n * doc\n */\n\"a\": 1}", map[string]any{"a": 1.0}},
		{"comment markers in strings", `{"@/*": ["./src/*"], "u": "http://x.com//y", "c": "/* no */"}`,
			map[string]any{"@/*": []any{"./src/*"}, "u": "http://x.com//y", "c": "/* no */"}},
		{"escaped quotes", `{"a": "say \"//hi\" \\", "b": "\\\\"}`, map[string]any{"a": `say "//hi" \`, "b": `\\`}},
		{"trailing comma in object", `{"a": 1,}`, map[string]any{"a": 1.0}},
		{"trailing comma in array", `{"a": [1, 2,]}`, map[string]any{"a": []any{1.0, 2.0}}},
		{"nested trailing commas", `{"a": {"b": [1,],},}`, map[string]any{"a": map[string]any{"b": []any{1.0}}}},
		{"comma then comment", "{\"a\": [1, // last\n], \"b\": 2, /* end */ }", map[string]any{"a": []any{1.0}, "b": 2.0}},
		{"comma in string kept", `{"a": ",}", "b": ",]"}`, map[string]any{"a": ",}", "b": ",]"}},
		{"BOM", "\xEF\xBB\xBF{\"a\": 1}", map[string]any{"a": 1.0}},
		{"CRLF comment", "{\"a\": 1, // x\r\n\"b\": 2}", map[string]any{"a": 1.0, "b": 2.0}},
		{"slash in value", `{"a": "a/b"}`, map[string]any{"a": "a/b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := jsoncToJSON([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("output %q is not JSON: %v", out, err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
			if len(out) != len(strings.TrimPrefix(c.in, "\xEF\xBB\xBF")) {
				t.Errorf("offsets not preserved: %d bytes in, %d out", len(c.in), len(out))
			}
		})
	}
}

func TestJSONCErrors(t *testing.T) {
	for _, in := range []string{`{"a": 1 /* open`, `{"a": "open`, `{"a": "x\`} {
		if _, err := jsoncToJSON([]byte(in)); err == nil {
			t.Errorf("jsoncToJSON(%q) succeeded", in)
		}
	}
	plain, err := jsoncToJSON([]byte("{\n  // c\n  \"a\": 1,\n  \"b\": oops\n}"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = parseJSON(plain)
	if err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("error should point at line 4: %v", err)
	}
	for _, in := range []string{``, `{`, `[1, 2`, `{"a": 1} x`, `{"a": 1} {}`, `{1: 2}`, `{"a" 1}`} {
		if _, err := parseJSON([]byte(in)); err == nil {
			t.Errorf("parseJSON(%q) succeeded", in)
		}
	}
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	if _, err := parseJSON([]byte(deep)); err == nil || !strings.Contains(err.Error(), "too deep") {
		t.Errorf("deep nesting: %v", err)
	}
}

func TestParseJSONKeepsOrder(t *testing.T) {
	v, err := parseJSON([]byte(`{"z": 1, "a": [true, null, "s"], "m": {"y": 2, "b": 3}, "z": 4}`))
	if err != nil {
		t.Fatal(err)
	}
	obj := v.(*jsonObject)
	if !reflect.DeepEqual(obj.keys, []string{"z", "a", "m", "z"}) {
		t.Errorf("keys %q", obj.keys)
	}
	if z, _ := obj.get("z"); z != 4.0 {
		t.Errorf("duplicate key: last should win, got %v", z)
	}
	if got, _ := obj.get("a"); !reflect.DeepEqual(got, []any{true, nil, "s"}) {
		t.Errorf("a = %#v", got)
	}
	if m := obj.getObject("m"); m == nil || !reflect.DeepEqual(m.keys, []string{"y", "b"}) {
		t.Errorf("m = %#v", m)
	}
	if obj.getString("a") != "" || obj.getObject("z") != nil {
		t.Error("typed getters must not convert")
	}
	var nilObj *jsonObject
	if _, ok := nilObj.get("x"); ok {
		t.Error("nil object has no keys")
	}
}

func FuzzJSONC(f *testing.F) {
	for _, s := range []string{`{"a": 1, // c
}`, `/* */ [1,]`, `"\"//"`, "\xEF\xBB\xBF{}", `{"a":{"b":[,]}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := jsoncToJSON([]byte(in))
		if err != nil {
			return
		}
		if len(out) != len(strings.TrimPrefix(in, "\xEF\xBB\xBF")) {
			t.Fatalf("length changed")
		}
		// Valid JSON without commas before brackets is unchanged.
		if json.Valid([]byte(in)) && !strings.Contains(in, ",") && !strings.Contains(in, "/") && !strings.HasPrefix(in, "\xEF\xBB\xBF") && string(out) != in {
			t.Fatalf("valid JSON changed: %q -> %q", in, out)
		}
		parseJSON(out) // must not panic
	})
}
