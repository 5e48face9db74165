# Closures made in a loop capture the variable, not its value: all see the last one.
from typing import Callable


def make_all(n: int) -> list[Callable[[], int]]:
    fs: list[Callable[[], int]] = []
    for i in range(n):
        fs.append(lambda: i * i)
    return fs


for f in make_all(4):
    print(f())
adders: list[Callable[[int], int]] = []
for k in range(3):
    def add(x: int) -> int:
        return x + k

    adders.append(add)
print([a(10) for a in adders])
