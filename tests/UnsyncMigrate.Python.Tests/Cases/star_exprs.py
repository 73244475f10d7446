a, *b = c
*a, b = c
a, *b, c = d
[a, *b] = c
(*a,) = b
for *a, b in c: pass
x = *a, *b
x = *a,
return_ = [*a, *b]
def f():
    return *a, *b
def g():
    yield *a, *b
print(*a)
t = (*a, 1)
s = {*a, 1}
a[*b]
a[*b] = 1
del a[*b]
x: tuple[*Ts]
def h(*args: *Ts): pass
for x in *a, *b: pass
