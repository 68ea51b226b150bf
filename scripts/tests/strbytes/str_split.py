# split/rsplit/splitlines/partition/rpartition/strip and friends.
cases = ["a b  c", "  a b  c  ", "", "   ", "a,b,,c,", ",a,", "one\ttwo\nthree\r\nfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\u3000ten",
         "no-sep", "a\u00a0b", "x  y  z  "]
for s in cases:
    print(repr(s))
    print("  ", s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2), s.rsplit(maxsplit=0))
    print("  ", s.split(","), s.rsplit(",", 1), s.split(",", 0), s.split(",", -1), s.split(sep=",", maxsplit=1), s.rsplit(",,"))
    print("  ", s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
    print("  ", s.partition(","), s.rpartition(","), s.partition(" "), s.rpartition("  "))
    print("  ", repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(",a")), repr(s.lstrip("a ")), repr(s.rstrip(", ")))
print("a\r\nb\rc\nd\r\r\ne".splitlines(), "a\r\nb\rc\nd\r\r\ne".splitlines(True), "\n".splitlines(), "x\n".splitlines(1))
print("1 2 3 4 5".split(None, 2), "1 2 3 4 5".rsplit(None, 2), " 1 2 3 ".split(" "), "1<>2<>3".split("<>"), "1<>2<>3".rsplit("<>", 1))
print("aXbXc".split("X", maxsplit=1), "aXbXc".rsplit(sep="X", maxsplit=1), "é,ü,ö".split(","), "é ü\u2003ö".split())
print("xyzzyx".strip("xy"), "xyzzyx".lstrip("xyz"), "xyzzyx".rstrip("x"), "  x ".strip(None), "éxé".strip("é"), "abc".strip(""))
print("www.example.com".removeprefix("www."), "www.example.com".removesuffix(".com"), "abc".removeprefix("x"), "abc".removesuffix(""))
for e in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(",", "x"), lambda: "a".split(",", 1, 2),
          lambda: "a".split(x=1), lambda: "a".split(",", maxsplit=1, sep="."), lambda: "a".rsplit(b","),
          lambda: "a".splitlines(1.5), lambda: "a".splitlines(x=1), lambda: "a".splitlines(1, 2),
          lambda: "a".partition(""), lambda: "a".rpartition(1), lambda: "a".partition(), lambda: "a".strip(1),
          lambda: "a".strip("a", "b"), lambda: "a".lstrip(chars="a"), lambda: "a".removeprefix(1), lambda: "a".removesuffix()]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
