namespace UnsyncMigrate.Translation.Tests;

// Closures, nonlocal/global, lambdas, argument passing, tuple unpacking.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Functions =
    [
        new(nameof(ClosuresNonlocalGlobal), """
            counter = 0

            def bump(n=1):
                global counter
                counter += n
                return counter

            def make_counter(start):
                count = start
                def inc():
                    nonlocal count
                    count += 1
                    return count
                def get():
                    return count
                return inc, get

            inc, get = make_counter(10)
            inc(); inc()
            print(get(), inc(), bump(), bump(5), counter)
            adders = [lambda x, i=i: x + i for i in range(3)]
            late = [lambda: i for i in range(3)]
            print([f(10) for f in adders], [f() for f in late])

            def outer():
                x = 'outer'
                def middle():
                    def inner():
                        return x
                    return inner()
                return middle()
            print(outer())
            """, "12 13 1 6 6\n[10, 11, 12] [2, 2, 2]\nouter\n"),
        new(nameof(Lambdas), """
            square = lambda x: x * x
            add = lambda a, b=10: a + b
            print(square(4), add(1), add(1, 2), (lambda: 'now')(), list(map(lambda s: s.upper(), ['a', 'b'])))
            print(list(filter(lambda n: n % 2, range(6))), sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))
            compose = lambda f, g: lambda x: f(g(x))
            print(compose(square, lambda x: x + 1)(2), (lambda *a, **k: (a, k))(1, 2, z=3))
            """, "16 11 3 now ['A', 'B']\n[1, 3, 5] ['ccc', 'bb', 'a']\n9 ((1, 2), {'z': 3})\n"),
        new(nameof(ArgumentsDefaultsKeywordsStarArgs), """
            def f(a, b=2, *args, c, d=4, **kwargs):
                return a, b, args, c, d, kwargs

            print(f(1, c=3))
            print(f(1, 5, 6, 7, c=8, e=9))
            print(f(*[1, 2, 3], **{'c': 0, 'x': 1}))

            def g(*, key):
                return key

            def h(x, /, y):
                return x - y

            print(g(key='k'), h(5, y=3), h(5, 3))

            def acc(item, bucket=[]):
                bucket.append(item)
                return bucket

            print(acc(1), acc(2))

            def total(*nums, start=0):
                return start + sum(nums)

            print(total(), total(1, 2, 3), total(*range(4), start=100))
            try:
                f(1)
            except TypeError as e:
                print('TypeError:', e)
            """, "(1, 2, (), 3, 4, {})\n(1, 5, (6, 7), 8, 4, {'e': 9})\n(1, 2, (3,), 0, 4, {'x': 1})\nk 2 2\n[1, 2] [1, 2]\n0 6 106\nTypeError: f() missing 1 required keyword-only argument: 'c'\n"),
        new(nameof(TupleUnpacking_IncludingStarred), """
            a, b = 1, 2
            a, b = b, a
            print(a, b)
            (x, y), z = (3, 4), 5
            first, *rest = [1, 2, 3, 4]
            *init, last = 'abc'
            head, *mid, tail = range(5)
            p, *q = (9,)
            print(x, y, z, first, rest, init, last, head, mid, tail, p, q)
            for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
                print(i, k, v)
            for n, c in zip([1, 2, 3], 'xy'):
                print(n, c, end=' ')
            print()
            [m, n] = [7, 8]
            print(m + n, [*rest, *'ab'], (*init, 0), {**{'a': 1}, 'b': 2})
            try:
                a, b = [1, 2, 3]
            except ValueError as e:
                print('ValueError:', e)
            try:
                a, b, c = [1, 2]
            except ValueError as e:
                print('ValueError:', e)
            """, "2 1\n3 4 5 1 [2, 3, 4] ['a', 'b'] c 0 [1, 2, 3] 4 9 []\n0 a 1\n1 b 2\n1 x 2 y \n15 [2, 3, 4, 'a', 'b'] ('a', 'b', 0) {'a': 1, 'b': 2}\nValueError: too many values to unpack (expected 2)\nValueError: not enough values to unpack (expected 3, got 2)\n"),
        new(nameof(Decorators_WithArgsKwargsForwarding), """
            import functools

            def trace(fn):
                @functools.wraps(fn)
                def wrapper(*args, **kwargs):
                    print('call', fn.__name__, args, kwargs)
                    return fn(*args, **kwargs)
                return wrapper

            def repeat(n):
                def deco(fn):
                    def inner(*a):
                        return [fn(*a) for _ in range(n)]
                    return inner
                return deco

            @trace
            def add(a, b=1):
                return a + b

            @repeat(2)
            def hello(who):
                return 'hi ' + who

            print(add(2), add(2, b=5), add.__name__, hello('x'))
            """, "call add (2,) {}\ncall add (2,) {'b': 5}\n3 7 add ['hi x', 'hi x']\n"),
        new(nameof(NoneReturningFunctions_AsStatementsValuesAndDynamicCalls), """
            class Log:
                def __init__(self, name):
                    self.name = name
                    self.lines = []

                def add(self, *parts):
                    self.lines.append(' '.join(str(p) for p in parts))

                def clear(self):
                    if not self.lines:
                        return
                    self.lines = []

                @staticmethod
                def banner(text):
                    print('==', text, '==')

                @classmethod
                def note(cls, text):
                    cls.banner(cls.__name__ + ' ' + text)

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    print('closing', self.name, len(self.lines))


            class Child(Log):
                def extra(self, n):
                    super().add('extra', n)
                    super().add(*['spread', n])


            class Grid:
                def __init__(self):
                    self.cells = {}

                def __setitem__(self, key, value):
                    self.cells[key] = value


            def report(log, prefix='>'):
                for line in log.lines:
                    print(prefix, line)


            def run(n):
                total = 0
                for i in range(n):
                    if i == 3:
                        return
                    total += i
                    print('step', i, total)


            def noop():
                pass


            def main():
                Log.banner('start')
                log = Log('main')
                log.add('a', 1)
                log.add('b', 2)
                report(log)
                report(log, prefix='*')
                run(5)
                args = [2]
                run(*args)
                with Child('child') as c:
                    c.extra(7)
                    report(c)
                holder = [log]
                holder[0].clear()
                print(log.lines, holder[0].clear(), noop())
                log.clear()
                Log.note('x')
                Child.note('y')
                grid = Grid()
                grid['a'] = 1
                print(grid.cells)


            main()
            """, "== start ==\n> a 1\n> b 2\n* a 1\n* b 2\nstep 0 0\nstep 1 1\nstep 2 3\nstep 0 0\nstep 1 1\n> extra 7\n> spread 7\nclosing child 2\n[] None None\n== Log x ==\n== Child y ==\n{'a': 1}\n"),
    ];

    [Fact]
    public void ClosuresNonlocalGlobal() => Check();

    [Fact]
    public void Lambdas() => Check();

    [Fact]
    public void ArgumentsDefaultsKeywordsStarArgs() => Check();

    [Fact]
    public void TupleUnpacking_IncludingStarred() => Check();

    [Fact]
    public void Decorators_WithArgsKwargsForwarding() => Check();

    // Functions returning None become C# void where every use discards the result: direct calls
    // as statements, and PyFunc values, dynamic dispatch (untyped receivers, runtime dunders, with)
    // and run-time argument binding (*args) still see None.
    [Fact]
    public void NoneReturningFunctions_AsStatementsValuesAndDynamicCalls() => Check();
}
