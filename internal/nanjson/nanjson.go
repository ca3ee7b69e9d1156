// Package nanjson encodes and decodes JSON like encoding/json, except that
// a float that is NaN or ±Inf encodes as null and null decodes into a
// float as NaN. The library's result types use it so that a statistic the
// data leave undefined (NaN) survives a round trip through JSON.
//
// A type T opts in with
//
//	func (t T) MarshalJSON() ([]byte, error) { type plain T; return nanjson.Marshal(plain(t)) }
//	func (t *T) UnmarshalJSON(b []byte) error { type plain T; return nanjson.Unmarshal(b, (*plain)(t)) }
//
// The conversion to a type without methods stops the recursion. Both
// functions follow encoding/json's rules for struct tags (name, "-",
// omitempty), embedded structs, maps with string, integer or text keys,
// and types that implement [json.Marshaler], [json.Unmarshaler],
// [encoding.TextMarshaler] or [encoding.TextUnmarshaler]. Unknown object
// keys are ignored; numbers that overflow their Go type are errors.
package nanjson

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

var (
	marshalerType       = reflect.TypeFor[json.Marshaler]()
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// maxDepth bounds the nesting of values and documents, as encoding/json
// does, so that a cyclic value or a hostile document cannot exhaust the
// stack.
const maxDepth = 1000

// Marshal returns the JSON encoding of v, with NaN and ±Inf floats (in
// fields, slice and array elements and map values) encoded as null.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	rv := reflect.ValueOf(v)
	if rv.IsValid() {
		// An addressable copy lets pointer-receiver methods apply.
		c := reflect.New(rv.Type()).Elem()
		c.Set(rv)
		rv = c
	}
	if err := encode(&buf, rv, 0); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func encode(buf *bytes.Buffer, v reflect.Value, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("json: value nested deeper than %d levels", maxDepth)
	}
	if !v.IsValid() {
		buf.WriteString("null")
		return nil
	}
	if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
		buf.WriteString("null")
		return nil
	}
	if m, ok := asInterface(v, marshalerType); ok {
		b, err := m.(json.Marshaler).MarshalJSON()
		if err != nil {
			return &json.MarshalerError{Type: v.Type(), Err: err}
		}
		return json.Compact(buf, b)
	}
	if m, ok := asInterface(v, textMarshalerType); ok {
		b, err := m.(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return &json.MarshalerError{Type: v.Type(), Err: err}
		}
		return writeJSON(buf, string(b))
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			buf.WriteString("null")
			return nil
		}
		return writeJSON(buf, v.Interface())
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.String:
		return writeJSON(buf, v.Interface())
	case reflect.Pointer, reflect.Interface:
		return encode(buf, v.Elem(), depth+1)
	case reflect.Struct:
		return encodeStruct(buf, v, depth)
	case reflect.Map:
		return encodeMap(buf, v, depth)
	case reflect.Slice:
		if v.IsNil() {
			buf.WriteString("null")
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 && !implementsAny(v.Type().Elem()) {
			return writeJSON(buf, v.Bytes())
		}
		fallthrough
	case reflect.Array:
		buf.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encode(buf, v.Index(i), depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	}
	return &json.UnsupportedTypeError{Type: v.Type()}
}

// implementsAny reports whether t or *t has one of the JSON or text
// methods, in which case encoding/json does not treat []t as bytes.
func implementsAny(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		p.Implements(marshalerType) || p.Implements(textMarshalerType)
}

// asInterface returns v (or its address) as the interface it implements.
func asInterface(v reflect.Value, it reflect.Type) (any, bool) {
	if v.Kind() != reflect.Interface && v.Type().Implements(it) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return nil, false
		}
		return v.Interface(), true
	}
	if v.Kind() != reflect.Pointer && v.CanAddr() && reflect.PointerTo(v.Type()).Implements(it) {
		return v.Addr().Interface(), true
	}
	return nil, false
}

func writeJSON(buf *bytes.Buffer, x any) error {
	b, err := json.Marshal(x)
	if err != nil {
		return err
	}
	buf.Write(b)
	return nil
}

func encodeStruct(buf *bytes.Buffer, v reflect.Value, depth int) error {
	buf.WriteByte('{')
	first := true
	for _, f := range fieldsOf(v.Type()) {
		fv, ok := fieldByIndex(v, f.index, false)
		if !ok || (f.omitEmpty && isEmpty(fv)) {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		if err := writeJSON(buf, f.name); err != nil {
			return err
		}
		buf.WriteByte(':')
		if err := encode(buf, fv, depth+1); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

func encodeMap(buf *bytes.Buffer, v reflect.Value, depth int) error {
	if v.IsNil() {
		buf.WriteString("null")
		return nil
	}
	type kv struct {
		key string
		val reflect.Value
	}
	entries := make([]kv, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		k, err := mapKeyString(it.Key())
		if err != nil {
			return err
		}
		entries = append(entries, kv{k, it.Value()})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	buf.WriteByte('{')
	for i, e := range entries {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := writeJSON(buf, e.key); err != nil {
			return err
		}
		buf.WriteByte(':')
		if err := encode(buf, e.val, depth+1); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

func mapKeyString(k reflect.Value) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		if k.Kind() == reflect.Pointer && k.IsNil() {
			return "", nil
		}
		b, err := tm.MarshalText()
		return string(b), err
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", &json.UnsupportedTypeError{Type: k.Type()}
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// field is one JSON member of a struct type: its name and the index path
// to it through embedded structs.
type field struct {
	name      string
	index     []int
	omitEmpty bool
	tagged    bool
}

var fieldCache sync.Map // reflect.Type → []field

// fieldsOf lists the JSON members of struct type t by encoding/json's
// rules: exported fields, tags, and the fields of untagged embedded
// structs promoted, the shallowest (then the tagged) winning a name and
// an unresolved tie hiding the name.
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	type cand struct {
		field
		depth int
	}
	var all []cand
	type level struct {
		t     reflect.Type
		index []int
	}
	current := []level{{t: t}}
	visited := map[reflect.Type]bool{}
	for depth := 0; len(current) > 0; depth++ {
		var next []level
		for _, lv := range current {
			if visited[lv.t] {
				continue
			}
			visited[lv.t] = true
			for i := 0; i < lv.t.NumField(); i++ {
				sf := lv.t.Field(i)
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				ft := sf.Type
				if sf.Anonymous {
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
					if name == "" && ft.Kind() == reflect.Struct {
						idx := append(append([]int(nil), lv.index...), i)
						next = append(next, level{t: ft, index: idx})
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tagged := name != ""
				if !tagged {
					name = sf.Name
				}
				idx := append(append([]int(nil), lv.index...), i)
				omit := false
				for _, o := range strings.Split(opts, ",") {
					if o == "omitempty" {
						omit = true
					}
				}
				all = append(all, cand{field{name: name, index: idx, omitEmpty: omit, tagged: tagged}, depth})
			}
		}
		current = next
	}
	// Resolve names: keep the dominant field of each name.
	byName := map[string][]cand{}
	var order []string
	for _, c := range all {
		if _, ok := byName[c.name]; !ok {
			order = append(order, c.name)
		}
		byName[c.name] = append(byName[c.name], c)
	}
	var fs []field
	for _, name := range order {
		cs := byName[name]
		minDepth := cs[0].depth
		for _, c := range cs {
			minDepth = min(minDepth, c.depth)
		}
		var top []cand
		for _, c := range cs {
			if c.depth == minDepth {
				top = append(top, c)
			}
		}
		if len(top) > 1 {
			var tagged []cand
			for _, c := range top {
				if c.tagged {
					tagged = append(tagged, c)
				}
			}
			top = tagged
		}
		if len(top) == 1 {
			fs = append(fs, top[0].field)
		}
	}
	// Field order follows the index path, as encoding/json's does.
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].index, fs[j].index
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	})
	fieldCache.Store(t, fs)
	return fs
}

// fieldByIndex follows an index path; through a nil embedded pointer it
// allocates when alloc is set and otherwise reports false.
func fieldByIndex(v reflect.Value, index []int, alloc bool) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !alloc || !v.CanSet() {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// Unmarshal decodes the JSON document data into v, a non-nil pointer,
// with null decoded into a float as NaN.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &json.InvalidUnmarshalError{Type: reflect.TypeOf(v)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return err
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return fmt.Errorf("json: invalid character %q after top-level value", rest[0])
	}
	return assign(rv.Elem(), tree, "", 0)
}

func typeError(node any, t reflect.Type, path string) error {
	kind := "value"
	switch n := node.(type) {
	case map[string]any:
		kind = "object"
	case []any:
		kind = "array"
	case string:
		kind = "string"
	case json.Number:
		kind = "number " + string(n)
	case bool:
		kind = "bool"
	}
	return &json.UnmarshalTypeError{Value: kind, Type: t, Field: path}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func assign(v reflect.Value, node any, path string, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("json: document nested deeper than %d levels", maxDepth)
	}
	if node == nil {
		switch v.Kind() {
		case reflect.Float32, reflect.Float64:
			v.SetFloat(math.NaN())
			return nil
		case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		if u, ok := asInterface(v, unmarshalerType); ok {
			return u.(json.Unmarshaler).UnmarshalJSON([]byte("null"))
		}
		return nil
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return assign(v.Elem(), node, path, depth+1)
	}
	if u, ok := asInterface(v, unmarshalerType); ok {
		b, err := json.Marshal(node)
		if err != nil {
			return err
		}
		return u.(json.Unmarshaler).UnmarshalJSON(b)
	}
	if u, ok := asInterface(v, textUnmarshalerType); ok {
		s, isString := node.(string)
		if !isString {
			return typeError(node, v.Type(), path)
		}
		return u.(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		n, ok := node.(json.Number)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		f, err := strconv.ParseFloat(string(n), v.Type().Bits())
		if err != nil {
			return typeError(node, v.Type(), path)
		}
		v.SetFloat(f)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := node.(json.Number)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		i, err := strconv.ParseInt(string(n), 10, v.Type().Bits())
		if err != nil {
			return typeError(node, v.Type(), path)
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, ok := node.(json.Number)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		u, err := strconv.ParseUint(string(n), 10, v.Type().Bits())
		if err != nil {
			return typeError(node, v.Type(), path)
		}
		v.SetUint(u)
	case reflect.Bool:
		b, ok := node.(bool)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		v.SetBool(b)
	case reflect.String:
		s, ok := node.(string)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		v.SetString(s)
	case reflect.Interface:
		if v.NumMethod() != 0 {
			return typeError(node, v.Type(), path)
		}
		v.Set(reflect.ValueOf(plainTree(node)))
	case reflect.Slice:
		if s, ok := node.(string); ok && v.Type().Elem().Kind() == reflect.Uint8 && !implementsAny(v.Type().Elem()) {
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return err
			}
			v.SetBytes(b)
			return nil
		}
		arr, ok := node.([]any)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		s := reflect.MakeSlice(v.Type(), len(arr), len(arr))
		for i, e := range arr {
			if err := assign(s.Index(i), e, path, depth+1); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Array:
		arr, ok := node.([]any)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		for i := 0; i < v.Len(); i++ {
			if i < len(arr) {
				if err := assign(v.Index(i), arr[i], path, depth+1); err != nil {
					return err
				}
			} else {
				v.Index(i).SetZero()
			}
		}
	case reflect.Map:
		obj, ok := node.(map[string]any)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		if v.IsNil() {
			v.Set(reflect.MakeMapWithSize(v.Type(), len(obj)))
		}
		kt, et := v.Type().Key(), v.Type().Elem()
		for ks, e := range obj {
			k := reflect.New(kt).Elem()
			if err := setMapKey(k, ks); err != nil {
				return typeError(ks, kt, path)
			}
			ev := reflect.New(et).Elem()
			if err := assign(ev, e, join(path, ks), depth+1); err != nil {
				return err
			}
			v.SetMapIndex(k, ev)
		}
	case reflect.Struct:
		obj, ok := node.(map[string]any)
		if !ok {
			return typeError(node, v.Type(), path)
		}
		fs := fieldsOf(v.Type())
		for key, e := range obj {
			f := lookup(fs, key)
			if f == nil {
				continue
			}
			fv, ok := fieldByIndex(v, f.index, true)
			if !ok {
				continue
			}
			if err := assign(fv, e, join(path, f.name), depth+1); err != nil {
				return err
			}
		}
	default:
		return typeError(node, v.Type(), path)
	}
	return nil
}

// lookup finds the member named key, exactly or else ignoring case, as
// encoding/json matches object keys to fields.
func lookup(fs []field, key string) *field {
	for i := range fs {
		if fs[i].name == key {
			return &fs[i]
		}
	}
	for i := range fs {
		if strings.EqualFold(fs[i].name, key) {
			return &fs[i]
		}
	}
	return nil
}

func setMapKey(k reflect.Value, s string) error {
	if k.Kind() == reflect.String {
		k.SetString(s)
		return nil
	}
	if u, ok := asInterface(k, textUnmarshalerType); ok {
		return u.(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(s, 10, k.Type().Bits())
		if err != nil {
			return err
		}
		k.SetInt(i)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u, err := strconv.ParseUint(s, 10, k.Type().Bits())
		if err != nil {
			return err
		}
		k.SetUint(u)
		return nil
	}
	return fmt.Errorf("json: unsupported map key type %v", k.Type())
}

// plainTree turns the decoded tree's numbers into float64, as
// encoding/json does for an empty interface.
func plainTree(node any) any {
	switch n := node.(type) {
	case json.Number:
		f, err := n.Float64()
		if err != nil {
			return math.NaN()
		}
		return f
	case []any:
		for i := range n {
			n[i] = plainTree(n[i])
		}
	case map[string]any:
		for k, e := range n {
			n[k] = plainTree(e)
		}
	}
	return node
}
