assert x, "message"
if __debug__:
    print("debug")
y = __debug__

def f():
    """Doc."""
    assert y
    return __debug__
