# While list.sort runs the list is empty: the key function and "<" see it
# empty, whatever they add is dropped, and the sort then raises
# "list modified during sort" (unless it already raises something else).

lst = []


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt sees", lst, len(lst))
        return self.v < other.v

    def __repr__(self):
        return "K%d" % self.v


lst[:] = [K(2), K(1)]
lst.sort()
print(lst)


def key(x):
    print("key sees", lst, len(lst))
    return x.v


lst.sort(key=key, reverse=True)
print(lst)


class Appender(K):
    def __lt__(self, other):
        lst.append(K(99))
        return self.v < other.v


lst[:] = [Appender(3), Appender(1), Appender(2)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError:", e)
print(lst)

lst[:] = [3, 1, 2]
try:
    lst.sort(key=lambda x: lst.append(x) or x)
except ValueError as e:
    print("ValueError:", e)
print(lst)

lst[:] = [3, 1, 2]
try:
    lst.sort(key=lambda x: lst.extend([x, x]) or -x, reverse=True)
except ValueError as e:
    print("ValueError:", e)
print(lst)


# An error from "<" wins over the mutation.
class Both(K):
    def __lt__(self, other):
        lst.append(0)
        raise KeyError("both")


lst[:] = [Both(1), Both(2)]
try:
    lst.sort()
except KeyError as e:
    print("KeyError:", e)
print(lst)


# The key function failing after mutating: its error, list unchanged.
def bad_key(x):
    lst.append(x)
    if x == 2:
        raise IndexError("key")
    return x


lst[:] = [3, 2, 1]
try:
    lst.sort(key=bad_key)
except IndexError as e:
    print("IndexError:", e)
print(lst)


# Operations that leave the (empty) list untouched are not a modification.
class Quiet(K):
    def __lt__(self, other):
        lst.extend([])
        lst.sort()
        lst.reverse()
        del lst[:]
        lst[:] = []
        lst.clear()
        try:
            lst.pop()
        except IndexError:
            pass
        return self.v < other.v


lst[:] = [Quiet(2), Quiet(3), Quiet(1)]
lst.sort()
print(lst)


# Appending then removing is still a modification.
class AddRemove(K):
    def __lt__(self, other):
        lst.append(1)
        lst.pop()
        return self.v < other.v


lst[:] = [AddRemove(2), AddRemove(1)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError:", e)
print(lst)


# Sorting another list from "<" is fine.
other = [5, 4, 3]


class SortsOther(K):
    def __lt__(self, o):
        other.sort()
        return self.v < o.v


lst[:] = [SortsOther(2), SortsOther(1)]
lst.sort()
print(lst, other)

# A list subclass, and sorted() on a list that a key function mutates
# (sorted sorts a copy).
class MyList(list):
    pass


ml = MyList([3, 1, 2])
ml.sort(reverse=True)
print(ml, type(ml).__name__)
src = [3, 1, 2]
print(sorted(src, key=lambda x: src.append(x) or x), src)
