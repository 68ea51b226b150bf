from __future__ import annotations

a1: lambda x=1, *args, y, z=2, **kw: (x, args)
a2: lambda a, /, b: a
a3: lambda *, k: k
a4: lambda: ...
a5: 2 ** -1 ** 2
a6: (2 ** -1) ** 2
a7: -(-x)
a8: not not x
a9: (not x) + 1
a10: x if (y if z else w) else v
a11: (lambda: 1)()
a12: 1 .real
a13: 1.5 .real
a14: "a'b" + 'c"d' + "e'f\"g"
a15: f"{x!r} {y:{z}} {'q'} {{}}"
a16: f"{ {1: 2}[1] }"
a17: 1e999 + 1e999j
a18: 123456789012345678901234567890
a19: b"\x00\xff'"
a20: u"unicode"
a21: x[1:2:3, ::, :]
a22: x[()]
a23: x[(1, 2)]
a24: {k: v for k, v in items if k}
a25: {k for k in items}
a26: f(x for x in y)
a27: f((x for x in y), 1)
a28: [*a, *b]
a29: {**a, 'b': 1}
a30: a < b < c is not d not in e
a31: (a, b) if c else (d,)
a32: a and (b or c) and not d
a33: a | b & c ^ d << e >> f
a34: (a | b) & c
a35: a @ b // c % d
a37: x.y(z)[w](v)
a38: [x async for x in y]
a40: ~x + -y
