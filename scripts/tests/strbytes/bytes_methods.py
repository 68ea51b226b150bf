# bytes and bytearray methods, results and types.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

for B in (bytes, bytearray):
    print("==", B.__name__)
    b = B(b"Hello, World! hello\tworld\n")
    show("upper", b.upper)
    show("lower", b.lower)
    show("swapcase", b.swapcase)
    show("title", b.title)
    show("capitalize", b.capitalize)
    show("split", b.split)
    show("split,", lambda: b.split(b","))
    show("split max", lambda: b.split(maxsplit=1))
    show("rsplit max", lambda: b.rsplit(None, 1))
    show("rsplit o", lambda: b.rsplit(b"o", 2))
    show("splitlines", lambda: B(b"a\nb\r\nc\rd\x0be").splitlines())
    show("splitlines keep", lambda: B(b"a\nb\r\nc\rd").splitlines(keepends=True))
    show("partition", lambda: b.partition(b", "))
    show("rpartition", lambda: b.rpartition(b"o"))
    show("partition miss", lambda: b.partition(b"zz"))
    show("strip", b.strip)
    show("strip chars", lambda: b.strip(b"Hd\n"))
    show("lstrip", lambda: B(b"  x  ").lstrip())
    show("rstrip", lambda: B(b"  x  ").rstrip())
    show("find", lambda: (b.find(b"o"), b.find(111), b.rfind(b"o"), b.find(b"o", 5, 10), b.rfind(b"", 3), b.find(b"zz")))
    show("index", lambda: (b.index(b"W"), b.rindex(108), b.count(b"l"), b.count(108), b.count(b""), b.count(b"l", 3, -3)))
    show("index miss", lambda: b.index(b"Q"))
    show("startswith", lambda: (b.startswith(b"Hell"), b.startswith((b"x", b"He")), b.endswith(b"\n"), b.startswith(b"W", 7), b.endswith(b"o", 0, 5)))
    show("replace", lambda: (b.replace(b"l", b"L"), b.replace(b"l", b"", 2), B(b"ab").replace(b"", b"-"), B(b"abc").replace(b"", b".", 2)))
    show("join", lambda: B(b", ").join([b"a", bytearray(b"b"), memoryview(b"c")]))
    show("center", lambda: (B(b"ab").center(7), B(b"ab").center(6, b"*"), B(b"ab").ljust(5, b"-"), B(b"ab").rjust(5), B(b"ab").center(1)))
    show("zfill", lambda: (B(b"42").zfill(5), B(b"-42").zfill(5), B(b"+").zfill(3), B(b"").zfill(2), B(b"abc").zfill(2)))
    show("expandtabs", lambda: (B(b"a\tbc\td\n\te").expandtabs(), B(b"a\tb").expandtabs(3), B(b"\t").expandtabs(tabsize=0)))
    show("removeprefix", lambda: (b.removeprefix(b"Hello"), b.removesuffix(b"\n"), b.removeprefix(b"x")))
    show("is", lambda: [B(x).isalnum() for x in (b"ab1", b"a b", b"")] + [B(x).isalpha() for x in (b"ab", b"a1")] +
         [B(x).isdigit() for x in (b"12", b"1a")] + [B(x).isspace() for x in (b" \t\n\r\x0b\x0c", b" \x1c")] +
         [B(x).islower() for x in (b"ab1", b"aB", b"1")] + [B(x).isupper() for x in (b"AB1", b"Ab")] +
         [B(x).istitle() for x in (b"Ab Cd", b"AB", b"Ab cd")] + [B(x).isascii() for x in (b"\x7f", b"\x80", b"")])
    show("hex", lambda: (b[:5].hex(), b[:5].hex(":"), b[:5].hex(b"-", 2), b[:5].hex(" ", -2), B(b"").hex(), b[:4].hex(":", 3)))
    show("fromhex", lambda: (B.fromhex("de ad\tbe\nef"), B.fromhex(""), B.fromhex(" 0a0B ")))
    show("translate", lambda: (b.translate(None, b"lo"), b.translate(bytes.maketrans(b"lo", b"01")), b.translate(None), b.translate(bytes(range(256)), delete=b"H")))
    show("maketrans", lambda: B.maketrans(b"ab", b"xy")[95:100])
    show("decode", lambda: (B(b"caf\xc3\xa9").decode(), B(b"caf\xe9").decode("latin-1"), B(b"x").decode(encoding="ascii", errors="strict")))
    show("ops", lambda: (b[0], b[-1], b[1:4], b[::-3], b[100:], len(b), b"o" in b, 111 in b, b"xyz" in b, B(b"ab") * 2, 2 * B(b"c"), B(b"a") + b"b", B(b"a") + bytearray(b"c")))
    show("iter", lambda: (list(B(b"ab\xff")), [x for x in B(b"")], sum(B(b"\x01\x02"))))
    show("cmp", lambda: (B(b"a") == b"a", B(b"a") == bytearray(b"a"), B(b"a") < b"b", B(b"ab") > b"a", B(b"a") == "a", B(b"") <= b"", B(b"a") != memoryview(b"a")))
    show("repr", lambda: (repr(B(b"\x00\t\n\r'\"\\\x7f\x80\xff az")), str(B(b"'")), repr(B(b"'\"")), repr(B())))
    show("construct", lambda: (B(3), B([1, 2, 255]), B(range(3)), B("é", "utf-8"), B("é", "latin-1", "strict"), B(b"copy"), B(memoryview(b"mv")), B(iter([65, 66])), B(x for x in (97,))))
print(bytes(bytearray(b"x")), bytearray(bytes(b"y")), type(bytes(bytearray())), type(bytearray(b"").upper()), type(b"x".split()[0]))
print(b"a b".split(), bytearray(b"a b").split(), type(bytearray(b"ab")[0:1]), type(bytearray(b"ab")[0]))
class MyBytes(bytes):
    pass
class MyBA(bytearray):
    pass
mb, mba = MyBytes(b"abc"), MyBA(b"abc")
print(repr(mb), repr(mba), type(mb[0:2]).__name__, type(mba[0:2]).__name__, type(mb.upper()).__name__, type(mba.upper()).__name__, type(mb + b"x").__name__)
print(hash(b"abc") == hash(bytes(bytearray(b"abc"))), len({b"a", b"a", bytes(b"a")}), {b"k": 1}[b"k"])
print(bytes.__doc__.splitlines()[0], bytearray.__doc__.splitlines()[0])
