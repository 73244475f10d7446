using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Class structure as CPython 3.13 builds it (issue 12): decorators on methods and classes, abc's
/// metaclass, multiple inheritance along the C3 MRO, library base classes. Each snippet is
/// translated, compiled (all in one batch) and run, and its output compared with what CPython
/// 3.13 printed for it (recorded here). What the translation does not reproduce is reported at
/// migrate time: those tests read the warnings.
/// </summary>
public class ClassStructureTests
{
    static readonly Dictionary<string, (string Python, string Expected)> Snippets = new()
    {
        [nameof(MethodDecorators_ProgramAndFunctools_ApplyWhenTheClassBodyRuns)] = (""""
            import functools

            CALLS = []


            def logged(fn):
                print('decorating', fn.__qualname__)

                @functools.wraps(fn)
                def wrapper(self, *args, **kwargs):
                    CALLS.append(f'{type(self).__name__}.{fn.__name__}{args}')
                    return fn(self, *args, **kwargs)
                return wrapper


            def retry(times):
                def decorate(fn):
                    @functools.wraps(fn)
                    def wrapper(*args, **kwargs):
                        for attempt in range(1, times + 1):
                            try:
                                return fn(*args, **kwargs)
                            except ValueError as e:
                                print(f'attempt {attempt} failed: {e}')
                        raise RuntimeError('gave up')
                    return wrapper
                return decorate


            class Inventory:
                unit = 'pcs'

                def __init__(self):
                    self.items = {}
                    self.attempts = 0

                @logged
                def add(self, name, qty=1):
                    self.items[name] = self.items.get(name, 0) + qty
                    return self.items[name]

                @retry(3)
                def flaky(self):
                    self.attempts += 1
                    if self.attempts < 3:
                        raise ValueError(f'not yet ({self.attempts})')
                    return f'ok after {self.attempts}'

                @functools.lru_cache(maxsize=None)
                def price(self, name):
                    print('computing', name)
                    return len(name) * 10

                @staticmethod
                @functools.cache
                def fib(n):
                    return n if n < 2 else Inventory.fib(n - 1) + Inventory.fib(n - 2)

                @classmethod
                @logged
                def empty(cls):
                    return cls()

                @property
                @logged
                def total(self):
                    return sum(self.items.values())

                def report(self):
                    return f'{self.total} {self.unit} in {len(self.items)} items'


            print('class created')
            inv = Inventory()
            print(inv.add('apple'), inv.add('apple', 2), inv.add('pear', qty=5), Inventory.add.__name__, Inventory.add.__wrapped__.__name__)
            print(inv.flaky())
            print(inv.price('kiwi'), inv.price('kiwi'), inv.price('banana'), Inventory.price.cache_info())
            print(Inventory.fib(30), inv.fib(10), type(Inventory.empty()).__name__)
            print(inv.report())
            print(CALLS)
            """", "decorating Inventory.add\ndecorating Inventory.empty\ndecorating Inventory.total\nclass created\n1 3 5 add add\nattempt 1 failed: not yet (1)\nattempt 2 failed: not yet (2)\nok after 3\ncomputing kiwi\ncomputing banana\n40 40 60 CacheInfo(hits=1, misses=2, maxsize=None, currsize=2)\n832040 55 Inventory\n8 pcs in 2 items\n[\"Inventory.add('apple',)\", \"Inventory.add('apple', 2)\", \"Inventory.add('pear',)\", 'type.empty()', 'Inventory.total()']\n"),
        [nameof(DecoratedOverride_CalledThroughABaseMethod_RunsWhatTheSubclassBinds)] = (""""
            import functools


            def shout(fn):
                @functools.wraps(fn)
                def wrapper(self, *a):
                    return fn(self, *a).upper() + '!'
                return wrapper


            def plain_hello(self, who):
                return 'plain ' + who


            class Base:
                def hello(self, who):
                    return 'hello ' + who

                def greet(self, who):
                    return self.hello(who)


            class Loud(Base):
                @shout
                def hello(self, who):
                    return 'hi ' + who


            class Assigned(Base):
                hello = plain_hello


            print(Base().greet('a'), Loud().greet('b'), Assigned().greet('c'), Loud().hello('d'))
            """", "hello a HI B! plain c HI D!\n"),
        [nameof(ClassDecorators_RegistryAndFactory_BindTheNameToWhatTheyReturn)] = (""""
            REGISTRY = {}


            def register(kind):
                print('register', kind)

                def decorate(cls):
                    REGISTRY[kind] = cls
                    return cls
                return decorate


            def singleton(cls):
                instances = {}

                def get(*args):
                    if cls not in instances:
                        instances[cls] = cls(*args)
                    return instances[cls]
                return get


            @register('csv')
            class CsvExporter:
                def __init__(self, sep=','):
                    self.sep = sep

                def export(self, rows):
                    return '\n'.join(self.sep.join(map(str, r)) for r in rows)


            @register('tsv')
            class TsvExporter(CsvExporter):
                def __init__(self):
                    super().__init__('\t')


            @singleton
            class Config:
                def __init__(self, env='dev'):
                    self.env = env


            print(sorted(REGISTRY), REGISTRY['csv'] is CsvExporter, isinstance(TsvExporter(), CsvExporter))
            print(repr(REGISTRY['tsv']().export([(1, 2), (3, 4)])))
            a = Config('prod')
            b = Config()
            print(a is b, a.env, type(Config).__name__, Config.__name__)
            """", "register csv\nregister tsv\n['csv', 'tsv'] True True\n'1\\t2\\n3\\t4'\nTrue prod function get\n"),
        [nameof(AbstractBaseClass_AbstractMethodsLeft_InstantiationRaisesTypeError)] = (""""
            from abc import ABC, ABCMeta, abstractmethod


            class Shape(ABC):
                sides = 0

                @abstractmethod
                def area(self):
                    ...

                @abstractmethod
                def perimeter(self):
                    ...

                def describe(self):
                    return f'{type(self).__name__}: area={self.area():.2f} perimeter={self.perimeter():.2f} sides={self.sides}'


            class Rect(Shape):
                sides = 4

                def __init__(self, w, h):
                    self.w = w
                    self.h = h

                def area(self):
                    return self.w * self.h

                def perimeter(self):
                    return 2 * (self.w + self.h)


            class Square(Rect):
                def __init__(self, side):
                    super().__init__(side, side)


            class Half(Shape):
                def area(self):
                    return 1.0


            class Storage(metaclass=ABCMeta):
                @property
                @abstractmethod
                def name(self):
                    ...

                @abstractmethod
                def save(self, key, value):
                    """Stores one value."""

                def save_all(self, items):
                    return [self.save(k, v) for k, v in items]


            class Memory(Storage):
                def __init__(self):
                    self.data = {}

                @property
                def name(self):
                    return 'memory'

                def save(self, key, value):
                    self.data[key] = value
                    return len(self.data)


            for cls in (Shape, Half, Storage):
                try:
                    cls()
                except TypeError as e:
                    print('TypeError:', e)
            for s in (Rect(2, 3), Square(2)):
                print(s.describe())
            m = Memory()
            print(m.name, m.save_all([('a', 1), ('b', 2)]), isinstance(m, Storage), issubclass(Square, Shape), isinstance(Square(1), ABC))
            print(sorted(Shape.__abstractmethods__), Half.__abstractmethods__, Square.__abstractmethods__, type(Shape).__name__, type(Memory).__name__)
            print([c.__name__ for c in Square.__mro__], Shape.__bases__)
            """", "TypeError: Can't instantiate abstract class Shape without an implementation for abstract methods 'area', 'perimeter'\nTypeError: Can't instantiate abstract class Half without an implementation for abstract method 'perimeter'\nTypeError: Can't instantiate abstract class Storage without an implementation for abstract methods 'name', 'save'\nRect: area=6.00 perimeter=10.00 sides=4\nSquare: area=4.00 perimeter=8.00 sides=4\nmemory [1, 2] True True True\n['area', 'perimeter'] frozenset({'perimeter'}) frozenset() ABCMeta ABCMeta\n['Square', 'Rect', 'Shape', 'ABC', 'object'] (<class 'abc.ABC'>,)\n"),
        [nameof(MultipleInheritance_MixinsAndCooperativeInit_FollowTheMro)] = (""""
            import json


            class Base:
                def __init__(self, name, **kwargs):
                    print('Base.__init__', name)
                    super().__init__(**kwargs)
                    self.name = name

                def describe(self):
                    return f'Base({self.name})'


            class Timestamped(Base):
                def __init__(self, created=0, **kwargs):
                    print('Timestamped.__init__', created)
                    super().__init__(**kwargs)
                    self.created = created

                def describe(self):
                    return 'Timestamped+' + super().describe()


            class Tagged(Base):
                default_tags = ('new',)

                def __init__(self, tags=None, **kwargs):
                    print('Tagged.__init__', tags)
                    super().__init__(**kwargs)
                    self.tags = list(tags or self.default_tags)

                def describe(self):
                    return 'Tagged+' + super().describe()


            class JsonMixin:
                indent = None

                def to_json(self):
                    return json.dumps(self.as_dict(), sort_keys=True, indent=self.indent)


            class ReprMixin:
                def __repr__(self):
                    fields = ', '.join(f'{k}={v!r}' for k, v in self.as_dict().items())
                    return f'{type(self).__name__}({fields})'


            class Document(ReprMixin, JsonMixin, Timestamped, Tagged):
                kind = 'doc'

                def __init__(self, title, **kwargs):
                    super().__init__(**kwargs)
                    self.title = title

                @property
                def slug(self):
                    return self.title.lower().replace(' ', '-')

                def as_dict(self):
                    return {'title': self.title, 'name': self.name, 'created': self.created, 'tags': self.tags}

                def describe(self):
                    return 'Document+' + super().describe()


            d = Document('Design Spec', name='spec.md', created=5, tags=['draft'])
            print(d.describe())
            print(d, d.slug)
            print(d.to_json())
            print([c.__name__ for c in Document.__mro__])
            print(type(d).__mro__ == Document.__mro__, Document.__bases__, Document.__base__)
            print(isinstance(d, JsonMixin), isinstance(d, Tagged), isinstance(d, Base), issubclass(Document, ReprMixin), issubclass(Tagged, Timestamped))
            print(d.default_tags, d.kind, d.indent, Document.default_tags)
            plain = Tagged(name='plain')
            print(plain.describe(), plain.tags, isinstance(plain, JsonMixin))
            """", "Timestamped.__init__ 5\nTagged.__init__ ['draft']\nBase.__init__ spec.md\nDocument+Timestamped+Tagged+Base(spec.md)\nDocument(title='Design Spec', name='spec.md', created=5, tags=['draft']) design-spec\n{\"created\": 5, \"name\": \"spec.md\", \"tags\": [\"draft\"], \"title\": \"Design Spec\"}\n['Document', 'ReprMixin', 'JsonMixin', 'Timestamped', 'Tagged', 'Base', 'object']\nTrue (<class '__main__.ReprMixin'>, <class '__main__.JsonMixin'>, <class '__main__.Timestamped'>, <class '__main__.Tagged'>) <class '__main__.ReprMixin'>\nTrue True True True False\n('new',) doc None ('new',)\nTagged.__init__ None\nBase.__init__ plain\nTagged+Base(plain) ['new'] False\n"),
        [nameof(MultipleInheritance_Diamond_SuperVisitsEachClassOnce)] = (""""
            # module: main
            from hierarchy import A, B, C, D

            print(D().who(), B().who(), C().who())
            print(D.family(), D().label, [k.__name__ for k in D.__mro__], D.__bases__)
            print(isinstance(D(), C), issubclass(D, A), issubclass(B, C))
            try:
                import broken
            except TypeError as e:
                print('TypeError:', e)
            # module: broken
            from hierarchy import A, D

            print('defining Broken')


            class Broken(A, D):
                pass


            print('not reached')
            # module: hierarchy
            class A:
                def who(self):
                    return ['A']

                @classmethod
                def family(cls):
                    return [cls.__name__]


            class B(A):
                def who(self):
                    return ['B'] + super().who()


            class C(A):
                label = 'c'

                def who(self):
                    return ['C'] + super().who()

                @classmethod
                def family(cls):
                    return ['C'] + super().family()


            class D(B, C):
                def who(self):
                    return ['D'] + super().who()
            """", "['D', 'B', 'C', 'A'] ['B', 'A'] ['C', 'A']\n['C', 'D'] c ['D', 'B', 'C', 'A', 'object'] (<class 'hierarchy.B'>, <class 'hierarchy.C'>)\nTrue True False\ndefining Broken\nTypeError: Cannot create a consistent method resolution order (MRO) for bases A, D\n"),
        [nameof(Super_StaticAndClassMethodsOfABase_CallThemAsPython)] = (""""
            class A:
                @classmethod
                def family(cls):
                    return [cls.__name__]

                @staticmethod
                def util(x):
                    return x * 2

                def __repr__(self):
                    return 'A-repr'


            class C(A):
                @classmethod
                def family(cls):
                    return ['C'] + super().family()

                @staticmethod
                def util(x):
                    return x + 1

                def both(self):
                    return super().util(10), super().family(), super().__repr__()


            class Plain:
                def __init__(self, value):
                    super().__init__()
                    self.value = value

                def __repr__(self):
                    return 'Plain(' + super().__repr__()[1:14] + ')'


            print(C.family(), C().family(), C().both(), C.util(1))
            print(Plain(3), Plain(4).value)
            """", "['C', 'C'] ['C', 'C'] (20, ['C'], 'A-repr') 2\nPlain(__main__.Plai) 4\n"),
        [nameof(InitSubclass_ClassKeywords_ReachTheFirstBaseDefiningIt)] = (""""
            # module: main
            class Plugin:
                registry = {}

                def __init_subclass__(cls, name=None, **kwargs):
                    super().__init_subclass__(**kwargs)
                    Plugin.registry[name or cls.__name__.lower()] = cls
                    print('registered', cls.__name__, name)


            class Csv(Plugin, name='csv'):
                pass


            class Json(Plugin):
                pass


            class PrettyJson(Json, name='pretty'):
                pass


            print(sorted(Plugin.registry), Plugin.registry['csv'] is Csv)
            try:
                import bad
            except TypeError as e:
                print('TypeError:', e)
            # module: bad
            class Bad(flavor='x'):
                pass
            """", "registered Csv csv\nregistered Json None\nregistered PrettyJson pretty\n['csv', 'json', 'pretty'] True\nTypeError: Bad.__init_subclass__() takes no keyword arguments\n"),
        [nameof(ExceptionWithMixin_RaisedAndCaught_KeepsBothBases)] = (""""
            class ValidationError(Exception):
                pass


            class ContextMixin:
                def with_context(self, **ctx):
                    self.context = ctx
                    return self

                def __str__(self):
                    return f'{self.args[0]} {sorted(self.context.items())}'


            class FieldError(ContextMixin, ValidationError):
                def __init__(self, field, message):
                    super().__init__(f'{field}: {message}')
                    self.field = field


            class Retryable:
                pass


            class FlakyError(Retryable, ConnectionError):
                pass


            try:
                raise FieldError('age', 'must be positive').with_context(value=-1, row=3)
            except ValidationError as e:
                print(type(e).__name__, e.field, str(e), isinstance(e, ContextMixin), [k.__name__ for k in type(e).__mro__])
            for exc in (FlakyError('reset'), ValueError('bad')):
                try:
                    raise exc
                except OSError as e:
                    print('retry' if isinstance(e, Retryable) else 'fail', repr(e), type(e).__base__.__name__)
                except Exception as e:
                    print('give up', repr(e), isinstance(e, Retryable))
            """", "FieldError age age: must be positive [('row', 3), ('value', -1)] True ['FieldError', 'ContextMixin', 'ValidationError', 'Exception', 'BaseException', 'object']\nretry FlakyError('reset') ConnectionError\ngive up ValueError('bad') False\n"),
        [nameof(UnsyncMethodInMixin_CalledThroughSubclass_RunsAsUnsyncDoes)] = (""""
            import asyncio
            from unsync import unsync


            class RetryMixin:
                attempts = 2

                @unsync
                async def fetch_with_retry(self, key):
                    for i in range(self.attempts):
                        await asyncio.sleep(0)
                        value = self.lookup(key)
                        if value is not None:
                            return f'{self.name}:{value}'
                    return None


            class Store:
                def __init__(self, name, data):
                    self.name = name
                    self.data = data

                def lookup(self, key):
                    return self.data.get(key)

                @unsync
                def slow_size(self):
                    return len(self.data)


            class CachedStore(RetryMixin, Store):
                @classmethod
                def build(cls, name):
                    return cls(name, {'a': 1})

                def lookup(self, key):
                    print('lookup', key)
                    return super().lookup(key)


            s = CachedStore.build('main')
            print(s.fetch_with_retry('a').result(), s.fetch_with_retry('zz').result(), s.slow_size().result())
            print(isinstance(s, RetryMixin), CachedStore.attempts)
            """", "lookup a\nlookup zz\nlookup zz\nmain:1 None 1\nTrue 2\n"),
        [nameof(ThreadSubclass_StartAndJoin_RunsItsRunOnThreads)] = (""""
            import threading


            class Worker(threading.Thread):
                def __init__(self, n, results):
                    super().__init__(name=f'worker-{n}')
                    self.n = n
                    self.results = results

                def run(self):
                    self.results.append((self.n, self.n * self.n, threading.current_thread().name))


            class Ticker(threading.Thread):
                def run(self):
                    print('ticker target:', self.name)
                    super().run()


            def tick(label, times=1):
                for _ in range(times):
                    print('tick', label)


            results = []
            workers = [Worker(i, results) for i in range(4)]
            print([w.is_alive() for w in workers], workers[0].name)
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            print(sorted(results), any(w.is_alive() for w in workers), isinstance(workers[0], threading.Thread))
            t = Ticker(target=tick, args=('a',), kwargs={'times': 2}, name='ticker')
            t.start()
            t.join()
            plain = threading.Thread(target=tick, args=('b',))
            plain.start()
            plain.join()
            print(type(t).__mro__[1], t.name, plain.daemon)
            try:
                t.start()
            except RuntimeError as e:
                print('RuntimeError:', e)
            """", "[False, False, False, False] worker-0\n[(0, 0, 'worker-0'), (1, 1, 'worker-1'), (2, 4, 'worker-2'), (3, 9, 'worker-3')] False True\nticker target: ticker\ntick a\ntick a\ntick b\n<class 'threading.Thread'> ticker False\nRuntimeError: threads can only be started once\n"),
        [nameof(LibraryExceptionBase_JsonDecodeError_FormatsItsMessage)] = (""""
            import json


            class ConfigError(json.JSONDecodeError):
                def hint(self):
                    return f'see line {self.lineno}'


            class StrictConfigError(json.JSONDecodeError):
                def __init__(self, path, doc, pos):
                    super().__init__(f'invalid config in {path}', doc, pos)
                    self.path = path


            for exc in (ConfigError('bad config', '{"a": 1,\n  oops}', 11), StrictConfigError('app.json', '[1, 2', 5)):
                try:
                    raise exc
                except ValueError as e:
                    print(type(e).__name__, '|', e, '|', e.msg, e.pos, e.lineno, e.colno)
            print(ConfigError('x', 'abc', 1).hint(), StrictConfigError('p', 'q', 0).path)
            """", "ConfigError | bad config: line 2 column 3 (char 11) | bad config 11 2 3\nStrictConfigError | invalid config in app.json: line 1 column 6 (char 5) | invalid config in app.json 5 1 6\nsee line 1 p\n"),

    };

    static readonly Lazy<SnippetRunner.Batch> Batch = new(() => new SnippetRunner.Batch(Snippets.ToDictionary(s => s.Key, s => s.Value.Python)));

    static void Check([CallerMemberName] string name = "") => Assert.Equal(Snippets[name].Expected, Batch.Value.Run(name));

    [Fact]
    public void MethodDecorators_ProgramAndFunctools_ApplyWhenTheClassBodyRuns() => Check();

    [Fact]
    public void DecoratedOverride_CalledThroughABaseMethod_RunsWhatTheSubclassBinds() => Check();

    [Fact]
    public void ClassDecorators_RegistryAndFactory_BindTheNameToWhatTheyReturn() => Check();

    [Fact]
    public void AbstractBaseClass_AbstractMethodsLeft_InstantiationRaisesTypeError() => Check();

    [Fact]
    public void MultipleInheritance_MixinsAndCooperativeInit_FollowTheMro() => Check();

    [Fact]
    public void MultipleInheritance_Diamond_SuperVisitsEachClassOnce() => Check();

    [Fact]
    public void Super_StaticAndClassMethodsOfABase_CallThemAsPython() => Check();

    [Fact]
    public void InitSubclass_ClassKeywords_ReachTheFirstBaseDefiningIt() => Check();

    [Fact]
    public void ExceptionWithMixin_RaisedAndCaught_KeepsBothBases() => Check();

    [Fact]
    public void UnsyncMethodInMixin_CalledThroughSubclass_RunsAsUnsyncDoes() => Check();

    [Fact]
    public void ThreadSubclass_StartAndJoin_RunsItsRunOnThreads() => Check();

    [Fact]
    public void LibraryExceptionBase_JsonDecodeError_FormatsItsMessage() => Check();

    /// <summary>The warnings of a one-module program, as <c>line:column code message</c> (the column 0-based, as the AST has it).</summary>
    static string[] Notes(string python) =>
        GeneratedCode.Translate(python).Output.Notes.Select(n => $"{n.Line}:{n.Column} {n.Code} {n.Message}").ToArray();

    [Fact]
    public void ProgramMetaclass_ClassStatement_IsReportedAsNotTranslated() =>
        Assert.Equal(
        [
            "1:15 UM2011 Registry derives from type (a metaclass): metaclasses are not translated, Registry is generated as a plain class",
            "9:23 UM2010 metaclass Registry of Plugin is not translated: Plugin and its subclasses are created as plain classes (the metaclass's __new__, __init__ and __call__ do not run, and type() of the class is type)",
        ], Notes("""
            class Registry(type):
                classes = []

                def __init__(cls, name, bases, ns):
                    super().__init__(name, bases, ns)
                    Registry.classes.append(name)


            class Plugin(metaclass=Registry):
                pass
            """));

    [Fact]
    public void MethodReplacedAtRunTime_ByClassDecoratorOrThroughItsClass_IsReported() =>
        // The runtime refuses these stores (generated code calls methods directly); the other
        // stores (a property, a class counter, a staticmethod, instance and function attributes) are fine.
        Assert.Equal(
        [
            "25:4 UM2013 'cls.__init__' is assigned at run time, but the migrated program calls methods directly: assigning over the method '__init__' of a class raises NotSupportedException there",
            "29:0 UM2013 'Tracker.describe' is assigned at run time, but the migrated program calls methods directly: assigning over the method 'describe' of a class raises NotSupportedException there",
            "37:0 UM2013 'Tracker.describe' is assigned at run time, but the migrated program calls methods directly: assigning over the method 'describe' of a class raises NotSupportedException there",
        ], Notes("""
            class Tracker:
                count = 0

                def __init__(self, name):
                    self.name = name

                def describe(self):
                    return self.name

                @property
                def label(self):
                    return self.name

                @label.setter
                def label(self, value):
                    self.name = value

                @staticmethod
                def make():
                    return Tracker("x")


            def tracked(cls):
                original = cls.__init__
                cls.__init__ = lambda self, *args: original(self, *args)
                return cls


            Tracker.describe = lambda self: "replaced"
            Tracker.count += 1
            Tracker.make = staticmethod(lambda: None)
            t = Tracker("a")
            t.label = "b"
            t.name = "c"
            wrapper = lambda: 0
            wrapper.__doc__ = "doc"
            setattr(Tracker, "describe", lambda self: "again")
            setattr(Tracker, "count", 5)
            """));

    [Fact]
    public void LibraryBase_WithoutARuntimeClass_IsReportedWithWhatTheClassDoesInstead() =>
        Assert.Equal(
        [
            "6:13 UM2011 base class asyncio.DefaultEventLoopPolicy of Policy is not translated (the generated class cannot derive from it): Policy is generated without it, so what asyncio.DefaultEventLoopPolicy defines is missing and isinstance() with it is False",
            "10:15 UM2011 base class unittest.TestCase of TestMath is not translated (the generated class cannot derive from it): TestMath is generated without it, so what unittest.TestCase defines is missing and isinstance() with it is False",
            "15:12 UM2011 base class enum.Enum of Color is not translated (the generated class cannot derive from it): Color is generated without it, so what enum.Enum defines is missing and isinstance() with it is False",
            "19:13 UM2011 base class dict of Counts is not translated (the generated class cannot derive from it): Counts is generated without it, so what dict defines is missing and isinstance() with it is False",
        ], Notes("""
            import asyncio
            import unittest
            from enum import Enum


            class Policy(asyncio.DefaultEventLoopPolicy):
                pass


            class TestMath(unittest.TestCase):
                def test_add(self):
                    self.assertEqual(1 + 1, 2)


            class Color(Enum):
                RED = 1


            class Counts(dict):
                pass
            """));

    [Fact]
    public void SupportedBasesAndMetaclass_ClassStatements_AreNotReported() =>
        Assert.Empty(Notes("""
            import json
            import threading
            from abc import ABC, ABCMeta, abstractmethod
            from typing import Generic, TypeVar

            T = TypeVar('T')


            class Worker(threading.Thread):
                pass


            class BadInput(json.JSONDecodeError, KeyError):
                pass


            class Box(Generic[T], ABC):
                @abstractmethod
                def get(self) -> T:
                    ...


            class Port(metaclass=ABCMeta):
                pass


            class Mixed(Port, Box, object):
                def get(self):
                    return 1
            """));

    [Fact]
    public void ClassFeaturesNotTranslated_AreReportedAsGaps() =>
        Assert.Equal(
        [
            "9:5 a decorator the class body defines",
            "17:5 a property setter under other decorators",
            "28:0 @dataclass on a class of several bases",
        ], GeneratedCode.Translate("""
            import functools
            from dataclasses import dataclass


            class Service:
                def _logged(fn):
                    return fn

                @_logged
                def run(self):
                    return 1

                @property
                def level(self):
                    return self._level

                @level.setter
                @functools.cache
                def level(self, value):
                    self._level = value


            class Mixin:
                pass


            @dataclass
            class Point(Mixin, Service):
                x: int = 0
            """).Output.Gaps.Select(g => $"{g.Line}:{g.Column} {g.Construct}").ToArray());
}
