# LEGB: locals shadow globals, global and nonlocal writes, closures capture variables (late
# binding), lambdas, nested functions three levels deep.
from typing import Callable

counter = 0
name = "global"


def bump() -> int:
    global counter
    counter += 1
    return counter


def shadow() -> str:
    name = "local"
    return name


def make_counter() -> Callable[[], int]:
    n = 0

    def step() -> int:
        nonlocal n
        n += 1
        return n
    return step


def outer() -> int:
    a = 1

    def middle() -> int:
        b = 10

        def inner() -> int:
            return a + b + 100
        return inner()
    a = 2
    return middle()


bump()
bump()
c1 = make_counter()
c2 = make_counter()
print(counter, shadow(), name, c1(), c1(), c2(), outer())
double: Callable[[int], int] = lambda v: v * 2
fs = [lambda: k for k in range(3)]
print(double(21), [f() for f in fs])
