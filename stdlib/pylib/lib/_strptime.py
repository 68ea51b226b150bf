"""Strptime-related classes and functions (C locale).

gilpy's _strptime: a format string becomes a regular expression, one
group per directive; the groups then give the date and time fields.
"""

import re
import time
from datetime import (date as datetime_date, timedelta as datetime_timedelta,
                      timezone as datetime_timezone)

__all__ = []

_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july',
           'august', 'september', 'october', 'november', 'december']
_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
         'sunday']


def _alts(words):
    # Longest first so that 'May' does not stop 'March'... from matching.
    return '|'.join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_DIRECTIVES = {
    'd': r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    'f': r"(?P<f>[0-9]{1,6})",
    'H': r"(?P<H>2[0-3]|[0-1]\d|\d)",
    'I': r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    'G': r"(?P<G>\d\d\d\d)",
    'j': r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    'm': r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    'M': r"(?P<M>[0-5]\d|\d)",
    'S': r"(?P<S>6[0-1]|[0-5]\d|\d)",
    'U': r"(?P<U>5[0-3]|[0-4]\d|\d)",
    'w': r"(?P<w>[0-6])",
    'u': r"(?P<u>[1-7])",
    'V': r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    'y': r"(?P<y>\d\d)",
    'Y': r"(?P<Y>\d\d\d\d)",
    'z': r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    'A': "(?P<A>" + _alts(_DAYS) + ")",
    'a': "(?P<a>" + _alts([d[:3] for d in _DAYS]) + ")",
    'B': "(?P<B>" + _alts(_MONTHS) + ")",
    'b': "(?P<b>" + _alts([m[:3] for m in _MONTHS]) + ")",
    'p': r"(?P<p>am|pm)",
    'Z': r"(?P<Z>utc|gmt)",
    '%': '%',
}
_DIRECTIVES['W'] = _DIRECTIVES['U'].replace('U', 'W')
_DIRECTIVES['e'] = _DIRECTIVES['d']

_EXPANSIONS = {
    'c': '%a %b %d %H:%M:%S %Y',
    'x': '%m/%d/%y',
    'X': '%H:%M:%S',
    'D': '%m/%d/%y',
    'T': '%H:%M:%S',
    'R': '%H:%M',
    'F': '%Y-%m-%d',
    'r': '%I:%M:%S %p',
}

_cache = {}


def _pattern(format):
    # The regex for a format: literal text escaped, whitespace matching any
    # run of whitespace, directives as named groups.
    out = []
    i = 0
    seen = set()
    while i < len(format):
        c = format[i]
        if c == '%' and i + 1 < len(format):
            d = format[i + 1]
            i += 2
            if d in _EXPANSIONS:
                out.append(_pattern(_EXPANSIONS[d]))
                continue
            if d not in _DIRECTIVES:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
            regex = _DIRECTIVES[d]
            if d in seen and d != '%':
                raise re.error("redefinition of group name %r as group 2; was group 1" % d)
            seen.add(d)
            out.append(regex)
        elif c == '%':
            raise ValueError("stray %% in format '%s'" % format)
        elif c.isspace():
            while i < len(format) and format[i].isspace():
                i += 1
            out.append(r'\s+')
        else:
            out.append(re.escape(c))
            i += 1
    return ''.join(out)


def _compile(format):
    try:
        return _cache[format]
    except KeyError:
        pass
    regex = re.compile(_pattern(format), re.IGNORECASE)
    if len(_cache) > 100:
        _cache.clear()
    _cache[format] = regex
    return regex


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a 2-tuple consisting of a time struct and an int containing
    the number of microseconds based on the input string and the
    format string."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg)))
    try:
        format_regex = _compile(format)
    except KeyError as err:
        bad_directive = err.args[0]
        raise ValueError("'%s' is a bad directive in format '%s'" %
                         (bad_directive, format)) from None
    found = format_regex.match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" %
                         (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" %
                         data_string[found.end():])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    found_dict = found.groupdict()
    for group_key in found_dict.keys():
        value = found_dict[group_key]
        if value is None:
            continue
        if group_key == 'y':
            year = int(value)
            if year <= 68:
                year += 2000
            else:
                year += 1900
        elif group_key == 'Y':
            year = int(value)
        elif group_key == 'G':
            iso_year = int(value)
        elif group_key == 'm':
            month = int(value)
        elif group_key == 'B':
            month = _MONTHS.index(value.lower()) + 1
        elif group_key == 'b':
            month = [m[:3] for m in _MONTHS].index(value.lower()) + 1
        elif group_key == 'd':
            day = int(value)
        elif group_key == 'H':
            hour = int(value)
        elif group_key == 'I':
            hour = int(value)
            ampm = found_dict.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif group_key == 'M':
            minute = int(value)
        elif group_key == 'S':
            second = int(value)
        elif group_key == 'f':
            s = value
            s += "0" * (6 - len(s))
            fraction = int(s)
        elif group_key == 'A':
            weekday = _DAYS.index(value.lower())
        elif group_key == 'a':
            weekday = [d[:3] for d in _DAYS].index(value.lower())
        elif group_key == 'w':
            weekday = int(value)
            if weekday == 0:
                weekday = 6
            else:
                weekday -= 1
        elif group_key == 'u':
            weekday = int(value)
            weekday -= 1
        elif group_key == 'j':
            julian = int(value)
        elif group_key in ('U', 'W'):
            week_of_year = int(value)
            if group_key == 'U':
                week_of_year_start = 6
            else:
                week_of_year_start = 0
        elif group_key == 'V':
            iso_week = int(value)
        elif group_key == 'z':
            z = value
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            msg = f"Inconsistent use of : in {found_dict['z']}"
                            raise ValueError(msg)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                gmtoff_remainder = z[8:]
                gmtoff_remainder_padding = "0" * (6 - len(gmtoff_remainder))
                gmtoff_fraction = int(gmtoff_remainder + gmtoff_remainder_padding)
                if z.startswith("-"):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif group_key == 'Z':
            found_zone = value.lower()
            if found_zone in ("utc", "gmt"):
                tz = 0

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with "
                             "the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with "
                             "the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        else:
            raise ValueError("ISO week directive '%V' is incompatible with "
                             "the year directive '%Y'. Use the ISO year '%G' "
                             "instead.")

    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            week_starts_Mon = True if week_of_year_start == 0 else False
            julian = _calc_julian_from_U_or_W(year, week_of_year, weekday,
                                              week_starts_Mon)
        elif iso_year is not None and iso_week is not None:
            datetime_result = datetime_date.fromisocalendar(iso_year, iso_week, weekday + 1)
            year = datetime_result.year
            month = datetime_result.month
            day = datetime_result.day
        if julian is not None and julian <= 0:
            year -= 1
            yday = 366 if _is_leap(year) else 365
            julian += yday

    if julian is None:
        julian = datetime_date(year, month, day).toordinal() - \
            datetime_date(year, 1, 1).toordinal() + 1
    else:
        datetime_result = datetime_date.fromordinal(
            (julian - 1) + datetime_date(year, 1, 1).toordinal())
        year = datetime_result.year
        month = datetime_result.month
        day = datetime_result.day
    if weekday is None:
        weekday = datetime_date(year, month, day).weekday()
    tzname = found_dict.get("Z")

    if leap_year_fix:
        year = 1900

    return (year, month, day,
            hour, minute, second,
            weekday, julian, tz, tzname, gmtoff), fraction, gmtoff_fraction


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _calc_julian_from_U_or_W(year, week_of_year, day_of_week, week_starts_Mon):
    first_weekday = datetime_date(year, 1, 1).weekday()
    if not week_starts_Mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    else:
        days_to_week = week_0_length + (7 * (week_of_year - 1))
        return 1 + days_to_week + day_of_week


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a time struct based on the input string and the
    format string."""
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:time._STRUCT_TM_ITEMS] if hasattr(time, '_STRUCT_TM_ITEMS') else tt[:9])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a class cls instance based on the input string and the
    format string."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        tzdelta = datetime_timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = datetime_timezone(tzdelta, tzname)
        else:
            tz = datetime_timezone(tzdelta)
        args += (tz,)

    return cls(*args)
