# str.format and str.format_map: numbering, lookups, conversions, nested
# specs, escapes and the errors.
class P:
    x = 3
    name = "pt"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "P-str"

class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"

def show(fmt, *args, **kwargs):
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)

show("{} {} {}", 1, "a", 2.5)
show("{0} {1} {0}", "x", "y")
show("{1}{0}", 1, 2)
show("{name} is {age}", name="Bob", age=7)
show("{0.x} {0.name} {0!r} {0!s} {0!a}", P())
show("{0[1]} {0[-1]} {1[k]} {1[2]}", [10, 20, 30], {"k": "v", 2: "two"})
show("{a[0][1]} {a[1].x}", a=[(1, 2), P()])
show("{:>{w}}|{:.{p}f}|{:{f}{a}{w}}", "r", 3.14159, "c", w=6, p=2, f="*", a="^")
show("{0:{1}}", 3.5, ".2e")
show("{:{}}{}", "ab", ">5", "!")
show("{{}} {{{}}} }}{{", 7)
show("{!r:>8}|{!s:<6}|{!a}", "q", "w", "\u00e9")
show("{0:}", 5)
show("{:%}", 0.25)
show("{0}{1}", "only")
show("{5}", 1)
show("{}{1}", 1, 2)
show("{1}{}", 1, 2)
show("{a}", b=1)
show("{}", )
show("{0.nope}", P())
show("{0[5]}", [1])
show("{0[x]}", {"y": 1})
show("}")
show("{")
show("a}b")
show("x{")
show("{0!x}", 1)
show("{0!}", 1)
show("{0!rr}", 1)
show("{0!r", 1)
show("{0:", 1)
show("{0", 1)
show("{0.}", P())
show("{0[}", [1])
show("{0[0]x}", [1])
show("{0:{1:{2}}}", 1, 2, 3)
show("{:d}", "s")
show("{:s}", 5)
show("{0:{1}", 1, 2)
show("{!r}", "x")
show("{a.b}", a=P())
show("{00}{01}", "z", "o")
show("{\u0661}", "a", "b")
show("{[0]}", [9])
show("{.x}", P())
show("{0[ ]}", {" ": "space"})
show("{0[a.b]}", {"a.b": "dotted"})
show("{0[a]b}", {"a": 1})
show("{ }", **{" ": "sp"})
show("{-1}", 1)
show("{x!s:^7}", x=P())
show("\u00e9{}\u00e9{:\u00e9^5}", "\u03b1", "\u03b2")
print("{x} {y}".format_map({"x": 1, "y": 2}))
print("{x} {y}".format_map(Missing(x=1)))
for f, m in [("{0}", {}), ("{}", {}), ("{x}", {}), ("{x}", 5)]:
    try:
        print(f.format_map(m))
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    "{}".format_map()
except TypeError as e:
    print("TypeError:", e)
print("no fields".format(1, 2, x=3), "{0}".format(*range(3)), "{k}".format(**{"k": "kw"}))
print("{:,}".format(1234567), "{:_b}".format(255), "{:08.3f}".format(-3.14159))
