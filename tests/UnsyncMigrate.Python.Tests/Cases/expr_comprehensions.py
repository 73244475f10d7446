[x for x in y]
[x for x in y if x if not x]
[x for x in y for z in x]
[(x, y) for x in a for y in b if x != y]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[x for x, in y]
[x async for x in ay]
async def f():
    [x async for x in ay]
    {x: y async for x, y in ay if await x}
    (x async for x in ay)
    [await x for x in y]
    [x for x in await y]
    return [y async for x in a async for y in x]
[[y for y in x] for x in z]
[lambda: x for x in y]
[x for x in (yield)] if False else None
