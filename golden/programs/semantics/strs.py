# String operations of NanoPy stage 1, printed as CPython prints them.
s = "  Hello, NanoPy world  "
t = s.strip()
print(t, len(s), len(t), t[0], t[-1], t[7:13], t[:5], t[7:], t[-5:], t[3:3], t[10:2])
words = t.split()
print(words, len(words), "-".join(words), "".join(["a", "b", "c"]), "x".join([]))
print("a,b,,c".split(","), "one  two\tthree\n".split(), " ".split())
print("Nano" in t, "nano" in t, "" in t, "z" not in t)
print("ab" * 3, "ab" * 0, "-" * 5, "a" + "b" + "c")
print(ord("A"), ord("z"), chr(97), chr(8364), str(42), str(-1.5), str(True), str(None))
print("abc" < "abd", "abc" < "ab", "B" < "a", "same" == "same", "a" != "b", "apple" >= "apple")
print(int("123") + 1, float("2.5") * 2, str(3) + str(4))
count = 0
for ch in "mississippi":
    if ch == "s":
        count += 1
print(count)
print(int("12a"))
