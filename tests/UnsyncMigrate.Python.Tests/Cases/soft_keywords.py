match = 1
case = 2
type = 3
_ = 4
match.foo = 5
match[0] = 6
match(x)
match, case = 1, 2
print(match, case, type, _)
type(x)
type.mro
def match(case, type, _): return _
class match: pass
import match
from match import case
match -x
match * x
match (x)
[match for match in case]
match: int = 1
type: type = type
lambda match, case: match + case
match
case
type
match[1:2]
async def f():
    match = await g()
match x:
    case case: pass
match match:
    case match: pass
match (type):
    case type.X: pass
match [match]:
    case [case]: pass
match {}:
    case {'_': _}: pass
