package re

// Translation of Python regular-expression syntax into the .NET syntax
// regexp2 executes, with Python's own compile errors.
//
// What changes: named groups become plain numbered groups (regexp2, like
// .NET, numbers named groups after all unnamed ones; Python numbers them
// left to right, so the translator keeps its own name table), (?P=name)
// and \N backreferences become (?:\N), \Z becomes \z, verbose-mode
// whitespace and comments are stripped here, {,n} becomes {0,n}, \U and
// octal escapes become literal characters, possessive quantifiers become
// atomic groups, and the ASCII flag rewrites \d \w \s \b into explicit
// ASCII classes. Python's global inline flags are lifted into options.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Python's flag bits (re.RegexFlag).
const (
	flagTemplate   = 1
	flagIgnoreCase = 2
	flagLocale     = 4
	flagMultiline  = 8
	flagDotAll     = 16
	flagUnicode    = 32
	flagVerbose    = 64
	flagDebug      = 128
	flagASCII      = 256
)

// reError is a compile error: message and position, as re.error carries.
type reError struct {
	msg string
	pos int // -1: none
}

func (e *reError) Error() string { return e.msg }

type translator struct {
	src     []rune
	i       int
	out     []rune
	flags   int
	groups  int
	names   map[string]int
	order   []string
	open    map[int]bool // groups still open (a backreference to them is invalid)
	isBytes bool
	ascii   []bool // per nesting level
	// lastWasAtom: the group just translated can take a quantifier.
	lastWasAtom bool
}

const pySpace = ` \t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}`

func (t *translator) errorf(pos int, format string, a ...any) error {
	return &reError{msg: fmt.Sprintf(format, a...), pos: pos}
}

func (t *translator) isASCII() bool {
	return t.isBytes || t.ascii[len(t.ascii)-1]
}

func (t *translator) emit(s string) { t.out = append(t.out, []rune(s)...) }

// literal emits a code point so that regexp2 takes it literally.
func (t *translator) literal(r rune) {
	switch {
	case strings.ContainsRune(`\.^$|?*+()[]{}#- `, r):
		t.out = append(t.out, '\\', r)
	case r < 0x20 || r == 0x7f:
		t.emit(fmt.Sprintf(`\x%02x`, r))
	case r > 0xffff:
		t.out = append(t.out, r)
	default:
		t.out = append(t.out, r)
	}
}

// run translates the whole pattern; it returns the .NET pattern and the
// flags after the inline global flags were applied.
func (t *translator) run() (string, int, error) {
	// Global inline flags at the start: (?aiLmsux)...
	for {
		save := t.i
		if t.i+1 < len(t.src) && t.src[t.i] == '(' && t.src[t.i+1] == '?' {
			j := t.i + 2
			f := 0
			for j < len(t.src) && strings.ContainsRune("aiLmsux", t.src[j]) {
				f |= flagOf(t.src[j])
				j++
			}
			if j < len(t.src) && t.src[j] == ')' && j > t.i+2 {
				t.flags |= f
				t.i = j + 1
				continue
			}
		}
		t.i = save
		break
	}
	if t.isBytes && t.flags&flagUnicode != 0 {
		return "", 0, &reError{msg: "cannot use UNICODE flag with a bytes pattern", pos: -1}
	}
	if !t.isBytes && t.flags&flagLocale != 0 {
		return "", 0, &reError{msg: "cannot use LOCALE flag with a str pattern", pos: -1}
	}
	if t.flags&flagASCII != 0 && t.flags&flagUnicode != 0 {
		return "", 0, &reError{msg: "ASCII and UNICODE flags are incompatible", pos: -1}
	}
	t.ascii = []bool{t.flags&flagASCII != 0}
	verbose := []bool{t.flags&flagVerbose != 0}
	if err := t.sequence(0, verbose); err != nil {
		return "", 0, err
	}
	return string(t.out), t.flags, nil
}

func flagOf(c rune) int {
	switch c {
	case 'a':
		return flagASCII
	case 'i':
		return flagIgnoreCase
	case 'L':
		return flagLocale
	case 'm':
		return flagMultiline
	case 's':
		return flagDotAll
	case 'u':
		return flagUnicode
	case 'x':
		return flagVerbose
	}
	return 0
}

// sequence translates until the closing parenthesis of depth (or the end
// for depth 0).
func (t *translator) sequence(depth int, verbose []bool) error {
	haveAtom := false    // something a quantifier could apply to
	afterRepeat := false // the previous token was a quantifier
	atomStart := len(t.out)
	for t.i < len(t.src) {
		c := t.src[t.i]
		if verbose[len(verbose)-1] {
			if c == '#' {
				for t.i < len(t.src) && t.src[t.i] != '\n' {
					t.i++
				}
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				t.i++
				continue
			}
		}
		start := t.i
		switch c {
		case ')':
			if depth == 0 {
				return t.errorf(t.i, "unbalanced parenthesis at position %d", t.i)
			}
			return nil
		case '|':
			t.i++
			t.out = append(t.out, '|')
			haveAtom, afterRepeat = false, false
			continue
		case '*', '+', '?', '{':
			if c == '{' {
				q, n, ok := t.braceQuantifier()
				if !ok {
					atomStart = len(t.out)
					t.i++
					t.literal('{')
					haveAtom, afterRepeat = true, false
					continue
				}
				if !haveAtom {
					return t.errorf(start, "nothing to repeat at position %d", start)
				}
				if afterRepeat {
					return t.errorf(start, "multiple repeat at position %d", start)
				}
				t.i += n
				t.emit(q)
			} else {
				if !haveAtom {
					return t.errorf(start, "nothing to repeat at position %d", start)
				}
				if afterRepeat {
					return t.errorf(start, "multiple repeat at position %d", start)
				}
				t.i++
				t.out = append(t.out, c)
			}
			if t.i < len(t.src) && t.src[t.i] == '?' {
				t.i++
				t.out = append(t.out, '?')
			} else if t.i < len(t.src) && t.src[t.i] == '+' {
				// Possessive: an atomic group around atom and quantifier.
				t.i++
				rest := append([]rune(nil), t.out[atomStart:]...)
				t.out = append(t.out[:atomStart], []rune("(?>")...)
				t.out = append(t.out, rest...)
				t.out = append(t.out, ')')
			}
			afterRepeat = true
			continue
		}
		afterRepeat = false
		atomStart = len(t.out)
		switch c {
		case '(':
			if err := t.group(depth, verbose); err != nil {
				return err
			}
			haveAtom = t.lastWasAtom
		case '[':
			if err := t.class(); err != nil {
				return err
			}
			haveAtom = true
		case '\\':
			atom, err := t.escape()
			if err != nil {
				return err
			}
			haveAtom = atom
		case '.':
			t.i++
			t.out = append(t.out, '.')
			haveAtom = true
		case '^', '$':
			t.i++
			t.out = append(t.out, c)
			haveAtom = false
		default:
			t.i++
			t.literal(c)
			haveAtom = true
		}
	}
	return nil
}

// braceQuantifier recognises {m}, {m,}, {,n}, {m,n} at t.i.
func (t *translator) braceQuantifier() (string, int, bool) {
	j := t.i + 1
	lo := ""
	for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
		lo += string(t.src[j])
		j++
	}
	if j < len(t.src) && t.src[j] == '}' {
		if lo == "" {
			return "", 0, false
		}
		return "{" + lo + "}", j + 1 - t.i, true
	}
	if j >= len(t.src) || t.src[j] != ',' {
		return "", 0, false
	}
	j++
	hi := ""
	for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
		hi += string(t.src[j])
		j++
	}
	if j >= len(t.src) || t.src[j] != '}' {
		return "", 0, false
	}
	if lo == "" {
		lo = "0"
	}
	if hi != "" {
		a, _ := strconv.Atoi(lo)
		b, _ := strconv.Atoi(hi)
		if b < a {
			return "", 0, false
		}
	}
	return "{" + lo + "," + hi + "}", j + 1 - t.i, true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))) {
			continue
		}
		return false
	}
	return true
}

func (t *translator) readName(end rune, what string) (string, error) {
	start := t.i
	for t.i < len(t.src) && t.src[t.i] != end {
		t.i++
	}
	if t.i >= len(t.src) {
		return "", t.errorf(start, "missing %c, unterminated name at position %d", end, start)
	}
	name := string(t.src[start:t.i])
	t.i++
	if name == "" {
		return "", t.errorf(start, "missing %s name at position %d", what, start)
	}
	return name, nil
}

func (t *translator) groupRef(name string, pos int) (int, error) {
	if n, err := strconv.Atoi(name); err == nil && name[0] >= '0' && name[0] <= '9' {
		if n > t.groups || t.open[n] {
			if n == 0 || n > t.groups {
				return 0, t.errorf(pos, "invalid group reference %d at position %d", n, pos)
			}
		}
		return n, nil
	}
	if !isIdent(name) {
		return 0, t.errorf(pos, "bad character in group name %s at position %d", pyRepr(name), pos)
	}
	n, ok := t.names[name]
	if !ok {
		return 0, t.errorf(pos, "unknown group name %s at position %d", pyRepr(name), pos)
	}
	return n, nil
}

func (t *translator) group(depth int, verbose []bool) error {
	start := t.i
	t.i++ // (
	t.lastWasAtom = true
	capture := false
	prefix := "("
	pushedFlags := false
	if t.i < len(t.src) && t.src[t.i] == '?' {
		t.i++
		if t.i >= len(t.src) {
			return t.errorf(t.i, "unexpected end of pattern at position %d", t.i)
		}
		c := t.src[t.i]
		switch {
		case c == 'P':
			t.i++
			if t.i >= len(t.src) {
				return t.errorf(t.i, "unexpected end of pattern at position %d", t.i)
			}
			switch t.src[t.i] {
			case '<':
				t.i++
				npos := t.i
				name, err := t.readName('>', "group")
				if err != nil {
					return err
				}
				if !isIdent(name) {
					return t.errorf(npos, "bad character in group name %s at position %d", pyRepr(name), npos)
				}
				t.groups++
				if old, ok := t.names[name]; ok {
					return t.errorf(npos, "redefinition of group name %s as group %d; was group %d at position %d", pyRepr(name), t.groups, old, npos)
				}
				t.names[name] = t.groups
				t.order = append(t.order, name)
				capture = true
			case '=':
				t.i++
				npos := t.i
				name, err := t.readName(')', "group")
				if err != nil {
					return err
				}
				if !isIdent(name) {
					return t.errorf(npos, "bad character in group name %s at position %d", pyRepr(name), npos)
				}
				n, ok := t.names[name]
				if !ok {
					return t.errorf(npos, "unknown group name %s at position %d", pyRepr(name), npos)
				}
				if t.open[n] {
					return t.errorf(npos, "cannot refer to an open group at position %d", start)
				}
				t.emit(fmt.Sprintf(`(?:\%d)`, n))
				return nil
			default:
				return t.errorf(start+1, "unknown extension ?P%c at position %d", t.src[t.i], start+1)
			}
		case c == ':' || c == '=' || c == '!' || c == '>':
			t.i++
			prefix = "(?" + string(c)
		case c == '<':
			t.i++
			if t.i < len(t.src) && (t.src[t.i] == '=' || t.src[t.i] == '!') {
				prefix = "(?<" + string(t.src[t.i])
				t.i++
			} else {
				if t.i < len(t.src) {
					return t.errorf(start+1, "unknown extension ?<%c at position %d", t.src[t.i], start+1)
				}
				return t.errorf(t.i, "unexpected end of pattern at position %d", t.i)
			}
		case c == '#':
			for t.i < len(t.src) && t.src[t.i] != ')' {
				t.i++
			}
			if t.i >= len(t.src) {
				return t.errorf(start, "missing ), unterminated comment at position %d", start)
			}
			t.i++
			t.lastWasAtom = false
			return nil
		case c == '(':
			t.i++
			npos := t.i
			name, err := t.readName(')', "group")
			if err != nil {
				return err
			}
			n, err := t.groupRef(name, npos)
			if err != nil {
				return err
			}
			prefix = fmt.Sprintf("(?(%d)", n)
		case strings.ContainsRune("aiLmsux-", c):
			on, off := 0, 0
			for t.i < len(t.src) && strings.ContainsRune("aiLmsux", t.src[t.i]) {
				on |= flagOf(t.src[t.i])
				t.i++
			}
			if t.i < len(t.src) && t.src[t.i] == '-' {
				t.i++
				for t.i < len(t.src) && strings.ContainsRune("imsx", t.src[t.i]) {
					off |= flagOf(t.src[t.i])
					t.i++
				}
				if off == 0 {
					return t.errorf(t.i, "missing flag at position %d", t.i)
				}
			}
			if t.i >= len(t.src) {
				return t.errorf(t.i, "missing -, : or ) at position %d", t.i)
			}
			if t.src[t.i] == ')' {
				return t.errorf(start, "global flags not at the start of the expression at position %d", start)
			}
			if t.src[t.i] != ':' {
				return t.errorf(t.i, "unknown flag at position %d", t.i)
			}
			t.i++
			var b strings.Builder
			b.WriteString("(?")
			for _, f := range []struct {
				bit int
				c   byte
			}{{flagIgnoreCase, 'i'}, {flagMultiline, 'm'}, {flagDotAll, 's'}} {
				if on&f.bit != 0 {
					b.WriteByte(f.c)
				}
			}
			if off&(flagIgnoreCase|flagMultiline|flagDotAll) != 0 {
				b.WriteByte('-')
				for _, f := range []struct {
					bit int
					c   byte
				}{{flagIgnoreCase, 'i'}, {flagMultiline, 'm'}, {flagDotAll, 's'}} {
					if off&f.bit != 0 {
						b.WriteByte(f.c)
					}
				}
			}
			b.WriteByte(':')
			prefix = b.String()
			asc := t.ascii[len(t.ascii)-1]
			if on&flagASCII != 0 {
				asc = true
			}
			if on&flagUnicode != 0 {
				asc = false
			}
			t.ascii = append(t.ascii, asc)
			vb := verbose[len(verbose)-1]
			if on&flagVerbose != 0 {
				vb = true
			}
			if off&flagVerbose != 0 {
				vb = false
			}
			verbose = append(verbose, vb)
			pushedFlags = true
		default:
			return t.errorf(start+1, "unknown extension ?%c at position %d", c, start+1)
		}
	} else {
		t.groups++
		capture = true
	}
	num := t.groups
	if capture {
		t.open[num] = true
	}
	t.emit(prefix)
	wasAtom := t.lastWasAtom
	if err := t.sequence(depth+1, verbose); err != nil {
		return err
	}
	if t.i >= len(t.src) {
		return t.errorf(start, "missing ), unterminated subpattern at position %d", start)
	}
	t.i++ // )
	t.out = append(t.out, ')')
	if capture {
		delete(t.open, num)
	}
	if pushedFlags {
		t.ascii = t.ascii[:len(t.ascii)-1]
	}
	t.lastWasAtom = wasAtom
	return nil
}

// escape translates a backslash sequence outside a class; it reports
// whether the result is something a quantifier may follow.
func (t *translator) escape() (bool, error) {
	start := t.i
	t.i++
	if t.i >= len(t.src) {
		return false, t.errorf(start, "bad escape (end of pattern) at position %d", start)
	}
	c := t.src[t.i]
	t.i++
	asc := t.isASCII()
	switch c {
	case 'A':
		t.emit(`\A`)
		return false, nil
	case 'Z':
		t.emit(`\z`)
		return false, nil
	case 'b', 'B':
		if asc {
			w := `[a-zA-Z0-9_]`
			if c == 'b' {
				t.emit(`(?:(?<=` + w + `)(?!` + w + `)|(?<!` + w + `)(?=` + w + `))`)
			} else {
				t.emit(`(?:(?<=` + w + `)(?=` + w + `)|(?<!` + w + `)(?!` + w + `))`)
			}
		} else {
			t.out = append(t.out, '\\', c)
		}
		return false, nil
	case 'd', 'D', 'w', 'W', 's', 'S':
		t.emit(classEscape(c, asc, false))
		return true, nil
	case 'a':
		t.emit(`\a`)
		return true, nil
	case 'f', 'n', 'r', 't', 'v':
		t.out = append(t.out, '\\', c)
		return true, nil
	case 'x', 'u', 'U', 'N':
		r, err := t.codeEscape(c, start)
		if err != nil {
			return false, err
		}
		t.literal(r)
		return true, nil
	case '0':
		t.literal(t.octal(0, 2))
		return true, nil
	}
	if c >= '1' && c <= '9' {
		// Octal if three octal digits, else a group reference (1-2 digits).
		if c <= '7' && t.i+1 < len(t.src) && isOct(t.src[t.i]) && isOct(t.src[t.i+1]) {
			v := (int(c-'0')*8+int(t.src[t.i]-'0'))*8 + int(t.src[t.i+1]-'0')
			if v > 0o377 {
				return false, t.errorf(start, "octal escape value \\%s outside of range 0-0o377 at position %d", string(t.src[start+1:t.i+2]), start)
			}
			t.i += 2
			t.literal(rune(v))
			return true, nil
		}
		n := int(c - '0')
		if t.i < len(t.src) && t.src[t.i] >= '0' && t.src[t.i] <= '9' {
			n = n*10 + int(t.src[t.i]-'0')
			t.i++
		}
		if n > t.groups || t.open[n] {
			if t.open[n] {
				return false, t.errorf(start, "cannot refer to an open group at position %d", start)
			}
			return false, t.errorf(start+1, "invalid group reference %d at position %d", n, start+1)
		}
		t.emit(fmt.Sprintf(`(?:\%d)`, n))
		return true, nil
	}
	if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		return false, t.errorf(start, "bad escape \\%c at position %d", c, start)
	}
	t.literal(c)
	return true, nil
}

func isOct(r rune) bool { return r >= '0' && r <= '7' }

// octal reads up to more octal digits after a first digit value.
func (t *translator) octal(v int, more int) rune {
	for k := 0; k < more && t.i < len(t.src) && isOct(t.src[t.i]); k++ {
		v = v*8 + int(t.src[t.i]-'0')
		t.i++
	}
	return rune(v)
}

func (t *translator) codeEscape(c rune, start int) (rune, error) {
	width := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
	if c == 'N' {
		return 0, t.errorf(start, "bad escape \\N at position %d", start)
	}
	if t.isBytes && c != 'x' {
		return 0, t.errorf(start, "bad escape \\%c at position %d", c, start)
	}
	if t.i+width > len(t.src) {
		return 0, t.errorf(start, "incomplete escape \\%c%s at position %d", c, string(t.src[t.i:]), start)
	}
	hex := string(t.src[t.i : t.i+width])
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		k := 0
		for k < len(hex) && strings.ContainsRune("0123456789abcdefABCDEF", rune(hex[k])) {
			k++
		}
		return 0, t.errorf(start, "incomplete escape \\%c%s at position %d", c, hex[:k], start)
	}
	t.i += width
	if v > 0x10ffff {
		return 0, t.errorf(start, "bad escape \\%c%s at position %d", c, hex, start)
	}
	return rune(v), nil
}

// classEscape is \d \w \s and their negations, standalone or (inClass)
// as the inside of a bracket expression.
func classEscape(c rune, ascii, inClass bool) string {
	var pos string
	switch c {
	case 'd', 'D':
		if !ascii {
			return `\` + string(c)
		}
		pos = `0-9`
	case 'w', 'W':
		if !ascii {
			return `\` + string(c)
		}
		pos = `a-zA-Z0-9_`
	case 's', 'S':
		if ascii {
			pos = ` \t\n\r\f\v`
		} else {
			pos = pySpace
		}
	}
	neg := c == 'D' || c == 'W' || c == 'S'
	if inClass {
		if neg {
			return complementRanges(pos)
		}
		return pos
	}
	if neg {
		return "[^" + pos + "]"
	}
	return "[" + pos + "]"
}

// complementRanges spells [^set] as ranges usable inside another class.
func complementRanges(set string) string {
	switch set {
	case `0-9`:
		return `\x00-/:-\x{10ffff}`
	case `a-zA-Z0-9_`:
		return "\\x00-/:-@\\[-\\^`{-\\x{10ffff}"
	case ` \t\n\r\f\v`:
		return `\x00-\x08\x0e-\x1f!-\x{10ffff}`
	}
	return `\S`
}

func (t *translator) class() error {
	start := t.i
	t.i++
	t.out = append(t.out, '[')
	if t.i < len(t.src) && t.src[t.i] == '^' {
		t.i++
		t.out = append(t.out, '^')
	}
	first := true
	for {
		if t.i >= len(t.src) {
			return t.errorf(start, "unterminated character set at position %d", start)
		}
		c := t.src[t.i]
		if c == ']' && !first {
			t.i++
			t.out = append(t.out, ']')
			return nil
		}
		first = false
		switch c {
		case '\\':
			estart := t.i
			t.i++
			if t.i >= len(t.src) {
				return t.errorf(estart, "bad escape (end of pattern) at position %d", estart)
			}
			e := t.src[t.i]
			t.i++
			switch {
			case strings.ContainsRune("dDwWsS", e):
				t.emit(classEscape(e, t.isASCII(), true))
			case e == 'b':
				t.emit(`\x08`)
			case e == 'a':
				t.emit(`\x07`)
			case strings.ContainsRune("fnrtv", e):
				t.out = append(t.out, '\\', e)
			case e == 'x' || e == 'u' || e == 'U' || e == 'N':
				r, err := t.codeEscape(e, estart)
				if err != nil {
					return err
				}
				t.classLiteral(r)
			case isOct(e):
				t.classLiteral(t.octal(int(e-'0'), 2))
			case e < 128 && (unicode.IsLetter(e) || unicode.IsDigit(e)):
				return t.errorf(estart, "bad escape \\%c at position %d", e, estart)
			default:
				t.classLiteral(e)
			}
		case '[', ']':
			t.i++
			t.out = append(t.out, '\\', c)
		case '-':
			t.i++
			// A '-' before '[' would be .NET class subtraction.
			if t.i < len(t.src) && t.src[t.i] == '[' {
				t.out = append(t.out, '\\', '-')
			} else {
				t.out = append(t.out, '-')
			}
		default:
			t.i++
			t.classLiteral(c)
		}
	}
}

func (t *translator) classLiteral(r rune) {
	switch {
	case r == '\\' || r == ']' || r == '[' || r == '^' || r == '-':
		t.out = append(t.out, '\\', r)
	case r < 0x20 || r == 0x7f:
		t.emit(fmt.Sprintf(`\x%02x`, r))
	default:
		t.out = append(t.out, r)
	}
}

// pyRepr is repr() of a str, for error messages.
func pyRepr(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
}
