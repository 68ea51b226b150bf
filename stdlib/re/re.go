// Package re is the engine behind re.py: compiled patterns and match
// objects, on github.com/dlclark/regexp2.
//
// Why regexp2: Python's re is a backtracking engine (lookahead,
// lookbehind, backreferences, conditionals, atomic groups, lazy
// quantifiers, leftmost-first alternation), which Go's regexp (RE2,
// linear time) deliberately lacks. regexp2 is a maintained port of the
// .NET engine, the closest widely used match for those semantics; the
// differences in syntax are bridged by translate.go, and the search loop
// (empty-match rules of finditer/sub/split, pos/endpos) is ours so that
// it follows CPython's.
package re

import (
	"strconv"
	"strings"

	"github.com/dlclark/regexp2"

	"gilpy/vm"
)

// Pattern is a compiled regular expression (re.Pattern).
type Pattern struct {
	vm.Object
	source  vm.Value // str or bytes as given
	flags   int
	isBytes bool
	groups  int
	names   []string // group names in order of definition
	index   map[string]int
	search  *regexp2.Regexp
	match   *regexp2.Regexp // \G-anchored
	full    *regexp2.Regexp // \G-anchored, then \z
}

// Match is a match result (re.Match).
type Match struct {
	vm.Object
	pat     *Pattern
	str     vm.Value
	text    []rune
	spans   []int // 2 per group incl. group 0; -1 when unmatched
	pos     int
	endpos  int
	lastIdx int
}

var (
	patternLayout = vm.NewLayout[Pattern]("re.Pattern")
	matchLayout   = vm.NewLayout[Match]("re.Match")
	// PatternType and MatchType are re.Pattern and re.Match.
	PatternType, MatchType *vm.Type
	errorType              vm.Value // re.error, set by re.py
)

func reErr(th *vm.Thread, e *reError, pattern vm.Value) error {
	if errorType.IsNull() || errorType.IsNone() {
		return vm.Errorf(vm.ValueError, "%s", e.msg)
	}
	args := []vm.Value{vm.MakeStr(stripPos(e.msg)), pattern}
	if e.pos >= 0 {
		args = append(args, vm.MakeInt(int64(e.pos)))
	}
	exc, err := vm.Call(th, errorType, args, nil)
	if err != nil {
		return err
	}
	ex, _ := vm.AsExceptionValue(exc)
	return ex
}

// stripPos removes " at position N": re.error adds it back itself.
func stripPos(msg string) string {
	if i := strings.LastIndex(msg, " at position "); i >= 0 {
		return msg[:i]
	}
	return msg
}

// textOf returns the code points of a subject string (bytes map to runes
// 0..255 so indices are byte offsets).
func textOf(v vm.Value, wantBytes bool) ([]rune, bool, error) {
	if s, ok := vm.AsStr(v); ok {
		if wantBytes {
			return nil, false, vm.Errorf(vm.TypeError, "cannot use a bytes pattern on a string-like object")
		}
		return s.Runes(), false, nil
	}
	if b, ok := vm.AsBytesLike(v); ok {
		if !wantBytes {
			return nil, true, vm.Errorf(vm.TypeError, "cannot use a string pattern on a bytes-like object")
		}
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return rs, true, nil
	}
	return nil, false, vm.Errorf(vm.TypeError, "expected string or bytes-like object, got '%s'", vm.TypeName(v))
}

func (p *Pattern) slice(text []rune, i, j int) vm.Value {
	if p.isBytes {
		b := make([]byte, j-i)
		for k, r := range text[i:j] {
			b[k] = byte(r)
		}
		return vm.NewBytes(b).Value()
	}
	return vm.MakeStr(string(text[i:j]))
}

func compile(th *vm.Thread, source vm.Value, flags int) (vm.Value, error) {
	var src []rune
	isBytes := false
	if s, ok := vm.AsStr(source); ok {
		src = s.Runes()
	} else if b, ok := vm.AsBytesLike(source); ok {
		isBytes = true
		for _, c := range b {
			src = append(src, rune(c))
		}
	} else {
		return vm.Null, vm.Errorf(vm.TypeError, "first argument must be string or compiled pattern")
	}
	tr, finalFlags, err := translateFull(src, flags, isBytes)
	if err != nil {
		if e, ok := err.(*reError); ok {
			return vm.Null, reErr(th, e, source)
		}
		return vm.Null, err
	}
	if !isBytes && finalFlags&flagASCII == 0 {
		finalFlags |= flagUnicode
	}
	opts := regexp2.RegexOptions(0)
	if finalFlags&flagIgnoreCase != 0 {
		opts |= regexp2.IgnoreCase
	}
	if finalFlags&flagMultiline != 0 {
		opts |= regexp2.Multiline
	}
	if finalFlags&flagDotAll != 0 {
		opts |= regexp2.Singleline
	}
	p := patternLayout.New(PatternType)
	p.source, p.flags, p.isBytes = source, finalFlags, isBytes
	p.groups = tr.groups
	p.names = tr.order
	p.index = tr.names
	if p.search, err = regexp2.Compile(tr.out, opts); err != nil {
		return vm.Null, reErr(th, &reError{msg: err.Error(), pos: -1}, source)
	}
	if p.match, err = regexp2.Compile(`\G(?:`+tr.out+`)`, opts); err != nil {
		return vm.Null, reErr(th, &reError{msg: err.Error(), pos: -1}, source)
	}
	if p.full, err = regexp2.Compile(`\G(?:`+tr.out+`)\z`, opts); err != nil {
		return vm.Null, reErr(th, &reError{msg: err.Error(), pos: -1}, source)
	}
	return p.Value(), nil
}

type translated struct {
	out    string
	groups int
	names  map[string]int
	order  []string
}

func translateFull(src []rune, flags int, isBytes bool) (*translated, int, error) {
	t := &translator{src: src, flags: flags, names: map[string]int{}, open: map[int]bool{}, isBytes: isBytes}
	out, f, err := t.run()
	if err != nil {
		return nil, 0, err
	}
	return &translated{out: out, groups: t.groups, names: t.names, order: t.order}, f, nil
}

// run finds a match in text[:endpos] at or after pos with the given
// regexp; nil when there is none.
func (p *Pattern) run(th *vm.Thread, re *regexp2.Regexp, text []rune, pos, endpos int) (*regexp2.Match, error) {
	if pos > endpos {
		return nil, nil
	}
	m, err := re.FindRunesMatchStartingAt(text[:endpos], pos)
	if err != nil {
		return nil, vm.Errorf(vm.RuntimeError, "%s", err.Error())
	}
	return m, nil
}

func (p *Pattern) newMatch(str vm.Value, text []rune, m *regexp2.Match, pos, endpos int) *Match {
	r := matchLayout.New(MatchType)
	r.pat, r.str, r.text, r.pos, r.endpos = p, str, text, pos, endpos
	r.spans = make([]int, 2*(p.groups+1))
	bestEnd, best := -1, -1
	for g := 0; g <= p.groups; g++ {
		grp := m.GroupByNumber(g)
		if grp == nil || len(grp.Captures) == 0 {
			r.spans[2*g], r.spans[2*g+1] = -1, -1
			continue
		}
		r.spans[2*g], r.spans[2*g+1] = grp.Index, grp.Index+grp.Length
		if g > 0 && grp.Index+grp.Length > bestEnd {
			bestEnd, best = grp.Index+grp.Length, g
		}
	}
	r.lastIdx = best
	return r
}

// subjectArgs unpacks (string, pos=0, endpos=sys.maxsize).
func subjectArgs(th *vm.Thread, name string, args, kw []vm.Value) (vm.Value, int, int, error) {
	str, posV, endV := vm.Null, vm.MakeInt(0), vm.Null
	if err := vm.UnpackArgs(name, args, kw, "string", &str, "pos?", &posV, "endpos?", &endV); err != nil {
		return vm.Null, 0, 0, err
	}
	pos, err := vm.AsIndex(th, posV)
	if err != nil {
		return vm.Null, 0, 0, err
	}
	endpos := -1
	if !endV.IsNull() {
		if endpos, err = vm.AsIndex(th, endV); err != nil {
			return vm.Null, 0, 0, err
		}
	}
	return str, pos, endpos, nil
}

func clampRange(n, pos, endpos int) (int, int) {
	if pos < 0 {
		pos = 0
	}
	if pos > n {
		pos = n
	}
	if endpos < 0 || endpos > n {
		endpos = n
	}
	return pos, endpos
}

func (p *Pattern) matchMethod(th *vm.Thread, name string, re func(*Pattern) *regexp2.Regexp, args, kw []vm.Value) (vm.Value, error) {
	str, pos, endpos, err := subjectArgs(th, name, args, kw)
	if err != nil {
		return vm.Null, err
	}
	text, _, err := textOf(str, p.isBytes)
	if err != nil {
		return vm.Null, err
	}
	pos, endpos = clampRange(len(text), pos, endpos)
	m, err := p.run(th, re(p), text, pos, endpos)
	if err != nil || m == nil {
		return vm.None, err
	}
	return p.newMatch(str, text, m, pos, endpos).Value(), nil
}

// each calls f for every match in text[pos:endpos] in order, following
// CPython's rule for empty matches: an empty match may not start where
// the previous empty match was found.
func (p *Pattern) each(th *vm.Thread, text []rune, pos, endpos int, f func(m *regexp2.Match) (bool, error)) error {
	start := pos
	mustAdvance := false
	for start <= endpos {
		m, err := p.run(th, p.search, text, start, endpos)
		if err != nil {
			return err
		}
		if m == nil {
			return nil
		}
		if mustAdvance && m.Length == 0 && m.Index == start {
			if start >= endpos {
				return nil
			}
			m, err = p.run(th, p.search, text, start+1, endpos)
			if err != nil {
				return err
			}
			if m == nil {
				return nil
			}
		}
		cont, err := f(m)
		if err != nil || !cont {
			return err
		}
		end := m.Index + m.Length
		mustAdvance = m.Length == 0
		start = end
	}
	return nil
}

func (p *Pattern) groupValue(text []rune, m *regexp2.Match, g int, def vm.Value) vm.Value {
	grp := m.GroupByNumber(g)
	if grp == nil || len(grp.Captures) == 0 {
		return def
	}
	return p.slice(text, grp.Index, grp.Index+grp.Length)
}

func (p *Pattern) empty() vm.Value {
	if p.isBytes {
		return vm.NewBytes(nil).Value()
	}
	return vm.MakeStr("")
}

func findall(th *vm.Thread, p *Pattern, args, kw []vm.Value) (vm.Value, error) {
	str, pos, endpos, err := subjectArgs(th, "findall", args, kw)
	if err != nil {
		return vm.Null, err
	}
	text, _, err := textOf(str, p.isBytes)
	if err != nil {
		return vm.Null, err
	}
	pos, endpos = clampRange(len(text), pos, endpos)
	var out []vm.Value
	err = p.each(th, text, pos, endpos, func(m *regexp2.Match) (bool, error) {
		switch p.groups {
		case 0:
			out = append(out, p.slice(text, m.Index, m.Index+m.Length))
		case 1:
			out = append(out, p.groupValue(text, m, 1, p.empty()))
		default:
			items := make([]vm.Value, p.groups)
			for g := 1; g <= p.groups; g++ {
				items[g-1] = p.groupValue(text, m, g, p.empty())
			}
			out = append(out, vm.NewTuple(items...).Value())
		}
		return true, nil
	})
	if err != nil {
		return vm.Null, err
	}
	return vm.NewList(out).Value(), nil
}

func finditer(th *vm.Thread, p *Pattern, args, kw []vm.Value) (vm.Value, error) {
	str, pos, endpos, err := subjectArgs(th, "finditer", args, kw)
	if err != nil {
		return vm.Null, err
	}
	text, _, err := textOf(str, p.isBytes)
	if err != nil {
		return vm.Null, err
	}
	pos, endpos = clampRange(len(text), pos, endpos)
	var out []vm.Value
	err = p.each(th, text, pos, endpos, func(m *regexp2.Match) (bool, error) {
		out = append(out, p.newMatch(str, text, m, pos, endpos).Value())
		return true, nil
	})
	if err != nil {
		return vm.Null, err
	}
	return vm.NewSliceIterator(out), nil
}

func split(th *vm.Thread, p *Pattern, args, kw []vm.Value) (vm.Value, error) {
	str, maxV := vm.Null, vm.MakeInt(0)
	if err := vm.UnpackArgs("split", args, kw, "string", &str, "maxsplit?", &maxV); err != nil {
		return vm.Null, err
	}
	maxsplit, err := vm.AsIndex(th, maxV)
	if err != nil {
		return vm.Null, err
	}
	text, _, err := textOf(str, p.isBytes)
	if err != nil {
		return vm.Null, err
	}
	var out []vm.Value
	last, n := 0, 0
	if maxsplit >= 0 {
		err = p.each(th, text, 0, len(text), func(m *regexp2.Match) (bool, error) {
			if maxsplit > 0 && n >= maxsplit {
				return false, nil
			}
			out = append(out, p.slice(text, last, m.Index))
			for g := 1; g <= p.groups; g++ {
				out = append(out, p.groupValue(text, m, g, vm.None))
			}
			last = m.Index + m.Length
			n++
			return true, nil
		})
		if err != nil {
			return vm.Null, err
		}
	}
	out = append(out, p.slice(text, last, len(text)))
	return vm.NewList(out).Value(), nil
}

// ------------------------------------------------------------ templates

// tmplItem is a literal (group < 0) or a group reference.
type tmplItem struct {
	lit   []rune
	group int
}

func parseTemplate(th *vm.Thread, p *Pattern, tmpl []rune, source vm.Value) ([]tmplItem, error) {
	var items []tmplItem
	var lit []rune
	flush := func() {
		if len(lit) > 0 {
			items = append(items, tmplItem{lit: lit, group: -1})
			lit = nil
		}
	}
	fail := func(msg string, pos int) error {
		return reErr(th, &reError{msg: msg, pos: pos}, source)
	}
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		if c != '\\' {
			lit = append(lit, c)
			continue
		}
		start := i
		i++
		if i >= len(tmpl) {
			return nil, fail("bad escape (end of pattern)", start)
		}
		c = tmpl[i]
		switch {
		case c == 'g':
			i++
			if i >= len(tmpl) || tmpl[i] != '<' {
				return nil, fail("missing <", i)
			}
			i++
			j := i
			for j < len(tmpl) && tmpl[j] != '>' {
				j++
			}
			if j >= len(tmpl) {
				return nil, fail("missing >, unterminated name", i)
			}
			name := string(tmpl[i:j])
			if name == "" {
				return nil, fail("missing group name", i)
			}
			var g int
			if n, err := strconv.Atoi(name); err == nil && name[0] >= '0' && name[0] <= '9' {
				g = n
				if g > p.groups {
					return nil, fail("invalid group reference "+name, i)
				}
			} else {
				if !isIdent(name) {
					return nil, fail("bad character in group name "+pyRepr(name), i)
				}
				n, ok := p.index[name]
				if !ok {
					return nil, vm.NewException(vm.IndexError, vm.MakeStr("unknown group name "+pyRepr(name)))
				}
				g = n
			}
			flush()
			items = append(items, tmplItem{group: g})
			i = j
		case c == '0':
			v := 0
			k := 0
			for k < 2 && i+1 < len(tmpl) && isOct(tmpl[i+1]) {
				i++
				v = v*8 + int(tmpl[i]-'0')
				k++
			}
			lit = append(lit, rune(v))
		case c >= '1' && c <= '9':
			if c <= '7' && i+2 < len(tmpl) && isOct(tmpl[i+1]) && isOct(tmpl[i+2]) {
				v := (int(c-'0')*8+int(tmpl[i+1]-'0'))*8 + int(tmpl[i+2]-'0')
				if v > 0o377 {
					return nil, fail("octal escape value \\"+string(tmpl[i:i+3])+" outside of range 0-0o377", start)
				}
				lit = append(lit, rune(v))
				i += 2
				continue
			}
			g := int(c - '0')
			if i+1 < len(tmpl) && tmpl[i+1] >= '0' && tmpl[i+1] <= '9' {
				i++
				g = g*10 + int(tmpl[i]-'0')
			}
			if g > p.groups {
				return nil, fail("invalid group reference "+strconv.Itoa(g), start+1)
			}
			flush()
			items = append(items, tmplItem{group: g})
		default:
			switch c {
			case 'a':
				lit = append(lit, '\a')
			case 'b':
				lit = append(lit, '\b')
			case 'f':
				lit = append(lit, '\f')
			case 'n':
				lit = append(lit, '\n')
			case 'r':
				lit = append(lit, '\r')
			case 't':
				lit = append(lit, '\t')
			case 'v':
				lit = append(lit, '\v')
			case '\\':
				lit = append(lit, '\\')
			default:
				if c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
					return nil, fail("bad escape \\"+string(c), start)
				}
				lit = append(lit, '\\', c)
			}
		}
	}
	flush()
	return items, nil
}

func expand(p *Pattern, items []tmplItem, text []rune, spans []int) []rune {
	var out []rune
	for _, it := range items {
		if it.group < 0 {
			out = append(out, it.lit...)
			continue
		}
		s, e := spans[2*it.group], spans[2*it.group+1]
		if s >= 0 {
			out = append(out, text[s:e]...)
		}
	}
	return out
}

func spansOf(p *Pattern, m *regexp2.Match) []int {
	spans := make([]int, 2*(p.groups+1))
	for g := 0; g <= p.groups; g++ {
		grp := m.GroupByNumber(g)
		if grp == nil || len(grp.Captures) == 0 {
			spans[2*g], spans[2*g+1] = -1, -1
		} else {
			spans[2*g], spans[2*g+1] = grp.Index, grp.Index+grp.Length
		}
	}
	return spans
}

func subn(th *vm.Thread, p *Pattern, name string, args, kw []vm.Value) (vm.Value, int, error) {
	repl, str, countV := vm.Null, vm.Null, vm.MakeInt(0)
	if err := vm.UnpackArgs(name, args, kw, "repl", &repl, "string", &str, "count?", &countV); err != nil {
		return vm.Null, 0, err
	}
	count, err := vm.AsIndex(th, countV)
	if err != nil {
		return vm.Null, 0, err
	}
	text, _, err := textOf(str, p.isBytes)
	if err != nil {
		return vm.Null, 0, err
	}
	var items []tmplItem
	isFunc := false
	if vm.Callable(repl) {
		isFunc = true
	} else {
		rt, rb, err := textOf(repl, p.isBytes)
		if err != nil {
			if rb != p.isBytes {
				if p.isBytes {
					return vm.Null, 0, vm.Errorf(vm.TypeError, "expected a bytes-like object, %s found", vm.TypeName(repl))
				}
				return vm.Null, 0, vm.Errorf(vm.TypeError, "expected str instance, %s found", vm.TypeName(repl))
			}
			return vm.Null, 0, err
		}
		if items, err = parseTemplate(th, p, rt, p.source); err != nil {
			return vm.Null, 0, err
		}
	}
	var out []rune
	var bout []byte
	last, n := 0, 0
	appendText := func(rs []rune) {
		out = append(out, rs...)
	}
	err = p.each(th, text, 0, len(text), func(m *regexp2.Match) (bool, error) {
		if count > 0 && n >= count {
			return false, nil
		}
		appendText(text[last:m.Index])
		if isFunc {
			mo := p.newMatch(str, text, m, 0, len(text))
			r, err := vm.Call(th, repl, []vm.Value{mo.Value()}, nil)
			if err != nil {
				return false, err
			}
			rt, _, err := textOf(r, p.isBytes)
			if err != nil {
				if p.isBytes {
					return false, vm.Errorf(vm.TypeError, "expected a bytes-like object, %s found", vm.TypeName(r))
				}
				return false, vm.Errorf(vm.TypeError, "expected str instance, %s found", vm.TypeName(r))
			}
			appendText(rt)
		} else {
			appendText(expand(p, items, text, spansOf(p, m)))
		}
		last = m.Index + m.Length
		n++
		return true, nil
	})
	if err != nil {
		return vm.Null, 0, err
	}
	appendText(text[last:])
	if p.isBytes {
		bout = make([]byte, len(out))
		for i, r := range out {
			bout[i] = byte(r)
		}
		return vm.NewBytes(bout).Value(), n, nil
	}
	return vm.MakeStr(string(out)), n, nil
}
