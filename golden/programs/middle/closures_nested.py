# Three levels of nested functions: the innermost reads and writes variables of both enclosing
# functions (nonlocal), through static links.
from typing import Callable


def outer(a: int) -> Callable[[int], int]:
    total = 0

    def middle(b: int) -> Callable[[int], int]:
        scale = b * 10

        def inner(c: int) -> int:
            nonlocal total, scale
            total = total + a + c
            scale = scale + 1
            return total * scale

        return inner

    return middle(2)


f = outer(1)
print(f(5), f(5))
g = outer(100)
print(g(1), f(0))
