a + b - c * d / e // f % g @ h ** i ** j
a << b >> c & d | e ^ f
-a + +b - ~c; not a; not not a; - - a; -2 ** -2; (-2) ** 2
a < b <= c > d >= e == f != g is h is not i in j not in k
a and b or c and not d or e
a and b and c; a or b or c; (a or b) and c
x if y else z if w else v
lambda: 0
lambda x: x
lambda x, y=1, *args, z, w=2, **kw: x
lambda x, /, y, *, z: 0
lambda *, a: a
lambda *a, **k: 0
lambda x=1, /, y=2: 0
(x := 10)
[y := f(x), y**2]
f(x := 1)
a[1]; a[1:2]; a[:]; a[::]; a[1:]; a[:2]; a[::3]; a[1:2:3]; a[1, 2]; a[1:2, ::3]; a[...]; a[()]; a[x:=1]
a[*b]; a[1, *b]
a.b.c; a.b(c).d[e]; a()()[0]
f(); f(a); f(a, b); f(a, *b); f(*a, *b); f(a=1); f(**k); f(a, b=1, *c, d=2, **e); f(*a, b=1, *c, **d, e=2)
f(x for x in y); f((x for x in y), 1)
(); (a,); (a, b); (a, *b); (*a, *b); (a); ((a)); (yield)
[]; [a]; [a, b,]; [*a, b]; {}; {a: 1}; {a: 1, **b, c: 2}; {**a}; {a}; {a, b}; {*a}; {a, *b,}
[x for x in y]; [x for x in y if x if z]; [x for x in y for z in x]; [(x, y) for x, y in z]
{x for x in y}; {k: v for k, v in d.items()}; (x for x in y); [x for *a, b in c]
[x async for x in y] if False else 0
a, b = b, a
*a, b = c
[a, *b] = c
a = b = c = d
(a), [b] = c
x.y = z; x[0] = 1; x[1:2] = 3
yield_ = 1
def g():
    x = yield
    y = yield x
    z = yield from w
    yield a, b
    await_ = 1
async def h():
    await x
    await f(x)
    [await y async for y in z]
    async for a in b: pass
    async with c as d: pass
    return await e ** 2
a if b else c
"s" in d
[1, 2][0]
x = *a, *b
print(*args, sep='')
