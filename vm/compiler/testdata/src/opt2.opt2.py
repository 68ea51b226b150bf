"""Module doc."""

def f():
    """Doc."""
    return 1

class C:
    """Doc."""
