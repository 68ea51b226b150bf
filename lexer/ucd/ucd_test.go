package ucd

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parseCodePoints(t *testing.T, s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseUint(f, 16, 32)
		require.NoError(t, err)
		b.WriteRune(rune(v))
	}
	return b.String()
}

// The vectors were computed by CPython's unicodedata.normalize("NFKC", ...).
func TestNFKCVectors(t *testing.T) {
	f, err := os.Open("testdata/nfkc.txt")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, ";")
		require.True(t, ok)
		assert.Equal(t, parseCodePoints(t, want), NFKC(parseCodePoints(t, in)), "NFKC(%s)", in)
		n++
	}
	assert.Greater(t, n, 500)
}

func TestLookup(t *testing.T) {
	for name, want := range map[string]rune{
		"LATIN SMALL LETTER A":       'a',
		"latin small letter a":       'a',
		"EURO SIGN":                  '€',
		"LATIN CAPITAL LETTER GHA":   0x1A2, // an alias
		"CJK UNIFIED IDEOGRAPH-4E00": 0x4E00,
		"HANGUL SYLLABLE GAG":        0xAC01,
		"HANGUL SYLLABLE A":          0xC544,
		"NUL":                        0,
		"VS17":                       0xE0100,
	} {
		got, ok := Lookup(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	for _, bad := range []string{"", "NO SUCH CHARACTER", "CJK UNIFIED IDEOGRAPH-0041", "HANGUL SYLLABLE X",
		"cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-4e00", "hangul syllable gag",
		"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"} { // a named sequence
		_, ok := Lookup(bad)
		assert.False(t, ok, bad)
	}
	name, ok := Name('€')
	assert.True(t, ok)
	assert.Equal(t, "EURO SIGN", name)
	name, _ = Name(0xAC01)
	assert.Equal(t, "HANGUL SYLLABLE GAG", name)
}

func TestClasses(t *testing.T) {
	assert.True(t, IsXIDStart('é'))
	assert.False(t, IsXIDStart('1'))
	assert.True(t, IsXIDContinue('1'))
	assert.False(t, IsXIDContinue('€'))
	assert.False(t, IsPrintable(0xA0))
	assert.True(t, IsPrintable('€'))
}

func TestCharmap(t *testing.T) {
	for name, want := range map[string]rune{"cp1252": '€', "windows-1252": '€', "iso-8859-15": '\u0080',
		"latin9": '\u0080', "ISO8859_15": '\u0080', "koi8-r": '─'} {
		table, ok := Charmap(name)
		require.True(t, ok, name)
		assert.Equal(t, want, table[0], name)
	}
	table, _ := Charmap("iso8859-15")
	assert.Equal(t, '€', table[0xA4-0x80])
	_, ok := Charmap("klingon")
	assert.False(t, ok)
	_, ok = Charmap("cp037") // EBCDIC is not ASCII-compatible
	assert.False(t, ok)
}
