package vm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Expected outputs are CPython 3.11's format(x, spec).
func TestFormatFloatSpecs(t *testing.T) {
	tests := []struct {
		x    float64
		spec string
		want string
	}{
		{123.456, ".3e", "1.235e+02"},
		{0.5, ".0f", "0"},
		{1.5, ".0f", "2"},
		{2.5, ".0f", "2"},
		{1234.5678, "g", "1234.57"},
		{1e-05, ".3g", "1e-05"},
		{100.0, ".2g", "1e+02"},
		{0.0001, ".1g", "0.0001"},
		{math.Inf(1), ".2F", "INF"},
		{math.Copysign(0, -1), ".2f", "-0.00"},
		{1.0, "#.3g", "1.00"},
		{1e+22, "f", "10000000000000000000000.000000"},
		{5e-324, ".3e", "4.941e-324"},
		{0.3333333333333333, ".20f", "0.33333333333333331483"},
		{0.0, "e", "0.000000e+00"},
		{9.9999, ".3g", "10"},
		{-1e+100, "G", "-1E+100"},
		{math.NaN(), "E", "NAN"},
		{-0.0004, "z.2f", "0.00"},
		{1.0, "#.0e", "1.e+00"},
		{123.0, ".3", "1.23e+02"},
		{1e+16, "", "1e+16"},
		{1.4142135623730951, ".17g", "1.4142135623730951"},
	}
	for _, tc := range tests {
		got, err := FormatFloat(nil, tc.x, tc.spec)
		require.NoError(t, err, "%v %q", tc.x, tc.spec)
		assert.Equal(t, tc.want, got, "format(%v, %q)", tc.x, tc.spec)
	}
}

// groupDigits pads with grouped zeros up to the minimum width, as
// format(1234, "09,") == "0,001,234".
func TestGroupDigits(t *testing.T) {
	comma := numLocale{",", 3}
	assert.Equal(t, "1,234", groupDigits("1234", 0, comma))
	assert.Equal(t, "0,001,234", groupDigits("1234", 9, comma))
	assert.Equal(t, "0,001,234", groupDigits("1234", 8, comma))
	assert.Equal(t, "00,001,234", groupDigits("1234", 10, comma))
	assert.Equal(t, "ff_ffff", groupDigits("ffffff", 0, numLocale{"_", 4}))
	assert.Equal(t, "0005", groupDigits("5", 4, numLocale{}))
	assert.Equal(t, "0", groupDigits("", 0, comma))
}

func TestFormatSpecErrors(t *testing.T) {
	tests := []struct{ spec, err string }{
		{",_", "Cannot specify both ',' and '_'."},
		{".", "Format specifier missing precision"},
		{"ab", "Invalid format specifier 'ab' for object of type 'int'"},
		{",c", "Cannot specify ',' with 'c'."},
		{"99999999999999999999", "Too many decimal digits in format string"},
	}
	for _, tc := range tests {
		_, err := parseFormatSpec(tc.spec, 'd', '>', "int")
		require.Error(t, err, tc.spec)
		assert.Equal(t, tc.err, AsException(err).message(), tc.spec)
	}
}

func TestCodecName(t *testing.T) {
	for in, want := range map[string]string{
		"UTF-8": "utf-8", "utf8": "utf-8", " U8 ": "utf-8", "Latin-1": "latin-1", "ISO_8859-1": "latin-1",
		"us-ascii": "ascii", "UTF-16LE": "utf-16-le", "utf_32_be": "utf-32-be", "windows-1252": "cp1252", "nope": "",
	} {
		assert.Equal(t, want, codecName(in), in)
	}
}

// The malformed UTF-8 sequences CPython reports, with their extent.
func TestUTF8Error(t *testing.T) {
	tests := []struct {
		in     string
		end    int
		reason string
	}{
		{"\xff", 1, "invalid start byte"},
		{"\xc0\x80", 1, "invalid start byte"},
		{"\xe2\x28\xa1", 1, "invalid continuation byte"},
		{"\xe2\x82\x28", 2, "invalid continuation byte"},
		{"\xed\xa0\x80", 1, "invalid continuation byte"},
		{"\xf0\x9f\x98", 3, "unexpected end of data"},
		{"\xf4\x90\x80\x80", 1, "invalid continuation byte"},
	}
	for _, tc := range tests {
		size, end, reason := utf8Error([]byte(tc.in), 0)
		assert.Equal(t, 0, size, "%q", tc.in)
		assert.Equal(t, tc.end, end, "%q", tc.in)
		assert.Equal(t, tc.reason, reason, "%q", tc.in)
	}
}

// A str keeps lone surrogates in their three-byte form.
func TestWTF8(t *testing.T) {
	s := string(appendRuneWTF8([]byte("a"), 0xD800)) + "\U0001F600"
	assert.Equal(t, 3, strLenWTF8(s))
	assert.Equal(t, []rune{'a', 0xD800, 0x1F600}, strRunes(s))
	assert.Equal(t, s, runesString(strRunes(s)))
	r, n := decodeLastRuneWTF8(s[:4])
	assert.Equal(t, rune(0xD800), r)
	assert.Equal(t, 3, n)
	r, n = decodeRuneWTF8("\x80")
	assert.Equal(t, rune(0xDC80), r, "a stray byte reads as its surrogate escape")
	assert.Equal(t, 1, n)
}
