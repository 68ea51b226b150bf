class A:
    x = 1
    y: int = 2
    z: str

    def __init__(self):
        self.__private = 1
        self._A__other = 2

    def method(self):
        return __class__

    @property
    def prop(self):
        return super().prop

    class Inner:
        def f(self):
            return Inner

    def uses_x(self):
        return x

def outer():
    v = 1
    class B:
        v = 2
        w = v
        def m(self):
            return v
    return B

def outer2():
    u = 1
    class C:
        print(u)
        def m(self):
            return u
    return C

class D(A, B, *mixins, metaclass=Meta, **kwargs):
    pass

@dec
class E:
    "doc"

class F:
    def __eq__(self, other):
        return super(F, self).__eq__(other)
    __hash__ = None
    def g(self):
        def h():
            return __class__
        return h
