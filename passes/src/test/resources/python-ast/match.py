match command:
    case "quit":
        pass
    case 1 | 2 | 3:
        pass
    case -1:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 1.5:
        pass
    case b"bytes":
        pass
    case "a" "b":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case x:
        pass
    case _:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
    case (x):
        pass
    case ():
        pass
    case []:
        pass
    case [x, y]:
        pass
    case (x, y):
        pass
    case x, y:
        pass
    case [x, *rest]:
        pass
    case [*_, last]:
        pass
    case x, *y:
        pass
    case {}:
        pass
    case {"key": value, 1: other}:
        pass
    case {"key": v, **rest}:
        pass
    case {Color.RED: x, None: y, -1: z, 1+1j: w}:
        pass
    case Point():
        pass
    case Point(x, y):
        pass
    case Point(x=0, y=yy):
        pass
    case Point(1, y=2):
        pass
    case mod.Point(x=[1, 2]):
        pass
    case [Point(x=0, y=0) as p, *others] if len(others) > 1:
        pass
    case (1 | 2) as n:
        pass
    case str() | bytes():
        pass
    case [1, [2, [3, *r]]] | {"k": [x, {}]}:
        pass
    case x if x > 0:
        pass
match x, y:
    case a, b: pass
match *x, y:
    case _: pass
match (x):
    case _: pass
match -x:
    case _: pass
match x := y:
    case _: pass
