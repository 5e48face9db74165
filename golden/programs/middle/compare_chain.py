# A comparison chain evaluates each middle operand once and stops at the first false link.
def val(name: str, n: int) -> int:
    print("eval", name)
    return n


print(val("a", 1) < val("b", 2) < val("c", 3))
print(val("a", 1) < val("b", 0) < val("c", 3))
print(val("a", 5) > val("b", 3) >= val("c", 3) == val("d", 3) != val("e", 4))
s = "m"
print("a" < s <= "z", 1 <= len(s) < 1)
