import heapq, random
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.nlargest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]), heapq.nsmallest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]))
portfolio = [{'name': 'IBM', 'price': 91.1}, {'name': 'AAPL', 'price': 543.22}, {'name': 'FB', 'price': 21.09}, {'name': 'HPQ', 'price': 31.75}]
print(heapq.nsmallest(2, portfolio, key=lambda s: s['price']))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2, 0], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
while tasks:
    print(heapq.heappop(tasks))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print(e)
random.seed(3)
r = [random.randint(0, 100) for _ in range(20)]
heapq.heapify(r); print(r)
print([heapq.heappop(r) for _ in range(20)])
m = [3, 1, 2]; heapq._heapify_max(m); print(m, heapq._heappop_max(m), m)
