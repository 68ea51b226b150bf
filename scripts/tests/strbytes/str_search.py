# find/rfind/index/rindex/count/startswith/endswith/in/replace with ranges
# and Unicode.
s = "abracadabra"
u = "héllo wörld héllo 🌍 wörld"
for sub in ["a", "abra", "cad", "", "z", "ra", "bra"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s,
          s.find(sub, 2), s.find(sub, 2, 8), s.rfind(sub, 0, 5), s.count(sub, 1, -1),
          s.find(sub, -4), s.find(sub, 100), s.count(sub, 100), s.find(sub, 5, 2), s.count(sub, 5, 2),
          s.startswith(sub), s.endswith(sub), s.startswith(sub, 7), s.endswith(sub, 0, 4))
for sub in ["é", "wörld", "🌍", "o", "", "héllo"]:
    print(repr(sub), u.find(sub), u.rfind(sub), u.count(sub), u.find(sub, 3), u.rfind(sub, 0, 10),
          u.index(sub) if sub in u else None, u.count(sub, -8), u.startswith(sub, 18), u.endswith(sub, 0, 19))
print(s.find("a", None, None), s.find("a", -100, 100), s.rfind("", 3), s.rfind("", 50), s.find("", 11), s.find("", 12))
print(s.startswith(("x", "ab")), s.endswith(("ra", "q")), s.startswith(()), s.startswith("", 11), s.startswith("", 12))
print(s.endswith("", 5, 4), s.endswith("", 4, 4), "".startswith(""), "".endswith("", 0), "".count(""), "ab".count(""))
for e in [lambda: s.index("z"), lambda: s.rindex("z"), lambda: s.index("a", 20), lambda: s.find(1),
          lambda: s.count(None), lambda: s.startswith(1), lambda: s.startswith(("a", 1)), lambda: s.endswith([]),
          lambda: s.find("a", "1"), lambda: s.find(), lambda: s.find("a", 1, 2, 3), lambda: s.count(sub="a"),
          lambda: 1 in s, lambda: s.index("a", 1.5)]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
print(s.replace("a", "A"), s.replace("a", "A", 2), s.replace("a", "", -1), s.replace("", "-"), s.replace("", "-", 3))
print(s.replace("abra", "X"), s.replace("zz", "y"), "".replace("", "x"), "aaa".replace("a", "b", 0), "aaaa".replace("aa", "a"))
print(u.replace("ö", "oe"), u.replace("", "|", 4), u.replace("🌍", "earth"), "ééé".replace("é", "e", 2))
for e in [lambda: s.replace(1, "x"), lambda: s.replace("a", 1), lambda: s.replace("a"), lambda: s.replace("a", "b", "c"),
          lambda: s.replace("a", "b", count=1), lambda: s.replace("a", "b", 1.0)]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
print("aaa".find("aa"), "aaa".count("aa"), "aaa".rfind("aa"), "mississippi".count("ss"), "mississippi".rindex("ss"))
