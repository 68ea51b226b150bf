package pytime

// Broken-down time: gmtime, localtime, mktime, asctime, ctime, strftime
// and the zone constants. strptime is in strptime.go.

import (
	"math"
	"strconv"
	"strings"
	"time"

	"gilpy/vm"
)

var (
	dayNames   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// tm is C's struct tm in Python's conventions: wday 0 = Monday, yday from 1.
type tm struct {
	year, mon, mday, hour, min, sec, wday, yday, isdst int
	zone                                               vm.Value // str or None
	gmtoff                                             vm.Value // int or None
}

func fromTime(t time.Time, isdst int) tm {
	name, off := t.Zone()
	return tm{
		year: t.Year(), mon: int(t.Month()), mday: t.Day(),
		hour: t.Hour(), min: t.Minute(), sec: t.Second(),
		wday: (int(t.Weekday()) + 6) % 7, yday: t.YearDay(), isdst: isdst,
		zone: vm.MakeStr(name), gmtoff: vm.MakeInt(int64(off)),
	}
}

func (x tm) value() vm.Value {
	return vm.NewStructSeq(StructTime, []vm.Value{
		vm.MakeInt(int64(x.year)), vm.MakeInt(int64(x.mon)), vm.MakeInt(int64(x.mday)),
		vm.MakeInt(int64(x.hour)), vm.MakeInt(int64(x.min)), vm.MakeInt(int64(x.sec)),
		vm.MakeInt(int64(x.wday)), vm.MakeInt(int64(x.yday)), vm.MakeInt(int64(x.isdst)),
		x.zone, x.gmtoff,
	})
}

// isDST reports whether t is in daylight saving time in its zone.
func isDST(t time.Time) int {
	if t.IsDST() {
		return 1
	}
	return 0
}

// timestampArg is the optional seconds argument of gmtime/localtime/ctime.
func timestampArg(th *vm.Thread, args []vm.Value) (time.Time, error) {
	if len(args) == 0 || args[0].IsNone() {
		return time.Now(), nil
	}
	var secs float64
	if args[0].IsFloat() {
		f := args[0].Float()
		if math.IsNaN(f) {
			return time.Time{}, vm.Errorf(vm.ValueError, "Invalid value NaN (not a number)")
		}
		secs = math.Floor(f)
		if f < 0 {
			// C truncates towards zero for the seconds of a timestamp.
			secs = math.Ceil(f)
		}
	} else {
		f, err := Seconds(th, args[0])
		if err != nil {
			return time.Time{}, err
		}
		secs = f
	}
	// glibc handles years up to 2^31-1; beyond that time_t conversion fails.
	if secs > 67768036191676799 || secs < -67768040609740800 {
		return time.Time{}, vm.Errorf(vm.OverflowError, "timestamp out of range for platform time_t")
	}
	return time.Unix(int64(secs), 0), nil
}

// tupleArg reads a struct_time or 9-tuple (CPython's gettmarg).
func tupleArg(th *vm.Thread, v vm.Value, fname string) (tm, error) {
	var x tm
	t, ok := vm.AsTuple(v)
	if !ok {
		return x, vm.Errorf(vm.TypeError, "Tuple or struct_time argument required")
	}
	items := t.Items()
	if len(items) != 9 {
		return x, vm.Errorf(vm.TypeError, "%s(): illegal time tuple argument", fname)
	}
	ints := make([]int, 9)
	for i, it := range items {
		n, err := vm.AsInt64(th, it)
		if err != nil {
			return x, err
		}
		if n > math.MaxInt32 || n < math.MinInt32 {
			return x, vm.Errorf(vm.OverflowError, "Python int too large to convert to C int")
		}
		ints[i] = int(n)
	}
	x = tm{year: ints[0], mon: ints[1], mday: ints[2], hour: ints[3], min: ints[4], sec: ints[5],
		wday: ints[6], yday: ints[7], isdst: ints[8], zone: vm.None, gmtoff: vm.None}
	if v.Type() == StructTime {
		if z, err := vm.GetAttrString(th, v, "tm_zone"); err == nil {
			x.zone = z
		}
		if o, err := vm.GetAttrString(th, v, "tm_gmtoff"); err == nil {
			x.gmtoff = o
		}
	}
	return x, nil
}

// checkTM validates a time tuple for strftime and asctime (CPython's
// checktm), after mapping the 0 "unset" values strftime accepts.
func checkTM(x *tm, lenient bool) error {
	if lenient {
		if x.mon == 0 {
			x.mon = 1
		}
		if x.mday == 0 {
			x.mday = 1
		}
		if x.yday == 0 {
			x.yday = 1
		}
		if x.isdst < -1 {
			x.isdst = -1
		} else if x.isdst > 1 {
			x.isdst = 1
		}
	}
	switch {
	case x.mon < 1 || x.mon > 12:
		return vm.Errorf(vm.ValueError, "month out of range")
	case x.mday < 1 || x.mday > 31:
		return vm.Errorf(vm.ValueError, "day of month out of range")
	case x.hour < 0 || x.hour > 23:
		return vm.Errorf(vm.ValueError, "hour out of range")
	case x.min < 0 || x.min > 59:
		return vm.Errorf(vm.ValueError, "minute out of range")
	case x.sec < 0 || x.sec > 61:
		return vm.Errorf(vm.ValueError, "seconds out of range")
	case x.wday < 0:
		return vm.Errorf(vm.ValueError, "day of week out of range")
	case x.yday < 1 || x.yday > 366:
		return vm.Errorf(vm.ValueError, "day of year out of range")
	}
	x.wday %= 7
	return nil
}

func addCalendar(m *vm.Module) {
	fn(m, "gmtime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		t, err := timestampArg(th, args)
		if err != nil {
			return vm.Null, err
		}
		x := fromTime(t.UTC(), 0)
		x.zone = vm.MakeStr("GMT")
		return x.value(), nil
	}, 0, 1)
	fn(m, "localtime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		t, err := timestampArg(th, args)
		if err != nil {
			return vm.Null, err
		}
		t = t.Local()
		return fromTime(t, isDST(t)).value(), nil
	}, 0, 1)
	fn(m, "mktime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		x, err := tupleArg(th, args[0], "mktime")
		if err != nil {
			return vm.Null, err
		}
		// time.Date normalises out-of-range fields as mktime does.
		t := time.Date(x.year, time.Month(x.mon), x.mday, x.hour, x.min, x.sec, 0, time.Local)
		if t.Year() < -2147481748 || t.Year() > 2147485547 {
			return vm.Null, vm.Errorf(vm.OverflowError, "mktime argument out of range")
		}
		return vm.MakeFloat(float64(t.Unix())), nil
	}, 1, 1)
	fn(m, "asctime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		var x tm
		if len(args) == 0 {
			t := time.Now()
			x = fromTime(t, isDST(t))
		} else {
			var err error
			if x, err = tupleArg(th, args[0], "asctime"); err != nil {
				return vm.Null, err
			}
			if err := checkTM(&x, true); err != nil {
				return vm.Null, err
			}
		}
		return vm.MakeStr(asctime(x)), nil
	}, 0, 1)
	fn(m, "ctime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		t, err := timestampArg(th, args)
		if err != nil {
			return vm.Null, err
		}
		t = t.Local()
		return vm.MakeStr(asctime(fromTime(t, isDST(t)))), nil
	}, 0, 1)
	fn(m, "strftime", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		f, ok := vm.AsStr(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeError, "strftime() argument 1 must be str, not %s", vm.TypeName(args[0]))
		}
		var x tm
		if len(args) == 1 {
			t := time.Now()
			x = fromTime(t, isDST(t))
		} else {
			var err error
			if x, err = tupleArg(th, args[1], "strftime"); err != nil {
				return vm.Null, err
			}
			if err := checkTM(&x, true); err != nil {
				return vm.Null, err
			}
			if x.zone.IsNone() {
				// A plain tuple is a local time, as C's strftime assumes.
				t := time.Date(x.year, time.Month(x.mon), x.mday, x.hour, x.min, x.sec, 0, time.Local)
				name, off := t.Zone()
				x.zone, x.gmtoff = vm.MakeStr(name), vm.MakeInt(int64(off))
			}
		}
		return vm.MakeStr(strftime(f.String(), x)), nil
	}, 1, 2)
	fn(m, "strptime", strptime, 1, 2)
	fn(m, "tzset", func(th *vm.Thread, args []vm.Value) (vm.Value, error) {
		setZone(m)
		return vm.None, nil
	}, 0, 0)
	setZone(m)
}

// setZone sets timezone, altzone, daylight and tzname from the local
// zone's offsets in January and July, as CPython's init_timezone does.
func setZone(m *vm.Module) {
	year := time.Now().Year()
	jan := time.Date(year, 1, 1, 0, 0, 0, 0, time.Local)
	jul := time.Date(year, 7, 1, 0, 0, 0, 0, time.Local)
	janName, janOff := jan.Zone()
	julName, julOff := jul.Zone()
	std, dst := janName, julName
	stdOff, dstOff := janOff, julOff
	if janOff > julOff { // southern hemisphere: DST in January
		std, dst = julName, janName
		stdOff, dstOff = julOff, janOff
	}
	m.Set("timezone", vm.MakeInt(int64(-stdOff)))
	m.Set("altzone", vm.MakeInt(int64(-dstOff)))
	daylight := int64(0)
	if janOff != julOff {
		daylight = 1
	}
	m.Set("daylight", vm.MakeInt(daylight))
	m.Set("tzname", vm.NewTuple(vm.MakeStr(std), vm.MakeStr(dst)).Value())
}

func asctime(x tm) string {
	return dayNames[x.wday%7][:3] + " " + monthNames[x.mon-1][:3] + " " +
		pad(x.mday, 2, ' ') + " " + pad(x.hour, 2, '0') + ":" + pad(x.min, 2, '0') + ":" +
		pad(x.sec, 2, '0') + " " + strconv.Itoa(x.year)
}

// pad formats n in at least width characters, padded with c.
func pad(n, width int, c byte) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for len(s) < width {
		s = string(c) + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

// isoWeek is the ISO 8601 year and week of x.
func isoWeek(x tm) (int, int) {
	t := time.Date(x.year, time.Month(x.mon), x.mday, 0, 0, 0, 0, time.UTC)
	return t.ISOWeek()
}

// strftime formats x as glibc does in the C locale. Flags "-" (no padding),
// "_" (space padding) and "0" and a field width are understood; an unknown
// directive is copied through.
func strftime(format string, x tm) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			b.WriteByte(c)
			continue
		}
		start := i
		i++
		flag := byte(0)
		if format[i] == '-' || format[i] == '_' || format[i] == '0' || format[i] == '^' || format[i] == '#' {
			flag = format[i]
			i++
		}
		width := -1
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			if width < 0 {
				width = 0
			}
			width = width*10 + int(format[i]-'0')
			i++
		}
		if i < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		if i >= len(format) {
			b.WriteString(format[start:])
			break
		}
		num := func(n, w int, padc byte) {
			if width >= 0 {
				w = width
			}
			switch flag {
			case '-':
				w = 0
			case '_':
				padc = ' '
			case '0':
				padc = '0'
			}
			b.WriteString(pad(n, w, padc))
		}
		text := func(s string) {
			if flag == '^' {
				s = strings.ToUpper(s)
			}
			for n := len(s); width > n; n++ {
				b.WriteByte(' ')
			}
			b.WriteString(s)
		}
		hour12 := x.hour % 12
		if hour12 == 0 {
			hour12 = 12
		}
		switch format[i] {
		case 'a':
			text(dayNames[x.wday%7][:3])
		case 'A':
			text(dayNames[x.wday%7])
		case 'b', 'h':
			text(monthNames[x.mon-1][:3])
		case 'B':
			text(monthNames[x.mon-1])
		case 'c':
			text(asctime(x))
		case 'C':
			num(x.year/100, 2, '0')
		case 'd':
			num(x.mday, 2, '0')
		case 'D':
			text(pad(x.mon, 2, '0') + "/" + pad(x.mday, 2, '0') + "/" + pad(x.year%100, 2, '0'))
		case 'e':
			num(x.mday, 2, ' ')
		case 'F':
			text(pad(x.year, 4, '0') + "-" + pad(x.mon, 2, '0') + "-" + pad(x.mday, 2, '0'))
		case 'G':
			y, _ := isoWeek(x)
			num(y, 1, '0')
		case 'g':
			y, _ := isoWeek(x)
			num(y%100, 2, '0')
		case 'H':
			num(x.hour, 2, '0')
		case 'I':
			num(hour12, 2, '0')
		case 'j':
			num(x.yday, 3, '0')
		case 'k':
			num(x.hour, 2, ' ')
		case 'l':
			num(hour12, 2, ' ')
		case 'm':
			num(x.mon, 2, '0')
		case 'M':
			num(x.min, 2, '0')
		case 'n':
			b.WriteByte('\n')
		case 'p':
			if x.hour < 12 {
				text("AM")
			} else {
				text("PM")
			}
		case 'P':
			if x.hour < 12 {
				text("am")
			} else {
				text("pm")
			}
		case 'r':
			ap := "AM"
			if x.hour >= 12 {
				ap = "PM"
			}
			text(pad(hour12, 2, '0') + ":" + pad(x.min, 2, '0') + ":" + pad(x.sec, 2, '0') + " " + ap)
		case 'R':
			text(pad(x.hour, 2, '0') + ":" + pad(x.min, 2, '0'))
		case 's':
			off := int64(0)
			if o, ok := vm.IntToInt64(x.gmtoff); ok {
				off = o
			}
			t := time.Date(x.year, time.Month(x.mon), x.mday, x.hour, x.min, x.sec, 0, time.UTC)
			num(int(t.Unix()-off), 1, '0')
		case 'S':
			num(x.sec, 2, '0')
		case 't':
			b.WriteByte('\t')
		case 'T':
			text(pad(x.hour, 2, '0') + ":" + pad(x.min, 2, '0') + ":" + pad(x.sec, 2, '0'))
		case 'u':
			num(x.wday%7+1, 1, '0')
		case 'U':
			sunday := (x.wday + 1) % 7 // days since Sunday
			num((x.yday-1+7-sunday)/7, 2, '0')
		case 'V':
			_, w := isoWeek(x)
			num(w, 2, '0')
		case 'w':
			num((x.wday+1)%7, 1, '0')
		case 'W':
			num((x.yday-1+7-x.wday%7)/7, 2, '0')
		case 'x':
			text(pad(x.mon, 2, '0') + "/" + pad(x.mday, 2, '0') + "/" + pad(x.year%100, 2, '0'))
		case 'X':
			text(pad(x.hour, 2, '0') + ":" + pad(x.min, 2, '0') + ":" + pad(x.sec, 2, '0'))
		case 'y':
			num(((x.year%100)+100)%100, 2, '0')
		case 'Y':
			num(x.year, 1, '0')
		case 'z':
			off := int64(0)
			if o, ok := vm.IntToInt64(x.gmtoff); ok {
				off = o
			}
			sign := "+"
			if off < 0 {
				sign, off = "-", -off
			}
			text(sign + pad(int(off/3600), 2, '0') + pad(int(off%3600/60), 2, '0'))
		case 'Z':
			if s, ok := vm.AsStr(x.zone); ok {
				text(s.String())
			}
		case '%':
			b.WriteByte('%')
		default:
			b.WriteString(format[start : i+1])
		}
	}
	return b.String()
}
