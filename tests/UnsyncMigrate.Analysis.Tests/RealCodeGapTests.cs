using UnsyncMigrate.Analysis.Tests.Support;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>
/// Patterns real projects showed the analysis getting wrong: the standard library's caching
/// decorators, calls that reach an unsync override through a base class, and a then()
/// continuation that checks whether it got a future before calling result().
/// </summary>
public class RealCodeGapTests
{
    [Fact]
    public void LruCacheWithArguments_UnderUnsync_IsAThreadFunction()
    {
        // CPython 3.13: inspect.iscoroutinefunction(lru_cache(maxsize=None)(f)) is False, also for an async def.
        var r = Py.Scan("""
            import functools
            from functools import lru_cache
            from unsync import unsync

            @unsync
            @lru_cache(maxsize=None)
            def fib(n):
                return n

            @unsync
            @functools.lru_cache(128)
            async def cached(n):
                return n

            @unsync
            @functools.cache
            def sq(n):
                return n * n
            """);
        Assert.Equal(["fib@7 thread decorator", "cached@12 thread decorator", "sq@17 thread decorator"], r.Functions());
        Assert.Empty(r.Hazards);
    }

    [Fact]
    public void CallThroughABaseClass_ReachingAnUnsyncOverride_IsAVirtualCallSite()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Job:
                def run(self):
                    return 0

                def start(self):
                    return self.run()

            class Fetch(Job):
                @unsync
                def run(self):
                    return 1

            def launch(job: Job):
                return job.run().result()
            """);
        Assert.Equal(["run@12 thread decorator"], r.Functions().Select(f => f.Replace("Fetch.", "")).ToArray());
        Assert.Equal(["8 Fetch.run thread stored", "16 Fetch.run thread result"], r.Calls());
        Assert.All(r.CallSites, c => Assert.Equal("virtual", c.Via));
    }

    [Fact]
    public void CallOnTheOverridingClassItself_IsAPlainCallSite()
    {
        var r = Py.Scan("""
            from unsync import unsync

            class Job:
                def run(self):
                    return 0

            class Fetch(Job):
                @unsync
                def run(self):
                    return 1

            Fetch().run().result()
            Job().run()
            """);
        var site = Assert.Single(r.CallSites);
        Assert.Equal(12, site.Line);
        Assert.Equal("attribute", site.Via);
    }

    [Fact]
    public void ThenContinuation_GuardedByIsinstanceUnfuture_HasNoResultHazard()
    {
        var r = Py.Scan("""
            from unsync import unsync, Unfuture

            @unsync
            def work():
                return 1

            def checked(x):
                if isinstance(x, Unfuture) and x.done():
                    x = x.result()
                return x + 1

            def unchecked(x):
                return x.result() + 1

            work().then(checked)
            work().then(unchecked)
            """);
        Assert.Equal(["UM1006@13"], r.HazardCodes());
    }
}
