None; True; False; ...
x
f()
f(a)
f(a, b, *c, d=1, **e)
f(*a, *b, **c, **d)
f(a for a in b)
f(x=1, *y)
f(**k, x=1)
obj.attr.attr2
obj.method()()
a[1]
a[1:2]
a[1:2:3]
a[:]
a[::]
a[::2]
a[1:]
a[:2]
a[1, 2]
a[1:2, ::3]
a[1:2, 3]
a[*b]
a[*b, c]
a[()]
a[(1, 2)]
a[b, :]
()
(1,)
(1, 2)
1, 2
[]
[1, 2, 3]
[1, 2,]
{}
{1: 2, 3: 4}
{**a, 'b': 1, **c}
{1, 2}
{*a, *b}
[*a, *b]
(*a, *b)
*a, b = c
a, *b = c
[*a] = b
lambda: 0
lambda x: x
lambda x, y=1, *a, z, **k: 0
lambda x, /, y, *, z: 0
lambda *a, **k: 0
lambda *, k: k
lambda: (yield)
await_ = 1
x = f"" if a else b""
