# 64-bit ints with Python's floor division and modulo, powers, builtins, comparisons, and
# OverflowError where CPython would grow a big int.
a = 17
b = -5
print(a // b, a % b, -a // 5, -a % 5, a // -b, a % -b)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, 0 // 3, 0 % -3)
print(2 ** 10, (-3) ** 3, 10 ** 0, abs(-9), abs(9), min(3, -4), max(3, -4), min(2, 8, 1), max(2, 8, 1))
print(a + b * 2 - (a - b) // 3, -a, +a, a * -1)
print(a < b, a <= 17, a == 17, a != 17, a > b, a >= 18, 1 < 2 < 3, 3 > 2 > 2)
print(int(3.99), int(-3.99), int("  42 "), int("-7"), float(3), 7 / 2, 8 / 4, -1 / 3)
big = 9223372036854775807
print(big, -big - 1, big // 2, big % 1000)
x = 1
for i in range(62):
    x = x * 2
print(x)
