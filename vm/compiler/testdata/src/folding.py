a = 1 + 2
b = 2 ** 100
c = 2 ** 200
d = "ab" * 3
e = "x" * 5000
f = (1, 2) * 3
g = -1
h = -(1 + 2j)
i = 1 / 3
j = 7 // 2
k = -7 // 2
l = 7 % -3
m = 7.5 % 2
n = 1 << 10
o = 1 << 200
p = ~5
q = not 1
r = "abc"[1]
s = (1, 2, 3)[-1]
t = b"abc"[0]
u = 10 / 0
v = x in [1, 2, 3]
w = x in {1, 2, 3}
y = x not in [a, b]
z = (1, 2, (3, 4))
aa = 1 if __debug__ else 2
if __debug__:
    print("debug")
if not __debug__:
    print("no")
bb = 2 ** -1
cc = 0.1 + 0.2
dd = 1e300 * 1e300
ee = "%s" % 1
ff = 3 - True
gg = True + True
hh = True & False
ii = (1, 2) + (3,)
jj = 5 ** 0.5
ll = 1.5 // 0.5
mm = -0.0
nn = 1j * 1j
oo = (1 + 2j) * (3 - 4j)
pp = ~True
qq = - "str"
rr = 10 ** 40 * 10 ** 40
ss = [1, 2, 3][0]
tt = 1 - -1
for q in [1, 2, 3]:
    pass
for q in [a, b]:
    pass
for q in {1, 2}:
    pass
uu = [q for q in [1, 2, 3]]
vv = not (x is None)
ww = not (x in y)
xx = not (x == y)
yy = (1,) * 300
zz = "a" + "b" * 2
c1 = 1j ** 2
c3 = (1 + 2j) / (3 - 4j)
c4 = 1 / 2j
c7 = 0j ** -1
c8 = 1e308 * 10
c9 = 2.0 ** 1024
c10 = 10 ** -2
c11 = 0 ** -1
c12 = (-2) ** -3
s1 = {1, 1.0, True}
s2 = x in {1, 1.0, True, 2}
s3 = {0, False, 0.0, -0.0, 0j}
