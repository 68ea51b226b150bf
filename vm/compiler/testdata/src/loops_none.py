def waits(x, y):
    while x is None:
        x = y()
    while x is not None:
        x = y()
    while y:
        pass
    if x is None:
        return 1
    if x is not None:
        return 2
    return [a for a in y if a is None]
