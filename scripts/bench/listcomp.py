# List comprehensions: plain, filtered, nested, over zip and enumerate,
# with conditional expressions, building matrices and transposing them,
# plus dict and set comprehensions reduced with sum, len, max and min.


def run(n):
    xs = [i * 7 % 1013 for i in range(n)]
    squares = [x * x for x in xs]
    evens = [x for x in xs if x % 2 == 0]
    signs = [1 if x > 500 else -1 for x in xs]
    pairs = [(i, x) for i, x in enumerate(xs) if i % 3 == 0]
    sums = [a + b for a, b in zip(xs, squares)]
    size = 150
    matrix = [[(r * size + c) % 97 for c in range(size)] for r in range(size)]
    transposed = [[row[c] for row in matrix] for c in range(size)]
    diagonal = [transposed[i][i] for i in range(size)]
    flat = [v for row in matrix for v in row if v % 5 == 0]
    words = [str(x) for x in xs[:n // 10]]
    lengths = {w: len(w) for w in words}
    digits = {d for w in words for d in w}
    return (sum(squares) % 1000003, len(evens), sum(signs), len(pairs),
            max(sums), sum(diagonal), len(flat), len(lengths), len(digits),
            min(transposed[7]))


for _ in range(6):
    result = run(200000)
print("listcomp:", *result)
