def factorial(n: int) -> int:
    if n <= 1:
        return 1
    return n * factorial(n - 1)


i = 0
while i <= 10:
    print(i, factorial(i))
    i = i + 1
