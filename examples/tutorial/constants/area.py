# propagate-constants: h is assigned once, to a literal, so 'w * h' becomes 'w * 7'.
def area(w: int) -> int:
    h = 7
    return w * h


print(area(6))
