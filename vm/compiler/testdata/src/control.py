def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        if i > 100:
            break
        total += i
    else:
        total = -1
    while n > 0:
        n -= 1
        if n == 5:
            break
    else:
        total += 1
    while True:
        if total:
            return total
    return None

def tries():
    try:
        a = 1
    except ValueError:
        a = 2
    except (TypeError, KeyError) as e:
        a = e
    except:
        raise
    else:
        a = 3
    finally:
        print("done")
    try:
        return a
    finally:
        print("x")

def withs(p):
    with open(p) as f, open(p) as g:
        return f.read()
    with lock:
        pass

def boolean(a, b, c):
    if a and b or c:
        return 1
    if not (a or b):
        return 2
    x = a and b
    y = a or b or c
    return x if y else None

def starexc():
    try:
        pass
    except* ValueError as e:
        print(e)
    except* TypeError:
        pass

def gen():
    x = yield 1
    yield from range(x)
    return 5

def closure():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner

class K:
    x = 1
    def m(self):
        return x
    def __private(self):
        self.__attr = 1
