# A first program: run it with `go run ./cmd/gilpy scripts/examples/hello.py`.
import sys


def greet(name):
    return f"Hello, {name}!"


names = sys.argv[1:] or ["world"]
for n in names:
    print(greet(n))
print("squares:", [i * i for i in range(6)])
