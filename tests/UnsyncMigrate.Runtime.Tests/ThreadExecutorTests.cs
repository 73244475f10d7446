namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Thread mode: true concurrency, Python's pool size, the .NET pool option.</summary>
public sealed class ThreadExecutorTests
{
    [Fact]
    public void Thread_TwentyJobsWithPoolOfTwenty_AllRunAtTheSameTime()
    {
        using var rt = new UnsyncRuntime(new UnsyncOptions { ThreadPoolSize = 20 });
        using var barrier = new Barrier(20);
        // Each job waits until all twenty are inside: only possible if they run in parallel.
        var jobs = Enumerable.Range(0, 20).Select(i => rt.Thread(() => barrier.SignalAndWait(Support.Patience) ? i : -1)).ToList();
        Assert.Equal(Enumerable.Range(0, 20), jobs.Select(j => j.Within()));
    }

    [Fact]
    public void Thread_DefaultPool_SizeIsMinOf32AndCoresPlus4()
    {
        Assert.Equal(Math.Min(32, Environment.ProcessorCount + 4), new UnsyncOptions().ThreadPoolSize);
        Assert.Equal(Math.Min(32, Environment.ProcessorCount + 4), BoundedThreadPool.DefaultSize);
    }

    [Fact]
    public void Thread_MoreJobsThanThreads_RunAtMostPoolSizeAtOnce()
    {
        const int size = 3;
        var pool = new BoundedThreadPool(size);
        using var rt = new UnsyncRuntime(new UnsyncOptions { ThreadExecutor = pool });
        var gate = new ManualResetEventSlim();
        using var allIn = new CountdownEvent(size);
        int running = 0, peak = 0;
        var jobs = Enumerable.Range(0, size * 3).Select(_ => rt.Thread(() =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (!allIn.IsSet) allIn.Signal();
            gate.Wait(Support.Patience);
            Interlocked.Decrement(ref running);
        })).ToList();
        Assert.True(allIn.Wait(Support.Patience));
        Assert.Equal(size, Volatile.Read(ref running));
        Assert.Equal(size, pool.ThreadCount);
        gate.Set();
        foreach (var j in jobs) j.Within();
        Assert.Equal(size, peak);
        Assert.True(pool.Shutdown(Support.Patience));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public void Thread_PoolStartsThreadsLazily_ReusesAnIdleOne()
    {
        var pool = new BoundedThreadPool(8);
        using var rt = new UnsyncRuntime(new UnsyncOptions { ThreadExecutor = pool });
        Assert.Equal(0, pool.ThreadCount);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(i, rt.Thread(() => i).Within());
            // The result is visible a moment before its thread counts itself idle again; a call in
            // that moment rightly starts a second thread. Wait for idleness to test reuse alone.
            Support.Eventually(() => pool.Available == pool.ThreadCount, "the pool thread to be idle");
        }
        Assert.Equal(1, pool.ThreadCount); // sequential calls never needed a second thread
        pool.Shutdown(Support.Patience);
    }

    [Fact]
    public void Thread_DotNetThreadPoolOption_RunsOnPoolThreads()
    {
        using var rt = new UnsyncRuntime(new UnsyncOptions { UseDotNetThreadPool = true });
        Assert.True(rt.Thread(() => Thread.CurrentThread.IsThreadPoolThread).Within());
    }

    [Fact]
    public void Thread_BoundedPool_UsesDedicatedThreadsConcurrentWithTheCaller()
    {
        using var rt = new UnsyncRuntime();
        var callerGoesOn = new ManualResetEventSlim();
        var fut = rt.Thread(() =>
        {
            callerGoesOn.WaitOrFail(); // the caller must get here first: the call did not run inline
            return Thread.CurrentThread.IsThreadPoolThread;
        });
        callerGoesOn.Set();
        Assert.False(fut.Within());
    }

    [Fact]
    public void Thread_AwaitedFromTheLoop_ResumesOnTheLoop()
    {
        using var rt = new UnsyncRuntime();
        var (before, after) = rt.Loop(async () =>
        {
            int before = Environment.CurrentManagedThreadId;
            await rt.Thread(() => Thread.Sleep(1));
            return (before, Environment.CurrentManagedThreadId);
        }).Within();
        Assert.Equal(before, after);
    }
}
