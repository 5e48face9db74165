# An int compares with a float exactly, as CPython does, not after rounding the int to a float
# (9007199254740993 is 2**53 + 1, which rounds to 9007199254740992.0). Found by nanopy fuzz.
big = 9007199254740993
f = 9007199254740992.0
print(big > f, big == f, big != f, big >= f, f < big, f == big)
print(9223372036854775807 < 9.223372036854775807e18, -9223372036854775807 - 1 == -9.223372036854775808e18)
print(3 < 3.5, 3 == 3.0, -0.0 == 0, 1 < float('inf'), 1 < float('nan'), 1 != float('nan'))
x = 0
for i in range(3):
    if big - i > f:
        x = x + 1
print(x)
