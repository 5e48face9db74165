def greet(name: str) -> str:
    return "Hello, " + name + "!"


print(greet("NanoPy"))
print([n * n for n in range(5)], 2 ** 10, 7 / 2)
