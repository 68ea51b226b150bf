from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(1), Color['GREEN'], Color.CRIMSON, list(Color), len(Color), Color.__members__)
print(Color.RED.name, Color.RED.value, Color.RED is Color.CRIMSON, Color.RED == 1, isinstance(Color.RED, Color), type(Color.RED))
print(f"{Color.RED}", format(Color.RED), "%s" % Color.RED, hash(Color.RED) == hash(Color.RED))
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
class N(IntEnum):
    A = 1
    B = auto()
print(N.A, repr(N.B), N.A + 1, N.B == 2, f"{N.A}", str(N.A), list(N), N(2))
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
print(P.R | P.W, repr(P.R | P.W), P(0), repr(P(0)), P.R in (P.R|P.W), list(P.R|P.X), bool(P(0)), ~P.R, repr(P(7)))
class IP(IntFlag):
    R = 4
    W = 2
print(IP.R | IP.W, repr(IP.R | IP.W), IP.R | 1, repr(IP(8)), IP.R + 1)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.A), S.B.upper(), S.A == 'a')
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def g(self): return self.mass / self.radius ** 2
print(Planet.EARTH.mass, round(Planet.EARTH.g, 1), Planet.EARTH.value)
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
A = Enum('A', 'x y z'); print(list(A), A.x.value, repr(A.y))
B = Enum('B', [('p', 10), ('q', 20)]); print(B.q)
class Ord(Enum):
    def _generate_next_value_(name, start, count, last_values): return name.lower()
    FOO = auto()
print(Ord.FOO.value)
print(Color.RED < Color.GREEN if False else "no-order")
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
class WithMissing(Enum):
    A = 'a'
    @classmethod
    def _missing_(cls, v): return cls.A
print(WithMissing('zz'))
try:
    class Sub(Color): pass
except TypeError as e: print(e)
try: Color.RED = 5
except AttributeError as e: print(e)
print(dir(Color))
print(Color.RED.__class__.__name__, Color.__name__, Color.RED._value_, Color._member_names_)
match Color.GREEN:
    case Color.RED: print("r")
    case Color.GREEN: print("g")
print(P.R.name, (P.R|P.W).name, P(0).name, repr(P.R|P.W|P.X))
