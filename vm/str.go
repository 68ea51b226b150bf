package vm

// This file defines str's representation and core behaviour. Python strings
// are sequences of code points; we keep the UTF-8 Go string and, for text
// that is not pure ASCII, build a rune index the first time the string is
// indexed or sliced, so s[i] stays O(1) as in CPython. The methods of str
// live in str_methods.go.

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Str is a Python str.
type Str struct {
	Object
	s string
	// hashp is the hash plus one, 0 until computed (a Python hash is
	// never -1). Both lazily computed fields are atomic so that threads
	// running without the GIL may share a str.
	hashp  atomic.Int64
	nchars int // length in code points
	ascii  bool
	runes  atomic.Pointer[[]rune] // code points, built lazily for non-ASCII indexing
}

var strLayout = NewLayout[Str]("str")

// strSeed makes str hashes vary between runs, as CPython's hash
// randomization does; nothing observable may depend on them.
var strSeed = maphash.MakeSeed()

// NewStr returns a new str holding s (UTF-8).
func NewStr(s string) *Str {
	if len(s) <= 1 {
		if len(s) == 0 {
			return emptyStr
		}
		return charStrs[s[0]]
	}
	return newStrNoCache(s)
}

func newStrNoCache(s string) *Str {
	st := &Str{s: s}
	st.typ = StrType
	st.nchars, st.ascii = countChars(s)
	return st
}

func countChars(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strLenWTF8(s), false
		}
	}
	return len(s), true
}

// newStrBytes returns a new str holding a copy of b (UTF-8), in one
// allocation when it is short.
func newStrBytes(b []byte) *Str {
	if len(b) <= 1 {
		return NewStr(string(b))
	}
	st := newStrParts(unsafeString(b))
	st.typ = StrType
	st.nchars, st.ascii = countChars(st.s)
	return st
}

// MakeStr returns s as a str Value.
func MakeStr(s string) Value { return NewStr(s).Value() }

var (
	emptyStr *Str
	// charStrs caches the one-character strings for bytes < 0x80 (the rest
	// are built on demand in charStr), as CPython caches Latin-1 characters.
	charStrs [128]*Str
	latin1   [256]*Str
)

func initStrCache() {
	emptyStr = &Str{s: "", ascii: true}
	emptyStr.typ = StrType
	for i := range charStrs {
		charStrs[i] = newStrNoCache(string(rune(i)))
	}
	for i := range latin1 {
		if i < 128 {
			latin1[i] = charStrs[i]
		} else {
			latin1[i] = newStrNoCache(string(rune(i)))
		}
	}
}

// charStr returns the one-character str for r.
func charStr(r rune) *Str {
	if r >= 0 && r < 256 {
		return latin1[r]
	}
	return newStrNoCache(runeString(r))
}

// AsStr returns v as a *Str if it is a str (or subclass instance).
func AsStr(v Value) (*Str, bool) { return strLayout.Cast(v) }

// String is the Go string.
func (s *Str) String() string { return s.s }

// Len is the length in code points.
func (s *Str) Len() int { return s.nchars }

// Hash is the str's hash.
func (s *Str) Hash() int64 {
	if h := s.hashp.Load(); h != 0 {
		return h - 1
	}
	return s.computeHash()
}

func (s *Str) computeHash() int64 {
	var h int64 // hash("") is 0, as in CPython
	if s.s != "" {
		h = int64(maphash.String(strSeed, s.s))
		if h == -1 {
			h = -2
		}
	}
	s.hashp.Store(h + 1)
	return h
}

// Runes returns the code points (cached for non-ASCII strings).
func (s *Str) Runes() []rune {
	if r := s.runes.Load(); r != nil {
		return *r
	}
	r := strRunes(s.s)
	s.runes.Store(&r)
	return r
}

// At is the code point at index i (0 <= i < Len).
func (s *Str) At(i int) rune {
	if s.ascii {
		return rune(s.s[i])
	}
	return s.Runes()[i]
}

// Slice is the substring of code points [i, j).
func (s *Str) Slice(i, j int) string {
	if s.ascii {
		return s.s[i:j]
	}
	return runesString(s.Runes()[i:j])
}

// byteOffset converts a code-point index to a byte offset in s.s.
func (s *Str) byteOffset(i int) int {
	if s.ascii {
		return i
	}
	return wtf8Offset(s.s, i)
}

// charIndex converts a byte offset in s.s to a code-point index.
func (s *Str) charIndex(off int) int {
	if s.ascii {
		return off
	}
	return strLenWTF8(s.s[:off])
}

// ------------------------------------------------------------ interning

var internTable sync.Map // string -> *Str

// Intern returns the canonical str for s. Names (attributes, globals,
// keywords) are interned so that lookups compare pointers first.
func Intern(s string) *Str {
	if v, ok := internTable.Load(s); ok {
		return v.(*Str)
	}
	st := newStrNoCache(s)
	if len(s) == 1 && s[0] < 128 {
		st = charStrs[s[0]]
	}
	v, _ := internTable.LoadOrStore(s, st)
	return v.(*Str)
}

// ------------------------------------------------------------------ repr

// StrRepr renders s as Python's repr of a str: single quotes unless the text
// contains a single quote and no double quote, escapes for the quote, the
// backslash and non-printable characters.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == quote || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\t':
				b.WriteString(`\t`)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c < ' ' || c == 0x7f:
				b.WriteString(`\x`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&15])
			default:
				b.WriteByte(c)
			}
			continue
		}
		// Lone surrogates (and stray bytes, which stand for
		// surrogate escapes) are not printable: they get \u escapes.
		r, size := decodeRuneWTF8(s[i:])
		i += size
		if isPrintable(r) {
			b.WriteString(s[i-size : i])
		} else {
			writeUEscape(&b, r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

const hexDigits = "0123456789abcdef"

func writeUEscape(b *strings.Builder, r rune) {
	switch {
	case r < 0x100:
		b.WriteString(`\x`)
		b.WriteByte(hexDigits[r>>4&15])
		b.WriteByte(hexDigits[r&15])
	case r < 0x10000:
		b.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			b.WriteByte(hexDigits[r>>uint(sh)&15])
		}
	default:
		b.WriteString(`\U`)
		for sh := 28; sh >= 0; sh -= 4 {
			b.WriteByte(hexDigits[r>>uint(sh)&15])
		}
	}
}

// asciiRepr is ascii(): the repr with every non-ASCII character escaped.
func asciiRepr(s string) string {
	r := StrRepr(s)
	var b strings.Builder
	for _, c := range r {
		if c < 128 {
			b.WriteRune(c)
		} else {
			writeUEscape(&b, c)
		}
	}
	return b.String()
}
