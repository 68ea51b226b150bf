# A user module for fork_semantics.py: under fork its module-level code
# runs once (in the parent), and children see its state as it was.
print("helper imported")
counter = 0

def bump():
    global counter
    counter += 1
    return counter
