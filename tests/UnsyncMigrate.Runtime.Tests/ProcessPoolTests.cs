using UnsyncMigrate.Runtime.TestWorker;

namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Process mode in real worker processes (the test worker program).</summary>
public sealed class ProcessPoolTests : IDisposable
{
    private readonly UnsyncRuntime _rt = Support.ProcessRuntime(2);

    public void Dispose() => _rt.Shutdown(Support.Patience);

    [Fact]
    public void Process_Call_RunsInAnotherProcess()
    {
        Assert.Equal(49L, _rt.Process<long>(TestTargets.Square, 7L).Within());
        int pid = _rt.Process<int>(TestTargets.Pid).Within();
        Assert.NotEqual(Environment.ProcessId, pid);
        Assert.Contains(pid, _rt.WorkerProcessIds);
    }

    [Fact]
    public void Process_FirstCall_StartsTheWholePool()
    {
        // Like CPython's ProcessPoolExecutor on Linux: every worker starts with the first call,
        // so a burst of calls does not wait for workers started one after the other.
        Assert.Equal(9L, _rt.Process<long>(TestTargets.Square, 3L).Within());
        Assert.Equal(2, _rt.WorkerProcessIds.Count);
        var pids = Enumerable.Range(0, 20).Select(_ => _rt.Process<int>(TestTargets.Pid)).ToList().Select(f => f.Within()).ToHashSet();
        Assert.Subset(_rt.WorkerProcessIds.ToHashSet(), pids);
    }

    [Fact]
    public void Process_HundredJobsGatheredByAnAsyncAggregator_AllResultsArrive()
    {
        var total = _rt.Loop(async () =>
        {
            var futures = Enumerable.Range(0, 100).Select(i => _rt.Process<long>(TestTargets.Square, (long)i)).ToList();
            long sum = 0;
            foreach (var f in futures) sum += await f;
            return sum;
        }).Within();
        Assert.Equal(Enumerable.Range(0, 100).Sum(i => (long)i * i), total);
    }

    [Fact]
    public void Process_ChunkedSumOfSquares_MatchesClosedForm()
    {
        // Public corpus case 3.
        const int limit = 200_000, parts = 4;
        var futures = Enumerable.Range(0, parts)
            .Select(i => _rt.Process<long>(TestTargets.SumOfSquares, i * (limit / parts), i == parts - 1 ? limit : (i + 1) * (limit / parts)))
            .ToList();
        long n = limit - 1;
        Assert.Equal(n * (n + 1) * (2 * n + 1) / 6, futures.Sum(f => f.Within()));
    }

    [Fact]
    public void Process_Workers_AreReusedAndCappedAtPoolSize()
    {
        var pids = Enumerable.Range(0, 30).Select(_ => _rt.Process<int>(TestTargets.Pid)).ToList().Select(f => f.Within()).ToHashSet();
        Assert.InRange(pids.Count, 1, 2);
        var again = Enumerable.Range(0, 10).Select(_ => _rt.Process<int>(TestTargets.Pid).Within()).ToHashSet();
        Assert.Subset(_rt.WorkerProcessIds.ToHashSet(), again);
    }

    [Fact]
    public void Process_TuplesDictionariesAndVoid_RoundTrip()
    {
        Assert.Equal((6, "xxx"), _rt.Process<(int, string)>(TestTargets.Tuple, 3).Within());
        var described = _rt.Process<Dictionary<string, double>>(TestTargets.Describe,
            new Dictionary<string, List<int>> { ["north"] = [12, 15, 11, 19, 14], ["east"] = [7, 7] }).Within();
        Assert.Equal(14.2, described["north"], 6);
        Assert.Equal(7.0, described["east"]);
        var path = Path.Combine(Path.GetTempPath(), $"unsync-touch-{Guid.NewGuid():N}");
        _rt.Process(TestTargets.Touch, path).Within();
        Assert.True(File.Exists(path));
        File.Delete(path);
    }

    [Fact]
    public void Process_ManyLargeArgumentsAndResults_AllArriveWithoutDeadlock()
    {
        // 40 x 200 KB each way: far more than the pipe buffers; pipelining must not wedge them.
        var big = Enumerable.Range(0, 40).Select(i => new string((char)('a' + i % 26), 200_000)).ToList();
        var futures = big.Select(s => _rt.Process<string>(TestTargets.Echo, s)).ToList();
        for (int i = 0; i < big.Count; i++) Assert.Equal(big[i], futures[i].Within());
    }

    [Fact]
    public void Process_IntForALongParameter_IsConverted()
    {
        Assert.Equal(16L, _rt.Process<long>(TestTargets.Square, 4).Within());
    }

    [Fact]
    public void Process_WorkerPrintsToStdout_ProtocolIsUnharmed()
    {
        Assert.Equal("LOUD", _rt.Process<string>(TestTargets.Chatty, "loud").Within());
        Assert.Equal(9L, _rt.Process<long>(TestTargets.Square, 3L).Within());
    }

    [Fact]
    public void Process_AwaitedOnTheLoop_ResumesOnTheLoop()
    {
        var onLoop = _rt.Loop(async () =>
        {
            var v = await _rt.Process<int>(TestTargets.Add, 2, 3);
            return (v, _rt.IsOnLoopThread);
        }).Within();
        Assert.Equal((5, true), onLoop);
    }

    [Fact]
    public void Process_ResultWithTimeout_ThrowsTimeoutAndStaysPending()
    {
        var path = Path.Combine(Path.GetTempPath(), $"unsync-release-{Guid.NewGuid():N}");
        var fut = _rt.Process<int>(TestTargets.BlockUntil, path);
        Support.Eventually(() => File.Exists(path + ".started"), "the worker to start the call");
        Assert.Throws<TimeoutException>(() => fut.Result(TimeSpan.FromMilliseconds(20)));
        Assert.False(fut.Done);
        File.WriteAllText(path, "go");
        Assert.Contains(fut.Within(), _rt.WorkerProcessIds);
        File.Delete(path);
        File.Delete(path + ".started");
    }

    [Fact]
    public void Process_CpuBoundOnThreadsOption_RunsInThisProcess()
    {
        using var rt = Support.ProcessRuntime(2, o => o.CpuBoundOnThreads = true);
        Assert.Equal(Environment.ProcessId, rt.Process<int>(TestTargets.Pid).Within());
        Assert.Equal(25L, rt.Process<long>(TestTargets.Square, 5).Within());
        Assert.Empty(rt.WorkerProcessIds);
    }

    [Fact]
    public void Process_Shutdown_WorkersExit()
    {
        using var rt = Support.ProcessRuntime(2);
        var pids = new[] { rt.Process<int>(TestTargets.Pid), rt.Process<int>(TestTargets.Pid) }.Select(f => f.Within()).ToList();
        Assert.True(rt.Shutdown(Support.Patience));
        foreach (var pid in pids) Support.Eventually(() => !Support.IsAlive(pid), $"worker {pid} to exit");
        Assert.Throws<ObjectDisposedException>(() => rt.Process<int>(TestTargets.Pid));
    }
}
