# What propagate-constants must leave alone: a variable assigned twice, a parameter, the
# variables a loop assigns; and what it may not: step, assigned once, reaches the second loop.
def f(n: int) -> int:
    k = 1
    k = 2
    n = 5
    return n + k


def g() -> int:
    t = 0
    i = 0
    while i < 3:
        t = t + i
        i = i + 1
    step = 10
    while i < 5:
        i = i + 1
        t = t + step
    return t


print(f(1), g())
