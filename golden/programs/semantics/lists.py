# Lists: literals, indexing, slicing, mutation, aliasing, concatenation, repetition, membership,
# comprehensions, nested lists; IndexError as CPython reports it.
xs: list[int] = [3, 1, 4, 1, 5]
ys = xs
ys.append(9)
print(xs, ys, len(xs), xs[0], xs[-1], xs[1:3], xs[:2], xs[3:], xs[:])
xs[0] = 30
xs[-1] = 90
print(xs, xs.pop(), xs, xs.pop(0), xs)
print(xs + [7, 8], [0] * 3, [1, 2] * 2, 4 in xs, 7 in xs, 7 not in xs)
squares = [n * n for n in range(6) if n % 2 == 0]
pairs = [[i, j] for i in range(3) for j in range(i)]
print(squares, pairs, [s for s in ["a", "bb", "ccc"] if len(s) > 1])
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
print(grid, grid[1], len(grid[0]))
names = ["x", "y"]
print(names, [1.5, 2.0], [True, False], [[1], [2, 3]])
empty: list[str] = []
print(empty, len(empty), empty == [], [1, 2] == [1, 2], [1, 2] != [2, 1])
print(xs[10])
