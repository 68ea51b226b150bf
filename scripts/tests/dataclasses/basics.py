from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, make_dataclass, KW_ONLY
from typing import List, ClassVar, Optional

@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(2, 1), p.x, Point(5))
print(Point.__doc__, Point.__match_args__, [f.name for f in fields(Point)], is_dataclass(p), is_dataclass(Point), is_dataclass(3))
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]), Version(1, 0) < Version(1, 1), Version(1, 0, "a") == Version(1, 0, "b"))

@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: ClassVar[int] = 0
a, b = Inventory(), Inventory()
a.items.append("apple")
print(a, b, Inventory.total)

@dataclass(frozen=True)
class Frozen:
    name: str
    value: float = 1.0
f = Frozen("pi", 3.14)
try:
    f.value = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(f) == hash(Frozen("pi", 3.14)), replace(f, value=2.0), f)

@dataclass
class WithPost:
    a: int
    b: int
    total: int = field(init=False)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.total = (self.a + self.b) * scale
print(WithPost(1, 2), WithPost(1, 2, 10))

@dataclass
class Nested:
    name: str
    points: List[Point]
    tag: Optional[str] = None
n = Nested("n", [Point(1, 2), Point(3)])
print(asdict(n), astuple(n))
print(replace(p, y=99), fields(p)[0].type, fields(p)[1].default)

@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Child(Base):
    c: float = 0.5
print(Child(1), Child(1, "x", 2.0), [f.name for f in fields(Child)])

@dataclass(kw_only=True)
class KW:
    x: int
    y: int = 2
print(KW(x=1), KW(y=5, x=3))
try:
    KW(1)
except TypeError as e:
    print(e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 0
print(Mixed(1, b=2))

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)

D = make_dataclass("D", [("x", int), ("y", int, field(default=5))])
print(D(1), D.__name__)

@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1) is not None)

@dataclass(unsafe_hash=True)
class Hashable:
    v: int
print(hash(Hashable(3)) == hash((3,)), len({Hashable(1), Hashable(1)}))

@dataclass
class Rec:
    child: "Rec" = None
r = Rec(); r.child = r
print(r)
match Point(3, 4):
    case Point(x, y):
        print("matched", x, y)

@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2
s = Slotted(1)
print(s, Slotted.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError")
print(Point.__eq__.__qualname__, Point.__init__.__qualname__)
