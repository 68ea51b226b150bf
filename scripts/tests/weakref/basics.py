import weakref, gc

class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Node(%r)" % self.name

died = []
def on_death(ref):
    died.append("callback")
n = Node("a")
r = weakref.ref(n)
print(r() is n, r() == n, weakref.getweakrefcount(n), weakref.ref(n) is r)
r2 = weakref.ref(n, on_death)
print(weakref.getweakrefcount(n), r2.__callback__ is not None)
def scope():
    return weakref.ref(Node("b"), on_death)
r3 = scope()
gc.collect()
print(r3(), died)
p_target = Node("proxied")
p = weakref.proxy(p_target)
print(p.name, type(p).__name__)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
d = weakref.WeakValueDictionary()
keep = Node("kept")
d["k"] = keep
d["t"] = Node("temp")
gc.collect()
print(sorted(d.keys()), d["k"], "t" in d, len(d))
wk = weakref.WeakKeyDictionary()
k1 = Node("key1")
wk[k1] = 1
wk[Node("gone")] = 2
gc.collect()
print(len(wk), list(wk.values()))
ws = weakref.WeakSet()
a, b = Node("x"), Node("y")
ws.add(a); ws.add(b)
del b
gc.collect()
print(len(ws), [x.name for x in ws], a in ws)
calls = []
obj = Node("fin")
f = weakref.finalize(obj, calls.append, "finalized")
print(f.alive)
del obj
gc.collect()
print(calls, f.alive)
class A:
    def m(self):
        return "method"
a = A()
wm = weakref.WeakMethod(a.m)
print(wm()(), type(wm).__name__)
print(gc.isenabled(), gc.collect() >= 0, gc.get_threshold())
gc.disable(); print(gc.isenabled()); gc.enable()
fin2 = weakref.finalize(A(), print, "at exit finalizer")
