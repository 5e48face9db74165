# Python counts, indexes, slices and orders strings by code point; Java stores characters above
# U+FFFF (emoji) as two UTF-16 units. Every target must give CPython's answers.
s = "a😀b"
print(len(s), s[1], s[2], ord(s[1]), s[1:2], s[-1], s[-2], s[:2], s[2:])
for c in s:
    print(c, ord(c))
print(chr(128512), len(chr(128512)), chr(128512) == s[1])
t = s + "é€"
print(len(t), t[4], t[-1], t < "a😁", "😀" in t, t.split(), t.strip())
print([s, s[1]], (s[0], s[2]))
x = "😀" * 3
print(len(x), x[2], x[1:])
# U+FFFD is below every character outside the BMP in code-point order, though not in UTF-16's.
print("\ufffd" < "😀", "😀" > "\uffff", "z" < "😀", min(3, len("😀😀")))
long_text = "€" * 70 + "😀" + "x" * 5
print(len(long_text), long_text[70], long_text[71:], long_text[-6])
total = 0
for ch in long_text:
    total += ord(ch)
print(total)
mixed = ("ab😀" * 30) + "end"
print(len(mixed), mixed[2], mixed[-4], mixed[88:], mixed[3:9], mixed[-5:-2], mixed[85:200])
seen = ""
for k in range(len(mixed)):
    if k % 29 == 0:
        seen = seen + mixed[k]
print(seen, mixed[:4] < mixed[1:5], len(mixed.strip()), mixed.split("😀")[:2])
print(s[5])
