def m(cmd):
    match cmd:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case [x, y, *rest]:
            return x
        case {"a": 1, "b": b, **kw}:
            return b
        case Point(x=0, y=yy) as p:
            return p
        case [1, _, *_, 3]:
            return 1
        case str() | bytes():
            return "s"
        case (a, b) if a > b:
            return a
        case None:
            return None
        case _:
            return "other"
