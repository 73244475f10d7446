type X = int
type X[T] = list[T]
type Alias[T: int, *Ts, **P] = tuple[T, *Ts]
type Y[T = int] = T
type Z[*Ts = *tuple[int, str]] = tuple[*Ts]
type W[**P = [int, str]] = Callable[P, int]
type V[T: (int, str) = int] = T
type U[T,] = T
def f[T](x: T) -> T: return x
def g[T: int, U: (str, bytes), *V, **W](): pass
def h[T = int, U = str](): pass
def k[*Ts = *tuple[int]](): pass
def m[**P = ...](): pass
class C[T]: pass
class D[T: int = bool, *Ts, **P](Base[T]): pass
class E[T](Generic[T], metaclass=M): pass
async def af[T](): pass
@dec
def deco[T](): pass
type type = type
type match = case
def n[T: int = int, *Ts = *tuple[()], **P = [int]](): pass
