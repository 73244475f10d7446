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
    ];

    [Fact]
    public void RuntimeErrors_RaisedByTheExecutor_CarryTheirPythonClass() => Check();

    [Fact]
    public void Unfuture_UsedAsAType_InIsinstanceAndTypeComparisons() => Check();

    [Fact]
    public void Print_UnknownKeyword_RaisesTypeError() => Check();

    [Fact]
    public void BuiltinTypes_ClassLevelMethods_CalledThroughTheType() => Check();
}
