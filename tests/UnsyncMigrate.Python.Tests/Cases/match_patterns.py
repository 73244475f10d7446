match command:
    case "quit":
        pass
    case 1 | 2 | 3:
        pass
    case -1:
        pass
    case 1.5 | -2.5 | 1+2j | -1-2j | 3 - 4j:
        pass
    case b"bytes" | "str" "concat" | f:
        pass
    case None | True | False:
        pass
    case x:
        pass
    case _:
        pass
match x:
    case Point(x=0, y=0):
        pass
    case Point():
        pass
    case Point(1, 2, z=3):
        pass
    case mod.Class(a, b=[c, *d]):
        pass
    case a.b.c:
        pass
    case [1, 2]:
        pass
    case [1, *rest]:
        pass
    case [*_, last]:
        pass
    case (1, 2):
        pass
    case ():
        pass
    case []:
        pass
    case (x,):
        pass
    case 1, 2:
        pass
    case 1, *rest:
        pass
    case {"a": 1, **rest}:
        pass
    case {}:
        pass
    case {1: _, "x": y, None: z, a.b: c}:
        pass
    case {**rest}:
        pass
    case [1, 2] as lst:
        pass
    case (1 | 2) as n:
        pass
    case int() | str() as v if v:
        pass
    case x if x > 0:
        pass
    case (x):
        pass
    case ((x)):
        pass
    case [x, [y, *z]] | {"k": [x, y, *z]}:
        pass
    case {-1: x, 1+1j: y, b"k": z}:
        pass
match (x, y):
    case _: pass
match x,:
    case _: pass
match *a, b:
    case _: pass
match -x:
    case _: pass
match x := y:
    case _: pass
