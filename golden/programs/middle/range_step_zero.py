# range's step is checked when the loop starts: zero raises ValueError before any iteration.
def walk(step: int) -> None:
    for i in range(0, 3, step):
        print(i)
    print("done", step)


walk(1)
walk(-1)
walk(0)
