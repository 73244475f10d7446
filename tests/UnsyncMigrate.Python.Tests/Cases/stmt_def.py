def f(): pass
def f(a, b=1, *args, c, d=2, **kwargs) -> int:
    return a
def f(a, /, b, *, c): return
def f(a=1, /, b=2, *, c=3, **k): ...
def f(*, a): pass
def f(a, /): pass
def f(a: int, b: "str" = "x", *args: int, **kwargs: dict) -> None: pass
def f(*args: *Ts): pass
def g():
    """docstring"""
    yield
    yield 1
    yield from g()
    x = yield
    x = yield 1, 2
    return 1, 2
class A: pass
class A(): pass
class B(A, metaclass=M, **kw):
    x = 1
    def m(self): pass
class C(*bases, x=1): pass
async def a():
    await x
    async for i in y:
        pass
    else:
        pass
    async with a as b, c:
        pass
    return await f()
def outer():
    x = 1
    def inner():
        nonlocal x
        global y, z
        x = 2
    return inner
