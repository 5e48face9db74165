# Reads that are always assigned when they run: guard-unbound-reads must leave them alone
# (functions before the globals they read, a recursive nested function, a loop variable after
# a loop that always runs, nonlocal writes before reads).
def main() -> None:
    print(LIMIT, describe(LIMIT))

    def countdown(n: int) -> int:
        if n == 0:
            return 0
        return n + countdown(n - 1)

    print(countdown(LIMIT))
    total = 0

    def add(k: int) -> None:
        nonlocal total
        total = total + k

    for j in range(LIMIT):
        add(j)
    print(total)


def describe(n: int) -> str:
    return "small" if n < 10 else "large"


LIMIT = 5
main()
