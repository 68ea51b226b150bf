# The codecs module: lookup, encode/decode (text and bytes-to-bytes codecs),
# incremental codecs, error handler and search function registries.
import codecs
for n in ['utf8','UTF-8','latin1','ascii','utf-16-le','utf16','utf_32','cp1252','windows-1252','unicode_escape','raw-unicode-escape','utf-8-sig','rot13','hex','base64','iso-8859-1','u8','us-ascii','l1']:
    print(n, codecs.lookup(n).name)
print(repr(codecs.lookup("utf-8"))[:43])
print(codecs.utf_8_decode(b'ab\xe2\x82', None, False), codecs.utf_8_decode(b'ab', 'strict', True), codecs.utf_8_encode('é'))
for f in [lambda: 'x'.encode('rot13'), lambda: b'x'.decode('hex'), lambda: codecs.decode('abc','hex'), lambda: codecs.decode('zz','hex'),
          lambda: codecs.encode('x','hex'), lambda: codecs.decode(b'YQ','base64'), lambda: codecs.encode('x','nope'), lambda: codecs.encode('é','ascii'),
          lambda: codecs.decode(b'\xff'), lambda: codecs.encode('x', 'utf-8', 'bogus'), lambda: codecs.encode(1), lambda: codecs.decode(1),
          lambda: codecs.lookup_error('nope'), lambda: codecs.lookup(5), lambda: codecs.register(5), lambda: codecs.register_error('x', 5)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, '| cause:', repr(e.__cause__))
print(codecs.encode(b'ab', 'base64'), codecs.encode(b'a'*60, 'base64'), codecs.decode(b'YWI=\n', 'base64'), codecs.encode('Hello','rot13'), codecs.encode(b'\x01\xff','hex'), codecs.decode('6162','hex'))
print(codecs.decode(b'YW Jj\n!', 'base64'), codecs.encode('abc', 'rot_13'), codecs.encode(b'ab', 'base64_codec'), codecs.decode('6162', 'hex_codec'), codecs.encode(b'', 'base64'), codecs.decode(b'', 'base64'))
for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))]:
    e = codecs.encode(data, "base64")
    print(len(e), e[:20], codecs.decode(e, "base64") == data)
print(codecs.lookup_error('strict'), codecs.lookup_error('replace'), codecs.strict_errors)
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac', final=True)), repr(d.decode(b'x')))
d16 = codecs.getincrementaldecoder('utf-16')()
print([d16.decode(bytes([c])) for c in 'ab€'.encode('utf-16')], repr(d16.decode(b'', final=True)))
e16 = codecs.getincrementalencoder('utf-16')()
print(e16.encode('a'), e16.encode('b'), e16.encode('', final=True))
print(list(codecs.iterdecode([b'\xc3', b'\xa9t\xc3', b'\xa9'], 'utf-8')), list(codecs.iterencode(['a', 'é'], 'utf-16')))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM, codecs.BOM_UTF32, codecs.BOM_BE)
print(codecs.getencoder('utf-16')('ab'), codecs.getdecoder('latin-1')(b'\xe9'), codecs.encode('x'), codecs.decode(b'y'))
def myhandler(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("<%d-%d>" % (exc.start, exc.end), exc.end)
    return ("[%s]" % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error("angle", myhandler)
print("aéé€b".encode("ascii", "angle"), b"a\xff\xfeb".decode("utf-8", "angle"), codecs.lookup_error("angle") is myhandler, "x\u20ac".encode("latin-1", errors="angle"))
codecs.register_error("skip2", lambda exc: ("", exc.start + 2) if isinstance(exc, UnicodeEncodeError) else ("?", exc.end))
print("aéxyz".encode("ascii", "skip2"), b"ab\xff".decode("ascii", "skip2"))
def search(name):
    if name == "shout":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode("ascii"), len(s)),
                                lambda b, errors="strict": (bytes(b).decode("ascii").lower(), len(b)), name="shout")
    return None
codecs.register(search)
print("hello".encode("shout"), b"HELLO".decode("shout"), codecs.lookup("shout").name, codecs.encode("abc", "shout"))
codecs.unregister(search)
try:
    "x".encode("shout")
except LookupError as e:
    print("LookupError", e)
print(codecs.replace_errors(UnicodeEncodeError("ascii", "aé", 1, 2, "x")), codecs.backslashreplace_errors(UnicodeDecodeError("utf-8", b"a\xff", 1, 2, "x")), codecs.ignore_errors(UnicodeEncodeError("ascii", "aé", 1, 2, "x")))
try:
    codecs.strict_errors(ValueError("boom"))
except ValueError as e:
    print("ValueError", e)
