# A function that reads a global which the module assigns only later, on one branch.
def show() -> None:
    print("count is", count)


for i in range(3):
    print("round", i)
    if i == 2:
        count = i * 10
    if i > 0:
        show()
