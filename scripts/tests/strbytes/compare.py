# Comparisons between bytes, bytearray, memoryview and str.
m = memoryview(b"b")
for x, y in [(b"a", m), (m, b"a"), (bytearray(b"a"), m), (m, bytearray(b"a")), (b"a", bytearray(b"b")), (bytearray(b"a"), b"b"), (m, m), (b"a", "a"), (bytearray(b"a"), "a")]:
    for op in ["==", "!=", "<", ">="]:
        try:
            r = eval("x %s y" % op)
        except TypeError as e:
            r = "TypeError: " + str(e)
        print(type(x).__name__, op, type(y).__name__, r)
