# Recursion that passes through builtins, slots and the compiler ends in
# RecursionError with CPython's message for the level that overflowed.
import sys
def f():
    return list(map(lambda x: f(), [1]))
try:
    f()
except RecursionError as e:
    print("map", e)
class A:
    def __getattr__(self, name):
        return self.missing
try:
    A().x
except RecursionError as e:
    print("getattr", e)
class B:
    def __repr__(self):
        return repr(self)
try:
    repr(B())
except RecursionError as e:
    print("repr", e)
class C:
    def __eq__(self, other):
        return self == other
try:
    C() == C()
except RecursionError as e:
    print("eq", e)
def g():
    yield from g()
try:
    next(g())
except RecursionError as e:
    print("gen", e)
def h(n):
    return sorted([1, 2], key=lambda x: h(n + 1))
try:
    h(0)
except RecursionError as e:
    print("sorted", e)
class D:
    def __init__(self):
        D()
try:
    D()
except RecursionError as e:
    print("init", e)
def e1():
    exec("e1()")
try:
    e1()
except RecursionError as e:
    print("exec", e)
class M(type):
    def __call__(cls):
        return cls()
class N(metaclass=M): pass
try:
    N()
except RecursionError as e:
    print("meta", e)
def dec(n):
    try:
        return dec(n + 1)
    except RecursionError:
        return n
print(dec(0) > 900)
class P:
    @property
    def x(self):
        return self.x
try:
    P().x
except RecursionError as e:
    print("prop", e)
class S(str):
    def __hash__(self):
        return hash(self)
try:
    {S("a"): 1}
except RecursionError as e:
    print("hash", e)
class L:
    def __len__(self):
        return len(self)
try:
    len(L())
except RecursionError as e:
    print("len", e)
sys.setrecursionlimit(100000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(50000))
