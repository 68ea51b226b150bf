# bytearray mutation: append/extend/insert/pop/remove/reverse/clear/copy,
# item and slice assignment and deletion, += and *=.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))

ba = bytearray(b"hello")
ba.append(33); print(ba)
ba.extend(b" world"); print(ba)
ba.extend([1, 2]); ba.extend(bytearray(b"Z")); ba.extend(range(65, 68)); ba.extend(memoryview(b"mv")); print(ba)
ba.insert(0, 62); ba.insert(-1, 60); ba.insert(100, 46); ba.insert(-100, 44); print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(111); print(ba)
ba.reverse(); print(ba)
c = ba.copy(); c[0] = 0; print(ba[0] != 0, c[:3])
ba.clear(); print(ba, len(ba))
b = bytearray(b"0123456789")
b[0] = 65; b[-1] = 66; print(b)
b[1:3] = b"xyz"; print(b)
b[5:5] = [1, 2]; print(b)
b[::2] = b"abcdefg"; print(b)
del b[0]; print(b)
del b[1:4]; print(b)
del b[::3]; print(b)
b[:] = b""; print(b)
b += b"abc"; print(b)
b += bytearray(b"d"); b += memoryview(b"e"); print(b)
b *= 2; print(b)
b2 = b; b2 *= 1; print(b2 is b, b)
b[len(b):] = b"!"; print(b)
b[1:1] = b; print(b)
b[2:6] = range(3); print(b)
b[::-1] = bytes(len(b)); print(b)
x = bytearray(b"abc"); x[1:2] = bytearray(b"XYZ"); x[0:0] = memoryview(b"<"); print(x)
for label, f in [("append 300", lambda: bytearray().append(300)), ("append str", lambda: bytearray().append("a")),
                 ("append none", lambda: bytearray().append()), ("extend int", lambda: bytearray().extend(1)),
                 ("extend str", lambda: bytearray().extend("ab")), ("extend range", lambda: bytearray().extend([256])),
                 ("insert", lambda: bytearray().insert(0, -1)), ("insert args", lambda: bytearray().insert(0)),
                 ("pop empty", lambda: bytearray().pop()), ("pop range", lambda: bytearray(b"a").pop(5)),
                 ("remove miss", lambda: bytearray(b"a").remove(98)), ("remove bad", lambda: bytearray(b"a").remove(999)),
                 ("setitem", lambda: bytearray(b"a").__setitem__(0, 256)), ("setitem str", lambda: bytearray(b"a").__setitem__(0, "x")),
                 ("setitem idx", lambda: bytearray(b"a").__setitem__(5, 1)), ("setslice int", lambda: bytearray(b"ab").__setitem__(slice(0, 1), 5)),
                 ("setslice ext", lambda: bytearray(b"abcd").__setitem__(slice(0, 4, 2), b"xyz")),
                 ("setslice str", lambda: bytearray(b"ab").__setitem__(slice(0, 1), "s")), ("delitem", lambda: bytearray(b"a").__delitem__(3)),
                 ("iadd str", lambda: bytearray(b"a").__iadd__("s")), ("imul str", lambda: exec("x = bytearray(b'a'); x *= 's'")),
                 ("hash", lambda: hash(bytearray())), ("key", lambda: bytearray(b"a")[str("k")]), ("idx float", lambda: bytearray(b"a")[1.5])]:
    show(label, f)
m = bytearray(b"abc")
with memoryview(m) as v:
    show("resize in with", lambda: m.append(1))
    v[0] = 90
m.append(100)
print(m, bytearray(b"ab").__reduce__(), bytearray().__reduce__()[1])
