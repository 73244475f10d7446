lambda: 0
lambda x: x
lambda x, y: x + y
lambda x=1: x
lambda *args: args
lambda **kw: kw
lambda *, a, b=2: a
lambda a, /: a
lambda a, /, b, *c, d, **e: 0
lambda a=1, /, b=2: 0
lambda: lambda: 0
lambda x: (yield)
f = lambda x: x if x else lambda: 0
sorted(x, key=lambda t: t[1])
(lambda: 0)()
lambda x: x, 1
[lambda: 1, lambda: 2]
lambda *a,: 0
lambda a,: 0
lambda a, *, b,: 0
