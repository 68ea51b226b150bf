for i in range(5):
    if i == 3:
        continue
    if i == 4:
        break
    print(i)
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("for-else runs")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
x = 7
print("big" if x > 5 else "small")
if (y := x * 2) > 10:
    print("walrus", y)


def classify(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative"
        case [a, b]:
            return f"pair {a} {b}"
        case [a, *rest]:
            return f"list starting {a}, {len(rest)} more"
        case {"type": "point", "x": px}:
            return f"point x={px}"
        case str() | bytes():
            return "text"
        case _:
            return "other"


for v in (0, -5, [1, 2], [1, 2, 3], {"type": "point", "x": 9}, "s", 3.5):
    print(classify(v))
result = []
for a in range(3):
    for b in range(3):
        if a == b:
            continue
        result.append((a, b))
print(result)
print(list(range(0)), [i for i in range(10) if i % 3 == 0])
total = 0
for i in range(1, 101):
    total += i
print(total)
