package vm

// This file computes the "Did you mean: 'name'?" hint CPython 3.10+ adds
// when it prints a NameError or an AttributeError: the candidate closest to
// the missing name under a Levenshtein distance where a substitution costs
// 2 and a change of letter case costs 1, accepted only when no more than
// about a third of the characters differ.

const (
	suggestMaxItems = 750
	suggestMaxLen   = 40
	suggestMoveCost = 2
	suggestCaseCost = 1
)

// suggestion returns the name to suggest for exc, or "". Only exact
// AttributeError and NameError instances get one, as in CPython.
func suggestion(th *Thread, exc *Exception) string {
	switch exc.typ {
	case AttributeError:
		name, ok := AsStr(exc.attr("name"))
		obj := exc.attr("obj")
		if !ok || exc.dict == nil {
			return ""
		}
		if _, has := exc.dict.getStr(Intern("obj")); !has {
			return ""
		}
		dirV, err := CallMethod(th, obj, "__dir__")
		if err != nil {
			return ""
		}
		names, err := SeqToSlice(th, dirV)
		if err != nil {
			return ""
		}
		if err := SortValues(th, names); err != nil {
			return ""
		}
		return bestSuggestion(names, name.s)
	case NameError:
		name, ok := AsStr(exc.attr("name"))
		tb := exc.traceback
		if !ok || tb == nil {
			return ""
		}
		for tb.next != nil {
			tb = tb.next
		}
		f := tb.frame
		var locals []Value
		co := f.code
		for i, n := range co.LocalsPlus {
			if co.Kinds[i]&0x20 != 0 { // a fast local (CO_FAST_LOCAL)
				locals = append(locals, MakeStr(n))
			}
		}
		if s := bestSuggestion(locals, name.s); s != "" {
			return s
		}
		if s := bestSuggestion(f.globals.Keys(), name.s); s != "" {
			return s
		}
		if f.builtins != nil {
			return bestSuggestion(f.builtins.Keys(), name.s)
		}
	}
	return ""
}

func bestSuggestion(candidates []Value, name string) string {
	if len(candidates) >= suggestMaxItems {
		return ""
	}
	best := ""
	bestDist := int(^uint(0) >> 1)
	for _, c := range candidates {
		s, ok := AsStr(c)
		if !ok || s.s == name {
			continue
		}
		maxDist := (len(name) + len(s.s) + 3) * suggestMoveCost / 6
		if bestDist-1 < maxDist {
			maxDist = bestDist - 1
		}
		d := editDistance(name, s.s, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = s.s, d
		}
	}
	return best
}

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return suggestMoveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return suggestCaseCost
	}
	return suggestMoveCost
}

// editDistance is the weighted Levenshtein distance of the UTF-8 bytes of
// a and b, giving up (returning maxCost+1) once it must exceed maxCost.
func editDistance(a, b string, maxCost int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxLen || len(b) > suggestMaxLen {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	var row [suggestMaxLen]int
	for i := range a {
		row[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		dist := bi * suggestMoveCost
		result = dist
		minimum := int(^uint(0) >> 1)
		for ai := 0; ai < len(a); ai++ {
			substitute := dist + substitutionCost(b[bi], a[ai])
			dist = row[ai]
			insDel := min(result, dist) + suggestMoveCost
			result = min(insDel, substitute)
			row[ai] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}
