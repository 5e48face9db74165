# Comprehensions: filters, two generators, nested comprehensions, strings and ranges.
xs = [x * x for x in range(10) if x % 2 == 0]
pairs = [(a, b) for a in range(3) for b in "xy" if a != 1]
grid = [[r * 3 + c for c in range(3)] for r in range(2)]
words = [w.strip() for w in " a , bb ,c ".split(",") if len(w.strip()) > 0]
print(xs, pairs)
print(grid, words)
print([c for c in "hello" if c != "l"], len([0 for _ in range(4)]))
