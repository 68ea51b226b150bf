import io
s = io.StringIO()
print(s.write("hello\n"), s.write("wörld\n"), s.tell())
print(repr(s.getvalue()))
s.seek(0); print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0); print(s.readlines())
s.seek(2); s.write("XY"); print(repr(s.getvalue()))
s.seek(0); print([line for line in s])
s.truncate(4); print(repr(s.getvalue()), s.tell())
s.seek(10); s.write("!"); print(repr(s.getvalue()))
t = io.StringIO("line1\nline2\nline3"); print(t.readlines(), t.read(), t.tell())
print(io.StringIO("abc").read(), io.StringIO(newline=None).write("a\r\nb"), )
u = io.StringIO(newline=None); u.write("a\r\nb\rc"); print(repr(u.getvalue()))
try:
    s.write(5)
except TypeError as e:
    print(e)
with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
try:
    c.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    io.StringIO().seek(1, 1)
except OSError as e:
    print(e)
b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.readline(), b.readline(), b.tell())
b.seek(0, 2); b.write(b"ghi"); print(b.getvalue(), b.seek(-2, 2), b.read())
b.seek(1); b.write(b"ZZ"); print(b.getvalue())
print(list(io.BytesIO(b"x\ny\n")), io.BytesIO().write(bytearray(b"12")))
b2 = bytearray(4); print(io.BytesIO(b"hello").readinto(b2), b2)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.IOBase))
import sys
print(isinstance(sys.stdout, io.TextIOBase), io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.open is open)
buf = io.StringIO()
print("to buffer", 1, 2, file=buf, sep="-")
print(repr(buf.getvalue()))
