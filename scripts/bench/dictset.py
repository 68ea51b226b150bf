# Dict and set heavy work: counting with int and str keys, dict.get and
# setdefault, membership tests, set union, intersection and difference,
# dict and set comprehensions, iteration over items, deletion.


def pseudo_random(n, seed):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 69069 + 1) % 4294967296
        out.append(x >> 16)
    return out


def run(n):
    values = pseudo_random(n, 42)
    counts = {}
    for v in values:
        k = v % 5003
        counts[k] = counts.get(k, 0) + 1
    groups = {}
    for v in values:
        groups.setdefault(v % 97, []).append(v)
    names = {}
    for v in values[:n // 4]:
        key = "n" + str(v % 2000)
        if key in names:
            names[key] += 1
        else:
            names[key] = 1
    a = {v % 30011 for v in values}
    b = set()
    for v in pseudo_random(n // 2, 7):
        b.add(v % 30011)
    both = a & b
    either = a | b
    only_a = a - b
    odd = {k: c for k, c in counts.items() if k % 2 == 1}
    for k in list(odd):
        if odd[k] < 60:
            del odd[k]
    total = 0
    for k, c in counts.items():
        if k in both:
            total += c
    biggest = max(len(g) for g in groups.values())
    return (len(counts), len(names), len(both), len(either), len(only_a),
            len(odd), total, biggest)


for _ in range(3):
    result = run(300000)
print("dictset:", *result)
