# Strings and bools propagate too; the module's own variables are globals, which it leaves alone.
def greet(name: str) -> str:
    hello = "Hello, "
    loud = True
    if loud:
        return hello + name + "!"
    return hello + name


who = "NanoPy"
print(greet(who))
