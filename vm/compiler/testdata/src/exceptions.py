def nested_try():
    try:
        try:
            a()
        except E1:
            b()
        finally:
            c()
    except E2 as e:
        d(e)
    else:
        f()

def return_in_finally():
    try:
        return 1
    finally:
        return 2

def break_in_try():
    for x in y:
        try:
            break
        finally:
            print(x)
    while True:
        try:
            continue
        except:
            pass

def with_return(m):
    with m as x:
        return x
    with m:
        with n:
            return 1

def with_break(items):
    for i in items:
        with i:
            if i:
                break
            continue

def except_return():
    try:
        pass
    except ValueError as e:
        return e
    except TypeError:
        return None

def raise_from():
    try:
        x()
    except Exception as exc:
        raise RuntimeError("x") from exc

def try_star():
    try:
        a()
    except* ValueError as eg:
        print(eg)
    except* (TypeError, KeyError):
        pass
    else:
        b()
    finally:
        c()

def deep():
    for a in b:
        for c in d:
            try:
                with e:
                    while f:
                        if g:
                            return h
            finally:
                i()

async def async_things(m):
    async with m as a, n as b:
        await a
    async for x in m:
        if x:
            break
    else:
        pass
    return [await y async for y in m]

async def async_gen():
    yield 1
    await something()

async def async_comp(x):
    return {k async for k in x}, (k async for k in x), [await k for k in x]
