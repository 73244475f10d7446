namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Unsync.Sleep: asyncio.sleep's ordering on the single loop.</summary>
public sealed class SleepTests
{
    [Fact]
    public void Sleep_Zero_AlternatesCoroutinesInFifoOrder()
    {
        using var rt = new UnsyncRuntime();
        var log = new List<string>();
        async Task<int> Worker(string name, int n)
        {
            for (int i = 0; i < n; i++) { log.Add(name + i); await Unsync.Sleep(0); }
            return n;
        }
        rt.Loop(async () =>
        {
            var a = rt.Loop(() => Worker("A", 3));
            var b = rt.Loop(() => Worker("B", 3));
            var c = rt.Loop(() => Worker("C", 2));
            return await a + await b + await c;
        }).Within();
        Assert.Equal("A0 B0 C0 A1 B1 C1 A2 B2", string.Join(" ", log));
    }

    [Fact]
    public void TaskYield_OnTheLoop_AlsoAlternatesInFifoOrder()
    {
        using var rt = new UnsyncRuntime();
        var log = new List<string>();
        async Task Worker(string name)
        {
            for (int i = 0; i < 3; i++) { log.Add(name + i); await Task.Yield(); }
        }
        // Both start from inside the loop, so neither can run ahead before the other is queued
        // (posted from this thread, A could finish before B's start reached the loop).
        rt.Loop(async () =>
        {
            var a = rt.Loop(() => Worker("A"));
            var b = rt.Loop(() => Worker("B"));
            await a;
            await b;
        }).Within();
        Assert.Equal("A0 B0 A1 B1 A2 B2", string.Join(" ", log));
    }

    [Fact]
    public void Sleep_Timed_ResumesInDueTimeOrderTiesInCallOrder()
    {
        var time = new ManualTime();
        using var rt = new UnsyncRuntime(new UnsyncOptions { LoopFactory = () => new SingleThreadLoop(time: time) });
        var woke = new List<string>();
        var started = rt.Loop(async () =>
        {
            var sleepers = new (string Name, double Seconds)[] { ("slow", 0.3), ("tie1", 0.1), ("mid", 0.2), ("tie2", 0.1), ("zero", 0) }
                .Select(s => rt.Loop(async () => { await Unsync.Sleep(s.Seconds); woke.Add(s.Name); }))
                .ToList();
            await Unsync.Yield(); // the five have started: four sleep, "zero" queued its wake-up
            await Unsync.Yield(); // ... which ran before this
            return sleepers;
        }).Within();
        Assert.Equal(["zero"], woke);
        time.Advance(TimeSpan.FromHours(1)); // everything due at once: order comes from the heap alone
        rt.EventLoop.Post(_ => { }, null);   // wake the loop so it looks at its timers
        foreach (var s in started) s.Within();
        Assert.Equal(["zero", "tie1", "tie2", "mid", "slow"], woke);
    }

    [Fact]
    public void Sleep_RealClock_WaitsAtLeastTheDelay()
    {
        using var rt = new UnsyncRuntime();
        var elapsed = rt.Loop(async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Unsync.Sleep(0.05);
            return clock.Elapsed;
        }).Within();
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(49), $"woke after {elapsed}");
    }

    [Fact]
    public void Sleep_OffTheLoop_FallsBackToTaskDelay()
    {
        async Task<int> OffLoop()
        {
            await Unsync.Sleep(0.001);
            await Unsync.Yield();
            await Unsync.Sleep(TimeSpan.FromMilliseconds(1)).AsTask();
            return 1;
        }
        Assert.Equal(1, Task.Run(OffLoop).Within());
    }
}
