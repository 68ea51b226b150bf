// Package ucd holds the Unicode data gilpy's lexer needs and Go's standard
// library lacks: XID_Start/XID_Continue for identifiers, "printable" as
// str.isprintable() defines it (for error messages), character names for the
// "\N{...}" escape, and NFKC normalization of identifiers (PEP 3131).
//
// All of it is generated from CPython 3.11's own unicodedata module (Unicode
// 14.0.0) by gen_ucd.py, so gilpy agrees with CPython even where Go's unicode
// package (a newer Unicode version) would not. The small range tables are Go
// source (tables.go); the names and normalization data (about 180 KB
// gzip-compressed, 1.3 MB expanded) are embedded as ucd.bin.gz and expanded
// only when a program first uses "\N{...}" or a non-ASCII identifier that
// needs normalizing.
package ucd

//go:generate sh -c "$(pyenv which python3 2>/dev/null || echo python3) gen_ucd.py && gofmt -w tables.go charmaps.go"

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed ucd.bin.gz
var blob []byte

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

// IsXIDStart reports whether r may start an identifier (XID_Start; the
// underscore is handled by the caller, as in CPython).
func IsXIDStart(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return inRanges(xidStart, r)
}

// IsXIDContinue reports whether r may continue an identifier.
func IsXIDContinue(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return inRanges(xidContinue, r)
}

// IsPrintable reports whether str.isprintable() accepts r.
func IsPrintable(r rune) bool { return !inRanges(nonPrintable, r) }

// data is the expanded blob.
type data struct {
	byName  map[string]rune // upper-case name or alias -> code point
	names   map[rune]string
	decomp  map[rune][]rune
	ccc     map[rune]uint8
	compose map[[2]rune]rune
}

var (
	loadOnce sync.Once
	loaded   *data
)

func load() *data {
	loadOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(blob))
		if err != nil {
			panic("ucd: corrupt embedded table: " + err.Error())
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			panic("ucd: corrupt embedded table: " + err.Error())
		}
		loaded = parse(raw)
	})
	return loaded
}

// parse decodes the blob format described in gen_ucd.py. The blob is part
// of the binary, so a decoding failure is a build defect, not an input error.
func parse(raw []byte) *data {
	pos := 0
	next := func() int {
		v, n := binary.Uvarint(raw[pos:])
		if n <= 0 {
			panic("ucd: truncated embedded table")
		}
		pos += n
		return int(v)
	}
	str := func() string {
		n := next()
		s := string(raw[pos : pos+n])
		pos += n
		return s
	}
	d := &data{}
	count := next()
	d.byName = make(map[string]rune, count+600)
	d.names = make(map[rune]string, count)
	cp := 0
	for i := 0; i < count; i++ {
		cp += next()
		name := str()
		d.names[rune(cp)] = name
		d.byName[name] = rune(cp)
	}
	count = next()
	for i := 0; i < count; i++ {
		cp := next()
		d.byName[str()] = rune(cp)
	}
	count = next()
	d.decomp = make(map[rune][]rune, count)
	cp = 0
	for i := 0; i < count; i++ {
		cp += next()
		n := next()
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = rune(next())
		}
		d.decomp[rune(cp)] = rs
	}
	count = next()
	d.ccc = make(map[rune]uint8, count)
	cp = 0
	for i := 0; i < count; i++ {
		cp += next()
		d.ccc[rune(cp)] = uint8(next())
	}
	count = next()
	d.compose = make(map[[2]rune]rune, count)
	for i := 0; i < count; i++ {
		a, b, c := next(), next(), next()
		d.compose[[2]rune{rune(a), rune(b)}] = rune(c)
	}
	return d
}

// Hangul syllable composition (Unicode chapter 3.12), used both for names and
// for normalization.
const (
	hangulSBase  = 0xAC00
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulLCount = 19
	hangulVCount = 21
	hangulTCount = 28
	hangulNCount = hangulVCount * hangulTCount
	hangulSCount = hangulLCount * hangulNCount
)

var (
	jamoL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

const (
	cjkPrefix    = "CJK UNIFIED IDEOGRAPH-"
	hangulPrefix = "HANGUL SYLLABLE "
)

// Lookup returns the character named name, as "\N{name}" in a string
// literal does: names from the table are matched without regard to case,
// formal aliases are accepted, named sequences are not. The computed names
// of CJK ideographs and Hangul syllables must be upper case, as in CPython.
func Lookup(name string) (rune, bool) {
	if strings.HasPrefix(name, cjkPrefix) {
		hex := name[len(cjkPrefix):]
		if len(hex) != 4 && len(hex) != 5 || strings.ToUpper(hex) != hex {
			return 0, false
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil || !inRanges(cjkUnified, rune(v)) {
			return 0, false
		}
		return rune(v), true
	}
	if strings.HasPrefix(name, hangulPrefix) {
		rest := name[len(hangulPrefix):]
		var parts [3]int
		for i, table := range [3][]string{jamoL, jamoV, jamoT} {
			j, n := longestJamo(rest, table)
			if j < 0 {
				return 0, false
			}
			parts[i] = j
			rest = rest[n:]
		}
		if rest != "" {
			return 0, false
		}
		return rune(hangulSBase + (parts[0]*hangulVCount+parts[1])*hangulTCount + parts[2]), true
	}
	r, ok := load().byName[strings.ToUpper(name)]
	return r, ok
}

// longestJamo finds the longest short name in table that prefixes s; it
// returns the index and length, or -1 if none does (the empty name matches).
func longestJamo(s string, table []string) (int, int) {
	best, bestLen := -1, -1
	for i, j := range table {
		if len(j) > bestLen && strings.HasPrefix(s, j) {
			best, bestLen = i, len(j)
		}
	}
	return best, bestLen
}

// Name returns the Unicode name of r, as unicodedata.name does.
func Name(r rune) (string, bool) {
	if inRanges(cjkUnified, r) {
		return cjkPrefix + strings.ToUpper(strconv.FormatInt(int64(r), 16)), true
	}
	if r >= hangulSBase && r < hangulSBase+hangulSCount {
		s := int(r - hangulSBase)
		return hangulPrefix + jamoL[s/hangulNCount] + jamoV[(s%hangulNCount)/hangulTCount] + jamoT[s%hangulTCount], true
	}
	name, ok := load().names[r]
	return name, ok
}

// NFKC returns s in Normalization Form KC. Strings made only of ASCII are
// returned unchanged without touching the tables.
func NFKC(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := load()
	// 1. Full compatibility decomposition.
	var rs []rune
	for _, r := range s {
		if r >= hangulSBase && r < hangulSBase+hangulSCount {
			si := int(r - hangulSBase)
			rs = append(rs, rune(hangulLBase+si/hangulNCount), rune(hangulVBase+(si%hangulNCount)/hangulTCount))
			if t := si % hangulTCount; t != 0 {
				rs = append(rs, rune(hangulTBase+t))
			}
			continue
		}
		if dec, ok := d.decomp[r]; ok {
			rs = append(rs, dec...)
		} else {
			rs = append(rs, r)
		}
	}
	// 2. Canonical ordering: stable-sort each run of non-starters by class.
	for i := 0; i < len(rs); {
		if d.ccc[rs[i]] == 0 {
			i++
			continue
		}
		j := i
		for j < len(rs) && d.ccc[rs[j]] != 0 {
			j++
		}
		run := rs[i:j]
		sort.SliceStable(run, func(a, b int) bool { return d.ccc[run[a]] < d.ccc[run[b]] })
		i = j
	}
	// 3. Canonical composition.
	out := rs[:0:0]
	starter := -1 // index in out of the last starter
	var lastClass uint8
	for _, r := range rs {
		class := d.ccc[r]
		if starter >= 0 {
			s := out[starter]
			// Hangul LV and LV+T.
			if s >= hangulLBase && s < hangulLBase+hangulLCount && r >= hangulVBase && r < hangulVBase+hangulVCount && starter == len(out)-1 {
				out[starter] = rune(hangulSBase + (int(s-hangulLBase)*hangulVCount+int(r-hangulVBase))*hangulTCount)
				continue
			}
			if s >= hangulSBase && s < hangulSBase+hangulSCount && (s-hangulSBase)%hangulTCount == 0 &&
				r > hangulTBase && r < hangulTBase+hangulTCount && starter == len(out)-1 {
				out[starter] = s + (r - hangulTBase)
				continue
			}
			blocked := len(out)-1 != starter && (lastClass == 0 || lastClass >= class)
			if !blocked {
				if c, ok := d.compose[[2]rune{s, r}]; ok {
					out[starter] = c
					continue
				}
			}
		}
		if class == 0 {
			starter = len(out)
		}
		lastClass = class
		out = append(out, r)
	}
	return string(out)
}

// NormalizeCodec normalizes an encoding name as CPython's codec registry
// does (encodings.normalize_encoding on the lower-cased name): runs of
// characters other than letters, digits and '.' become one '_'.
func NormalizeCodec(name string) string {
	var b strings.Builder
	punct := false
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(c)
			punct = false
		} else if c < 0x80 {
			punct = true
		}
	}
	return b.String()
}

// Charmap returns the upper half (bytes 0x80..0xFF) of the single-byte
// codec called name, with U+FFFE for undefined bytes; ok is false if CPython
// has no such ASCII-compatible single-byte codec.
func Charmap(name string) (table []rune, ok bool) {
	norm := NormalizeCodec(name)
	codec := norm
	if c, found := codecAliases[norm]; found {
		codec = c
	} else if c, found := codecAliases[strings.ReplaceAll(norm, ".", "_")]; found {
		codec = c
	}
	s, ok := charmaps[codec]
	if !ok {
		return nil, false
	}
	return []rune(s), true
}
