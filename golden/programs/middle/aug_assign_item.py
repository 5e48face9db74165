# 'xs[f()] += 1' evaluates xs and f() once; the variable forms too.
calls = 0


def f() -> int:
    global calls
    calls += 1
    return calls % 3


xs = [10, 20, 30]
xs[f()] += 1
xs[f()] *= 2
xs[f()] -= xs[0]
print(xs, calls)
n = 7
n //= 2
n **= 3
s = "ab"
s *= 2
s += "!"
print(n, s)
