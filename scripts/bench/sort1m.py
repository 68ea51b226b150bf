# sorted() on a million items: random ints, then the same in reverse
# order (one long run), and a tenth as many floats, strings, tuples, and
# ints with a key function.


def pseudo_random(n, seed):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x)
    return out


N = 1000000
ints = pseudo_random(N, 1)
a = sorted(ints)
b = sorted(a, reverse=True)
floats = sorted([x / 7.0 for x in ints[:N // 10]])
words = sorted([str(x) for x in ints[:N // 10]])
pairs = sorted([(x % 1000, x) for x in ints[:N // 10]])
keyed = sorted(ints[:N // 10], key=lambda x: x % 65536)
print("sorted:", a[0], a[N // 2], a[-1], b[0], b[::-1] == a,
      floats[1000], words[0], words[-1], pairs[12345], keyed[777])
