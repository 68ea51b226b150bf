package re

// The re.Pattern and re.Match types and the _gilre module.

import (
	"strconv"
	"strings"

	"github.com/dlclark/regexp2"

	"gilpy/vm"
)

func pat(v vm.Value) *Pattern { return patternLayout.Must(v) }
func mat(v vm.Value) *Match   { return matchLayout.Must(v) }

// groupIndex resolves a group argument (int or name) of a match.
func (m *Match) groupIndex(th *vm.Thread, g vm.Value) (int, error) {
	if s, ok := vm.AsStr(g); ok {
		if n, ok := m.pat.index[s.String()]; ok {
			return n, nil
		}
		return 0, vm.Errorf(vm.IndexError, "no such group")
	}
	if vm.IsInt(g) {
		n, ok := vm.IntToInt64(g)
		if !ok || n < 0 || int(n) > m.pat.groups {
			return 0, vm.Errorf(vm.IndexError, "no such group")
		}
		return int(n), nil
	}
	if g.Type().Index != nil {
		n, err := vm.AsIndex(th, g)
		if err != nil {
			return 0, err
		}
		if n < 0 || n > m.pat.groups {
			return 0, vm.Errorf(vm.IndexError, "no such group")
		}
		return n, nil
	}
	return 0, vm.Errorf(vm.IndexError, "no such group")
}

func (m *Match) group(g int, def vm.Value) vm.Value {
	s, e := m.spans[2*g], m.spans[2*g+1]
	if s < 0 {
		return def
	}
	return m.pat.slice(m.text, s, e)
}

func optGroup(th *vm.Thread, m *Match, args []vm.Value) (int, error) {
	if len(args) < 2 {
		return 0, nil
	}
	return m.groupIndex(th, args[1])
}

func initTypes() {
	PatternType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Pattern", Module: "re", Layout: patternLayout.Info(), Final: true,
		Doc: "Compiled regular expression object.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				return vm.Null, vm.Errorf(vm.TypeError, "cannot create 're.Pattern' instances")
			},
			Repr: patternRepr,
			Hash: func(th *vm.Thread, v vm.Value) (int64, error) {
				p := pat(v)
				h, err := vm.Hash(th, p.source)
				return h ^ int64(p.flags)*1000003, err
			},
			Compare: func(th *vm.Thread, a, b vm.Value, op vm.CompareOp) (vm.Value, error) {
				pa, ok1 := patternLayout.Cast(a)
				pb, ok2 := patternLayout.Cast(b)
				if !ok1 || !ok2 || (op != vm.CmpEQ && op != vm.CmpNE) {
					return vm.NotImplemented, nil
				}
				eq := pa.flags == pb.flags && pa.isBytes == pb.isBytes
				if eq {
					var err error
					if eq, err = vm.Equal(th, pa.source, pb.source); err != nil {
						return vm.Null, err
					}
				}
				return vm.MakeBool(eq == (op == vm.CmpEQ)), nil
			},
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "match", Doc: "Matches zero or more characters at the beginning of the string.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return pat(args[0]).matchMethod(th, "match", func(p *Pattern) *regexp2.Regexp { return p.match }, args[1:], kw)
			}},
			{Name: "fullmatch", Doc: "Matches against all of the string.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return pat(args[0]).matchMethod(th, "fullmatch", func(p *Pattern) *regexp2.Regexp { return p.full }, args[1:], kw)
			}},
			{Name: "search", Doc: "Scan through string looking for a match, and return a corresponding match object instance.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return pat(args[0]).matchMethod(th, "search", func(p *Pattern) *regexp2.Regexp { return p.search }, args[1:], kw)
			}},
			{Name: "findall", Doc: "Return a list of all non-overlapping matches of pattern in string.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return findall(th, pat(args[0]), args[1:], kw)
			}},
			{Name: "finditer", Doc: "Return an iterator over all non-overlapping matches for the RE pattern in string.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return finditer(th, pat(args[0]), args[1:], kw)
			}},
			{Name: "split", Doc: "Split string by the occurrences of pattern.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return split(th, pat(args[0]), args[1:], kw)
			}},
			{Name: "sub", Doc: "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				r, _, err := subn(th, pat(args[0]), "sub", args[1:], kw)
				return r, err
			}},
			{Name: "subn", Doc: "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				r, n, err := subn(th, pat(args[0]), "subn", args[1:], kw)
				if err != nil {
					return vm.Null, err
				}
				return vm.NewTuple(r, vm.MakeInt(int64(n))).Value(), nil
			}},
			{Name: "__copy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__deepcopy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.NewGenericAlias(args[0], args[1]), nil
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "pattern", Doc: "The pattern string from which the RE object was compiled.", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return pat(v).source, nil }},
			{Name: "flags", Doc: "The regex matching flags.", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(pat(v).flags)), nil }},
			{Name: "groups", Doc: "The number of capturing groups in the pattern.", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(pat(v).groups)), nil }},
			{Name: "groupindex", Doc: "A dictionary mapping group names to group numbers.", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				p := pat(v)
				d := vm.NewDict()
				for _, n := range p.names {
					d.SetString(n, vm.MakeInt(int64(p.index[n])))
				}
				return newMappingProxy(th, d.Value())
			}},
		},
	})
	MatchType = vm.NewBuiltinType(vm.TypeSpec{
		Name: "Match", Module: "re", Layout: matchLayout.Info(), Final: true,
		Doc: "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
		Slots: vm.Slots{
			New: func(th *vm.Thread, t *vm.Type, args, kw []vm.Value) (vm.Value, error) {
				return vm.Null, vm.Errorf(vm.TypeError, "cannot create 're.Match' instances")
			},
			Repr: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				m := mat(v)
				r, err := vm.Repr(th, m.group(0, vm.None))
				if err != nil {
					return vm.Null, err
				}
				return vm.MakeStr("<re.Match object; span=(" + strconv.Itoa(m.spans[0]) + ", " + strconv.Itoa(m.spans[1]) + "), match=" + r.String() + ">"), nil
			},
			GetItem: func(th *vm.Thread, v, key vm.Value) (vm.Value, error) {
				m := mat(v)
				g, err := m.groupIndex(th, key)
				if err != nil {
					return vm.Null, err
				}
				return m.group(g, vm.None), nil
			},
			Bool: func(th *vm.Thread, v vm.Value) (bool, error) { return true, nil },
		},
		Methods: []*vm.BuiltinMethod{
			{Name: "group", Doc: "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				m := mat(args[0])
				if len(args) <= 2 {
					g, err := optGroup(th, m, args)
					if err != nil {
						return vm.Null, err
					}
					return m.group(g, vm.None), nil
				}
				out := make([]vm.Value, len(args)-1)
				for i, a := range args[1:] {
					g, err := m.groupIndex(th, a)
					if err != nil {
						return vm.Null, err
					}
					out[i] = m.group(g, vm.None)
				}
				return vm.NewTuple(out...).Value(), nil
			}},
			{Name: "groups", Doc: "Return a tuple containing all the subgroups of the match, from 1.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				def := vm.None
				if err := vm.UnpackArgs("groups", args[1:], kw, "default?", &def); err != nil {
					return vm.Null, err
				}
				m := mat(args[0])
				out := make([]vm.Value, m.pat.groups)
				for g := 1; g <= m.pat.groups; g++ {
					out[g-1] = m.group(g, def)
				}
				return vm.NewTuple(out...).Value(), nil
			}},
			{Name: "groupdict", Doc: "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				def := vm.None
				if err := vm.UnpackArgs("groupdict", args[1:], kw, "default?", &def); err != nil {
					return vm.Null, err
				}
				m := mat(args[0])
				d := vm.NewDict()
				for _, n := range m.pat.names {
					d.SetString(n, m.group(m.pat.index[n], def))
				}
				return d.Value(), nil
			}},
			{Name: "start", Doc: "Return index of the start of the substring matched by group.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				m := mat(args[0])
				g, err := optGroup(th, m, args)
				if err != nil {
					return vm.Null, err
				}
				return vm.MakeInt(int64(m.spans[2*g])), nil
			}},
			{Name: "end", Doc: "Return index of the end of the substring matched by group.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				m := mat(args[0])
				g, err := optGroup(th, m, args)
				if err != nil {
					return vm.Null, err
				}
				return vm.MakeInt(int64(m.spans[2*g+1])), nil
			}},
			{Name: "span", Doc: "For match object m, return the 2-tuple (m.start(group), m.end(group)).", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				m := mat(args[0])
				g, err := optGroup(th, m, args)
				if err != nil {
					return vm.Null, err
				}
				return vm.NewTuple(vm.MakeInt(int64(m.spans[2*g])), vm.MakeInt(int64(m.spans[2*g+1]))).Value(), nil
			}},
			{Name: "expand", Doc: "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method.", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				if err := vm.ArgCount("expand", args[1:], 1, 1); err != nil {
					return vm.Null, err
				}
				m := mat(args[0])
				rt, _, err := textOf(args[1], m.pat.isBytes)
				if err != nil {
					return vm.Null, err
				}
				items, err := parseTemplate(th, m.pat, rt, m.pat.source)
				if err != nil {
					return vm.Null, err
				}
				out := expand(m.pat, items, m.text, m.spans)
				return m.pat.slice(out, 0, len(out)), nil
			}},
			{Name: "__copy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__deepcopy__", Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) { return args[0], nil }},
			{Name: "__class_getitem__", Flags: vm.MethClass, Fn: func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
				return vm.NewGenericAlias(args[0], args[1]), nil
			}},
		},
		Getters: []*vm.GetSet{
			{Name: "string", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return mat(v).str, nil }},
			{Name: "re", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return mat(v).pat.Value(), nil }},
			{Name: "pos", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(mat(v).pos)), nil }},
			{Name: "endpos", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) { return vm.MakeInt(int64(mat(v).endpos)), nil }},
			{Name: "lastindex", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				m := mat(v)
				if m.lastIdx < 0 {
					return vm.None, nil
				}
				return vm.MakeInt(int64(m.lastIdx)), nil
			}},
			{Name: "lastgroup", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				m := mat(v)
				if m.lastIdx < 0 {
					return vm.None, nil
				}
				for n, i := range m.pat.index {
					if i == m.lastIdx {
						return vm.MakeStr(n), nil
					}
				}
				return vm.None, nil
			}},
			{Name: "regs", Get: func(th *vm.Thread, v vm.Value) (vm.Value, error) {
				m := mat(v)
				out := make([]vm.Value, m.pat.groups+1)
				for g := range out {
					out[g] = vm.NewTuple(vm.MakeInt(int64(m.spans[2*g])), vm.MakeInt(int64(m.spans[2*g+1]))).Value()
				}
				return vm.NewTuple(out...).Value(), nil
			}},
		},
	})
}

func newMappingProxy(th *vm.Thread, d vm.Value) (vm.Value, error) {
	return vm.Call(th, vm.MappingProxyType.Value(), []vm.Value{d}, nil)
}

// flagNames are re.RegexFlag's members in the order CPython's repr of a
// pattern lists them.
var flagNames = []struct {
	bit  int
	name string
}{
	{flagTemplate, "re.TEMPLATE"}, {flagIgnoreCase, "re.IGNORECASE"}, {flagLocale, "re.LOCALE"},
	{flagMultiline, "re.MULTILINE"}, {flagDotAll, "re.DOTALL"}, {flagUnicode, "re.UNICODE"},
	{flagVerbose, "re.VERBOSE"}, {flagDebug, "re.DEBUG"}, {flagASCII, "re.ASCII"},
}

func patternRepr(th *vm.Thread, v vm.Value) (vm.Value, error) {
	p := pat(v)
	r, err := vm.Repr(th, p.source)
	if err != nil {
		return vm.Null, err
	}
	src := r.String()
	if len(src) > 200 {
		src = src[:200]
	}
	flags := p.flags
	if !p.isBytes {
		flags &^= flagUnicode
	}
	if flags == 0 {
		return vm.MakeStr("re.compile(" + src + ")"), nil
	}
	var parts []string
	for _, f := range flagNames {
		if flags&f.bit != 0 {
			parts = append(parts, f.name)
			flags &^= f.bit
		}
	}
	if flags != 0 {
		parts = append(parts, "0x"+strconv.FormatInt(int64(flags), 16))
	}
	return vm.MakeStr("re.compile(" + src + ", " + strings.Join(parts, "|") + ")"), nil
}

func init() {
	initTypes()
	errorType = vm.Null
	vm.RegisterModule("_gilre", func(th *vm.Thread, m *vm.Module) error {
		m.Set("Pattern", PatternType.Value())
		m.Set("Match", MatchType.Value())
		m.AddFunc("compile", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			if err := vm.ArgCount("compile", args, 2, 2); err != nil {
				return vm.Null, err
			}
			flags, err := vm.AsInt64(th, args[1])
			if err != nil {
				return vm.Null, err
			}
			return compile(th, args[0], int(flags))
		})
		m.AddFunc("_set_error", func(th *vm.Thread, args, kw []vm.Value) (vm.Value, error) {
			errorType = args[0]
			return vm.None, nil
		})
		return nil
	})
}
