# f-strings: FORMAT_VALUE with conversions and nested specs.
import math
x, w, p, name = 3.14159, 10, 3, "world"
print(f"{x}|{x:.2f}|{x:{w}.{p}f}|{x!r}|{name!r:>10}|{name!s:^9}|{name!a}")
ete, tab = "\u00e9t\u00e9", "tab\there"
print(f"{ete!a} {tab!r} {42:{'>'}{w}} {-7:=+{w}d}")
print(f"{x=}", f"{x = :.1f}", f"{name=!s}", f"{1+1=}")
print(f"{{literal}} {{{x:.1f}}} }}")
items = [1, 22, 333]
for i in items:
    print(f"|{i:>5}|{i:<5}|{i:^5}|{i:05}|{i:x}|{i:#o}|")
print(f"{math.pi:.3e} {math.pi:10.4g} {1e-7:%} {0.25:.0%} {1234567.891:,.2f}")
print(f"{'nested {braces}'}", f"{'a' 'b'}", f"{3!r:>5}")
d = {"k": "v", 1: "one"}
print(f"{d['k']} {d[1]} {len(d)}")
print(f"{None} {True:d} {True} {b'x'} {[1, 'a']!r}")
