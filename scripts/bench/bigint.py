# Big-integer arithmetic: a factorial by repeated multiplication, and
# the digits of pi from Gibbons' unbounded spigot algorithm (big-int
# multiply, add, floor division and comparison).


def factorial(n):
    f = 1
    for k in range(2, n + 1):
        f *= k
    return f


def pi_digits(count):
    digits = []
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, t, k, n, l = (10 * q, 10 * (r - n * t), t, k,
                                (10 * (3 * q + r)) // t - 10 * n, l)
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return digits


f = factorial(20000)
h = hex(f)
print("factorial: bits", f.bit_length(), "mod", f % 1000000007, "hex head", h[2:18], "hex digits", len(h) - 2)
d = pi_digits(3000)
print("pi:", "".join(str(x) for x in d[:30]), "digit sum", sum(d), "last", "".join(str(x) for x in d[-10:]))
