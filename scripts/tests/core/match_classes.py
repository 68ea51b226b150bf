class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case [Point(x=a), Point(x=b)]:
            return f"two points {a} {b}"
        case {"cmd": "go", **rest}:
            return f"go {rest}"
        case float(v) | int(v):
            return f"number {v}"
        case None:
            return "none"
        case _:
            return "unknown"


for v in (Point(0, 0), Point(5, 0), Point(0, 7), Point(2, 2), Point(1, 9), 2, [Point(1, 2), Point(3, 4)],
          {"cmd": "go", "speed": 3}, 4.5, 9, None, "s"):
    print(where(v))
match (1, 2, 3):
    case (a, *rest):
        print(a, rest)
match {"a": 1}:
    case {"b": _}:
        print("no")
    case {}:
        print("empty mapping pattern matches any mapping")
