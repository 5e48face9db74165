# In 'xs[i()] = v()', Python evaluates v() first, then xs and i(); calls left to right.
log: list[str] = []


def i() -> int:
    log.append("i")
    return 1


def v() -> int:
    log.append("v")
    return 42


def lst() -> list[int]:
    log.append("xs")
    return xs


xs = [0, 0, 0]
xs[i()] = v()
print(xs, log)
while len(log) > 0:
    log.pop()
lst()[i()] = v() + i()
print(xs, log)
a, b = v(), i()
print(a, b, log)
