def http(status):
    match status:
        case 400:
            return "Bad request"
        case 401 | 403 | 404:
            return "Not allowed"
        case _:
            return "Other"

def point(p):
    match p:
        case (0, 0):
            print("Origin")
        case (0, y):
            print(f"Y={y}")
        case (x, 0):
            print(f"X={x}")
        case (x, y):
            print(f"X={x}, Y={y}")
        case _:
            raise ValueError("Not a point")

def classes(obj):
    match obj:
        case Point(x=0, y=0):
            return 0
        case Point(x, y) if x == y:
            return 1
        case Point():
            return 2
        case [Point(x=0, y=0), *rest]:
            return rest
        case {"x": int(x), "y": float() as y}:
            return x, y
        case str(s) | bytes(s):
            return s
        case -1 | 1.5 | 2j | -3 + 4j:
            return "num"
        case True | False | None:
            return "single"
        case Color.RED:
            return "red"
        case [1, [2, 3], *_]:
            return "nested"
        case [*_, last]:
            return last
        case [first, *_]:
            return first
        case (a, b) | [b, a]:
            return a
        case {**rest}:
            return rest
        case {}:
            return "empty"
        case []:
            return "empty list"

def only_default(x):
    match x:
        case _:
            pass

def guard_default(x):
    match x:
        case 1:
            pass
        case _ if x:
            pass

def capture_last(x):
    match x:
        case 1:
            return 1
        case other:
            return other

def or_captures(x):
    match x:
        case [a, b] | (b, a, _):
            return a, b
        case {"k": v} | {"j": v}:
            return v
