namespace UnsyncMigrate.Runtime.Tests;

/// <summary>The ordering guarantees of unsync's async-loop mode (semantics page, section 4).</summary>
public sealed class LoopOrderingTests : IDisposable
{
    private readonly UnsyncRuntime _rt = new();
    private readonly List<string> _log = new();

    public void Dispose() => _rt.Shutdown(TimeSpan.FromSeconds(10));

    private async Task<string> Step(string before, string after)
    {
        _log.Add(before);
        await Unsync.Yield();
        _log.Add(after);
        return after;
    }

    [Fact]
    public void Loop_CalledFromAnotherThread_RunsOnTheLoopThreadNotInline()
    {
        var release = new TaskCompletionSource();
        int callerThread = Environment.CurrentManagedThreadId;
        int bodyThread = 0;
        var fut = _rt.Loop(async () =>
        {
            bodyThread = Environment.CurrentManagedThreadId;
            await release.Task; // if the body ran inline, the caller would never get past the call
            return _rt.IsOnLoopThread;
        });
        release.SetResult();
        Assert.True(fut.Within());
        Assert.NotEqual(callerThread, bodyThread);
    }

    [Fact]
    public void Loop_CalledInsideLoop_StartsOnlyAfterCallersNextAwait()
    {
        var order = _rt.Loop(async () =>
        {
            _log.Add("a");
            var inner = _rt.Loop(() => Step("b", "d"));
            _log.Add("c");          // the callee has not started: no await yet
            await inner;
            _log.Add("e");
            return string.Join(" ", _log);
        }).Within();
        Assert.Equal("a c b d e", order);
    }

    [Fact]
    public void Loop_CalledInsideLoop_StartsInCallOrder()
    {
        var order = _rt.Loop(async () =>
        {
            var futures = new[] { "1", "2", "3", "4" }.Select(n => _rt.Loop(() => Step("start" + n, "end" + n))).ToList();
            _log.Add("spawned");
            foreach (var f in futures) await f;
            return string.Join(" ", _log);
        }).Within();
        Assert.Equal("spawned start1 start2 start3 start4 end1 end2 end3 end4", order);
    }

    [Fact]
    public void Loop_AwaitedCallee_InterleavesStepByStepLikeAsyncio()
    {
        // caller up to its await, callee to its first await, a concurrent ticker, ...
        var order = _rt.Loop(async () =>
        {
            var ticker = _rt.Loop(async () =>
            {
                for (int i = 0; i < 3; i++) { _log.Add("t" + i); await Unsync.Yield(); }
            });
            _log.Add("caller-a");
            var value = await _rt.Loop(() => Step("callee-b", "callee-c"));
            _log.Add("caller-d:" + value);
            await ticker;
            return string.Join(" ", _log);
        }).Within();
        Assert.Equal("caller-a t0 callee-b t1 callee-c t2 caller-d:callee-c", order);
    }

    [Fact]
    public void Loop_StartsThreeWorkersThenAppendsSpawned_SpawnedComesFirst()
    {
        // Public corpus case 13, with the sleeps scaled up so a stalled machine keeps the order.
        var time = new ManualTime();
        using var rt = new UnsyncRuntime(new UnsyncOptions { LoopFactory = () => new SingleThreadLoop(time: time) });
        var timeline = new List<string>();

        async Task<string> Worker(string name, double[] delays)
        {
            for (int step = 0; step < delays.Length; step++)
            {
                timeline.Add($"{name}{step}+");
                await Unsync.Sleep(delays[step]);
                timeline.Add($"{name}{step}-");
            }
            return $"{name} did {delays.Length} steps";
        }
        async Task<int> Ticker(int rounds)
        {
            for (int i = 0; i < rounds; i++) { timeline.Add($"t{i}"); await Unsync.Yield(); }
            return rounds;
        }
        var orchestrate = rt.Loop(async () =>
        {
            var futures = new Unfuture[]
            {
                rt.Loop(() => Worker("A", [0.04, 0.04])),
                rt.Loop(() => Worker("B", [0.02, 0.08])),
                rt.Loop(() => Worker("C", [0.06])),
                rt.Loop(() => Ticker(3)),
            };
            timeline.Add("spawned");
            foreach (var f in futures) await f;
            return "done";
        });
        // Let virtual time pass in 10 ms steps; each post wakes the loop to look at its timers.
        for (int i = 0; i < 20 && !orchestrate.Done; i++)
        {
            rt.Loop(async () => { await Unsync.Yield(); await Unsync.Yield(); }).Within();
            time.Advance(TimeSpan.FromMilliseconds(10));
        }
        Assert.Equal("done", orchestrate.Within());
        Assert.Equal("spawned A0+ B0+ C0+ t0 t1 t2 B0- B1+ A0- A1+ C0- A1- B1-", string.Join(" ", timeline));
    }

    [Fact]
    public void Loop_HundredCoroutinesAppendASleepAppendB_AllAsBeforeAnyB()
    {
        var letters = _rt.Loop(async () =>
        {
            var list = new List<char>();
            var futures = Enumerable.Range(0, 100).Select(_ => _rt.Loop(async () =>
            {
                list.Add('a');
                await Unsync.Sleep(0.01);
                list.Add('b');
            })).ToList();
            foreach (var f in futures) await f;
            return new string(list.ToArray());
        }).Within();
        Assert.Equal(new string('a', 100) + new string('b', 100), letters);
    }

    [Fact]
    public void Loop_HundredCallsFromOutsideWhileLoopBusy_AllAsBeforeAnyB()
    {
        // The loop is held busy while the test posts, so all hundred start in one batch.
        var gate = new ManualResetEventSlim();
        _rt.EventLoop.Post(_ => gate.Wait(Support.Patience), null);
        var list = new List<char>();
        var futures = Enumerable.Range(0, 100).Select(_ => _rt.Loop(async () =>
        {
            list.Add('a');
            await Unsync.Sleep(0.001);
            list.Add('b');
        })).ToList();
        gate.Set();
        foreach (var f in futures) f.Within();
        Assert.Equal(new string('a', 100) + new string('b', 100), new string(list.ToArray()));
    }

    [Fact]
    public void Loop_AllCoroutines_RunOnOneThread()
    {
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        var futures = Enumerable.Range(0, 20).Select(_ => _rt.Loop(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await Unsync.Yield();
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Delay(1); // an ordinary await also comes back to the loop
            threads.Add(Environment.CurrentManagedThreadId);
        })).ToList();
        foreach (var f in futures) f.Within();
        Assert.Single(threads.Distinct());
    }

    [Fact]
    public void Loop_InstanceMethod_RunsWithItsObject()
    {
        var counter = new Counter(10);
        var a = _rt.Loop(() => counter.AddAsync(5));
        var b = _rt.Loop(() => counter.AddAsync(7));
        Assert.Equal(15, a.Within());
        Assert.Equal(22, b.Within());
    }

    private sealed class Counter(int start)
    {
        private int _value = start;

        public async Task<int> AddAsync(int by)
        {
            await Unsync.Yield();
            _value += by; // no lock needed: one loop thread, like asyncio
            return _value;
        }

        public int Add(int by) => Interlocked.Add(ref _value, by);
    }

    [Fact]
    public void Thread_InstanceMethod_RunsWithItsObject()
    {
        var counter = new Counter(1);
        Assert.Equal(3, _rt.Thread(() => counter.Add(2)).Within());
    }
}
