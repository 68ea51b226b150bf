match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case ["quit" | "exit"]:
        pass
    case [*_]:
        pass
    case _:
        pass

match point:
    case Point(x=0, y=0):
        print("Origin")
    case Point(x=0, y=y):
        print(f"Y={y}")
    case Point(x, y=0):
        pass
    case Point():
        pass
    case pkg.mod.Point(1, 2, z=3):
        pass
    case (x, y):
        pass
    case (x, y,):
        pass
    case (x,):
        pass
    case ():
        pass
    case []:
        pass
    case [x, [y, *z]]:
        pass

match value:
    case 0 | 1 | 2:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 0j:
        pass
    case "string" "concat":
        pass
    case b"bytes":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
    case {"key": value, **rest}:
        pass
    case {1: _, "x": [a, b], Color.RED: c}:
        pass
    case {}:
        pass
    case {**rest}:
        pass
    case [1, 2] as pair:
        pass
    case (1 | 2) as num:
        pass
    case int(x) if x > 0:
        pass
    case str() | bytes():
        pass
    case x if (y := x):
        pass
    case a, b:
        pass
    case a, *b:
        pass
    case *a, b:
        pass
    case (a):
        pass

match a, b:
    case 1, 2: pass

match *a, b:
    case _: pass

match (x):
    case _: pass

match -x:
    case _: pass

match = 1
match.attr = 2
match[0] = 3
match(x)
print(match, case, _)
case = 5
_ = 6
