# The string module: constants, capwords, Template and Formatter.
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation, repr(string.printable))
print(string.capwords("hello   world  foo"), string.capwords("a-b-c", "-"), string.capwords(" x y "))
T = string.Template
t = T("$who likes $what, ${who}s $$5 and $ok")
print(t.substitute(who="tim", what="kung pao", ok=1), t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
print(T("$a $b").substitute({"a": 1, "b": 2}, b=3), T("${a}b").substitute(a="A"), T("$_x1y").substitute(_x1y="ok"))
for bad in ["$", "ab $ c", "x\ny $1", "line1\nline2\n$!", "${a", "${}", "$$$", "a\r\nb$"]:
    try:
        print(repr(T(bad).substitute(a=1)))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
    print(repr(T(bad).safe_substitute()), T(bad).is_valid(), T(bad).get_identifiers())
try:
    T("$missing").substitute()
except KeyError as e:
    print("KeyError", e)
class Pct(string.Template):
    delimiter = "%"
print(Pct("%who is %% ${who}").substitute(who="me"), string.Template.delimiter, string.Template.flags)
f = string.Formatter()
print(f.format("{0} {1!r} {x:>5} {} ", 1, "b", x=3) if False else f.format("{0} {1!r} {x:>5}", 1, "b", x=3))
print(f.format("{} {}", "a", "b"), f.format("{0.real} {1[0]} {k[z]}", 3j, [9], k={"z": 1}), f.format("{:{}}", "x", ">4"))
print(list(f.parse("a{0!s:>3}b{{c}}")), f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
for bad in ["{0}{}", "{}{0}", "{!x}", "{0:{1:{2}}}", "}"]:
    try:
        print(f.format(bad, 1, 2, 3))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)
print(Upper().format("{a} {0} {x:x}", "hi", a="yo", x=255))
