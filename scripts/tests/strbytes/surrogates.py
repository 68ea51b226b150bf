# Lone surrogates in str: length, indexing, iteration, comparison, methods,
# repr/ascii, and the codecs' surrogate handlers.
s = chr(0xd800)
pair = "\ud83d\ude00"
mixed = "a\ud800b\udfffc\U0001f600"
print(len(s), ord(s), ascii(s), ascii(s + chr(0xdc00)), len(s + chr(0xdc00)), ascii(pair), len(pair), pair == "\U0001f600")
print(len(mixed), [hex(ord(c)) for c in mixed], ascii(mixed[1:4]), ascii(mixed[::-1]), ascii(mixed[1]), mixed.index("\udfff"))
print("\ud7ff" < "\ud800" < "\udfff" < "\ue000", sorted(["\ue000", "\ud800", "\uffff", "z"]) == ["z", "\ud800", "\ue000", "\uffff"])
print(ascii(mixed.upper()), ascii(mixed.split("b")), ascii(mixed.replace("\ud800", "X")), mixed.count("\ud800"), mixed.find("c"))
print(ascii(repr(mixed)), ascii("%s|%r" % (s, s)), ascii("{}|{!r}|{!a}".format(s, s, s)), ascii(f"{s:>3}"), s.isprintable(), s.isalpha())
print(mixed.encode("utf-8", "surrogatepass"), mixed.encode("utf-8", "replace"), mixed.encode("utf-8", "ignore"), mixed.encode("utf-8", "backslashreplace"))
print(mixed.encode("utf-16-le", "surrogatepass"), mixed.encode("ascii", "xmlcharrefreplace"), mixed.encode("latin-1", "namereplace"))
b = bytes(range(0x7e, 0x84))
d = b.decode("utf-8", "surrogateescape")
print(ascii(d), len(d), d.encode("utf-8", "surrogateescape") == b, d.encode("ascii", "surrogateescape"), ascii(b.decode("ascii", "surrogateescape")))
print(ascii(str(b"\xed\xa0\x80", "utf-8", "surrogatepass")), ascii(b"\x00\xd8\x00\xdc".decode("utf-16-le")), ascii(b"\x00\xd8".decode("utf-16-le", "surrogatepass")))
for f in [lambda: s.encode(), lambda: mixed.encode("utf-16"), lambda: s.encode("ascii", "surrogateescape"), lambda: "\udc80".encode("utf-8", "surrogateescape")]:
    try:
        print(f())
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
print(hash(s) == hash(chr(0xd800)), {s: 1}[chr(0xd800)], s in mixed, "\udc00" in mixed, str(s) is not None, s.join(["1", "2"]) == "1\ud8002")
