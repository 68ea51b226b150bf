import base64, binascii
data = b"Hello, World! \x00\xff\xfe"
for f, g in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode), (base64.b85encode, base64.b85decode), (base64.a85encode, base64.a85decode), (base64.b32hexencode, base64.b32hexdecode)]:
    e = f(data)
    print(f.__name__, e, g(e) == data)
for n in range(6):
    print(base64.b64encode(b"abcde"[:n]), base64.b32encode(b"abcde"[:n]))
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVs bG8=\n"), base64.b64decode("YQ==YQ=="), base64.standard_b64encode(b"\xfb\xff"), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
for bad in ["aGVsbG8", "a", "abcde", "ab=cd"]:
    try:
        print(base64.b64decode(bad))
    except binascii.Error as e:
        print(repr(bad), e)
try:
    base64.b64decode("aGV$sbG8=", validate=True)
except binascii.Error as e:
    print(e)
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
print(binascii.hexlify(b"\x01\xab"), binascii.b2a_hex(b"abc", "-"), binascii.hexlify(b"abcdef", ":", 2), binascii.unhexlify("01ab"), binascii.a2b_hex(b"FF"), binascii.crc32(b"hello"), binascii.crc_hqx(b"hello", 0))
for bad in ["0", "zz"]:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print(e)
print(binascii.b2a_base64(b"xyz"), binascii.b2a_base64(b"xyz", newline=False), binascii.a2b_base64(b"eHl6\n"), issubclass(binascii.Error, ValueError))
print(bytes.fromhex("de ad"), b"\xde\xad".hex(), base64.b16decode("deadbeef", casefold=True))
