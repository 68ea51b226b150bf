package vm

// This file sorts Python values: stable, keys computed once, with
// comparison fast paths when every key is an int, a float or a str (as
// CPython's unsafe_*_compare), and errors from __lt__ propagated.

import (
	"slices"
	"sort"
)

// sortValues sorts items (by keys when keys != nil) in place, stably.
// reverse keeps equal elements in their original order, as list.sort does.
func sortValues(th *Thread, items, keys []Value, reverse bool) error {
	n := len(items)
	if n < 2 {
		return nil
	}
	if keys == nil {
		keys = items
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if reverse {
		// As CPython: reverse, sort ascending stably, reverse back, so
		// that equal keys keep their original order.
		slices.Reverse(idx)
	}
	var cmpErr error
	less := keyLess(th, keys, &cmpErr)
	slices.SortStableFunc(idx, func(a, b int) int {
		if cmpErr != nil {
			return 0
		}
		if less(a, b) {
			return -1
		}
		if cmpErr == nil && less(b, a) {
			return 1
		}
		return 0
	})
	if cmpErr != nil {
		return cmpErr
	}
	if reverse {
		slices.Reverse(idx)
	}
	sorted := make([]Value, n)
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
	return nil
}

// keyLess returns a "keys[a] < keys[b]" function, specialised when all keys
// share a simple type.
func keyLess(th *Thread, keys []Value, errp *error) func(a, b int) bool {
	allInt, allFloat, allStr := true, true, true
	for _, k := range keys {
		if !k.IsSmallInt() {
			allInt = false
		}
		if !k.IsFloat() {
			allFloat = false
		}
		if _, ok := castExact[Str](k, StrType); !ok {
			allStr = false
		}
	}
	switch {
	case allInt:
		return func(a, b int) bool { return keys[a].SmallInt() < keys[b].SmallInt() }
	case allFloat:
		return func(a, b int) bool { return keys[a].Float() < keys[b].Float() }
	case allStr:
		return func(a, b int) bool { return strLayout.Must(keys[a]).s < strLayout.Must(keys[b]).s }
	}
	return func(a, b int) bool {
		if *errp != nil {
			return false
		}
		r, err := RichCompareBool(th, keys[a], keys[b], CmpLT)
		if err != nil {
			*errp = err
			return false
		}
		return r
	}
}

// SortValues sorts a slice of values ascending (for sorted() of dict keys
// and similar Go-side uses).
func SortValues(th *Thread, items []Value) error { return sortValues(th, items, nil, false) }

// SortValuesKey sorts with a key function and reverse flag.
func SortValuesKey(th *Thread, items []Value, key Value, reverse bool) error {
	var keys []Value
	if !key.IsNone() && !key.IsNull() {
		keys = make([]Value, len(items))
		for i, x := range items {
			k, err := Call(th, key, []Value{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	return sortValues(th, items, keys, reverse)
}

func sortStrings(s []string) { sort.Strings(s) }
