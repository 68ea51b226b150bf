# center/ljust/rjust/zfill/expandtabs/join/translate/maketrans/repeat/
# indexing/slicing/iteration/comparison of str.
for s in ["abc", "", "é", "12", "-12", "+x", "🌍🌍"]:
    print(repr(s.center(7)), repr(s.center(8, "*")), repr(s.ljust(6, "é")), repr(s.rjust(5, "0")), repr(s.zfill(6)),
          repr(s.center(2)), repr(s.zfill(-1)), repr(s.center(4, "🌍")))
for n in range(0, 8):
    print(n, repr("ab".center(n, ".")), repr("abc".center(n, ".")), repr("-".zfill(n)))
print(repr("a\tbc\td\n\tx".expandtabs()), repr("a\tbc\td\n\tx".expandtabs(4)), repr("\t".expandtabs(0)),
      repr("ab\t\r\tc".expandtabs(tabsize=3)), repr("é\tx".expandtabs(2)), repr("a\tb".expandtabs(-1)))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "é".join(("1", "2")), "x".join(iter(["p", "q"])), "+".join({"k": 1}))
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcdabcd".translate(table))
print("hello".translate({ord("l"): "L!", ord("o"): None, ord("h"): 72}), "abc".translate([None, "x"]), "abc".translate({}))
print(sorted(str.maketrans({"a": "b", 99: None, "é": 1}).items()), "aé".translate(str.maketrans({"é": "e"})))
s = "héllo 🌍 wörld"
print(len(s), s[0], s[1], s[-1], s[6], s[1:5], s[::-1], s[::2], s[-3:], s[100:], s[2:2], s[5:1:-1], list(s[:4]))
print([c for c in "aé🌍"], "ab" * 3, 3 * "é", "x" * 0, "x" * -2, "ab" < "abc", "é" > "z", "🌍" > "\uffff", max("abc"), min("zé"))
print("abc" == "abc", "abc" != "abd", "a" in "abc", "" in "", "bc" in "abc", "abc".__contains__("b"), hash("x") == hash("x"))
print(str(), str(5), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", encoding="latin-1"), str(bytearray(b"ab"), "ascii", "strict"))
print(str(encoding="utf-8"), repr(str(errors="x")), str(memoryview(b"mv"), "utf-8"))
for e in [lambda: "a".center(), lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".center("5"),
          lambda: "a".ljust(5, fillchar="x"), lambda: "a".zfill(), lambda: "a".zfill("x"), lambda: "a".expandtabs("x"),
          lambda: "a".expandtabs(tabsize=2, x=1), lambda: "a".join(1), lambda: "a".join([1]), lambda: "a".join(["a", b"x"]),
          lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: 0x110000}), lambda: "a".translate(),
          lambda: str.maketrans(), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
          lambda: str.maketrans("a", "bc"), lambda: str.maketrans("a", 1), lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", "b", 1),
          lambda: "a".upper(1), lambda: "a".title(x=1), lambda: "abc"[5], lambda: "abc"[str("x")], lambda: "a" * 1.5,
          lambda: "a" + 1, lambda: 1 + "a", lambda: str(1, "utf-8"), lambda: str("a", "utf-8"), lambda: str(b"\xff", "utf-8"),
          lambda: str(b"a", "nope"), lambda: str(b"a", 1), lambda: str(x=1), lambda: "abc"[1:2:0], lambda: "a" < 1]:
    try:
        print(repr(e()))
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
print("%s" % str.__doc__.splitlines()[0], str.__name__, type("").__name__, "abc".__len__(), "abc".__getitem__(1))
print(repr("\x00\x07\t\n\r\x1b'\"\\ é \u200b \ud800 \U0001f600 \x7f \x80 \xa0 \xad"), ascii("é🌍\n"))
print(repr("'"), repr('"'), repr("'\""), repr("\u0378"), repr("\U000e0001"), repr("\ufffd"), repr("\udcff"))
