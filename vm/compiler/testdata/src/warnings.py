def warns(x):
    if x is 1:
        pass
    if x is not "s":
        pass
    y = x is ()
    z = 1 < x is -1
    (1, 2)(3)
    [1, 2](3)
    "str"(1)
    f"x"(1)
    None[0]
    1.5[0]
    {1, 2}[0]
    (lambda: 1)[0]
    (x for x in y)[0]
    "abc"["k"]
    (1, 2)[1.5]
    [1][None]
    "s"[x]
    assert (x, "message")
    assert ()
    ok = x is None or x is True or x is ...
    return x[0], "abc"[0], (1, 2)[0:1]
