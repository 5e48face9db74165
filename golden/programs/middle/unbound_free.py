# A closure that reads a variable of its enclosing function before that function assigns it.
def outer() -> int:
    def peek() -> int:
        return x
    print("before")
    y: int = peek()
    x = 1
    return y


print(outer())
