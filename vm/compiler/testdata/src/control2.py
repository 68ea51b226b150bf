def ifs(a, b):
    if a:
        x = 1
    elif b:
        x = 2
    else:
        x = 3
    if a and b:
        pass
    if a or b:
        pass
    if not a:
        pass
    if a if b else c:
        pass
    if a < b < c:
        pass
    if True:
        y = 1
    if False:
        y = 2
    if 0:
        z = 3
    else:
        z = 4
    while 1:
        break
    while False:
        pass
    return x

def loops(items):
    for i in items:
        for j in i:
            if j:
                continue
            print(j)
        else:
            print("else")
    while items:
        items.pop()
    else:
        print("done")
    for x in []:
        pass

def unreachable():
    return 1
    print("never")

def after_raise():
    raise E
    x = 1

def condexpr(a, b, c):
    return a if b else c

def boolvalues(a, b, c):
    return (a and b) or c, a or (b and c), not (a or b)

def nested_bool(a, b, c, d):
    if (a or b) and (c or d):
        return 1
    while a and not b:
        a = b

def assert_cases(x):
    assert x
    assert x, f"{x}"
    assert (x, "tuple")

def chained(a, b, c):
    if a == b == c:
        return True
    return a is b is not c

def early_exits(x):
    for i in x:
        if i:
            return i
    try:
        return 1
    except:
        return 2

def twice(s):
    while any(t for t in s):
        pass
    try:
        pass
    finally:
        f = lambda: 1
    return f
