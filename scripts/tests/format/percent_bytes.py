# printf-style formatting of bytes and bytearray.
class B:
    def __bytes__(self):
        return b"<B>"

def show(fmt, args):
    try:
        print(repr(fmt), "%", type(args).__name__, "->", repr(fmt % args))
    except Exception as e:
        print(repr(fmt), "%", type(args).__name__, "->", type(e).__name__ + ":", e)

show(b"%s %s", (b"a", bytearray(b"b")))
show(b"%b", b"x")
show(b"%s", memoryview(b"mv"))
show(b"%s", B())
show(b"%s", "str")
show(b"%s", 5)
show(b"%r %a", ("\u00e9", b"q"))
show(b"%c%c%c", (65, b"B", bytearray(b"C")))
show(b"%c", 256)
show(b"%c", "a")
show(b"%c", b"ab")
show(b"%d %5.2f %x %o %e %g", (1, 2.5, 255, 8, 1e10, 0.5))
show(b"%-5d|%05d|%+d", (1, 2, 3))
show(b"%(a)s %(b)d", {b"a": b"A", b"b": 2})
show(b"%(a)s", {"a": b"x"})
show(b"%y", 1)
show(b"%s %s", (b"a",))
show(b"%s", (b"a", b"b"))
show(b"%d", "1")
show(b"%%", ())
show(b"abc", b"x")
show(b"abc", bytearray(b"x"))
show(bytearray(b"%s-%d"), (b"x", 5))
show(b"%.2s|%5s|%-5s|", (b"abcdef", b"ab", b"cd"))
show(b"%*d", (6, 7))
show(b"\xff%s\xfe", b"\x00")
show(b"%s", [1])
show(b"%i %u", (True, 3))
