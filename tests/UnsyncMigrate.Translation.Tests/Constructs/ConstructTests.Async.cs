namespace UnsyncMigrate.Translation.Tests;

// async with, async for, async generators and comprehensions on the unsync loop, and Ellipsis as
// a value (issue 13): each was a UM2001 stub before.
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
    ];

    [Fact]
    public void AsyncWith_EnterAndExit_GetTheExceptionAndMaySuppressIt() => Check();
}
