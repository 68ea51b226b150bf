package vm

// This file implements str.format and str.format_map (PEP 3101, CPython's
// Objects/stringlib/unicode_format.h):
//
//	"{0.attr[key]!r:>{width}}"
//
// Literal text is copied with "{{" and "}}" unescaped; each replacement
// field names an argument (automatic numbering "{}", an index "{0}" or a
// keyword "{name}") followed by attribute and item lookups, an optional
// conversion (!r !s !a) and a format spec that may itself hold
// replacement fields (one level deep). Errors are raised in the order
// CPython meets them while it writes the result left to right.

import (
	"math"
	"strings"
)

// autoNumber tracks "{}" numbering: it may not be mixed with "{0}".
type autoNumber struct {
	state int // 0 not yet known, 1 automatic, 2 manual
	next  int
}

// formatArgs are what str.format looks fields up in.
type formatArgs struct {
	args    []Value
	hasArgs bool  // false for format_map: "{0}" is an error
	kwargs  Value // Null when str.format got no keywords
}

// StrFormatMethod is str.format(*args, **kwargs).
func StrFormatMethod(th *Thread, args []Value, kwnames []Value) (Value, error) {
	self := strSelf(args)
	npos := len(args) - len(kwnames)
	fa := formatArgs{args: args[1:npos], hasArgs: true, kwargs: Null}
	if len(kwnames) > 0 {
		d := NewDictSized(len(kwnames))
		for i, k := range kwnames {
			d.SetStr(strLayout.Must(k), args[npos+i])
		}
		fa.kwargs = d.Value()
	}
	if !strings.ContainsAny(self.s, "{}") {
		return strResult(self, self.s), nil
	}
	s, err := fa.build(th, self.s, 2, &autoNumber{})
	if err != nil {
		return Null, err
	}
	return MakeStr(s), nil
}

// StrFormatMapMethod is str.format_map(mapping).
func StrFormatMapMethod(th *Thread, args []Value, kwnames []Value) (Value, error) {
	if err := argsOne("str", "format_map", args[1:], kwnames); err != nil {
		return Null, err
	}
	self := strSelf(args)
	fa := formatArgs{kwargs: args[1]}
	s, err := fa.build(th, self.s, 2, &autoNumber{})
	if err != nil {
		return Null, err
	}
	return MakeStr(s), nil
}

// build expands the format string s; depth limits nesting in specs.
func (fa *formatArgs) build(th *Thread, s string, depth int, an *autoNumber) (string, error) {
	if depth <= 0 {
		return "", Errorf(ValueError, "Max string recursion exceeded")
	}
	var out strings.Builder
	out.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		lit, f, field, next, err := nextMarkup(s, i)
		if err != nil {
			return "", err
		}
		out.WriteString(lit)
		i = next
		if field {
			if err := fa.render(th, &out, f, depth, an); err != nil {
				return "", err
			}
		}
	}
	return out.String(), nil
}

// nextMarkup reads the piece of the format string s at i (i < len(s)):
// literal text up to a replacement field, an escaped brace (the literal
// then ends with the brace) or the end, and the field after it if any.
// It returns where the next piece starts.
func nextMarkup(s string, i int) (literal string, f formatField, field bool, next int, err error) {
	j := i
	for j < len(s) && s[j] != '{' && s[j] != '}' {
		j++
	}
	if j == len(s) {
		return s[i:], f, false, j, nil
	}
	c := s[j]
	atEnd := j+1 >= len(s)
	if c == '}' {
		if atEnd || s[j+1] != '}' {
			return "", f, false, 0, Errorf(ValueError, "Single '}' encountered in format string")
		}
		return s[i : j+1], f, false, j + 2, nil
	}
	if atEnd {
		return "", f, false, 0, Errorf(ValueError, "Single '{' encountered in format string")
	}
	if s[j+1] == '{' {
		return s[i : j+1], f, false, j + 2, nil
	}
	f, next, err = parseFormatField(s, j+1)
	if err != nil {
		return "", f, false, 0, err
	}
	return s[i:j], f, true, next, nil
}

// formatField is one parsed replacement field.
type formatField struct {
	name       string
	conversion rune // 0 when absent
	spec       string
	expand     bool // the spec holds replacement fields
}

// parseFormatField parses the field after a '{' at s[pos:], returning it
// and the position after its closing '}'.
func parseFormatField(s string, pos int) (formatField, int, error) {
	var f formatField
	start := pos
	var c byte
	for pos < len(s) {
		c = s[pos]
		pos++
		if c == '{' {
			return f, 0, Errorf(ValueError, "unexpected '{' in field name")
		}
		if c == '[' {
			for pos < len(s) && s[pos] != ']' {
				pos++
			}
			continue
		}
		if c == '}' || c == ':' || c == '!' {
			break
		}
	}
	f.name = s[start : pos-1]
	if c != '!' && c != ':' {
		if c != '}' {
			return f, 0, Errorf(ValueError, "expected '}' before end of string")
		}
		return f, pos, nil
	}
	if c == '!' {
		if pos >= len(s) {
			return f, 0, Errorf(ValueError, "end of string while looking for conversion specifier")
		}
		r, size := decodeRuneWTF8(s[pos:])
		f.conversion = r
		pos += size
		if pos < len(s) {
			c = s[pos]
			pos++
			if c == '}' {
				return f, pos, nil
			}
			if c != ':' {
				return f, 0, Errorf(ValueError, "expected ':' after conversion specifier")
			}
		}
	}
	specStart := pos
	count := 1
	for pos < len(s) {
		c = s[pos]
		pos++
		switch c {
		case '{':
			f.expand = true
			count++
		case '}':
			count--
			if count == 0 {
				f.spec = s[specStart : pos-1]
				return f, pos, nil
			}
		}
	}
	return f, 0, Errorf(ValueError, "unmatched '{' in format spec")
}

// fieldIndex is the value of a field-name part made of decimal digits, or
// -1 when it is empty or not all digits.
func fieldIndex(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	acc := 0
	for i := 0; i < len(s); {
		r, size := decodeRuneWTF8(s[i:])
		i += size
		d := decimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if acc > (math.MaxInt64-d)/10 {
			return -1, Errorf(ValueError, "Too many decimal digits in format string")
		}
		acc = acc*10 + d
	}
	return acc, nil
}

// lookup finds the object a field name designates.
func (fa *formatArgs) lookup(th *Thread, name string, an *autoNumber) (Value, error) {
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		i = len(name)
	}
	first, rest := name[:i], name[i:]
	idx, err := fieldIndex(first)
	if err != nil {
		return Null, err
	}
	empty := first == ""
	if an != nil && (empty || idx >= 0) {
		if an.state == 0 {
			if empty {
				an.state = 1
			} else {
				an.state = 2
			}
		}
		if an.state == 2 && empty {
			return Null, Errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		if an.state == 1 && !empty {
			return Null, Errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		if empty {
			idx = an.next
			an.next++
		}
	}
	var obj Value
	if idx < 0 {
		key := MakeStr(first)
		if fa.kwargs.IsNull() {
			return Null, NewException(KeyError, key)
		}
		if obj, err = GetItem(th, fa.kwargs, key); err != nil {
			return Null, err
		}
	} else {
		if !fa.hasArgs {
			return Null, Errorf(ValueError, "Format string contains positional fields")
		}
		if idx >= len(fa.args) {
			return Null, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", idx)
		}
		obj = fa.args[idx]
	}
	for rest != "" {
		c := rest[0]
		rest = rest[1:]
		var part string
		switch c {
		case '.':
			j := strings.IndexAny(rest, ".[")
			if j < 0 {
				j = len(rest)
			}
			part, rest = rest[:j], rest[j:]
		case '[':
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return Null, Errorf(ValueError, "Missing ']' in format string")
			}
			part, rest = rest[:j], rest[j+1:]
		default:
			return Null, Errorf(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
		}
		if c == '[' {
			n, err := fieldIndex(part)
			if err != nil {
				return Null, err
			}
			if part == "" {
				return Null, Errorf(ValueError, "Empty attribute in format string")
			}
			key := MakeStr(part)
			if n >= 0 {
				key = MakeInt(int64(n))
			}
			if obj, err = GetItem(th, obj, key); err != nil {
				return Null, err
			}
			continue
		}
		if part == "" {
			return Null, Errorf(ValueError, "Empty attribute in format string")
		}
		if obj, err = GetAttr(th, obj, NewStr(part)); err != nil {
			return Null, err
		}
	}
	return obj, nil
}

// render writes one replacement field.
func (fa *formatArgs) render(th *Thread, out *strings.Builder, f formatField, depth int, an *autoNumber) error {
	obj, err := fa.lookup(th, f.name, an)
	if err != nil {
		return err
	}
	if f.conversion != 0 {
		var s *Str
		switch f.conversion {
		case 'r':
			s, err = Repr(th, obj)
		case 's':
			s, err = StrOf(th, obj)
		case 'a':
			s, err = Repr(th, obj)
			if err == nil {
				s = NewStr(asciiRepr2(s.s))
			}
		default:
			if f.conversion > 32 && f.conversion < 127 {
				return Errorf(ValueError, "Unknown conversion specifier %c", f.conversion)
			}
			return Errorf(ValueError, "Unknown conversion specifier \\x%x", f.conversion)
		}
		if err != nil {
			return err
		}
		obj = s.Value()
	}
	spec := f.spec
	if f.expand {
		if spec, err = fa.build(th, spec, depth-1, an); err != nil {
			return err
		}
	}
	if s, ok, err := formatBuiltinText(obj, spec); ok {
		out.WriteString(s)
		return err
	}
	r, err := Format(th, obj, MakeStr(spec))
	if err != nil {
		return err
	}
	out.WriteString(strLayout.Must(r).s)
	return nil
}

// ------------------------------------------------------------- _string

// formatterIter is _string.formatter_parser's iterator: the pieces of a
// format string as (literal, field_name, format_spec, conversion), with
// errors raised when the iteration reaches them.
type formatterIter struct {
	Object
	s   string
	pos int
}

var formatterIterLayout = NewLayout[formatterIter]("formatteriterator")

// fieldNameIter is _string.formatter_field_name_split's iterator over the
// attribute and index lookups after the first part of a field name.
type fieldNameIter struct {
	Object
	rest string
}

var fieldNameIterLayout = NewLayout[fieldNameIter]("fieldnameiterator")

var (
	formatterIterType = &Type{}
	fieldNameIterType = &Type{}
)

// FormatterParser is _string.formatter_parser(s).
func FormatterParser(s *Str) Value {
	it := &formatterIter{s: s.s}
	it.typ = formatterIterType
	return it.Value()
}

// FormatterFieldNameSplit is _string.formatter_field_name_split(s):
// (first, iterator of (is_attribute, key)).
func FormatterFieldNameSplit(s *Str) (Value, error) {
	name := s.s
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		i = len(name)
	}
	idx, err := fieldIndex(name[:i])
	if err != nil {
		return Null, err
	}
	first := MakeStr(name[:i])
	if idx >= 0 {
		first = MakeInt(int64(idx))
	}
	it := &fieldNameIter{rest: name[i:]}
	it.typ = fieldNameIterType
	return NewTuple(first, it.Value()).Value(), nil
}

func initFormatterIterTypes() {
	initBuiltinType(formatterIterType, TypeSpec{
		Name: "formatteriterator", Layout: formatterIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := formatterIterLayout.Must(v)
			if it.pos >= len(it.s) {
				return Null, nil
			}
			lit, f, field, next, err := nextMarkup(it.s, it.pos)
			if err != nil {
				it.pos = len(it.s)
				return Null, err
			}
			it.pos = next
			if !field {
				return NewTuple(MakeStr(lit), None, None, None).Value(), nil
			}
			conv := None
			if f.conversion != 0 {
				conv = MakeStr(runeString(f.conversion))
			}
			return NewTuple(MakeStr(lit), MakeStr(f.name), MakeStr(f.spec), conv).Value(), nil
		}},
	})
	initBuiltinType(fieldNameIterType, TypeSpec{
		Name: "fieldnameiterator", Layout: fieldNameIterLayout.info, Final: true,
		Slots: Slots{Iter: selfIter, Next: func(th *Thread, v Value) (Value, error) {
			it := fieldNameIterLayout.Must(v)
			if it.rest == "" {
				return Null, nil
			}
			c := it.rest[0]
			rest := it.rest[1:]
			it.rest = ""
			var part string
			switch c {
			case '.':
				j := strings.IndexAny(rest, ".[")
				if j < 0 {
					j = len(rest)
				}
				part, rest = rest[:j], rest[j:]
			case '[':
				j := strings.IndexByte(rest, ']')
				if j < 0 {
					return Null, Errorf(ValueError, "Missing ']' in format string")
				}
				part, rest = rest[:j], rest[j+1:]
			default:
				return Null, Errorf(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
			}
			key := MakeStr(part)
			if c == '[' {
				n, err := fieldIndex(part)
				if err != nil {
					return Null, err
				}
				if n >= 0 {
					key = MakeInt(int64(n))
				}
			}
			if part == "" {
				return Null, Errorf(ValueError, "Empty attribute in format string")
			}
			it.rest = rest
			return NewTuple(MakeBool(c == '.'), key).Value(), nil
		}},
	})
}
