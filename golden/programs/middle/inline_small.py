# Small functions are inlined (arguments still evaluated once, left to right) and constants
# folded; recursive functions, calls in top-level code and operations that raise are left alone.
def sq(x: int) -> int:
    return x * x


def sign(x: int) -> int:
    if x < 0:
        return -1
    elif x == 0:
        return 0
    return 1


def note(s: str) -> int:
    print("note", s)
    return len(s)


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main() -> None:
    print(sq(note("abc")) + sign(note("") - 1), sign(3 * 4 - 12), 2 ** 10, 7 // 2 * 3)
    print(fib(10), sq(sq(3)), "con" + "cat")
    print(1 // 0 if sign(0) != 0 else 5)


main()
print(sq(5))
