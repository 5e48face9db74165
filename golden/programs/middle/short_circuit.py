# and/or evaluate their right operand only when needed; conditional expressions one branch.
def t(name: str) -> bool:
    print("t", name)
    return True


def f(name: str) -> bool:
    print("f", name)
    return False


print(f("a") and t("b"))
print(t("c") or f("d"))
print(t("e") and f("g") or t("h"))
print(not (f("i") or f("j")) and t("k"))
x = 1 if t("l") and f("m") else 2
print(x)
while t("loop") and f("exit"):
    print("never")
if f("n") or t("o") and t("p"):
    print("yes")
