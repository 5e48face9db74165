# nonlocal writes are seen by every closure over the same variable.
from typing import Callable


def make_counter(start: int) -> tuple[Callable[[], int], Callable[[], int]]:
    n = start

    def inc() -> int:
        nonlocal n
        n += 1
        return n

    def get() -> int:
        return n

    return (inc, get)


inc, get = make_counter(10)
inc()
inc()
print(get(), inc(), get())
inc2, get2 = make_counter(0)
print(inc2(), get(), get2())
