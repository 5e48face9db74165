import os
import os.path as p, sys
from . import a
from .. import b as c
from ...pkg.mod import (d, e as f,)
from .... import g
from x import *
from __future__ import annotations
global gg, hh
def nl():
    nonlocal xx, yy
x = 1; y = 2;
x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x //= 1; x %= 1; x **= 1; x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
a.b += 1; a[0] -= 1
x: int
x: int = 1
(x): int = 1
a.b: str
a[0]: list[int] = []
x: int = yield_value if False else 1
del a; del a, b; del a.b, c[0], (d, e), [f]; del (a); del (a,)
pass
for i in range(10):
    if i: continue
    else: break
else:
    pass
for a, (b, *c) in d: pass
for x, in y: pass
while x:
    x -= 1
else:
    y = 2
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (A, B) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
with a: pass
with a as b: pass
with a as b, c as d: pass
with (a, b): pass
with (a as b, c as d,): pass
with (a) as b: pass
with (a, b) as c: pass
with a as (b, c): pass
with (yield): pass
with f() as x[0], g() as y.z: pass
raise
raise E
raise E from None
assert x
assert x, "msg"
return_ = 1
def f(): return
def f(): return 1, 2
def f(): return *a, b
def f(a, b=1, *args, c, d=2, **kwargs) -> int: pass
def f(a, /, b, *, c): pass
def f(a=1, /, b=2, *, c=3): pass
def f(*, a, b=1): pass
def f(a: int, *args: str, b: float = 1.0, **kw: dict) -> None: ...
def f(a,): pass
@dec
@dec.attr(1)
@(lambda f: f)
@x[0]
def f(): pass
@dec
class C: pass
class C(): pass
class C(A, B, metaclass=M, **kw): x = 1
class C(*bases): pass
async def f(): pass
@dec
async def f(): pass
def outer():
    def inner():
        class Local:
            def method(self):
                return self
        return Local
    return inner
if x: a; b; c
while True: break
type = 1
match = 2
case = 3
_ = 4
print(type, match, case)
match.x = 1
match[0] = 1
match(x)
match (x)
