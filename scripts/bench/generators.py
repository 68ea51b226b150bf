# Generator pipeline: a chain of generator functions and generator
# expressions, each pulling from the previous one (numbers, filter, map,
# running windows, grouping), consumed by sum(), max() and a for loop.


def numbers(n):
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        yield x % 1000


def evens_only(items):
    for x in items:
        if x % 2 == 0:
            yield x


def scaled(items, k):
    for x in items:
        yield x * k + 1


def windows(items, size):
    window = []
    for x in items:
        window.append(x)
        if len(window) == size:
            yield sum(window)
            window.pop(0)


def chunks(items, size):
    chunk = []
    for x in items:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(lists):
    for xs in lists:
        yield from xs


def pipeline(n):
    stage = windows(scaled(evens_only(numbers(n)), 3), 4)
    stage = flatten(chunks(stage, 7))
    total = 0
    count = 0
    biggest = 0
    for v in stage:
        total += v
        count += 1
        if v > biggest:
            biggest = v
    squares = sum(x * x for x in numbers(n // 10) if x % 3 == 0)
    top = max(x for x in scaled(numbers(n // 10), 2))
    return total, count, biggest, squares, top


print("pipeline:", *pipeline(900000))
