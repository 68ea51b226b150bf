# __format__ methods: argument errors, subclasses with an empty spec
# (str(self)), object.__format__.
for t in [(1).__format__, (1.5).__format__, (1j).__format__, "a".__format__, None.__format__, True.__format__, object().__format__]:
    for a in [(), (1,), ("", 2), ("x",)]:
        try:
            r = t(*a)
            print(repr(r) if not r.startswith("<") else "<object>")
        except Exception as e:
            print(type(e).__name__, e)

class F(float):
    def __repr__(self):
        return "F!"

class C(complex):
    def __repr__(self):
        return "C!"

class S(str):
    def __str__(self):
        return "S!"

class I(int):
    def __repr__(self):
        return "I!"

class B:
    def __str__(self):
        return "B-str"

print(format(F(1.5)), f"{F(2)}", format(C(1j)), format(S("x")), f"{S('y')}", format(I(3)), format(F(1.5), ".2f"), "{}".format(S("q")))
print(format(S("x"), ">3"), format(I(3), "03"), format(C(1j), ">6"), f"{B()}", f"{B()!s:>7}", "{0!r}".format(S("r")))
print(format(True), format(False, ""), format(True, "d"), f"{True:>5}", f"{False:x}", "%s %d %r" % (True, True, False))
