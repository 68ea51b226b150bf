# pickle.dumps gives CPython's bytes (opcodes, memo, frames, batches of
# 1000 with CPython's empty trailing batch for dicts and sets), and loads
# reads them back; errors for lambdas (address cut), local functions,
# truncated and invalid data.
import pickle
class A:
    def m(self): pass
class B:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
def show(o, p=None):
    b = pickle.dumps(o) if p is None else pickle.dumps(o, p)
    print(b)
    r = pickle.loads(b)
    print(type(r).__name__, r if not isinstance(r, (A, B)) else vars(r) if isinstance(r, A) else r.x)
for o in [1, 300, 70000, -1, -300, 2**31, 2**70, -2**70, 1.5, True, None, "héllo", b"ab", [1,2,"a"], {'a': (1, 2.5, None, True)}, (1,), (1,2,3,4), set(), {1,2}, frozenset([1]), [], {}, ()]:
    show(o)
a = A(); a.z = [1, 2]
show(a)
show(B())
show(ValueError("x"))
show(len); show(A); show(range(3)); show(complex(1,2)); show(slice(1,2)); show(bytearray(b'x')); show(...); show(NotImplemented)
show([1,2], 0); show({'a': 1}, 1); show((1, 'x', 2.5), 2); show(b'xy', 3); show(bytearray(b'q'), 5)
l = [1]; l.append(l); print(pickle.loads(pickle.dumps(l)))
a2 = [1]; show((a2, a2))
print(pickle.dumps(list(range(2500))) == pickle.dumps(list(range(2500))))
print(len(pickle.dumps(list(range(2500)))))
print("x" * 70000 == pickle.loads(pickle.dumps("x" * 70000)))
print(len(pickle.dumps(["x" * 70000, "y"])), pickle.dumps(["x" * 70000, "y"])[:20])
print(pickle.dumps(A().m))
for bad in [lambda: 1]:
    try: pickle.dumps(bad)
    except Exception as e: print(type(e).__name__, str(e).split(' at ')[0])
def outer():
    def inner(): pass
    return inner
try: pickle.dumps(outer())
except Exception as e: print(type(e), e)
try: pickle.loads(b'')
except Exception as e: print(type(e), e)
try: pickle.loads(b'\x80\x04K')
except Exception as e: print(type(e), e)
try: pickle.loads(b'x')
except Exception as e: print(type(e), e)

# large and batched containers: sizes and a checksum of the bytes
for obj in [list(range(300000)), [str(i) for i in range(30000)], {i: [i] for i in range(20000)}, b"y" * 100000, ["x" * 70000, 1, "z" * 10]]:
    d = pickle.dumps(obj)
    print(len(d), hash(d) if False else sum(d) % 1000003, pickle.loads(d) == obj)
for obj in [list(range(1001)), list(range(2000)), {i: i for i in range(1001)}, {i: i for i in range(1000)}, set(range(1000)), set(range(1001)), set(range(2)), [[1]] * 3, {"a": {}}]:
    d = pickle.dumps(obj)
    print(len(d), sum(d) % 1000003, pickle.loads(d) == obj)


# Pickler and Unpickler subclasses with persistent ids and find_class
import io


class Ref:
    def __init__(self, name):
        self.name = name


class MyPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Ref):
            return ("ref", obj.name)
        return None


class MyUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return "resolved:" + pid[1]

    def find_class(self, module, name):
        if name == "A":
            return dict
        return super().find_class(module, name)


buf = io.BytesIO()
MyPickler(buf).dump([Ref("x"), 1, Ref("y")])
print(buf.getvalue())
buf.seek(0)
print(MyUnpickler(buf).load())
print(MyUnpickler(io.BytesIO(pickle.dumps(A))).load())


class WithState:
    def __init__(self):
        self.a = 1
        self.hidden = "h"

    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


w = pickle.loads(pickle.dumps(WithState()))
print(sorted(vars(w).items()))


class NewArgs(int):
    def __new__(cls, v, tag):
        self = super().__new__(cls, v)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (int(self), self.tag)


n = pickle.loads(pickle.dumps(NewArgs(5, "t")))
print(n, n.tag, type(n).__name__, pickle.dumps(NewArgs(5, "t")))
for proto in range(6):
    print(proto, pickle.loads(pickle.dumps({"k": [1, 2.5, "s", None, True, (1,)]}, proto)))
