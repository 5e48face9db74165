# Floats print as CPython's repr (shortest round trip), and follow Python's division rules.
print(0.1, 0.1 + 0.2, 1e-05, 1e16, 1e+16 * 10, 100.0, 2.5e-07, 123456789.0, 1234567890123456789.0)
print(1 / 3, 2 / 3, -0.0, 0.0, 3.0 * 2, 10 / 4, 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(2.0 ** 0.5, 2 ** -1.0, 1.5 ** 2, abs(-2.5), min(1.5, 2.5), max(1.5, -2.5))
print(float("1e3"), float("-0.5"), float(" 2 "), int(2.9), int(-2.9), 5 / 1)
print(1.0 == 1, 0.5 < 1, 2.5 >= 2.5, 3 != 3.0)
inf = 1e308 * 10
print(inf, -inf, inf - inf, inf > 1e308)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
print(1.0 / 0.0)
