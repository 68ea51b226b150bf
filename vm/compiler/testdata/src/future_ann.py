from __future__ import annotations
import typing

x: int = 1
y: list[int]
z: "quoted" = 2

def f(a: int, b: dict[str, list[int]] = None, *args: tuple, c: A | B = 1, **kw: Callable[..., None]) -> Optional[int]:
    v: int = 2
    return v

class C:
    attr: ClassVar[int] = 0
    other: lambda x: x + 1
    third: (a, b)
    fourth: a if b else c
    fifth: -1 + 2 * 3 ** -x
    sixth: not a and b or c
    seventh: [x for x in y if x]
    eighth: {1: 2, **d}
    ninth: f(*a, b=1, **c)
    tenth: a[1:2, ::3]
    eleventh: "str" + 'it\'s' + b"bytes"
    twelfth: 1.5e300 + 1j
    thirteenth: x.y.z[0].w
    fourteenth: f"{x!r:>{w}} {{lit}}"
    fifteenth: await_ if a < b <= c else ...
    sixteenth: (1,)
    seventeenth: ()
    eighteenth: {a, b}
    nineteenth: (x for x in y)
