# The fork start method (CPython 3.11's default on Linux): module-level
# code does not run again in the child, globals assigned under the main
# guard are visible, closures, lambdas, classes and instances defined in
# __main__ work as targets and arguments, a user module's state and
# random.Random instances are inherited (the module's global generator is
# reseeded in a fork child, so it is not printed), and a child's changes
# do not come back to the parent. Each child is joined before the next
# starts.
import multiprocessing as mp
import random
import _mp_helper

print("module level runs", __name__)
TABLE = {"a": 1}


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x, self.y = x, y

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

    @staticmethod
    def origin():
        return Point(0, 0)

    @classmethod
    def unit(cls):
        return cls(1, 0)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"


def make_adder(n):
    def add(x):
        return x + n
    return add


def show(label, *values):
    print(label, *values)


def child_globals():
    print("guarded:", GUARDED, "table:", TABLE, "helper counter:", _mp_helper.counter)
    TABLE["child"] = True
    GUARDED.append("child")
    print("child sees", GUARDED, TABLE)


def child_random():
    print("child's Random instance continues:", RNG.random())


def counter_gen():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def run(target, *args):
    p = mp.Process(target=target, args=args)
    p.start()
    p.join()
    return p.exitcode


if __name__ == "__main__":
    GUARDED = ["parent"]
    _mp_helper.bump()
    _mp_helper.bump()
    run(child_globals)
    print("parent still has", GUARDED, TABLE)
    run(lambda: print("lambda target, GUARDED =", GUARDED))
    add5 = make_adder(5)
    run(lambda: print("closure:", add5(10)))
    run(show, "instance:", Point(3, 4), Point(3, 4).norm2, Point.origin(), Point.unit(), Point.kind)
    run(show, "subclass:", Point3(1, 2, 3), isinstance(Point3(1, 2, 3), Point))
    inc = counter_gen()
    inc(); inc()
    run(lambda: print("nonlocal counter continues at", inc()))
    print("parent counter", inc())
    RNG = random.Random(12345)
    RNG.random()
    run(child_random)
    print("parent's Random instance:", RNG.random())
    nested = {"list": [1, 2, (3, 4)], "set": {5}, "bytes": b"xy", "none": None}
    run(show, "nested:", nested)
    print("exit codes ok")
