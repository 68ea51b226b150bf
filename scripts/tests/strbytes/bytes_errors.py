# Error messages of bytes and bytearray methods and constructors.
tests = [
 "b'a'.find()", "b'a'.find('a')", "b'a'.find(256)", "b'a'.find(-1)", "b'a'.find(1.5)", "b'a'.count('a')", "b'a'.index(b'b')", "b'a'.rindex(98)",
 "b'a'.split('a')", "b'a'.split(1)", "b'a'.split(b'')", "b'a'.strip('a')", "b'a'.strip(1)", "b'a'.lstrip('a')", "b'a'.join(['a'])", "b'a'.join([1])", "b'a'.join(1)",
 "b'a'.replace('a', b'b')", "b'a'.replace(b'a', 'b')", "b'a'.replace(b'a')", "b'a'.startswith('a')", "b'a'.startswith((b'a', 'a'))", "b'a'.endswith(1)",
 "b'a'.center(5, 'x')", "b'a'.center(5, b'xy')", "b'a'.center(5, 1)", "b'a'.center()", "b'a'.zfill()", "b'a'.partition('a')", "b'a'.partition(b'')", "b'a'.partition()",
 "b'a'.decode(1)", "b'a'.decode('nope')", "b'\\xff'.decode()", "b'\\xff'.decode('ascii')", "b'a'.translate(b'x')", "b'a'.translate(1)", "bytes.maketrans(b'a', b'bc')", "bytes.maketrans('a', b'b')", "bytes.maketrans(b'a')",
 "b'a'.hex(1)", "b'a'.hex('')", "b'a'.hex('ab')", "b'a'.hex('\\xe9')", "b'abc'.hex(':', 'x')", "bytes.fromhex('a')", "bytes.fromhex('zz')", "bytes.fromhex(1)", "bytes.fromhex('0 1')", "bytes.fromhex('\\xe9')",
 "b'a'.expandtabs('x')", "b'a'.splitlines(x=1)", "b'a'.removeprefix('a')", "b'a'.removesuffix(1)", "b'a'.upper(1)", "b'a'.isalpha(1)", "b'a' + 'a'", "'a' + b'a'", "b'a' * 'x'", "b'a'[5]", "bytearray(b'a')[5]", "'a' in b'a'", "300 in b'a'", "1.5 in b'a'",
 "bytes('a')", "bytes(1.5)", "bytes(-1)", "bytes([256])", "bytes(['a'])", "bytes('a', 1)", "bytes(1, 'utf-8')", "bytes(b'a', 'utf-8')", "bytes(errors='x')", "bytes('a', 'utf-8', 'strict', 1)", "bytes(x=1)", "bytearray('a')", "bytearray(1, 'x')", "bytearray(1.5)",
 "b'a'.count(b'a', 'x')", "b'a'.decode(encoding='ascii', errors='strict', x=1)", "b'a'.translate(b'x'*256, b'a', b'b')", "b'a'.translate(b'x'*256, delete=1)", "b'a'.translate(table=None)",
 "b'a'.split(sep=b'a', x=1)", "b'a'.ljust(3, fillchar=b'x')", "b'a'.rsplit(b'a', 'x')", "b'a'.startswith()", "b'a'.index(b'a', 0, 1, 2)", "bytearray(b'a').copy(1)", "bytes.fromhex()",
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '->', type(e).__name__, e)
