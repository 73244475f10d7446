namespace UnsyncMigrate.Translation.Tests;

// Python objects as values and the classes they report, each construct seen producing a wrong
// program with no warning (issue 12).
// Expected output: what CPython 3.13 printed for each snippet (with unsync 1.4.0 from ../shared/oracle).
public partial class ConstructTests
{
    static readonly Snippet[] ObjectModel =
    [
        // The executor's own errors (result() on the loop, result(timeout)) as CPython's classes: type(e) is, issubclass, __mro__, repr, and what __exit__ receives.
        new(nameof(RuntimeErrors_RaisedByTheExecutor_CarryTheirPythonClass), """
            import asyncio
            import concurrent.futures
            from unsync import unsync, Unfuture


            class Recorder:
                def __init__(self, name):
                    self.name = name
                    self.seen = []

                def __enter__(self):
                    return self

                def __exit__(self, exc_type, exc, tb):
                    self.seen.append((exc_type, type(exc) is exc_type if exc_type else None))
                    return exc_type is not None and issubclass(exc_type, (asyncio.InvalidStateError, TimeoutError))


            @unsync
            async def slow(x):
                await asyncio.sleep(0)
                return x * 2


            @unsync
            async def impatient(rec):
                fut = slow(21)
                try:
                    fut.result()
                except asyncio.InvalidStateError as e:
                    print('early:', type(e) is asyncio.InvalidStateError, type(e).__name__, repr(e))
                    print(isinstance(e, Exception), issubclass(type(e), RuntimeError), type(e).__mro__)
                with rec:
                    fut.result()
                return await fut


            rec = Recorder('loop')
            print(impatient(rec).result(), rec.seen)

            pending = Unfuture()
            try:
                pending.result(timeout=0.01)
            except concurrent.futures.TimeoutError as e:
                print('timeout:', type(e) is TimeoutError, type(e) is asyncio.TimeoutError, repr(e), str(e) == '')
            with rec:
                pending.result(timeout=0.01)
            print(rec.seen[-1], issubclass(rec.seen[-1][0], OSError))
            try:
                {}['missing']
            except LookupError as e:
                print(type(e) is KeyError, type(e).__mro__, type(e) == KeyError)
            print(repr(asyncio.CancelledError), issubclass(asyncio.CancelledError, Exception), issubclass(concurrent.futures.CancelledError, Exception))
            """, "early: True InvalidStateError InvalidStateError('Calling result() in an unsync method is not allowed')\nTrue False (<class 'asyncio.exceptions.InvalidStateError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)\n42 [(<class 'asyncio.exceptions.InvalidStateError'>, True)]\ntimeout: True True TimeoutError() True\n(<class 'TimeoutError'>, True) True\nTrue (<class 'KeyError'>, <class 'LookupError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>) True\n<class 'asyncio.exceptions.CancelledError'> False True\n"),
        // unsync's Unfuture as a class value: isinstance, type(f) is, issubclass, __name__, repr, Unfuture(coroutine), Unfuture.from_value as a value.
        new(nameof(Unfuture_UsedAsAType_InIsinstanceAndTypeComparisons), """
            import unsync as unsync_lib
            from unsync import unsync, Unfuture


            @unsync
            def double(x):
                return x * 2


            async def plain(x):
                return x + 1


            def settle(value):
                # Accept a future or a plain value.
                if isinstance(value, Unfuture):
                    return value.result()
                return value


            jobs = [double(1), 5, Unfuture.from_value(7), Unfuture(plain(9))]
            print([settle(j) for j in jobs])
            print([type(j) is Unfuture for j in jobs], type(jobs[0]) == Unfuture, type(jobs[0]).__name__)
            print(issubclass(type(jobs[2]), Unfuture), isinstance(jobs[1], (Unfuture, int)), Unfuture.__name__, repr(Unfuture))
            make = Unfuture.from_value
            print(make(3).result(), type(Unfuture()) is Unfuture, repr(jobs[0]).startswith('<unsync.unsync.Unfuture object at 0x'))
            print(isinstance(jobs[0], unsync_lib.Unfuture), unsync_lib.Unfuture is Unfuture)
            try:
                Unfuture(double(10))
            except AttributeError as e:
                print('AttributeError', e)
            """, "[2, 5, 7, 10]\n[True, False, True, True] True Unfuture\nTrue True Unfuture <class 'unsync.unsync.Unfuture'>\n3 True True\nTrue True\nAttributeError 'Unfuture' object has no attribute '_loop'\n"),
        // print() with a keyword it does not take raises TypeError (statement, expression and **options forms).
        new(nameof(Print_UnknownKeyword_RaisesTypeError), """
            import sys


            def report(rows, **options):
                for row in rows:
                    print(*row, **options)


            print('a', 'b', sep='-', end='!\n')
            try:
                print('total', 3, colour='red')
            except TypeError as e:
                print('TypeError:', e)
            try:
                report([('x', 1)], sep=':', stream=sys.stdout)
            except TypeError as e:
                print('TypeError:', e)
            report([('y', 2)], sep=':')
            try:
                result = print('never', flush=True, bad=1)
            except TypeError as e:
                print('TypeError:', e)
            """, "a-b!\nTypeError: print() got an unexpected keyword argument 'colour'\nTypeError: print() got an unexpected keyword argument 'stream'\ny:2\nTypeError: print() got an unexpected keyword argument 'bad'\n"),
        // dict.fromkeys, str.maketrans with translate, bytes.fromhex, int.from_bytes / to_bytes, float.fromhex / hex, and instance methods through the type.
        new(nameof(BuiltinTypes_ClassLevelMethods_CalledThroughTheType), """
            STATUSES = ['queued', 'running', 'done']
            counts = dict.fromkeys(STATUSES, 0)
            for s in ['done', 'queued', 'done']:
                counts[s] += 1
            print(counts, dict.fromkeys('ab'))

            LEET = str.maketrans('aeo', '430')
            STRIP = str.maketrans({'-': None, '_': ' ', 'x': 'ks'})
            print('hello world'.translate(LEET), 'max-speed_box'.translate(STRIP), sorted(LEET.items()))
            print('banana'.translate(str.maketrans('an', 'AN', 'b')))

            header = bytes.fromhex('cafe 0102')
            size = int.from_bytes(header[2:], 'big')
            print(header, size, int.from_bytes(header[:2], byteorder='little', signed=True), int.from_bytes([1, 0]))
            n = 1027
            print(n.to_bytes(2, 'big'), n.to_bytes(4, byteorder='little'), int.to_bytes(n, 2, 'big'), (255).to_bytes(2))
            print(float.fromhex('0x1.8p3'), float.fromhex('-0x1p-2'), float.hex(0.75), (2.5).hex(), float.fromhex((0.1).hex()) == 0.1)
            print(str.upper('abc'), dict.get({'k': 1}, 'k'), int.bit_length(255))
            """, "{'queued': 1, 'running': 0, 'done': 2} {'a': None, 'b': None}\nh3ll0 w0rld maksspeed boks [(97, 52), (101, 51), (111, 48)]\nANANA\nb'\\xca\\xfe\\x01\\x02' 258 -310 256\nb'\\x04\\x03' b'\\x03\\x04\\x00\\x00' b'\\x04\\x03' b'\\x00\\xff'\n12.0 -0.25 0x1.8000000000000p-1 0x1.4000000000000p+1 True\nABC 1 8\n"),
        // Class attributes assigned through the class (=, +=, setattr, cls.x in a classmethod), read through instances and subclasses, shadowed by instance attributes and subclass values.
        new(nameof(ClassAttributes_AssignedThroughTheClass_VisibleThroughInstancesAndSubclasses), """
            class Connection:
                opened = 0
                limit = 3
                label = 'conn'

                def __init__(self, host):
                    self.host = host
                    Connection.opened += 1
                    self.serial = Connection.opened

                def describe(self):
                    return f'{self.label}#{self.serial} {self.host} ({self.opened}/{self.limit})'

                @classmethod
                def bump_limit(cls, by):
                    cls.limit += by
                    return cls.limit


            class SecureConnection(Connection):
                label = 'tls'


            a = Connection('alpha')
            b = SecureConnection('beta')
            print(Connection.opened, a.opened, b.opened, SecureConnection.opened)
            print(a.describe(), '|', b.describe())
            Connection.opened = 10
            setattr(Connection, 'limit', 5)
            print(getattr(Connection, 'opened'), a.opened, b.limit, SecureConnection.limit)
            a.limit = 1
            print(a.limit, b.limit, Connection.limit, a.describe())
            SecureConnection.limit = 8
            print(Connection.limit, SecureConnection.limit, b.limit, a.limit)
            print(SecureConnection.bump_limit(2), Connection.bump_limit(1), SecureConnection.limit, Connection.limit)
            Connection.region = 'eu'
            print(a.region, b.region, SecureConnection.region, hasattr(Connection, 'missing'))
            b.region = 'us'
            print(a.region, b.region, Connection.region)
            print(sorted(k for k in ['opened', 'limit', 'label'] if hasattr(SecureConnection, k)))


            class Job:
                retries = 2

                def attempt(self):
                    self.retries -= 1
                    return self.retries


            j = Job()
            k = Job()
            print(j.attempt(), j.attempt(), k.retries, Job.retries)
            Job.retries = 5
            print(k.retries, Job().attempt(), j.retries)


            class Box:
                kind = 'box'

                def __init__(self, w):
                    self.w = w

                @property
                def area(self):
                    return self.w * self.w


            box = Box(3)
            box.kind = 'crate'
            try:
                box.area = 1
            except AttributeError as e:
                print('AttributeError:', e)
            print(box.area, box.kind, Box.kind)
            try:
                int.base = 2
            except TypeError as e:
                print('TypeError:', e)
            """, "2 2 2 2\nconn#1 alpha (2/3) | tls#2 beta (2/3)\n10 10 5 5\n1 5 5 conn#1 alpha (10/1)\n5 8 8 1\n10 6 10 6\neu eu eu False\neu us eu\n['label', 'limit', 'opened']\n1 0 2 2\n5 4 0\nAttributeError: property 'area' of 'Box' object has no setter\n9 crate box\nTypeError: cannot set 'base' attribute of immutable type 'int'\n"),
        // Attributes of @unsync functions and unsync(f) wrappers: set and read (f.calls += 1), __name__, __doc__, __wrapped__ (the function as written), as unsync 1.4.0's wrapper keeps them.
        new(nameof(UnsyncFunctions_Attributes_KeptByTheWrapper), """"
            from unsync import unsync


            @unsync
            def fetch(key):
                """Fetch one key from the slow store."""
                fetch.calls += 1
                return key.upper()


            fetch.calls = 0
            print(fetch.__name__, fetch.__qualname__, fetch.__module__, fetch.__doc__)
            print([fetch(k).result() for k in ['a', 'b']], fetch.calls)
            fetch.calls += 10
            print(fetch.calls, getattr(fetch, 'calls'), hasattr(fetch, 'missing'), fetch.__wrapped__.__name__)
            print(fetch.__wrapped__('z'), fetch.calls)


            @unsync
            async def tick(step=1):
                tick.count = getattr(tick, 'count', 0) + step
                return tick.count


            print(tick().result(), tick(5).result(), tick.count, tick.__name__, tick.__doc__)


            @unsync
            async def call_raw():
                return await tick.__wrapped__(100)


            print(call_raw().result(), tick.count)


            def legacy(x):
                """Old synchronous helper."""
                return x + 1


            legacy.version = 2
            background = unsync(legacy)
            print(background.version, background.__name__, background.__doc__, background.__wrapped__ is legacy, background(1).result())
            background.version = 3
            print(legacy.version, background.version)


            @unsync(cpu_bound=False)
            def plain_thread(n):
                return n * n


            print(plain_thread.__name__, plain_thread.__wrapped__(4), plain_thread(5).result())
            """", "fetch fetch __main__ Fetch one key from the slow store.\n['A', 'B'] 2\n12 12 False fetch\nZ 13\n1 6 6 tick None\n106 106\n2 legacy Old synchronous helper. True 2\n2 3\nplain_thread 16 25\n"),
        // Bound methods as values: called later, in lists and dicts, passed to map/sorted/max/then; equality, repr, __self__/__func__, Cls.method(obj).
        new(nameof(BoundMethods_UsedAsValues_KeepTheirSelf), """"
            from unsync import unsync


            class Meter:
                def __init__(self, name, scale):
                    self.name = name
                    self.scale = scale
                    self.total = 0

                def add(self, n):
                    """Add a reading."""
                    self.total += n * self.scale
                    return self.total

                def weight(self, word):
                    return len(word) * self.scale

                def __repr__(self):
                    return f'Meter({self.name!r})'


            class Doubler(Meter):
                def add(self, n):
                    return super().add(n * 2)


            @unsync
            def load(n):
                return n + 1


            a = Meter('a', 1)
            b = Meter('b', 10)
            d = Doubler('d', 1)
            record = a.add
            print(record(1), record(2), getattr(b, 'add')(3), d.add(1))
            callbacks = [a.add, b.add, d.add]
            print([cb(1) for cb in callbacks])
            print(list(map(a.weight, ['x', 'yy'])), sorted(['ccc', 'a', 'bb'], key=b.weight), max(['ab', 'c'], key=a.weight))
            print(load(4).then(a.add).result(), a.total)
            print(a.add == a.add, a.add == b.add, a.add is a.add, record == a.add, hash(a.add) == hash(a.add), d.add == a.add)
            print(a.add, d.weight)
            print(record.__self__ is a, record.__name__, record.__doc__, record.__func__ is Meter.add, callable(record))
            print(hasattr(a, 'add'), hasattr(a, 'nope'), Meter.add(b, 1), Meter.weight.__qualname__, d.add.__func__ is Doubler.add)
            handlers = {'a': a.add, 'b': b.add}
            print({k: h(100) for k, h in handlers.items()})
            """", "1 3 30 2\n[4, 40, 4]\n[1, 2] ['a', 'bb', 'ccc'] ab\n9 9\nTrue False False True True False\n<bound method Meter.add of Meter('a')> <bound method Meter.weight of Meter('d')>\nTrue add Add a reading. True True\nTrue False 50 Meter.weight True\n{'a': 109, 'b': 1050}\n"),
        // Base.method(self, ...) inside a subclass's override (the idiom before super()) runs the base's method on self.
        new(nameof(BaseClassMethods_CalledWithSelfInAnOverride_RunTheBaseMethod), """
            class Shape:
                def __init__(self, name):
                    self.name = name

                def describe(self, prefix='shape'):
                    return f'{prefix} {self.name}'


            class Square(Shape):
                def __init__(self, side):
                    Shape.__init__(self, 'square')
                    self.side = side

                def describe(self, prefix='square'):
                    return Shape.describe(self, prefix=prefix) + f' of side {self.side}'


            class Tiny(Square):
                def describe(self):
                    return 'tiny ' + Square.describe(self)


            print(Square(2).describe(), '|', Tiny(1).describe(), '|', Shape.describe(Shape('blob')))
            """, "square square of side 2 | tiny square square of side 1 | shape blob\n"),
        // A bound method of self passed to map is called with values of other types than its direct calls: its parameters stay dynamic.
        new(nameof(BoundMethods_OfSelfPassedOn_CalledWithOtherArgumentTypes), """
            class Fmt:
                def __init__(self, width):
                    self.width = width

                def pad(self, x):
                    return str(x).rjust(self.width)

                def run(self, items):
                    return list(map(self.pad, items))


            f = Fmt(3)
            print(f.pad(1), f.run(['a', 2]))
            """, "  1 ['  a', '  2']\n"),
    ];

    [Fact]
    public void RuntimeErrors_RaisedByTheExecutor_CarryTheirPythonClass() => Check();

    [Fact]
    public void Unfuture_UsedAsAType_InIsinstanceAndTypeComparisons() => Check();

    [Fact]
    public void Print_UnknownKeyword_RaisesTypeError() => Check();

    [Fact]
    public void BuiltinTypes_ClassLevelMethods_CalledThroughTheType() => Check();

    [Fact]
    public void ClassAttributes_AssignedThroughTheClass_VisibleThroughInstancesAndSubclasses() => Check();

    [Fact]
    public void UnsyncFunctions_Attributes_KeptByTheWrapper() => Check();

    [Fact]
    public void BoundMethods_UsedAsValues_KeepTheirSelf() => Check();

    [Fact]
    public void BaseClassMethods_CalledWithSelfInAnOverride_RunTheBaseMethod() => Check();

    [Fact]
    public void BoundMethods_OfSelfPassedOn_CalledWithOtherArgumentTypes() => Check();
}
