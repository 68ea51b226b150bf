# str.encode / bytes.decode with the common codecs and error handlers.
texts = ["hello", "caf\u00e9", "\u20ac100", "\u65e5\u672c", "\U0001f600!", "a\u0100b", "", "\x00\x7f\x80\xff"]
encodings = ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252", "utf-8-sig"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]
for t in texts:
    for enc in encodings:
        row = []
        for h in handlers:
            try:
                b = t.encode(enc, h)
                back = b.decode(enc, "replace")
                row.append(repr(b) + "=" + repr(back))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(repr(t), enc, " | ".join(row))
blobs = [b"abc", b"caf\xc3\xa9", b"caf\xe9", b"\xff\xfe", b"\xe2\x82", b"\xe2\x82\xacx", b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98",
         b"\xed\xa0\x80", b"\xc0\x80", b"\x80abc\x81", b"a\x00b\x00", b"\x00\xd8\x00\xdc", b"\x00\xdc", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x81\x8d\x8f\x90\x9d\x9f"]
dhandlers = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]
for b in blobs:
    for enc in encodings:
        row = []
        for h in dhandlers:
            try:
                row.append(repr(b.decode(enc, h)))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(repr(b), enc, " | ".join(row))
s = b"caf\xe9 \xff".decode("utf-8", "surrogateescape")
print(repr(s), len(s), s.encode("utf-8", "surrogateescape"), s.encode("latin-1", "surrogateescape"), ascii(s))
p = "a\ud800b\udfffc"
print(len(p), repr(p), p.encode("utf-8", "surrogatepass"), p.encode("utf-16-le", "surrogatepass"), p.encode("utf-8", "replace"), p.encode("utf-8", "backslashreplace"))
print(p.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass") == p, p[1] == "\ud800", ascii(p.upper()), ascii(p.split("b")), p[::-1] == "c\udfffb\ud800a")
for enc in ["UTF8", "utf_8", "U8", "Latin1", "ISO-8859-1", "l1", "UTF-16LE", "utf16", "windows-1252", "cp65001", " utf-8 "]:
    print(enc, "\u00e9".encode(enc))
print(b"\\n\\x41\\u00e9\\U0001f600\\N{EURO SIGN}\\101".decode("unicode_escape"), "\u00e9\n\\".encode("unicode_escape"), "\u00e9\u20ac".encode("raw_unicode_escape"))
for f in [lambda: "x".encode("nope"), lambda: b"x".decode("nope"), lambda: "\u00e9".encode("ascii", "bogus"), lambda: b"\xff".decode("utf-8", "bogus"),
          lambda: "x".encode(1), lambda: "x".encode("utf-8", 1), lambda: b"x".decode(1), lambda: "x".encode(encoding="ascii", errors="strict", x=1),
          lambda: "x".encode("ascii", encoding="x"), lambda: "\u00e9\u00e9".encode("ascii"), lambda: "a\u0100\u0101b".encode("latin-1"),
          lambda: "\ud800\udc00".encode(), lambda: "\u20ff".encode("cp1252"), lambda: b"\x81".decode("cp1252"), lambda: b"\x00".decode("utf-16"),
          lambda: b"\x00\xd8".decode("utf-16-le"), lambda: b"\x00\xdc".decode("utf-16-le"), lambda: b"\x00\xd8a\x00".decode("utf-16-le"),
          lambda: b"\x00\x00\x11\x00".decode("utf-32-le"), lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"), lambda: b"a\x00\x00".decode("utf-32"),
          lambda: "\ud800".encode("utf-16"), lambda: "a\udcffb\ud800".encode("ascii", "surrogateescape"), lambda: b"\xff".decode("ascii", "xmlcharrefreplace")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    "ab\u00e9\u00e9cd".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
try:
    b"ab\xe2\x82".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    print("lone \udc80 surrogate")
except UnicodeEncodeError as e:
    print("print:", e)
