# Exception-heavy control flow: raising and catching in loops, custom
# exception classes with inheritance, finally blocks, re-raising,
# exception chaining, dict lookups that miss, int() on bad input.


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: " + str(key))
        self.key = key


class Invalid(AppError):
    pass


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise NotFound(key) from None


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise Invalid(text) from e


def check(i):
    if i % 7 == 0:
        raise Invalid(i)
    if i % 11 == 0:
        raise NotFound(i)
    return i


def run(n):
    table = {i: i * i for i in range(0, n, 3)}
    words = ["12", "x", "7", "", "40", "3.5"]
    found = missing = invalid = cleanups = chained = 0
    total = 0
    for i in range(n):
        try:
            total += lookup(table, i)
            found += 1
        except NotFound as e:
            missing += 1
            total += e.key
        try:
            try:
                total += parse(words[i % len(words)])
            finally:
                cleanups += 1
        except Invalid as e:
            invalid += 1
            if e.__cause__ is not None:
                chained += 1
        try:
            check(i)
        except AppError as e:
            if isinstance(e, NotFound):
                missing += 1
            else:
                invalid += 1
        else:
            total += 1
    return found, missing, invalid, cleanups, chained, total


print("exceptions:", *run(250000))
