namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Knobs and lifecycle: sizes, replacing executors before first use, custom loop, shutdown.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Runtime_ConfigureBeforeFirstUse_Applies()
    {
        using var rt = new UnsyncRuntime();
        rt.Configure(o => { o.ThreadPoolSize = 2; o.ProcessPoolSize = 3; });
        Assert.Equal(2, rt.Options.ThreadPoolSize);
        Assert.Equal(3, rt.Options.ProcessPoolSize);
        Assert.Equal(2, Assert.IsType<BoundedThreadPool>(rt.ThreadExecutor).MaxThreads);
    }

    [Fact]
    public void Runtime_ConfigureAfterFirstUse_Throws()
    {
        using var rt = new UnsyncRuntime();
        rt.Thread(() => 1).Within();
        var e = Assert.Throws<InvalidOperationException>(() => rt.Configure(o => o.ThreadPoolSize = 2));
        Assert.Contains("before its first call", e.Message);
    }

    [Fact]
    public void Runtime_InvalidSizes_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnsyncRuntime(new UnsyncOptions { ThreadPoolSize = 0 }));
        using var rt = new UnsyncRuntime();
        Assert.Throws<ArgumentOutOfRangeException>(() => rt.Configure(o => o.ProcessPoolSize = 0));
    }

    [Fact]
    public void Runtime_CustomLoop_CarriesEveryLoopCallAndContinuation()
    {
        var custom = new CountingLoop();
        using var rt = new UnsyncRuntime(new UnsyncOptions { LoopFactory = () => custom });
        var result = rt.Loop(async () =>
        {
            await Unsync.Yield();
            var v = await rt.Thread(() => 2);
            return v + await rt.FromValue(40);
        }).Within();
        Assert.Equal(42, result);
        Assert.True(custom.Posts >= 4, $"only {custom.Posts} posts went through the custom loop");
    }

    /// <summary>A custom scheduler written against the interface alone: a thread draining a
    /// blocking queue, counting what it runs. It installs an UnsyncSynchronizationContext pointing at
    /// itself, which is what brings awaits back to it.</summary>
    private sealed class CountingLoop : IUnsyncLoop
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback, object?)> _queue = new();
        private readonly Thread _thread;
        private int _posts;

        public CountingLoop()
        {
            _thread = new Thread(() =>
            {
                SynchronizationContext.SetSynchronizationContext(new UnsyncSynchronizationContext(this));
                foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
            }) { IsBackground = true, Name = "custom-loop" };
            _thread.Start();
        }

        public int Posts => Volatile.Read(ref _posts);
        public bool IsLoopThread => Thread.CurrentThread == _thread;

        public void Post(SendOrPostCallback callback, object? state)
        {
            Interlocked.Increment(ref _posts);
            if (!_queue.IsAddingCompleted) _queue.Add((callback, state));
        }

        public void ScheduleAfter(TimeSpan delay, Action callback) =>
            _ = Task.Delay(delay).ContinueWith(_ => Post(_ => callback(), null), TaskScheduler.Default);

        public bool Stop(TimeSpan timeout)
        {
            _queue.CompleteAdding();
            return IsLoopThread || _thread.Join(timeout);
        }

        public void Dispose() => Stop(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Runtime_Shutdown_FinishesQueuedThreadWorkThenRefusesNewCalls()
    {
        var rt = new UnsyncRuntime(new UnsyncOptions { ThreadPoolSize = 1 });
        var gate = new ManualResetEventSlim();
        var first = rt.Thread(() => { gate.Wait(Support.Patience); return 1; });
        var queued = rt.Thread(() => 2);
        var shutdown = Task.Run(() => rt.Shutdown(Support.Patience));
        gate.Set();
        Assert.True(shutdown.Within());
        Assert.Equal(1, first.Within());
        Assert.Equal(2, queued.Within());
        Assert.Throws<ObjectDisposedException>(() => rt.Thread(() => 3));
        Assert.Throws<ObjectDisposedException>(() => rt.Loop(() => Task.FromResult(3)));
        Assert.Throws<InvalidOperationException>(() => rt.Configure(o => o.ThreadPoolSize = 2));
    }

    [Fact]
    public void Runtime_Shutdown_StopsTheLoopThread()
    {
        var rt = new UnsyncRuntime();
        Thread? loopThread = null;
        rt.Loop(async () => { loopThread = Thread.CurrentThread; await Unsync.Yield(); }).Within();
        Assert.True(rt.Shutdown(Support.Patience));
        Assert.False(loopThread!.IsAlive);
        Assert.True(rt.Shutdown()); // idempotent
    }

    [Fact]
    public void Runtime_LoopCallbackThrows_LoopKeepsRunningAndReports()
    {
        var errors = new List<Exception>();
        using var rt = new UnsyncRuntime(new UnsyncOptions { LoopCallbackError = errors.Add });
        rt.EventLoop.Post(_ => throw new InvalidOperationException("in callback"), null);
        Assert.Equal(1, rt.Loop(() => Task.FromResult(1)).Within());
        Assert.Equal("in callback", Assert.Single(errors).Message);
    }
}

/// <summary>The process-wide facade. Not run in parallel with anything: it swaps the global runtime.</summary>
[Collection(GlobalStateCollection.Name)]
public sealed class GlobalRuntimeTests
{
    [Fact]
    public void Unsync_ConfigureUseShutdownAndUseAgain_StartsAFreshRuntime()
    {
        Unsync.Shutdown();
        Unsync.Configure(o => o.ThreadPoolSize = 2);
        Assert.Equal(2, Assert.IsType<BoundedThreadPool>(Unsync.Runtime.ThreadExecutor).MaxThreads);
        Assert.Equal(4, Unsync.Thread(() => 4).Within());
        Assert.Equal(5, Unsync.Loop(async () => { await Unsync.Sleep(0); return 5; }).Within());
        Assert.Equal(6, Unfuture.FromValue(6).Within());
        Assert.Equal(7, new Unfuture<int>(Task.FromResult(7)).Within());
        Assert.Throws<InvalidOperationException>(() => Unsync.Configure(o => o.ThreadPoolSize = 3));
        var old = Unsync.Runtime;
        Assert.True(Unsync.Shutdown(Support.Patience));
        Assert.NotSame(old, Unsync.Runtime);
        Assert.Equal(BoundedThreadPool.DefaultSize, Unsync.Runtime.Options.ThreadPoolSize);
        Unsync.Configure(o => o.ThreadPoolSize = 3); // allowed again: nothing started yet
        var pending = new Unfuture<string>();
        pending.SetResult("module-level Unfuture()");
        Assert.Equal("module-level Unfuture()", pending.Within());
        Unsync.Shutdown();
    }

    [Fact]
    public void ProcessPool_StartedInsideAWorkerThatSkippedWorkerMode_RefusesToFork()
    {
        var before = Environment.GetEnvironmentVariable(UnsyncRuntime.WorkerEnvironmentVariable);
        Environment.SetEnvironmentVariable(UnsyncRuntime.WorkerEnvironmentVariable, "1");
        try
        {
            using var rt = Support.ProcessRuntime(1);
            var fut = rt.Process<long>(UnsyncMigrate.Runtime.TestWorker.TestTargets.Square, 3L);
            var e = Assert.Throws<WorkerStartException>(() => fut.Within());
            Assert.Contains("RunWorkerIfRequested", e.Message);
            Assert.Empty(rt.WorkerProcessIds);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UnsyncRuntime.WorkerEnvironmentVariable, before);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "global unsync state";
}
