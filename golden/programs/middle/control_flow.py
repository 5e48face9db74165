# Nested loops with break/continue, elif chains, early returns and tail calls.
def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    return "odd"


def count_down(n: int, acc: int) -> int:
    if n == 0:
        return acc
    return count_down(n - 1, acc + n)


def first_pair(limit: int) -> tuple[int, int]:
    for a in range(1, limit):
        for b in range(a, limit):
            if b % 2 == 1:
                continue
            if a * b == 12:
                return (a, b)
    return (0, 0)


print([classify(k) for k in [-3, 0, 4, 7]])
print(count_down(100, 0), first_pair(10))
n = 0
while True:
    n += 1
    if n > 5:
        break
print(n)
