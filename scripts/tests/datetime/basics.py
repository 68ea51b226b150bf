from datetime import date, time, datetime, timedelta, timezone, UTC
import datetime as dt
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.isoformat(), d.ctime(), d.toordinal())
print(d + timedelta(days=1), d - timedelta(days=366), date(2024, 3, 1) - d, d.replace(year=2023, day=28), date.fromordinal(738000), date.fromisoformat("2021-06-15"))
print(d.strftime("%A %d %B %Y | %a %b %j %U %W %w %y %m %%"), f"{d:%Y/%m/%d}", format(d, ""))
print(d < date(2024, 3, 1), d == date(2024, 2, 29), hash(d) == hash(date(2024, 2, 29)), date.min, date.max, date.resolution)
t = time(13, 5, 9, 250)
print(t, repr(t), repr(time(1, 2)), repr(time(1, 2, 3)), t.isoformat("milliseconds"), t.strftime("%I:%M %p"), time.fromisoformat("04:23:01.000384"), time(23, 59, tzinfo=timezone.utc))
dtv = datetime(2024, 1, 15, 10, 30, 45, 123456)
print(dtv, repr(dtv), repr(datetime(2024, 1, 15)), repr(datetime(2024, 1, 15, 10, 0, 5)), dtv.isoformat(), dtv.isoformat(" ", "seconds"), dtv.date(), dtv.time(), dtv.timetuple())
print(dtv.strftime("%Y-%m-%d %H:%M:%S.%f %c | %x %X"), dtv.ctime())
print(dtv + timedelta(hours=20), dtv - timedelta(weeks=2), datetime(2024, 3, 1) - datetime(2024, 2, 1, 12), dtv.replace(microsecond=0))
print(datetime.strptime("2023-07-04 15:30:00", "%Y-%m-%d %H:%M:%S"), datetime.strptime("04/Jul/2023:10:00:01 +0200", "%d/%b/%Y:%H:%M:%S %z"), datetime.strptime("March 5 99 3PM", "%B %d %y %I%p"))
try:
    datetime.strptime("2023-13-01", "%Y-%m-%d")
except ValueError as e:
    print(e)
try:
    datetime.strptime("2023-01-01 extra", "%Y-%m-%d")
except ValueError as e:
    print(e)
print(datetime.fromisoformat("2011-11-04T00:05:23+04:00"), datetime.fromisoformat("2011-11-04 00:05:23.283"), datetime.fromisoformat("2011-11-04"), datetime.fromisoformat("2011-11-04T00:05:23Z"))
aware = datetime(2024, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
print(aware, repr(aware), aware.utcoffset(), aware.tzname(), aware.astimezone(timezone.utc), aware.timestamp(), aware.isoformat())
print(repr(timezone.utc), timezone.utc, repr(timezone(timedelta(hours=-5), "EST")), timezone(timedelta(hours=5, minutes=30)), UTC is timezone.utc)
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365.25), datetime(2000, 1, 1, tzinfo=timezone.utc).timestamp(), datetime.fromtimestamp(1700000000.5, tz=timezone.utc))
try:
    datetime(2024, 1, 1) < aware
except TypeError as e:
    print(e)
print(datetime(2024, 1, 1) == aware, datetime.combine(date(2020, 5, 17), time(8, 30)))
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), repr(timedelta()), timedelta(0))
print(timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(days=2) * 3, timedelta(hours=1) / 2, timedelta(hours=1) / timedelta(minutes=15), timedelta(days=1) // 3, timedelta(minutes=7) % timedelta(minutes=2), divmod(timedelta(minutes=7), timedelta(minutes=2)))
print(timedelta(seconds=1.5), timedelta(milliseconds=1), timedelta(weeks=1, days=-1), timedelta(days=1.5), timedelta(microseconds=-1), timedelta(seconds=0.5) * 1.5, timedelta(days=-1, seconds=5))
print(timedelta.max, timedelta.min, timedelta.resolution, bool(timedelta()), timedelta(1) > timedelta(0))
for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: time(24, 0), lambda: datetime(2023, 1, 1, 25), lambda: date(0, 1, 1), lambda: date(2020, 1, 1.5), lambda: timedelta(days=10**9)]:
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sorted([datetime(2020, 5, 1), datetime(2019, 1, 1), datetime(2020, 1, 1)]))
print(date(2024, 12, 30).isocalendar(), date(2021, 1, 3).isocalendar().week, date.fromisocalendar(2020, 53, 7))
now = datetime.now(); print(type(now).__name__, now.year >= 2024, datetime.now(timezone.utc).tzinfo)
print(isinstance(dtv, date), issubclass(datetime, date), dt.MINYEAR, dt.MAXYEAR)
