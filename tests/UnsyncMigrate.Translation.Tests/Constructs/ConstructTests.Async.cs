namespace UnsyncMigrate.Translation.Tests;

// async with, async for, async generators and comprehensions on the unsync loop, and Ellipsis as
// a value (issue 13): each was a UM2001 stub before; with's exit after the body's finally blocks.
// Expected output: what CPython 3.13 printed for each snippet (with unsync 1.4.0 from ../shared/oracle).
public partial class ConstructTests
{
    static readonly Snippet[] Async =
    [
        new(nameof(AsyncWith_EnterAndExit_GetTheExceptionAndMaySuppressIt), """
            import asyncio
            from unsync import unsync


            class Resource:
                def __init__(self, name, suppress=False):
                    self.name = name
                    self.suppress = suppress

                async def __aenter__(self):
                    await asyncio.sleep(0)
                    print('enter', self.name)
                    return self

                async def __aexit__(self, exc_type, exc, tb):
                    await asyncio.sleep(0)
                    print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
                    return self.suppress


            class NoExit:
                async def __aenter__(self):
                    return 1


            async def early():
                async with Resource('ret'):
                    return 'returned'


            @unsync
            async def main():
                async with Resource('a') as r:
                    print('inside', r.name)
                async with Resource('quiet', suppress=True):
                    raise ValueError('hidden')
                print('after suppressed')
                try:
                    async with Resource('loud'):
                        try:
                            raise KeyError('k')
                        finally:
                            print('inner finally')
                except KeyError as e:
                    print('propagated', repr(e))
                async with Resource('x') as x, Resource('y', suppress=True) as y:
                    print('both', x.name, y.name)
                    raise RuntimeError('to y')
                print('y suppressed it')
                for i in range(3):
                    async with Resource('loop%d' % i):
                        if i == 1:
                            continue
                        if i == 2:
                            break
                        print('body', i)
                print(await early())
                for obj in (NoExit(), 5):
                    try:
                        async with obj:
                            print('not reached')
                    except TypeError as e:
                        print('TypeError:', e)


            main().result()
            """, "enter a\ninside a\nexit a None None\nenter quiet\nexit quiet ValueError hidden\nafter suppressed\nenter loud\ninner finally\nexit loud KeyError 'k'\npropagated KeyError('k')\nenter x\nenter y\nboth x y\nexit y RuntimeError to y\nexit x None None\ny suppressed it\nenter loop0\nbody 0\nexit loop0 None None\nenter loop1\nexit loop1 None None\nenter loop2\nexit loop2 None None\nenter ret\nexit ret None None\nreturned\nTypeError: 'NoExit' object does not support the asynchronous context manager protocol (missed __aexit__ method)\nTypeError: 'int' object does not support the asynchronous context manager protocol\n"),
        new(nameof(AsyncFor_AiterAndAnext_StopAsyncIterationEndsTheLoop), """
            import asyncio
            from unsync import unsync


            class Countdown:
                def __init__(self, n, fail_at=None):
                    self.n = n
                    self.fail_at = fail_at

                def __aiter__(self):
                    print('aiter')
                    return self

                async def __anext__(self):
                    if self.n == 0:
                        raise StopAsyncIteration
                    await asyncio.sleep(0)
                    self.n -= 1
                    if self.n == self.fail_at:
                        raise ValueError('failed at %d' % self.n)
                    return self.n


            class NoNext:
                def __aiter__(self):
                    return self


            @unsync
            async def main():
                async for v in Countdown(3):
                    print('count', v)
                print('after', v)
                async for v in Countdown(5):
                    if v == 3:
                        continue
                    if v == 1:
                        break
                    print('c', v)
                else:
                    print('no else after break')
                async for v in Countdown(2):
                    print('d', v)
                else:
                    print('else ran')
                async for a, b in Pairs():
                    print('pair', a, b)
                try:
                    async for v in Countdown(4, fail_at=2):
                        print('e', v)
                except ValueError as e:
                    print('ValueError', e)
                try:
                    async for v in Countdown(2):
                        raise StopAsyncIteration('from the body')
                except StopAsyncIteration as e:
                    print('body raised', repr(e))
                for obj in (5, NoNext()):
                    try:
                        async for v in obj:
                            pass
                    except TypeError as e:
                        print('TypeError:', e)


            class Pairs:
                def __init__(self):
                    self.items = [(1, 'a'), (2, 'b')]

                def __aiter__(self):
                    return self

                async def __anext__(self):
                    if not self.items:
                        raise StopAsyncIteration
                    return self.items.pop(0)


            main().result()
            """, "aiter\ncount 2\ncount 1\ncount 0\nafter 0\naiter\nc 4\nc 2\naiter\nd 1\nd 0\nelse ran\npair 1 a\npair 2 b\naiter\ne 3\nValueError failed at 2\naiter\nbody raised StopAsyncIteration('from the body')\nTypeError: 'async for' requires an object with __aiter__ method, got int\nTypeError: 'async for' received an object from __aiter__ that does not implement __anext__: NoNext\n"),
        new(nameof(AsyncGenerator_IteratedOnTheLoop_InterleavesAsPython), """
            import asyncio
            from unsync import unsync


            async def ticks(label, n):
                for i in range(n):
                    await asyncio.sleep(0)
                    print('tick', label, i)
                    yield i * 10
                print('ticks done', label)


            async def chatter(label, n):
                for i in range(n):
                    print('chat', label, i)
                    await asyncio.sleep(0)


            async def until(limit):
                i = 0
                while True:
                    if i >= limit:
                        return
                    yield i
                    i += 1


            async def failing():
                yield 'first'
                await asyncio.sleep(0)
                raise KeyError('inside the generator')


            async def guarded():
                try:
                    yield 1
                    yield 2
                finally:
                    print('guarded finally')


            class Source:
                def __init__(self, items):
                    self.items = items

                async def stream(self):
                    for x in self.items:
                        await asyncio.sleep(0)
                        yield x.upper()


            @unsync
            async def consume(label):
                total = 0
                async for t in ticks(label, 3):
                    total += t
                return total


            @unsync
            async def talk(label):
                await chatter(label, 3)


            @unsync
            async def main():
                g = ticks('g', 1)
                print(type(g).__name__, repr(g).startswith('<async_generator object ticks at 0x'))
                a = consume('A')
                b = talk('B')
                c = consume('C')
                print(await a, await b, await c)
                async for i in until(3):
                    print('until', i)
                try:
                    async for v in failing():
                        print('got', v)
                except KeyError as e:
                    print('KeyError', e)
                g2 = guarded()
                print(await g2.__anext__())
                print(await g2.aclose())
                try:
                    await g2.__anext__()
                except StopAsyncIteration:
                    print('closed')
                async for v in guarded():
                    print('gv', v)
                async for s in Source(['x', 'y']).stream():
                    print('stream', s)

                async def inner(n):
                    for k in range(n):
                        yield k + n

                print([v async for v in inner(2)])


            main().result()
            """, "async_generator True\nchat B 0\ntick A 0\nchat B 1\ntick C 0\ntick A 1\nchat B 2\ntick C 1\ntick A 2\nticks done A\ntick C 2\nticks done C\n30 None 30\nuntil 0\nuntil 1\nuntil 2\ngot first\nKeyError 'inside the generator'\n1\nguarded finally\nNone\nclosed\ngv 1\ngv 2\nguarded finally\nstream X\nstream Y\n[2, 3]\n"),
        new(nameof(AsyncComprehensions_AsyncForAndAwait_BuildWhatPythonBuilds), """
            import asyncio
            from unsync import unsync


            async def ticks(label, n):
                for i in range(n):
                    await asyncio.sleep(0)
                    print('tick', label, i)
                    yield i


            async def double(x):
                await asyncio.sleep(0)
                return x * 2


            @unsync
            async def main():
                print([t async for t in ticks('list', 3)])
                print([await double(x) for x in range(3)])
                print({t: await double(t) async for t in ticks('dict', 3) if t > 0})
                print(sorted({t % 2 async for t in ticks('set', 3)}))
                print([(t, u) async for t in ticks('outer', 2) for u in 'ab'])
                g = (await double(x) for x in range(3))
                print(type(g).__name__)
                print([v async for v in g])
                h = (t * 10 async for t in ticks('gen', 2))
                print('created')
                async for v in h:
                    print('h', v)


            main().result()
            """, "tick list 0\ntick list 1\ntick list 2\n[0, 1, 2]\n[0, 2, 4]\ntick dict 0\ntick dict 1\ntick dict 2\n{1: 2, 2: 4}\ntick set 0\ntick set 1\ntick set 2\n[0, 1]\ntick outer 0\ntick outer 1\n[(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]\nasync_generator\n[0, 2, 4]\ncreated\ntick gen 0\nh 0\ntick gen 1\nh 10\n"),
        new(nameof(Ellipsis_AsAValue_IsPythonsSingleton), """
            def stub(a=...):
                ...
                return a


            class Marker:
                value = ...

                def method(self):
                    ...


            x = ...
            print(x, repr(...), str(...), type(...).__name__)
            print(x is ..., x == ..., bool(...), [..., 1], (...,))
            print(stub(), stub(1), Marker.value, Marker().method())
            print({...: 'key'}[...])
            """, "Ellipsis Ellipsis Ellipsis ellipsis\nTrue True True [Ellipsis, 1] (Ellipsis,)\nEllipsis 1 Ellipsis None\nkey\n"),
        new(nameof(With_BodysFinallyBlocks_RunBeforeExit), """
            import asyncio
            from unsync import unsync


            class Sync:
                def __enter__(self):
                    return self

                def __exit__(self, exc_type, exc, tb):
                    print('exit', exc_type.__name__ if exc_type else None)
                    return True


            class Async:
                async def __aenter__(self):
                    return self

                async def __aexit__(self, exc_type, exc, tb):
                    print('aexit', exc_type.__name__ if exc_type else None)
                    return False


            def sync_part():
                with Sync():
                    try:
                        raise KeyError('k')
                    finally:
                        print('inner finally')
                print('suppressed')


            @unsync
            async def async_part():
                try:
                    async with Async():
                        try:
                            try:
                                raise ValueError('v')
                            finally:
                                print('innermost finally')
                        finally:
                            print('inner finally')
                except ValueError as e:
                    print('propagated', e)


            sync_part()
            async_part().result()
            """, "inner finally\nexit KeyError\nsuppressed\ninnermost finally\ninner finally\naexit ValueError\npropagated v\n"),
        new(nameof(AsyncWith_AsyncioLockAndSemaphore_QueueTasksAsPython), """
            import asyncio
            from unsync import unsync

            lock = asyncio.Lock()
            sem = asyncio.Semaphore(2)


            @unsync
            async def guarded(name):
                print(name, 'wants the lock', lock.locked())
                async with lock:
                    print(name, 'has the lock')
                    await asyncio.sleep(0)
                    await asyncio.sleep(0)
                    print(name, 'releases')
                print(name, 'after', lock.locked())


            @unsync
            async def limited(name):
                async with sem:
                    print(name, 'in', sem.locked())
                    await asyncio.sleep(0)
                    print(name, 'out')


            @unsync
            async def manual():
                print(await lock.acquire(), lock.locked())
                lock.release()
                try:
                    lock.release()
                except RuntimeError as e:
                    print('RuntimeError', e)
                try:
                    asyncio.Semaphore(-1)
                except ValueError as e:
                    print('ValueError', e)


            @unsync
            async def main():
                a, b, c = guarded('a'), guarded('b'), guarded('c')
                await a
                await b
                await c
                tasks = [limited(n) for n in 'wxyz']
                for t in tasks:
                    await t
                await manual()


            main().result()
            """, "a wants the lock False\na has the lock\nb wants the lock True\nc wants the lock True\na releases\na after False\nb has the lock\nb releases\nb after False\nc has the lock\nc releases\nc after False\nw in False\nx in True\nw out\nx out\ny in True\nz in True\ny out\nz out\nTrue True\nRuntimeError Lock is not acquired.\nValueError Semaphore initial value must be >= 0\n"),
    ];

    [Fact]
    public void AsyncWith_EnterAndExit_GetTheExceptionAndMaySuppressIt() => Check();

    [Fact]
    public void AsyncFor_AiterAndAnext_StopAsyncIterationEndsTheLoop() => Check();

    [Fact]
    public void AsyncGenerator_IteratedOnTheLoop_InterleavesAsPython() => Check();

    [Fact]
    public void AsyncComprehensions_AsyncForAndAwait_BuildWhatPythonBuilds() => Check();

    [Fact]
    public void Ellipsis_AsAValue_IsPythonsSingleton() => Check();

    [Fact]
    public void With_BodysFinallyBlocks_RunBeforeExit() => Check();

    [Fact]
    public void AsyncWith_AsyncioLockAndSemaphore_QueueTasksAsPython() => Check();
}
