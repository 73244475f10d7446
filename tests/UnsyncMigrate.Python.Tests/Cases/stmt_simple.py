pass
x = 1
x = y = z = 2
a, b = b, a
[a, b] = c
(a, b), c = d
x: int
x: int = 3
self.attr: list[int] = []
(y): str
d["k"]: int = 1
x += 1
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6
x @= m; x &= 1; x |= 2; x ^= 3; x <<= 4; x >>= 5
del x
del a, b[0], c.d
del (a, b), [c]
assert x
assert x, "message"
raise
raise E
raise E from None
raise E("x") from cause
import os
import os.path, sys as system
import a.b.c as d
from os import path
from os import (path as p, sep,)
from . import x
from .. import y
from ...pkg.mod import z as w
from .mod import *
from __future__ import annotations
return_ = 1
print(x); print(y);
