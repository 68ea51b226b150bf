package vm

// This file provides declarative argument unpacking for builtins:
//
//	var x, base Value = Null, Null
//	err := UnpackArgs("int", args, kwnames, "x?", &x, "base?", &base)
//
// Each parameter is a name, optionally suffixed "?" when it may be
// omitted, followed by a *Value to fill. The marker "*" makes the
// following parameters keyword-only and "/" makes the preceding ones
// positional-only. Omitted optional parameters keep the value the caller
// initialised them with.

import "strings"

// UnpackArgs binds vectorcall arguments to named parameters.
//
// It is on the path of every builtin call, so it must not allocate: the
// common case (positional arguments only) is handled without building
// the parameter table, and nothing derived from params reaches the heap
// (error messages use copies of the names), so the *Value destinations
// stay on the caller's stack.
func UnpackArgs(fn string, args []Value, kwnames []Value, params ...any) error {
	if len(kwnames) == 0 {
		i := 0
		for j := 0; j < len(params); j += 2 {
			spec := params[j].(string)
			if spec == "*" {
				// Keyword-only parameters: all must be optional.
				for k := j + 1; k < len(params); k += 2 {
					if ks := params[k].(string); ks[len(ks)-1] != '?' {
						return unpackArgsSlow(fn, args, kwnames, params)
					}
				}
				break
			}
			if spec == "/" {
				j--
				continue
			}
			if i == len(args) {
				if spec[len(spec)-1] != '?' {
					return unpackArgsSlow(fn, args, kwnames, params)
				}
				continue
			}
			*params[j+1].(*Value) = args[i]
			i++
		}
		if i == len(args) {
			return nil
		}
	}
	return unpackArgsSlow(fn, args, kwnames, params)
}

// unpackArgsSlow handles keyword arguments and reports every error.
func unpackArgsSlow(fn string, args []Value, kwnames []Value, params []any) error {
	// A param refers to its name and destination by index into params
	// (the name at at-1, the *Value at at), so that no pointer taken
	// from params is stored where the compiler would lose track of it.
	type param struct {
		at       int
		optional bool
		kwOnly   bool
		posOnly  bool
	}
	var buf [16]param
	ps := buf[:0]
	kwOnly := false
	for i := 0; i < len(params); i++ {
		spec := params[i].(string)
		switch spec {
		case "*":
			kwOnly = true
			continue
		case "/":
			for j := range ps {
				ps[j].posOnly = true
			}
			continue
		}
		i++
		ps = append(ps, param{at: i, kwOnly: kwOnly, optional: strings.HasSuffix(spec, "?")})
	}
	nameOf := func(p param) string { return strings.TrimSuffix(params[p.at-1].(string), "?") }
	dstOf := func(p param) *Value { return params[p.at].(*Value) }
	npos := len(args) - len(kwnames)
	maxPos := 0
	for _, p := range ps {
		if !p.kwOnly {
			maxPos++
		}
	}
	if npos > maxPos {
		if maxPos == 0 {
			return Errorf(TypeError, "%s() takes no positional arguments", fn)
		}
		return Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", fn, maxPos, plural(maxPos), npos)
	}
	var setBuf [8]bool
	set := setBuf[:0]
	for range ps {
		set = append(set, false)
	}
	for i := 0; i < npos; i++ {
		*dstOf(ps[i]) = args[i]
		set[i] = true
	}
	for k, kn := range kwnames {
		name, _ := AsStr(kn)
		found := false
		for i := range ps {
			if nameOf(ps[i]) == name.s && !ps[i].posOnly {
				if set[i] {
					return Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fn, name.s, i+1)
				}
				*dstOf(ps[i]) = args[npos+k]
				set[i] = true
				found = true
				break
			}
		}
		if !found {
			return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", name.s, fn)
		}
	}
	for i, p := range ps {
		if !set[i] && !p.optional {
			// Cloned so that nothing reachable from params leaks.
			name := strings.Clone(nameOf(p))
			if p.kwOnly {
				return Errorf(TypeError, "%s() missing required keyword-only argument: '%s'", fn, name)
			}
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fn, name, i+1)
		}
	}
	return nil
}

// NoKeywords reports CPython's error for a builtin called with keywords it
// does not take.
func NoKeywords(fn string, kwnames []Value) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", fn)
	}
	return nil
}

// ArgCount checks the number of positional arguments.
func ArgCount(fn string, args []Value, lo, hi int) error {
	n := len(args)
	if n < lo || (hi >= 0 && n > hi) {
		switch {
		case lo == hi && lo == 0:
			return Errorf(TypeError, "%s() takes no arguments (%d given)", fn, n)
		case lo == hi && lo == 1:
			return Errorf(TypeError, "%s() takes exactly one argument (%d given)", fn, n)
		case lo == hi:
			return Errorf(TypeError, "%s expected %d arguments, got %d", fn, lo, n)
		case n < lo:
			return Errorf(TypeError, "%s expected at least %d argument%s, got %d", fn, lo, plural(lo), n)
		default:
			return Errorf(TypeError, "%s expected at most %d argument%s, got %d", fn, hi, plural(hi), n)
		}
	}
	return nil
}
