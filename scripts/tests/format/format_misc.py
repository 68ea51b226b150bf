# format() of str, complex, None and other objects; format spec errors.
def show(v, s):
    try:
        print(repr(v), repr(s), "->", repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), "->", type(e).__name__ + ":", e)

for s in ["", "s", "10", "<10", ">10", "^10", "*^11", "010", "0<10", ".2", "10.3", "^9.1", "x", "=10",
          "+", " ", "#", "z", ",", "_", "5d", "\u00e9^7", "\U0001f600>5", ".0", "s5"]:
    show("hello", s)
    show("h\u00e9\u03b1", s)
show("", ">3")
for s in ["", "f", ".2f", "e", "g", ".3g", "10", "<20", "^20.2f", "+", "+.1e", "n", ".0f", "#", "#.0e",
          "z.1f", "%", "010", "=10", "d", ",.2f", "_", "E", "G", "F", ">15"]:
    show(1 + 2j, s)
    show(-0.5j, s)
    show(complex(-0.0, -0.0), s)
show(complex(1e20, float("inf")), "")
show(complex(float("nan"), 1), ".2f")
show(3j, ".3")
for v in [None, object, ..., [1, 2], (1,), {1: 2}, {1}]:
    show(v, "")
    show(v, ">10")
for v, s in [(5, ".2d"), (5, "z"), (5, ",c"), (65, "+c"), (65, "#c"), (65, "c"), (0x1F600, "c"), (-1, "c"),
             (0x110000, "c"), (2 ** 70, "c"), (5, "abc"), (5, "."), (5, "10."), (5, "99999999999999999999"),
             (1.5, ".99999999999"), (1.5, "d"), (1.5, "c"), ("s", "d"), (5, "y"), (5, "\u00e9"), (5, ",_"),
             (5, "_,"), (5, ",,"), (5, ",x"), (5, "_n"), (1.5, "_n"), (5, "__"), (5, "\u0663"),
             (5, "x<\u0661\u0660"), (5, "=\u0665"), (True, "c"), (True, "x"), (False, ".1f"), (True, ">6")]:
    show(v, s)

class WithFormat:
    def __format__(self, spec):
        return "WF[" + spec + "]"

class BadFormat:
    def __format__(self, spec):
        return 42

print(format(WithFormat(), "xyz"), f"{WithFormat():abc}", "{:q}".format(WithFormat()))
try:
    format(BadFormat(), "")
except TypeError as e:
    print("TypeError:", e)
try:
    format(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(format(3), format("x"), format(2.5), repr(format(None)))
print((5).__format__("03"), (2.5).__format__("e"), "ab".__format__("^6"), (1j).__format__(""))
