namespace UnsyncMigrate.Translation.Tests;

// with statements and try/except/else/finally.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] ControlFlow =
    [
        new(nameof(With_ContextManagers), """
            class Resource:
                def __init__(self, name, suppress=False):
                    self.name = name
                    self.suppress = suppress

                def __enter__(self):
                    print('enter', self.name)
                    return self

                def __exit__(self, exc_type, exc, tb):
                    print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
                    return self.suppress

            with Resource('a') as r:
                print('inside', r.name)
            with Resource('quiet', suppress=True):
                raise ValueError('hidden')
            print('after suppressed')
            try:
                with Resource('loud'):
                    raise KeyError('k')
            except KeyError as e:
                print('propagated', repr(e))
            with Resource('x') as x, Resource('y') as y:
                print('both', x.name, y.name)

            def early():
                with Resource('ret'):
                    return 'returned'
            print(early())
            """, "enter a\ninside a\nexit a None None\nenter quiet\nexit quiet ValueError hidden\nafter suppressed\nenter loud\nexit loud KeyError 'k'\npropagated KeyError('k')\nenter x\nenter y\nboth x y\nexit y None None\nexit x None None\nenter ret\nexit ret None None\nreturned\n"),
        new(nameof(TryExceptElseFinally), """
            def attempt(v):
                try:
                    r = 10 // v
                except ZeroDivisionError as e:
                    print('except', e)
                    return 'failed'
                except (TypeError, ValueError):
                    print('bad type')
                    raise
                else:
                    print('else', r)
                    return r
                finally:
                    print('finally', v)

            print(attempt(2))
            print(attempt(0))
            try:
                attempt('x')
            except TypeError as e:
                print('outer', type(e).__name__)

            class AppError(Exception):
                def __init__(self, code, msg):
                    super().__init__(msg)
                    self.code = code

            class NotFound(AppError):
                pass

            try:
                raise NotFound(404, 'missing')
            except AppError as e:
                print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception))

            try:
                try:
                    {}['k']
                except KeyError as e:
                    raise RuntimeError('wrapped') from e
            except RuntimeError as e:
                print(e, repr(e.__cause__))

            def cleanup():
                try:
                    return 'try'
                finally:
                    print('cleanup ran')
            print(cleanup())
            for i in range(3):
                try:
                    if i == 1:
                        continue
                    print('body', i)
                finally:
                    print('fin', i)
            """, "else 5\nfinally 2\n5\nexcept integer division or modulo by zero\nfinally 0\nfailed\nbad type\nfinally x\nouter TypeError\nNotFound 404 missing ('missing',) True\nwrapped KeyError('k')\ncleanup ran\ntry\nbody 0\nfin 0\nfin 1\nbody 2\nfin 2\n"),
        new(nameof(Exceptions_ReraiseAndOrdering), """
            def inner():
                try:
                    raise ValueError('v')
                finally:
                    print('inner finally')

            def outer():
                try:
                    inner()
                except ValueError as e:
                    print('caught', repr(e))
                    raise
                finally:
                    print('outer finally')

            try:
                outer()
            except Exception as e:
                print('top', type(e).__name__, e.args)
            try:
                [][1]
            except IndexError as e:
                print('IndexError:', e)
            try:
                {'a': 1}['b']
            except KeyError as e:
                print('KeyError:', e, repr(e))
            try:
                int('x')
            except ValueError as e:
                print('ValueError:', e)
            try:
                None.foo
            except AttributeError as e:
                print('AttributeError:', e)
            try:
                raise
            except RuntimeError as e:
                print('RuntimeError:', e)
            """, "inner finally\ncaught ValueError('v')\nouter finally\ntop ValueError ('v',)\nIndexError: list index out of range\nKeyError: 'b' KeyError('b')\nValueError: invalid literal for int() with base 10: 'x'\nAttributeError: 'NoneType' object has no attribute 'foo'\nRuntimeError: No active exception to reraise\n"),
        new(nameof(With_ExitRaises_ItsExceptionReplacesTheBodys), """
            class Guard:
                def __init__(self, name):
                    self.name = name

                def __enter__(self):
                    return self

                def __exit__(self, exc_type, exc, tb):
                    print("exit", self.name, exc_type.__name__ if exc_type else None)
                    if isinstance(exc, KeyError):
                        raise ValueError(f"{self.name}: missing {exc}") from exc
                    return False


            try:
                with Guard("outer"):
                    try:
                        with Guard("inner"):
                            {}["k"]
                    finally:
                        print("inner finally")
            except ValueError as e:
                print("caught", type(e).__name__, e, repr(e.__cause__))

            try:
                with Guard("plain"):
                    raise TypeError("x")
            except Exception as e:
                print("caught", type(e).__name__, e)
            """, "exit inner KeyError\ninner finally\nexit outer ValueError\ncaught ValueError inner: missing 'k' KeyError('k')\nexit plain TypeError\ncaught TypeError x\n"),
    ];

    [Fact]
    public void With_ContextManagers() => Check();

    [Fact]
    public void TryExceptElseFinally() => Check();

    [Fact]
    public void Exceptions_ReraiseAndOrdering() => Check();

    [Fact]
    public void With_ExitRaises_ItsExceptionReplacesTheBodys() => Check();
}
