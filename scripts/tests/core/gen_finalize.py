# CPython finalizes an abandoned generator at once (reference counting);
# these are the cases tutorials show.
def numbers(tag):
    try:
        for i in range(5):
            yield i
    finally:
        print("cleanup", tag)


for n in numbers("break"):
    if n == 1:
        break
print("after break")


def first_even():
    for n in numbers("return"):
        if n % 2 == 0 and n > 0:
            return n
    return None


print("returned", first_even())
try:
    for n in numbers("raise"):
        if n == 2:
            raise ValueError("stop")
except ValueError as e:
    print("caught", e)
g = numbers("named")
for n in g:
    if n == 1:
        break
print("named generator still open")
g.close()
for n in numbers("exhausted"):
    pass
print("done")
