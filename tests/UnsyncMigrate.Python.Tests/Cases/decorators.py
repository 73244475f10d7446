@decorator
def f(): pass

@decorator()
@other.attr(1, k=2)
class C:
    @property
    def p(self): return 1

    @p.setter
    def p(self, v): pass

@buttons[0].clicked.connect
def spam(): pass

@(lambda f: f)
async def g(): pass

@x if y else z
@a := b
@f(x)(y)[z]
def h(): pass
