# for over range (steps up and down), lists, strings; break and continue; the loop
# variable keeps its last value; a list changed while iterating.
for i in range(3):
    print("up", i)
for i in range(10, 0, -4):
    print("down", i)
print("last i", i)
total = 0
for x in [5, 6, 7, 8]:
    if x == 6:
        continue
    if x == 8:
        break
    total += x
print(total)
for ch in "abc":
    print(ch, end=" ")
print()
ys = [1, 2]
for y in ys:
    if y < 4:
        ys.append(y + 2)
print(ys)
