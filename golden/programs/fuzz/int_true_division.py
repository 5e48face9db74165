# int / int is the quotient correctly rounded to a float, also when an operand needs more than 53
# bits (converting both to float first rounds twice). Found by nanopy fuzz (seed 46).
print(1 / (-9007199254740993))
print(9007199254740993 / 3, (-9223372036854775807 - 1) / 3, 9223372036854775807 / 9223372036854775806)
print(0 / (-(2 ** 60)), 7 / 2, -1 / 3)
