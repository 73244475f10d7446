namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Unfuture's operations (semantics page, section 3).</summary>
public sealed class UnfutureTests : IDisposable
{
    private readonly UnsyncRuntime _rt = new();

    public void Dispose() => _rt.Shutdown(TimeSpan.FromSeconds(10));

    private async Task<int> Compute(int x)
    {
        await Unsync.Sleep(0.001);
        return x * 3;
    }

    [Fact]
    public void Unfuture_ResultOnLoopWhileNotDone_ThrowsInvalidStateImmediately()
    {
        // Public corpus case 11.
        var (value, again, note, done) = _rt.Loop(async () =>
        {
            var fut = _rt.Loop(() => Compute(5));
            string note;
            int value;
            try
            {
                value = fut.Result();
                note = "got it early";
            }
            catch (InvalidStateException e)
            {
                note = $"{e.GetType().Name}: {e.Message}";
                value = await fut;
            }
            int again = fut.Result(); // done now, so allowed on the loop thread
            return (value, again, note, fut.Done);
        }).Within();
        Assert.Equal(15, value);
        Assert.Equal(15, again);
        Assert.True(done);
        Assert.Equal("InvalidStateException: Calling result() in an unsync method is not allowed", note);
    }

    [Fact]
    public void Unfuture_ResultWithTimeoutOnLoopWhileNotDone_ThrowsInvalidState()
    {
        var thrown = _rt.Loop(async () =>
        {
            var fut = _rt.Loop(() => Compute(1));
            try { fut.Result(TimeSpan.FromSeconds(30)); return "no"; }
            catch (InvalidStateException) { await fut; return "invalid state"; }
        }).Within();
        Assert.Equal("invalid state", thrown);
    }

    [Fact]
    public void Unfuture_ResultOffLoop_BlocksUntilDone()
    {
        var release = new TaskCompletionSource();
        var fut = _rt.Loop(async () => { await release.Task; return 21; });
        Assert.False(fut.Done);
        var waiter = Task.Run(() => fut.Result());
        release.SetResult();
        Assert.Equal(21, waiter.Within());
        Assert.True(fut.Done);
    }

    [Fact]
    public void Unfuture_AwaitedTwice_YieldsSameValue()
    {
        var (a, b) = _rt.Loop(async () =>
        {
            var fut = _rt.Loop(() => Compute(2));
            int first = await fut;
            int second = await fut;
            return (first, second);
        }).Within();
        Assert.Equal(6, a);
        Assert.Equal(6, b);
    }

    [Fact]
    public void Unfuture_ResultWithTimeout_ThrowsTimeoutAndStaysPending()
    {
        // Public corpus case 9, gated instead of timed.
        var gate = new ManualResetEventSlim();
        var job = _rt.Thread(() => { gate.Wait(Support.Patience); return "nightly finished"; });
        Assert.Throws<TimeoutException>(() => job.Result(TimeSpan.FromMilliseconds(30)));
        Assert.False(job.Done);
        gate.Set();
        Assert.Equal("nightly finished", job.Result(Support.Patience));
        Assert.True(job.Done);
    }

    [Fact]
    public void Unfuture_VoidResultWithTimeout_ThrowsTimeoutAndStaysPending()
    {
        var gate = new ManualResetEventSlim();
        var job = _rt.Thread(() => gate.Wait(Support.Patience));
        Assert.Throws<TimeoutException>(() => job.Result(TimeSpan.FromMilliseconds(10)));
        Assert.False(job.Done);
        gate.Set();
        job.Within();
        Assert.True(job.Done);
    }

    [Fact]
    public void Unfuture_FromValue_AwaitedOnLoopAndResultOffLoop()
    {
        var fromOutside = _rt.FromValue(21);
        Assert.Equal(21, fromOutside.Within());
        var doubled = _rt.Loop(async () => await _rt.FromValue(21) * 2).Within();
        Assert.Equal(42, doubled);
        Assert.Equal(42, _rt.FromValue(21).Then(v => v * 2).Within());
    }

    [Fact]
    public void Unfuture_FromValueOnLoop_ResultThrowsUntilTheCoroutineYieldsOnce()
    {
        var (before, after) = _rt.Loop(async () =>
        {
            var fut = _rt.FromValue("v");
            string before;
            try { before = fut.Result(); }
            catch (InvalidStateException) { before = "not yet"; }
            await Unsync.Yield(); // the set_result callback was queued first, so it has run
            return (before, fut.Result());
        }).Within();
        Assert.Equal("not yet", before);
        Assert.Equal("v", after);
    }

    [Fact]
    public void Unfuture_PendingSetResultFromAnotherThread_CompletesEveryAwaiter()
    {
        // Public corpus case 19.
        var configReady = new Unfuture<Dictionary<string, int>>(_rt);
        var services = new[] { "api", "web", "worker" }.Select((name, i) => _rt.Loop(async () =>
        {
            var config = await configReady;
            return $"{name} listening on {config["base_port"] + i}";
        })).ToList();
        Assert.All(services, s => Assert.False(s.Done));
        var loader = _rt.Thread(() =>
        {
            configReady.SetResult(new Dictionary<string, int> { ["base_port"] = 8000 });
            return "loaded";
        });
        Assert.Equal("loaded", loader.Within());
        Assert.Equal(["api listening on 8000", "web listening on 8001", "worker listening on 8002"],
            services.Select(s => s.Within()));

        var answer = new Unfuture<int>(_rt);
        answer.SetResult(42);
        Assert.Equal(42, answer.Within());
        Assert.Equal(43, answer.Then(v => v + 1).Within());
    }

    [Fact]
    public void Unfuture_PendingSetException_FailsAwaiters()
    {
        var pending = new Unfuture<int>(_rt);
        var user = _rt.Loop(async () => await pending);
        pending.SetException(new FormatException("bad config"));
        var e = Assert.Throws<FormatException>(() => user.Within());
        Assert.Equal("bad config", e.Message);
    }

    [Fact]
    public void Unfuture_PendingVoid_SetResultCompletes()
    {
        var pending = new Unfuture(_rt);
        var after = _rt.Loop(async () => { await pending; return "after"; });
        pending.SetResult();
        Assert.Equal("after", after.Within());
        Assert.True(pending.Done);
    }

    [Fact]
    public void Unfuture_SetResultOnARunningCall_Throws()
    {
        var fut = _rt.Thread(() => 1);
        Assert.Throws<InvalidOperationException>(() => fut.SetResult(2));
    }

    [Fact]
    public void Unfuture_WrappingATask_AwaitsAndBlocks()
    {
        var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wrapped = new Unfuture<string>(source.Task, _rt);
        var awaited = _rt.Loop(async () => (await wrapped).ToUpperInvariant());
        Assert.False(wrapped.Done);
        Task.Run(() => source.SetResult("wrapped"));
        Assert.Equal("WRAPPED", awaited.Within());
        Assert.Equal("wrapped", wrapped.Within());
        Assert.Equal(7, _rt.Loop(async () => await Unfuture.FromTask(Task.FromResult(7))).Within());
    }

    [Fact]
    public void Loop_BodyThrows_ResultRethrowsTheOriginalException()
    {
        var original = new KeyNotFoundException("missing 'name'");
        var fut = _rt.Loop<int>(async () => { await Unsync.Yield(); throw original; });
        var seen = Assert.Throws<KeyNotFoundException>(() => fut.Within());
        Assert.Same(original, seen);
    }

    [Fact]
    public void Loop_BodyThrows_AwaitRethrowsTheOriginalException()
    {
        var caught = _rt.Loop(async () =>
        {
            try
            {
                await _rt.Loop<int>(async () => { await Unsync.Yield(); throw new ArgumentException("field: required"); });
                return "no";
            }
            catch (ArgumentException e) { return e.Message; }
        }).Within();
        Assert.Equal("field: required", caught);
    }

    [Fact]
    public void Loop_BodyThrowsBeforeAnyAwait_FaultsTheFutureNotTheCaller()
    {
        Func<Task<int>> body = () => throw new InvalidOperationException("sync throw");
        var fut = _rt.Loop(body); // must not throw here
        Assert.Equal("sync throw", Assert.Throws<InvalidOperationException>(() => fut.Within()).Message);
    }

    [Fact]
    public void Thread_BodyThrows_ResultAndAwaitRethrowTheOriginal()
    {
        var fut = _rt.Thread<int>(() => throw new DivideByZeroException());
        Assert.Throws<DivideByZeroException>(() => fut.Within());
        var viaAwait = _rt.Loop(async () =>
        {
            try { await fut; return "no"; } catch (DivideByZeroException) { return "caught"; }
        }).Within();
        Assert.Equal("caught", viaAwait);
    }

    [Fact]
    public void Unfuture_FailedAndNeverObserved_DoesNotDisturbTheRuntime()
    {
        for (int i = 0; i < 10; i++) _rt.Thread<int>(() => throw new InvalidOperationException("lost"));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(5, _rt.Thread(() => 5).Within());
    }
}
