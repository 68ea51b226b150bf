package pytime

// strptime: the format becomes a regular expression, one named group per
// directive, matched at the start of the string and required to consume
// all of it; then the fields are combined into a struct_time, the missing
// ones defaulting to 1900-01-01 00:00:00 and the weekday and day of the
// year computed from the date. Names and AM/PM are matched without regard
// to case, in the C locale.

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"gilpy/vm"
)

// directives maps a directive letter to the text it matches.
var directives = map[byte]string{
	'd': `3[01]|[12]\d|0[1-9]|[1-9]| [1-9]`,
	'f': `[0-9]{1,6}`,
	'H': `2[0-3]|[0-1]\d|\d`,
	'I': `1[0-2]|0[1-9]|[1-9]`,
	'G': `\d\d\d\d`,
	'j': `36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]`,
	'm': `1[0-2]|0[1-9]|[1-9]`,
	'M': `[0-5]\d|\d`,
	'S': `6[0-1]|[0-5]\d|\d`,
	'U': `5[0-3]|[0-4]\d|\d`,
	'w': `[0-6]`,
	'u': `[1-7]`,
	'V': `5[0-3]|0[1-9]|[1-4]\d|\d`,
	'y': `\d\d`,
	'Y': `\d\d\d\d`,
	'z': `[+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|Z`,
	'a': `monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun`,
	'A': `monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun`,
	'b': `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec`,
	'p': `am|pm`,
	'%': `%`,
}

// compound directives expand to others first.
var compound = map[byte]string{
	'c': "%a %b %d %H:%M:%S %Y",
	'x': "%m/%d/%y",
	'X': "%H:%M:%S",
	'D': "%m/%d/%y",
	'T': "%H:%M:%S",
	'R': "%H:%M",
	'F': "%Y-%m-%d",
	'e': "%d",
	'B': "%b",
	'h': "%b",
	'W': "%U",
	'Z': "%Z",
}

var (
	patternMu    sync.Mutex
	patternCache = map[string]*regexp.Regexp{}
)

// zoneNames are the zone names %Z accepts: UTC, GMT and the local ones.
func zoneNames() []string {
	names := []string{"utc", "gmt"}
	for _, mon := range []time.Month{1, 7} {
		n, _ := time.Date(time.Now().Year(), mon, 1, 0, 0, 0, 0, time.Local).Zone()
		names = append(names, strings.ToLower(n))
	}
	return names
}

// compile turns a format into its regular expression; the error is the
// ValueError CPython raises for a bad directive.
func compile(format string) (*regexp.Regexp, error) {
	patternMu.Lock()
	re, ok := patternCache[format]
	patternMu.Unlock()
	if ok {
		return re, nil
	}
	var b strings.Builder
	b.WriteString(`(?is)^`)
	used := map[string]bool{}
	var expand func(f string) error
	expand = func(f string) error {
		for i := 0; i < len(f); i++ {
			c := f[i]
			switch {
			case c == '%' && i+1 < len(f):
				i++
				d := f[i]
				if sub, ok := compound[d]; ok && d != 'Z' && d != 'B' && d != 'h' && d != 'W' && d != 'e' {
					if err := expand(sub); err != nil {
						return err
					}
					continue
				}
				var pat string
				switch d {
				case 'Z':
					pat = strings.Join(zoneNames(), "|")
				case 'B', 'h':
					d = 'b'
					pat = directives['b']
				case 'W':
					pat = directives['U']
				case 'e':
					d = 'd'
					pat = directives['d']
				default:
					p, ok := directives[d]
					if !ok {
						return vm.Errorf(vm.ValueError, "'%c' is a bad directive in format '%s'", d, format)
					}
					pat = p
				}
				if d == '%' {
					b.WriteString("%")
					continue
				}
				name := string(d)
				if d == 'W' {
					name = "W"
				}
				if used[name] {
					// A repeated directive must match the same text.
					b.WriteString(`(?:` + pat + `)`)
					continue
				}
				used[name] = true
				b.WriteString(`(?P<` + groupName(d) + `>` + pat + `)`)
			case c == '%':
				return vm.Errorf(vm.ValueError, "stray %% in format '%s'", format)
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				for i+1 < len(f) && strings.IndexByte(" \t\n\r\f\v", f[i+1]) >= 0 {
					i++
				}
				b.WriteString(`\s+`)
			default:
				b.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		return nil
	}
	if err := expand(format); err != nil {
		return nil, err
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, vm.Errorf(vm.ValueError, "bad format '%s'", format)
	}
	patternMu.Lock()
	patternCache[format] = re
	patternMu.Unlock()
	return re, nil
}

// groupName names the group of directive d (Go's group names cannot be
// told apart by case alone in our map, so lower and upper get prefixes).
func groupName(d byte) string {
	if d >= 'A' && d <= 'Z' {
		return "U_" + string(d)
	}
	return "L_" + string(d)
}

func strptime(th *vm.Thread, args []vm.Value) (vm.Value, error) {
	s, ok := vm.AsStr(args[0])
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeError, "strptime() argument 0 must be str, not <class '%s'>", vm.TypeName(args[0]))
	}
	format := "%a %b %d %H:%M:%S %Y"
	if len(args) > 1 {
		f, ok := vm.AsStr(args[1])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "strptime() argument 1 must be str, not <class '%s'>", vm.TypeName(args[1]))
		}
		format = f.String()
	}
	re, err := compile(format)
	if err != nil {
		return vm.Null, err
	}
	data := s.String()
	loc := re.FindStringSubmatchIndex(data)
	if loc == nil {
		r1, _ := vm.Repr(th, args[0])
		r2, _ := vm.Repr(th, vm.MakeStr(format))
		return vm.Null, vm.Errorf(vm.ValueError, "time data %s does not match format %s", r1.String(), r2.String())
	}
	if loc[1] != len(data) {
		return vm.Null, vm.Errorf(vm.ValueError, "unconverted data remains: %s", data[loc[1]:])
	}
	get := map[byte]string{}
	for i, name := range re.SubexpNames() {
		if name == "" || loc[2*i] < 0 {
			continue
		}
		get[name[2]] = strings.ToLower(data[loc[2*i]:loc[2*i+1]])
	}
	x := tm{year: 1900, mon: 1, mday: 1, wday: -1, yday: -1, isdst: -1, zone: vm.None, gmtoff: vm.None}
	atoi := func(s string) int { n, _ := strconv.Atoi(strings.TrimSpace(s)); return n }
	if v, ok := get['Y']; ok {
		x.year = atoi(v)
	} else if v, ok := get['y']; ok {
		x.year = atoi(v)
		if x.year <= 68 {
			x.year += 2000
		} else {
			x.year += 1900
		}
	}
	if v, ok := get['m']; ok {
		x.mon = atoi(v)
	}
	if v, ok := get['b']; ok {
		for i, n := range monthNames {
			if v == strings.ToLower(n) || v == strings.ToLower(n[:3]) {
				x.mon = i + 1
			}
		}
	}
	if v, ok := get['d']; ok {
		x.mday = atoi(v)
	}
	if v, ok := get['H']; ok {
		x.hour = atoi(v)
	}
	if v, ok := get['I']; ok {
		x.hour = atoi(v)
		ampm := get['p']
		switch {
		case ampm == "am" && x.hour == 12:
			x.hour = 0
		case ampm == "pm" && x.hour != 12:
			x.hour += 12
		}
	}
	if v, ok := get['M']; ok {
		x.min = atoi(v)
	}
	if v, ok := get['S']; ok {
		x.sec = atoi(v)
	}
	for _, d := range []byte{'a', 'A'} {
		if v, ok := get[d]; ok {
			for i, n := range dayNames {
				if v == strings.ToLower(n) || v == strings.ToLower(n[:3]) {
					x.wday = i
				}
			}
		}
	}
	if v, ok := get['w']; ok {
		x.wday = (atoi(v) + 6) % 7
	}
	if v, ok := get['u']; ok {
		x.wday = atoi(v) - 1
	}
	if v, ok := get['j']; ok {
		x.yday = atoi(v)
	}
	if v, ok := get['z']; ok {
		if v == "z" {
			x.gmtoff = vm.MakeInt(0)
		} else {
			v = strings.ReplaceAll(v, ":", "")
			off := atoi(v[1:3])*3600 + atoi(v[3:5])*60
			if len(v) >= 7 {
				off += atoi(v[5:7])
			}
			if v[0] == '-' {
				off = -off
			}
			x.gmtoff = vm.MakeInt(int64(off))
		}
	}
	if v, ok := get['Z']; ok {
		x.zone = vm.MakeStr(strings.ToUpper(v))
		if v == "utc" || v == "gmt" {
			x.isdst = 0
		}
	}
	if x.mday > 31 || (x.mon == 2 && x.mday > 29) || (x.mday > 30 && (x.mon == 4 || x.mon == 6 || x.mon == 9 || x.mon == 11)) {
		return vm.Null, vm.Errorf(vm.ValueError, "day is out of range for month")
	}
	date := time.Date(x.year, time.Month(x.mon), x.mday, 0, 0, 0, 0, time.UTC)
	if x.yday < 0 {
		x.yday = date.YearDay()
	} else if _, ok := get['m']; !ok {
		// A day of the year fixes the month and day.
		d := time.Date(x.year, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, x.yday-1)
		x.mon, x.mday = int(d.Month()), d.Day()
		date = d
	}
	if x.wday < 0 {
		x.wday = (int(date.Weekday()) + 6) % 7
	}
	return x.value(), nil
}
