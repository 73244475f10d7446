using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Tests.Support;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>Each hazard code, where it must fire and where it must not.</summary>
public class HazardTests
{
    static string[] Codes(string source) => Py.Scan(source).HazardCodes();

    [Fact]
    public void UM1001_ResultOnTheLoopThread()
    {
        Assert.Equal(["UM1001@11", "UM1001@12"], Codes("""
            from unsync import unsync, Unfuture

            @unsync
            async def compute():
                return 1

            @unsync
            async def impatient():
                fut = compute()
                ready = Unfuture.from_value(2)
                early = fut.result()
                now = ready.result()
                return early, now
            """));
    }

    [Fact]
    public void UM1001_NotAfterAwaitNorOffTheLoop()
    {
        Assert.Empty(Codes("""
            from unsync import unsync

            @unsync
            async def compute():
                return 1

            @unsync
            async def patient():
                fut = compute()
                value = await fut
                return fut.result()

            @unsync
            def in_a_thread():
                return compute().result()

            async def plain_coroutine():
                return compute().result()

            compute().result()
            """));
    }

    [Fact]
    public void UM1002_CpuBoundOnAsyncDef()
    {
        var r = Py.Scan("from unsync import unsync\n\n@unsync(cpu_bound=True)\nasync def a():\n    pass\n\n@unsync(cpu_bound=True)\ndef b():\n    pass\n");
        Assert.Equal(["UM1002@3"], r.HazardCodes());
        Assert.Equal(HazardLevel.Error, r.Hazards[0].Rule.Level);
    }

    [Fact]
    public void UM1003_ProcessTargetsWorkersCannotFind()
    {
        Assert.Equal(["UM1003@4", "UM1003@10", "UM1003@15", "UM1003@18"], Codes("""
            from unsync import unsync

            def outer():
                @unsync(cpu_bound=True)
                def nested():
                    pass
                return nested

            class Jobs:
                @unsync(cpu_bound=True)
                def method(self):
                    pass

            def later():
                return unsync(cpu_bound=True)(square)

            square = lambda x: x * x
            run = unsync(cpu_bound=True)(square)
            """));
    }

    [Fact]
    public void UM1003_CreatedAfterTheFirstProcessCall()
    {
        Assert.Equal(["UM1003@7"], Codes("""
            from unsync import unsync

            @unsync(cpu_bound=True)
            def first(x):
                return x
            first(1).result()
            @unsync(cpu_bound=True)
            def second(x):
                return x
            second(2).result()
            """));
    }

    [Fact]
    public void UM1003_NotForModuleLevelTargetsDefinedFirst()
    {
        Assert.Empty(Codes("""
            from unsync import unsync

            @unsync(cpu_bound=True)
            def first(x):
                return x

            def count(x):
                return x

            parallel = unsync(cpu_bound=True)(count)

            if __name__ == "__main__":
                first(1).result()
                parallel(2).result()
            """));
    }

    [Fact]
    public void UM1004_BlockingCallsOnTheLoop()
    {
        Assert.Equal(["UM1004@10", "UM1004@11", "UM1004@12", "UM1004@13"], Codes("""
            import time
            import requests
            from time import sleep
            from unsync import unsync

            pool_future = None

            @unsync
            async def blocking():
                time.sleep(1)
                sleep(1)
                requests.get("http://localhost")
                return pool_future.result()
            """));
    }

    [Fact]
    public void UM1004_NotInThreadsOrWhenAwaited()
    {
        Assert.Empty(Codes("""
            import asyncio
            import time
            from unsync import unsync

            @unsync
            def in_thread():
                time.sleep(1)

            @unsync
            async def polite():
                await asyncio.sleep(1)
                await in_thread()

            async def not_unsync():
                time.sleep(1)
            """));
    }

    [Fact]
    public void UM1005_UnobservedFutures()
    {
        Assert.Equal(["UM1005@8", "UM1005@11"], Codes("""
            from unsync import unsync

            @unsync
            def job():
                pass

            def fire():
                job()

            def store():
                fut = job()
                return 1
            """));
    }

    [Fact]
    public void UM1005_NotWhenObserved()
    {
        Assert.Empty(Codes("""
            from unsync import unsync

            @unsync
            def job():
                pass

            def kept():
                fut = job()
                return fut.result()

            def closure():
                fut = job()
                return lambda: fut.result()

            module_level = job()
            """));
    }

    [Fact]
    public void UM1006_ThenContinuationCallsResult()
    {
        Assert.Equal(["UM1006@8", "UM1006@11"], Codes("""
            from unsync import unsync

            @unsync
            def load():
                return 1

            def old_style(fut):
                return fut.result() + 1

            load().then(old_style)
            load().then(lambda f: f.result())
            """));
    }

    [Fact]
    public void UM1006_NotWhenTheValueIsUsed()
    {
        Assert.Empty(Codes("""
            from unsync import unsync

            @unsync
            def load():
                return 1

            def new_style(value):
                return value + 1

            load().then(new_style).then(lambda v: v * 2).result()
            """));
    }

    [Fact]
    public void UM1007_IgnoredKeywords()
    {
        var r = Py.Scan("from unsync import unsync\n\n@unsync(cpubound=True)\ndef a():\n    pass\n\n@unsync(cpu_bound=True)\ndef b():\n    pass\n");
        Assert.Equal(["UM1007@3"], r.HazardCodes());
        Assert.Contains("did you mean cpu_bound", r.Hazards[0].Message);
        Assert.Equal("thread", ReportNames.Of(r.Functions[0].Mode));
    }

    [Fact]
    public void UM1008_RuntimeCpuBound()
    {
        Assert.Equal(["UM1008@4"], Codes("from unsync import unsync\n\ndef make(heavy):\n    @unsync(cpu_bound=heavy)\n    def work():\n        pass\n    return work\n"));
        Assert.Empty(Codes("from unsync import unsync\n\nHEAVY = False\n\n@unsync(cpu_bound=HEAVY)\ndef work():\n    pass\n"));
    }

    [Fact]
    public void UM1009_UnknownInnerDecorator()
    {
        Assert.Equal(["UM1009@4"], Codes("from unsync import unsync\nfrom somewhere import decorate\n\n@unsync\n@decorate\nasync def a():\n    pass\n"));
        Assert.Empty(Codes("from unsync import unsync\n\ndef decorate(f):\n    return f\n\n@unsync\n@decorate\nasync def a():\n    pass\n"));
    }

    [Fact]
    public void UM1010_ArgumentsThatCannotBePickled()
    {
        Assert.Equal(["UM1010@11", "UM1010@12", "UM1010@13"], Codes("""
            from unsync import unsync

            @unsync(cpu_bound=True)
            def apply(fn, data=None):
                return fn(data)

            def main():
                def local(x):
                    return x

                apply(lambda x: x).result()
                apply(len, data=(i for i in range(3))).result()
                apply(local).result()
                apply(len, [1, 2]).result()
            """));
    }

    [Fact]
    public void UM1011_UnresolvedWrap()
    {
        Assert.Equal(["UM1011@4"], Codes("from unsync import unsync\nimport registry\n\nwork = unsync(registry.pick())\n"));
        Assert.Empty(Codes("from unsync import unsync\n\ndef bg(fn):\n    return unsync(fn)\n"));
    }

    [Fact]
    public void UM1012_ReusedDecoratorInstance()
    {
        Assert.Equal(["UM1012@3"], Codes("""
            from unsync import unsync

            heavy = unsync(cpu_bound=True)

            @heavy
            def a():
                pass

            @heavy
            def b():
                pass
            """));
        Assert.Empty(Codes("from unsync import unsync\n\n@unsync(cpu_bound=True)\ndef a():\n    pass\n\n@unsync(cpu_bound=True)\ndef b():\n    pass\n"));
    }

    [Fact]
    public void EveryRuleHasAStableCodeAndAFix()
    {
        var codes = HazardRules.All.Select(r => r.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, codes.Count).Select(i => $"UM{1000 + i}"), codes);
        Assert.All(HazardRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Fix)));
        Assert.All(HazardRules.All, r => Assert.DoesNotContain('\n', r.Fix));
    }
}
