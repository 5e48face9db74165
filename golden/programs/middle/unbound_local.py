# A local assigned on one branch only: CPython raises UnboundLocalError when the other branch
# reaches the read (guard-unbound-reads adds a flag and a check; every target must agree).
def pick(c: bool) -> int:
    if c:
        x = 1
    return x


def count_up(n: int) -> int:
    for i in range(n):
        last = i
    return last


print(pick(True))
print(count_up(3))
print(pick(False))
print("not reached")
