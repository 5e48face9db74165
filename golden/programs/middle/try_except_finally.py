# try/except/else/finally and raise: handler blocks (explicate-control), SETUP_FINALLY (stackvm),
# exception tables (jvm); finally bodies on every way out; errors of the run time caught by class.


def risky(n: int) -> int:
    try:
        if n == 0:
            raise ValueError("zero")
        if n < 0:
            return -1
        r = 100 // n
    except ValueError as e:
        print("caught", e, repr(e))
        r = 0
    else:
        print("else")
    finally:
        print("finally", n)
    return r


def first(xs: list[int]) -> int:
    try:
        return xs[0]
    except IndexError:
        return -1


for n in [4, 0, -3]:
    print(risky(n))
print(first([7]), first([]))
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("cleanup", i)
try:
    try:
        print([1, 2][5])
    except (KeyError, ZeroDivisionError):
        print("not here")
    except LookupError as e:
        print("lookup:", e)
        raise
except Exception as e:
    print("outer:", e)
d: dict[str, int] = {}
try:
    d["k"] += 1
except KeyError as e:
    print("key", e)
raise RuntimeError("done")
