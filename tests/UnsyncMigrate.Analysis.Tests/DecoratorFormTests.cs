using UnsyncMigrate.Analysis.Tests.Support;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>Every way of applying unsync: decorators with and without arguments, cpu_bound truthiness, stacking, wrappers.</summary>
public class DecoratorFormTests
{
    const string Import = "from unsync import unsync\n";

    [Theory]
    [InlineData("@unsync", "thread")]
    [InlineData("@unsync()", "thread")]
    [InlineData("@unsync(cpu_bound=True)", "process")]
    [InlineData("@unsync(cpu_bound=False)", "thread")]
    [InlineData("@unsync(cpu_bound=1)", "process")]
    [InlineData("@unsync(cpu_bound=0)", "thread")]
    [InlineData("@unsync(cpu_bound=0.0)", "thread")]
    [InlineData("@unsync(cpu_bound='')", "thread")]
    [InlineData("@unsync(cpu_bound='no')", "process")]
    [InlineData("@unsync(cpu_bound=None)", "thread")]
    [InlineData("@unsync(cpu_bound=[])", "thread")]
    [InlineData("@unsync(cpu_bound=[0])", "process")]
    [InlineData("@unsync(cpu_bound=not True)", "thread")]
    [InlineData("@unsync(cpu_bound=CPU)", "process")]
    [InlineData("@unsync(cpu_bound=True, faff='x')", "process")]
    public void PlainDefModes(string decorator, string mode)
    {
        var r = Py.Scan(Import + "CPU = True\n\n" + decorator + "\ndef f():\n    pass\n");
        Assert.Equal(mode, r.Mode());
        Assert.Equal(5, r.Functions[0].Line);
    }

    [Theory]
    [InlineData("@unsync", "async-loop")]
    [InlineData("@unsync()", "async-loop")]
    [InlineData("@unsync(cpu_bound=True)", "error-cpu-bound-async")]
    [InlineData("@unsync(cpu_bound=())", "async-loop")]
    public void AsyncDefModes(string decorator, string mode)
    {
        var r = Py.Scan(Import + decorator + "\nasync def f():\n    pass\n");
        Assert.Equal(mode, r.Mode());
        Assert.Equal(3, r.Functions[0].Line);
    }

    [Fact]
    public void CpuBoundKnownOnlyAtRunTimeIsUnknownWithHazard()
    {
        var r = Py.Scan(Import + "import os\n\n@unsync(cpu_bound=os.environ.get('HEAVY'))\ndef f():\n    pass\n");
        Assert.Equal("unknown", r.Mode());
        Assert.Equal(["UM1008@4"], r.HazardCodes());
    }

    [Fact]
    public void DefLineIsTheDefKeywordNotTheDecorator()
    {
        var r = Py.Scan(Import + "@unsync(\n    cpu_bound=True,\n)\n\n\ndef f():\n    pass\n\n@unsync\n\nasync   def g():\n    pass\n");
        Assert.Equal(["f@7 process decorator", "g@12 async-loop decorator"], r.Functions());
    }

    [Fact]
    public void StackedWithProgramDecoratorsFollowsWhatIsActuallyWrapped()
    {
        var r = Py.Scan("""
            import functools
            from unsync import unsync

            def traced(fn):
                @functools.wraps(fn)
                def wrapper(*a, **k):
                    return fn(*a, **k)
                return wrapper

            def to_async(fn):
                async def wrapper(*a):
                    return fn(*a)
                return wrapper

            def keep(fn):
                return fn

            def retry(times):
                def deco(fn):
                    @functools.wraps(fn)
                    async def wrapper(*a):
                        return await fn(*a)
                    return wrapper
                return deco

            @unsync
            @traced
            async def plain_wrapper_around_async():
                pass

            @unsync
            @to_async
            def async_wrapper_around_plain():
                pass

            @unsync(cpu_bound=True)
            @keep
            def kept():
                pass

            @unsync
            @retry(3)
            async def retried():
                pass
            """);
        Assert.Equal([
            "plain_wrapper_around_async@28 thread decorator",
            "async_wrapper_around_plain@33 async-loop decorator",
            "kept@38 process decorator",
            "retried@43 async-loop decorator",
        ], r.Functions());
        Assert.Empty(r.Hazards);
    }

    [Fact]
    public void StackedWithExternalDecoratorIsUnknownWithHazard()
    {
        var r = Py.Scan("""
            import functools
            import tenacity
            from unsync import unsync

            @unsync
            @tenacity.retry
            async def a():
                pass

            @unsync
            @functools.lru_cache
            async def b():
                pass
            """);
        Assert.Equal(["a@7 unknown decorator", "b@12 thread decorator"], r.Functions());
        Assert.Equal(["UM1009@5"], r.HazardCodes());
    }

    [Fact]
    public void OuterDecoratorsDoNotChangeTheWrapping()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Service:
                @staticmethod
                @unsync
                def ping(x):
                    return x

                @classmethod
                @unsync
                def make(cls):
                    return cls()

            Service.ping(1).result()
            Service().ping(2).result()
            """);
        Assert.Equal(["Service.ping@6 thread decorator", "Service.make@11 thread decorator"], r.Functions());
        Assert.Equal(["14 Service.ping thread result", "15 Service.ping thread result"], r.Calls());
    }

    [Fact]
    public void MethodsAndNestedQualnames()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Outer:
                class Inner:
                    @unsync
                    async def m(self):
                        pass

            def factory():
                class Local:
                    @unsync
                    def m(self):
                        pass

                @unsync
                def helper():
                    @unsync
                    async def deepest():
                        pass
                    return deepest
                return Local, helper

            def declares_global():
                global g
                @unsync
                def g():
                    pass
            """);
        Assert.Equal([
            "Outer.Inner.m@6 async-loop decorator",
            "factory.<locals>.Local.m@12 thread decorator",
            "factory.<locals>.helper@16 thread decorator",
            "factory.<locals>.helper.<locals>.deepest@18 async-loop decorator",
            "g@26 thread decorator",
        ], r.Functions());
    }

    [Fact]
    public void CallWrappersRecordTheWrappingLine()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def count(a, b):
                return b - a

            async def fetch():
                pass

            parallel = unsync(cpu_bound=True)(count)
            threaded = unsync(count)
            looped = unsync()(fetch)

            parallel(1, 2).result()
            threaded(1, 2).result()
            count(1, 2)
            looped()
            """);
        Assert.Equal([
            "count@3 process call-wrapper at 9",
            "count@3 thread call-wrapper at 10",
            "fetch@6 async-loop call-wrapper at 11",
        ], r.Functions());
        Assert.Equal(["13 count process result", "14 count thread result", "16 fetch async-loop discarded"], r.Calls());
    }

    [Fact]
    public void LibraryCallablesAreExternalWithTheirRealNames()
    {
        var r = Py.Scan("""
            import asyncio
            import os
            import time
            from time import sleep as snooze
            from unsync import unsync

            nap = unsync(time.sleep)
            nap2 = unsync(snooze)
            pause = unsync(asyncio.sleep)
            ordered = unsync(sorted)
            where = unsync(cpu_bound=True)(os.getcwd)

            nap(0.1).result()
            pause(0).result()
            """);
        Assert.Equal([
            "time.sleep@7 thread call-wrapper external",
            "time.sleep@8 thread call-wrapper external",
            "asyncio.tasks.sleep@9 async-loop call-wrapper external",
            "builtins.sorted@10 thread call-wrapper external",
            "posix.getcwd@11 process call-wrapper external",
        ], r.Functions());
        Assert.Equal(["13 time.sleep thread result", "14 asyncio.tasks.sleep async-loop result"], r.Calls());
    }

    [Fact]
    public void ThirdPartyCallableIsUnknown()
    {
        var r = Py.Scan("import requests\nfrom unsync import unsync\n\nget = unsync(requests.get)\n");
        Assert.Equal(["requests.get@4 unknown call-wrapper external"], r.Functions());
        Assert.Equal(["UM1009@4"], r.HazardCodes());
    }

    [Fact]
    public void SameFunctionWrappedTwice()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def work(n):
                return n

            slow = unsync(work)
            fast = unsync(cpu_bound=True)(work)
            slow(1)
            fast(2)
            """);
        Assert.Equal(["work@3 thread call-wrapper at 6", "work@3 process call-wrapper at 7"], r.Functions());
        Assert.Equal(["8 work thread discarded", "9 work process discarded"], r.Calls());
    }

    [Fact]
    public void OneSiteWrappingSeveralFunctions()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def a():
                pass

            async def b():
                pass

            jobs = [unsync(f) for f in (a, b)]
            jobs[0]()
            """);
        Assert.Equal(["a@3 thread call-wrapper at 9", "b@6 async-loop call-wrapper at 9"], r.Functions());
        Assert.Equal(["10 a thread discarded", "10 b async-loop discarded"], r.Calls());
    }

    [Fact]
    public void KeywordsGivenWithTheFunctionAreIgnored()
    {
        var r = Py.Scan(Import + "def f():\n    pass\n\ng = unsync(f, cpu_bound=True)\n");
        Assert.Equal(["f@2 thread call-wrapper at 5"], r.Functions());
        Assert.Equal(["UM1007@5"], r.HazardCodes());
    }

    [Fact]
    public void LambdasAndClassesCanBeWrapped()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Point:
                pass

            double = unsync(lambda x: x * 2)
            make = unsync(Point)

            def outer():
                return unsync(lambda: 1)

            double(2).result()
            make().result()
            """);
        Assert.Equal([
            "Point@3 thread call-wrapper at 7",
            "<lambda>@6 thread call-wrapper at 6",
            "outer.<locals>.<lambda>@10 thread call-wrapper at 10",
        ], r.Functions());
        Assert.Equal(["12 <lambda> thread result", "13 Point thread result"], r.Calls());
    }

    [Fact]
    public void ProgramDecoratorThatCallsUnsync()
    {
        var r = Py.Scan("""
            from unsync import unsync

            def background(fn):
                return unsync(fn)

            @background
            def a():
                pass

            @background
            async def b():
                pass

            a().result()
            b().result()
            """);
        Assert.Equal(["a@7 thread call-wrapper at 4", "b@11 async-loop call-wrapper at 4"], r.Functions());
        Assert.Equal(["14 a thread result", "15 b async-loop result"], r.Calls());
        Assert.Empty(r.Hazards);
    }

    [Fact]
    public void UnresolvableWrapIsReported()
    {
        var r = Py.Scan("""
            from unsync import unsync

            HANDLERS = {}
            job = unsync(HANDLERS["x"])
            """);
        Assert.Empty(r.Functions);
        Assert.Equal(["UM1011@4"], r.HazardCodes());
    }
}
