class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(obj):
    match obj:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return f"string {s!r}"
        case [x, y, *rest]:
            return f"list {x} {y} rest={rest}"
        case {"name": name, **others}:
            return f"dict {name} {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, 0):
            return f"on x axis {x}"
        case Point(x, y) if x == y:
            return "diagonal"
        case (1, 2) | (2, 1):
            return "pair"
        case None:
            return "none"
        case _:
            return "other"

for v in [0, 1, -5, "hi", [1, 2, 3, 4], [1, 2], {"name": "n", "a": 1, "b": 2}, Point(0, 0),
          Point(3, 0), Point(2, 2), Point(1, 5), (2, 1), None, 3.5]:
    print(describe(v))

def star_positions(seq):
    match seq:
        case [first, *_, last]:
            return first, last
        case [only]:
            return only
        case []:
            return "empty"
print(star_positions([1, 2, 3, 4]), star_positions([9]), star_positions([]))
