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
func UnpackArgs(fn string, args []Value, kwnames []Value, params ...any) error {
	type param struct {
		name     string
		optional bool
		kwOnly   bool
		posOnly  bool
		dst      *Value
	}
	var ps []param
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
		dst := params[i+1].(*Value)
		i++
		p := param{name: spec, kwOnly: kwOnly, dst: dst}
		if strings.HasSuffix(spec, "?") {
			p.name = spec[:len(spec)-1]
			p.optional = true
		}
		ps = append(ps, p)
	}
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
	set := make([]bool, len(ps))
	for i := 0; i < npos; i++ {
		*ps[i].dst = args[i]
		set[i] = true
	}
	for k, kn := range kwnames {
		name, _ := AsStr(kn)
		found := false
		for i := range ps {
			if ps[i].name == name.s && !ps[i].posOnly {
				if set[i] {
					return Errorf(TypeError, "argument for %s() given by name ('%s') and position (%d)", fn, name.s, i+1)
				}
				*ps[i].dst = args[npos+k]
				set[i] = true
				found = true
				break
			}
		}
		if !found {
			return Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fn, name.s)
		}
	}
	for i, p := range ps {
		if !set[i] && !p.optional {
			if p.kwOnly {
				return Errorf(TypeError, "%s() missing required keyword-only argument: '%s'", fn, p.name)
			}
			return Errorf(TypeError, "%s() missing required argument '%s' (pos %d)", fn, p.name, i+1)
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
