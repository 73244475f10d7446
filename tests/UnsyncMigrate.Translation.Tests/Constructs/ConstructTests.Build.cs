namespace UnsyncMigrate.Translation.Tests;

// Constructs seen failing the C# build on real projects (issue 13): each now builds and behaves as in CPython.
// Expected output: what CPython 3.13 printed for each snippet (with unsync 1.4.0 from ../shared/oracle).
public partial class ConstructTests
{
    static readonly Snippet[] Build =
    [
        new(nameof(ClassAttribute_WithSameNamedSelfAttributeAndBareAnnotations_BothKept), """
            class Counter:
                count = 0
                label: str
                limit: int = 5
                never: int

                def __init__(self, label):
                    self.count = 1
                    self.label = label

                def bump(self):
                    self.count += 1
                    return self.count


            c = Counter('a')
            print(c.bump(), Counter.count, c.label, c.limit, Counter.limit)
            print(hasattr(c, 'never'), hasattr(Counter, 'label'), hasattr(Counter, 'never'))
            try:
                print(c.never)
            except AttributeError as e:
                print('AttributeError', e)
            """, "2 0 a 5 5\nFalse False False\nAttributeError 'Counter' object has no attribute 'never'\n"),
        new(nameof(Dataclass_DefaultFromAnotherModule_IsThatValue), """
            # module: main
            from dataclasses import dataclass, field
            import config
            from config import DEFAULT_RETRIES

            @dataclass
            class Settings:
                name: str = config.DEFAULT_NAME
                retries: int = DEFAULT_RETRIES
                tags: list = field(default_factory=config.default_tags)

            print(Settings(), Settings('x', 1))
            # module: config
            DEFAULT_NAME = 'svc'
            DEFAULT_RETRIES = 3
            def default_tags():
                return ['a']
            """, "Settings(name='svc', retries=3, tags=['a']) Settings(name='x', retries=1, tags=['a'])\n"),
        new(nameof(UnsyncModule_ImportedWhole_DecoratesAndTypes), """
            # module: main
            import unsync

            @unsync.unsync
            async def compute(x):
                return x * 2

            @unsync.unsync
            def blocking(x):
                return x + 1

            f = compute(3)
            print(isinstance(f, unsync.Unfuture), f.result(), blocking(1).result())
            def check(fut: unsync.Unfuture) -> int:
                return fut.result()
            print(check(compute(5)), type(f) is unsync.Unfuture)
            """, "True 6 2\n10 True\n"),
        new(nameof(ClassAttribute_ReadThroughSelfAndCls_SeesTheClassValue), """
            class Base:
                count = 0
                prefix = 'b'

                def show(self):
                    return f'{self.prefix}{self.count}'

                @classmethod
                def total(cls):
                    return cls.count * 10

                @staticmethod
                def static_total():
                    return Base.count + 1

            class Child(Base):
                prefix = 'c'

                def show_more(self):
                    return self.show() + '!' + str(self.count)

                @classmethod
                def make(cls):
                    cls.count += 1
                    return cls()

            Base.count = 2
            print(Base().show(), Child().show_more(), Base.total(), Child.total(), Base.static_total())
            c = Child.make()
            print(c.show(), Base.count, Child.count, Base.total(), Child.total())
            """, "b2 c2!2 20 20 3\nc3 2 3 20 30\n"),
        new(nameof(Property_WithSetterAndDeleter_EachRuns), """
            class Temp:
                def __init__(self):
                    self._c = 0

                @property
                def celsius(self):
                    return self._c

                @celsius.setter
                def celsius(self, v):
                    self._c = v

                @celsius.deleter
                def celsius(self):
                    print('deleting')
                    self._c = None

                @property
                def kelvin(self):
                    return 273


            class Fancy(Temp):
                pass


            t = Temp()
            t.celsius = 21
            print(t.celsius)
            del t.celsius
            print(t.celsius)
            f = Fancy()
            f.celsius = 5
            del f.celsius
            f.extra = 1
            del f.extra
            print(f.celsius, hasattr(f, 'extra'))
            for target, name in [(t, 'kelvin'), (f, 'extra')]:
                try:
                    if name == 'kelvin':
                        del target.kelvin
                    else:
                        del target.extra
                except AttributeError as e:
                    print('AttributeError', e)
            """, "21\ndeleting\nNone\ndeleting\nNone False\nAttributeError property 'kelvin' of 'Temp' object has no deleter\nAttributeError 'Fancy' object has no attribute 'extra'\n"),
        new(nameof(Property_DeleterOnAClassOfSeveralBases_Runs), """
            class Named:
                def __init__(self):
                    self._name = 'n'

                @property
                def name(self):
                    return self._name

                @name.deleter
                def name(self):
                    print('del name')
                    self._name = '-'


            class Tagged:
                tag = 't'


            class Both(Named, Tagged):
                pass


            b = Both()
            del b.name
            print(b.name, b.tag, [c.__name__ for c in Both.__mro__])
            """, "del name\n- t ['Both', 'Named', 'Tagged', 'object']\n"),
        new(nameof(Builtins_NamesTheModuleNeverDeclares_Resolve), """
            # module: main
            import helpers

            print(__name__, helpers.where(), __file__.endswith('main.py'))
            b = bytes([104, 105])
            print(b, bytes(3), len(b), b[0], bytes(b'xy'), isinstance(b, bytes))
            s = slice(1, 5, 2)
            print([0, 1, 2, 3, 4, 5, 6][s], s.start, s.stop, s.step, 'abcdef'[slice(3)])
            try:
                raise KeyboardInterrupt('stop')
            except KeyboardInterrupt as e:
                print('caught', type(e).__name__, e, isinstance(e, BaseException), isinstance(e, Exception))
            try:
                raise StopAsyncIteration
            except StopAsyncIteration as e:
                print('caught', repr(e))
            # module: helpers
            def where():
                return __name__ + ' ' + str(__file__.endswith('helpers.py'))
            """, "__main__ helpers True True\nb'hi' b'\\x00\\x00\\x00' 2 104 b'xy' True\n[1, 3] 1 5 2 abc\ncaught KeyboardInterrupt stop True False\ncaught StopAsyncIteration()\n"),
        new(nameof(Module_UsedAsAValue_ActsAsTheModule), """
            # module: main
            import json
            import os
            import helpers


            def name_of(mod):
                return mod.__name__


            mods = [json, os]
            print([m.__name__ for m in mods], name_of(helpers), getattr(helpers, 'VALUE'), getattr(json, 'dumps')([1, 2]))
            h = helpers
            print(h.VALUE, h.double(4), hasattr(helpers, 'double'), hasattr(helpers, 'nope'), h.Point(1).x, h.__file__.endswith('helpers.py'))
            h.VALUE = 20
            setattr(h, 'COUNT', 5)
            print(helpers.VALUE, helpers.get_value(), h.COUNT, helpers.COUNT)
            try:
                getattr(h, 'missing')
            except AttributeError as e:
                print('AttributeError', type(e).__name__)
            # module: helpers
            VALUE = 10
            COUNT = 0


            def double(x):
                return x * 2


            def get_value():
                return VALUE


            class Point:
                def __init__(self, x):
                    self.x = x
            """, "['json', 'os'] helpers 10 [1, 2]\n10 8 True False 1 True\n20 20 5 5\nAttributeError AttributeError\n"),
        new(nameof(StarImport_OfOwnModules_HonoursAllAndUnderscores), """
            # module: main
            from pkg.shapes import *
            from pkg.util import *

            print(area(2, 3), Square(4).side, PI)
            try:
                helper_private()
            except NameError as e:
                print('NameError', e)
            print(loud('x'), SCALE)
            # module: pkg/shapes
            __all__ = ['area', 'Square', 'PI']
            PI = 3.14
            hidden = 1
            def area(w, h):
                return w * h
            def helper_private():
                return 'no'
            class Square:
                def __init__(self, side):
                    self.side = side
            # module: pkg/util
            SCALE = 2
            _private = 3
            def loud(s):
                return s.upper() * SCALE
            """, "6 4 3.14\nNameError name 'helper_private' is not defined\nXX 2\n"),
        new(nameof(StarImport_OfALibraryModule_BindsItsNames), """
            # module: main
            from json import *
            from lib import *

            print(dumps({'a': 1}), loads('[1, 2]'), root(16))
            # module: lib
            from math import *


            def root(x):
                return sqrt(x) + floor(0.5) + (pi > 3)
            """, "{\"a\": 1} [1, 2] 5.0\n"),
        new(nameof(Super_InClassmethodAndInitSubclass_CallsTheBase), """
            class Base:
                registry = []

                def __init_subclass__(cls, **kwargs):
                    super().__init_subclass__(**kwargs)
                    Base.registry.append(cls.__name__)

                @classmethod
                def create(cls, value):
                    obj = cls()
                    obj.value = value
                    return obj

                @classmethod
                def describe(cls):
                    return 'Base.describe(' + cls.__name__ + ')'

            class Child(Base):
                @classmethod
                def create(cls, value):
                    obj = super().create(value * 2)
                    return obj

                @classmethod
                def describe(cls):
                    return 'Child+' + super().describe()

            c = Child.create(5)
            print(c.value, Child.describe(), Base.registry, type(c).__name__)
            """, "10 Child+Base.describe(Child) ['Child'] Child\n"),
        new(nameof(Generator_YieldInsideTryExceptFinally_RunsHandlers), """
            def gen(items):
                for x in items:
                    try:
                        yield 10 // x
                    except ZeroDivisionError:
                        yield 'div0'
                    finally:
                        print('after', x)

            def gen2():
                try:
                    yield 1
                    raise ValueError('bad')
                except ValueError as e:
                    print('caught', e)
                    yield 2
                else:
                    yield 'else'
                yield 3

            def gen3():
                try:
                    yield 'a'
                    yield 'b'
                finally:
                    print('cleanup')

            print(list(gen([1, 0, 5])))
            print(list(gen2()))
            g = gen3()
            print(next(g))
            g.close()
            print(list(gen3()))


            class Res:
                def __enter__(self):
                    print('enter')
                    return self

                def __exit__(self, *exc):
                    print('exit', exc[0].__name__ if exc[0] else None)
                    return False


            def lines():
                with Res():
                    for i in range(3):
                        try:
                            yield i
                        except ValueError:
                            yield 'never'
                yield 'done'


            print(list(lines()))
            g = lines()
            print(next(g), next(g))
            g.close()
            print('closed', list(g))
            """, "after 1\nafter 0\nafter 5\n[10, 'div0', 2]\ncaught bad\n[1, 2, 3]\na\ncleanup\ncleanup\n['a', 'b']\nenter\nexit None\n[0, 1, 2, 'done']\nenter\n0 1\nexit GeneratorExit\nclosed []\n"),
        new(nameof(Temporaries_OperandTempInANestedFunction_DoesNotCollideWithItsArguments), """
            def outer(items):
                def pick(a, b):
                    return a or b

                def both(a, b):
                    k = a and b
                    return k

                return [pick(0, x) for x in items], both(1, 2), pick('', 'z')


            print(outer([3, 4]))
            """, "([3, 4], 2, 'z')\n"),
        new(nameof(Temporaries_RepeatedConstructsInOneScope_Compile), """
            class Res:
                def __init__(self, n):
                    self.n = n
                def __enter__(self):
                    return self.n
                def __exit__(self, *a):
                    return False

            def outer(items):
                def key(x):
                    return -x
                def other(x, f=lambda y: y + 1):
                    return f(x)
                total = 0
                with Res(1) as a:
                    total += a
                with Res(2) as a:
                    total += a
                for x in items:
                    if x > 100:
                        break
                else:
                    total += 1
                for x in items:
                    if x > 100:
                        break
                else:
                    total += 1
                p, q = items[0], items[1]
                p, q = q, p
                (r, s), t = (1, 2), 3
                sq = [v * v for v in items]
                cu = [v * v * v for v in items if v]
                nested = [[a + b for b in items] for a in items]
                fns = [lambda z, i=i: z * i for i in range(3)]
                return sorted(items, key=key), other(5), total, p, q, r, s, t, sq, cu, nested, [f(2) for f in fns]

            print(outer([3, 1, 2]))
            inc = lambda n: (lambda m: n + m)
            print(inc(1)(2))
            def deco(fn):
                def wrapper(*args, **kw):
                    def inner(v=1):
                        return fn(*args, **kw) + v
                    return inner()
                return wrapper
            @deco
            def plus(a, b=2):
                return a + b
            print(plus(1), plus(1, b=5))
            """, "([3, 2, 1], 6, 5, 1, 3, 1, 2, 3, [9, 1, 4], [27, 1, 8], [[6, 4, 5], [4, 2, 3], [5, 3, 4]], [0, 2, 4])\n3\n4 7\n"),
    ];

    [Fact]
    public void ClassAttribute_WithSameNamedSelfAttributeAndBareAnnotations_BothKept() => Check();

    [Fact]
    public void Dataclass_DefaultFromAnotherModule_IsThatValue() => Check();

    [Fact]
    public void UnsyncModule_ImportedWhole_DecoratesAndTypes() => Check();

    [Fact]
    public void ClassAttribute_ReadThroughSelfAndCls_SeesTheClassValue() => Check();

    [Fact]
    public void Property_WithSetterAndDeleter_EachRuns() => Check();

    [Fact]
    public void Property_DeleterOnAClassOfSeveralBases_Runs() => Check();

    [Fact]
    public void Builtins_NamesTheModuleNeverDeclares_Resolve() => Check();

    [Fact]
    public void Module_UsedAsAValue_ActsAsTheModule() => Check();

    [Fact]
    public void StarImport_OfOwnModules_HonoursAllAndUnderscores() => Check();

    [Fact]
    public void StarImport_OfALibraryModule_BindsItsNames() => Check();

    [Fact]
    public void Super_InClassmethodAndInitSubclass_CallsTheBase() => Check();

    [Fact]
    public void Generator_YieldInsideTryExceptFinally_RunsHandlers() => Check();

    [Fact]
    public void Temporaries_OperandTempInANestedFunction_DoesNotCollideWithItsArguments() => Check();

    [Fact]
    public void Temporaries_RepeatedConstructsInOneScope_Compile() => Check();
}
