def compute(values):
    total = 0
    for v in values:
        totl = total + v
    return totall


print(compute([1, 2]))
