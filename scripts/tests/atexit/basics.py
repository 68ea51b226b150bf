import atexit, sys

def bye(name, punct="!"):
    print("goodbye", name + punct)

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def deco():
    print("decorated handler")
def never():
    print("never printed")
atexit.register(never)
atexit.unregister(never)
print("main done")
