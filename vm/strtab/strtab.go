// Package strtab holds the Unicode data behind str's methods: the
// character classes of the is*() predicates, decimal and digit values, and
// the full (one-to-many) case mappings of lower(), upper(), title() and
// casefold() ("ß".upper() == "SS", "ﬁ".upper() == "FI").
//
// The tables are generated from CPython 3.11 itself (Unicode 14.0.0) by
// gen_strtab.py, so gilpy's answers are CPython's even where Go's unicode
// package (Unicode 15, simple mappings only) differs. ASCII never reaches
// the tables: callers take fast paths for it.
package strtab

//go:generate sh -c "$(pyenv which python3 2>/dev/null || echo python3) gen_strtab.py"

import "sort"

type caseMap struct {
	cp                        uint32
	lower, upper, title, fold string
}

// inRanges reports whether r lies in one of the inclusive [lo, hi] pairs.
func inRanges(table []uint32, r rune) bool {
	if r < 0 {
		return false
	}
	c := uint32(r)
	n := len(table) / 2
	i := sort.Search(n, func(i int) bool { return table[2*i+1] >= c })
	return i < n && table[2*i] <= c
}

// runValue returns the value of r in a [lo, hi, value] run table, or -1.
func runValue(table []uint32, r rune) int {
	if r < 0 {
		return -1
	}
	c := uint32(r)
	n := len(table) / 3
	i := sort.Search(n, func(i int) bool { return table[3*i+1] >= c })
	if i < n && table[3*i] <= c {
		return int(table[3*i+2] + c - table[3*i])
	}
	return -1
}

// IsAlpha is str.isalpha for one character.
func IsAlpha(r rune) bool { return inRanges(alpha, r) }

// IsNumeric is str.isnumeric for one character.
func IsNumeric(r rune) bool { return inRanges(numeric, r) }

// IsSpace is str.isspace for one character.
func IsSpace(r rune) bool { return inRanges(space, r) }

// IsLower reports a lowercase character (str.islower of it alone).
func IsLower(r rune) bool { return inRanges(lower, r) }

// IsUpper reports an uppercase character (str.isupper of it alone).
func IsUpper(r rune) bool { return inRanges(upper, r) }

// IsTitle reports a titlecase letter such as U+01C5.
func IsTitle(r rune) bool { return inRanges(title, r) }

// IsCased is Unicode's Cased property.
func IsCased(r rune) bool { return inRanges(cased, r) }

// IsCaseIgnorable is Unicode's Case_Ignorable property.
func IsCaseIgnorable(r rune) bool { return inRanges(caseIgnorable, r) }

// Decimal is the value of a decimal digit (str.isdecimal), or -1.
func Decimal(r rune) int { return runValue(decimalRuns, r) }

// Digit is the value of a digit (str.isdigit, which includes superscripts
// and circled digits), or -1.
func Digit(r rune) int { return runValue(digitRuns, r) }

func lookup(r rune) *caseMap {
	if r < 0 {
		return nil
	}
	c := uint32(r)
	i := sort.Search(len(caseMaps), func(i int) bool { return caseMaps[i].cp >= c })
	if i < len(caseMaps) && caseMaps[i].cp == c {
		return &caseMaps[i]
	}
	return nil
}

// Lower is the full lowercase mapping of r (without the final-sigma
// rule, which depends on context); ok is false when r maps to itself.
func Lower(r rune) (string, bool) {
	if m := lookup(r); m != nil && m.lower != "" {
		return m.lower, true
	}
	return "", false
}

// Upper is the full uppercase mapping of r.
func Upper(r rune) (string, bool) {
	if m := lookup(r); m != nil && m.upper != "" {
		return m.upper, true
	}
	return "", false
}

// Title is the full titlecase mapping of r.
func Title(r rune) (string, bool) {
	if m := lookup(r); m != nil && m.title != "" {
		return m.title, true
	}
	return "", false
}

// Fold is the full case folding of r (str.casefold).
func Fold(r rune) (string, bool) {
	if m := lookup(r); m != nil && m.fold != "" {
		return m.fold, true
	}
	return "", false
}
