# Tuples: printing (including the one-element comma), unpacking, indexing by constant, len,
# equality, identity.
p = (1, "two", 3.0)
q = (5,)
print(p, q, (), len(p), p[0], p[1], p[2], len(q))
a, b, c = p
print(a, b, c)
x, y = 10, 20
x, y = y, x
print(x, y)
print((1, 2) == (1, 2), (1, 2) != (2, 1), p == (1, "two", 3.0))
r = p
print(r is p, (1, (2, 3)), [(1, 2), (3, 4)])
def divmod2(n: int, d: int) -> tuple[int, int]:
    return n // d, n % d
qt, rm = divmod2(17, 5)
print(qt, rm, divmod2(-17, 5))
