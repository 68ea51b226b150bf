x: int = 1
y: list[int]
obj.attr: int = 2
obj[0]: str
(z): float = 3.0

def f(a: int, b: str = "", *args: tuple, c: float, **kw: dict) -> None:
    v: int = 2
    w: str
    return v

class C:
    attr: int = 0
    other: str
    def m(self) -> C:
        self.x: int = 1

def g(*args: *Ts): pass
