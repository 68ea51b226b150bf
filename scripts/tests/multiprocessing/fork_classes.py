# Classes defined in __main__ travel by value to a fork child: an Enum
# (its members are made again by its metaclass), an abstract base class
# (still abstract in the child), a class with its own metaclass,
# classmethods, staticmethods, properties, and zero-argument super().
import multiprocessing as mp
from abc import ABC, abstractmethod
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2

    def describe(self):
        return f"{self.name}={self.value}"


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta):
    x = 1

    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return "static"

    @property
    def prop(self):
        return 42


class Base:
    def hello(self):
        return "base"


class Child(Base):
    def hello(self):
        return "child+" + super().hello()


def show(color, sq, k):
    print(color, color.describe(), Color.GREEN, list(Color), Color(2), color is Color.RED)
    print(sq.describe(), isinstance(sq, Shape), isinstance(sq, Square))
    try:
        Shape()
    except TypeError as e:
        print("TypeError:", e)
    print(WithMeta.made_by, WithMeta.cm(), WithMeta.sm(), WithMeta().prop, type(WithMeta).__name__, WithMeta.x)
    print(k.hello(), type(k).__mro__[1].__name__)


if __name__ == "__main__":
    p = mp.Process(target=show, args=(Color.RED, Square(3), Child()))
    p.start()
    p.join()
    print("exit", p.exitcode)
