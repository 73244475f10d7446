if (n := len(a)) > 10:
    pass
while (chunk := read()):
    pass
[y := f(x), y ** 2]
[y for x in data if (y := f(x)) is not None]
print(x := 1)
print(a, b := 2)
f(x=(y := 1))
x = (y := 0)
(z := 1)
a[(b := 1)]
a[b := 1]
a[b := 1, c := 2]
{(a := 1): 2}
{a := 1}
{a := 1, 2}
lambda: (x := 1)
def foo(answer=(p := 42)): pass
def foo(answer: (p := 42) = 5): pass
assert (x := 1)
x = [(y := 1) for _ in range(2)]
if any((len(w) > 5 for w in words)): pass
with (x := open(f)) as g: pass
with (x := 1): pass
elif_ = [y := 1]
f"{(x:=10)}"
