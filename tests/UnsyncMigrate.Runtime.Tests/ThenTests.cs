namespace UnsyncMigrate.Runtime.Tests;

/// <summary><c>then</c>: the continuation gets the source's value, on the loop thread
/// (public corpus case 5).</summary>
public sealed class ThenTests : IDisposable
{
    private readonly UnsyncRuntime _rt = new();

    public void Dispose() => _rt.Shutdown(TimeSpan.FromSeconds(10));

    private Unfuture<List<int>> LoadNumbers(int n) => _rt.Thread(() => Enumerable.Range(1, n).ToList());

    private Unfuture<List<int>> SquareAll(List<int> values) => _rt.Loop(async () =>
    {
        await Unsync.Sleep(0.001);
        return values.Select(v => v * v).ToList();
    });

    private Unfuture<int> Total(List<int> values) => _rt.Thread(() => values.Sum());

    private static async Task<string> Describe(int value)
    {
        await Unsync.Yield();
        return $"total is {value}";
    }

    private static List<int> KeepEven(List<int> values) => values.Where(v => v % 2 == 0).ToList();

    [Fact]
    public void Then_SyncContinuation_GetsTheValueOnTheLoopThread()
    {
        bool onLoop = false;
        var fut = _rt.Thread(() => 20).Then(v => { onLoop = _rt.IsOnLoopThread; return v + 1; });
        Assert.Equal(21, fut.Within());
        Assert.True(onLoop);
    }

    [Fact]
    public void Then_AsyncContinuation_IsAwaited()
    {
        Assert.Equal("total is 6", _rt.Thread(() => 6).Then(Describe).Within());
    }

    [Fact]
    public void Then_ContinuationStartingAnotherCall_AwaitsThatCall()
    {
        var chain = LoadNumbers(6).Then(KeepEven).Then(SquareAll).Then(Total);
        Assert.Equal(56, chain.Within());
        var text = LoadNumbers(4).Then(SquareAll).Then(Total).Then(Describe);
        Assert.Equal("total is 30", text.Within());
        var joined = LoadNumbers(3).Then(xs => xs.Select(x => x * 10).ToList()).Then(xs => string.Join("-", xs));
        Assert.Equal("10-20-30", joined.Within());
    }

    [Fact]
    public void Then_SourceFails_ContinuationSkippedAndExceptionFlowsThroughTheChain()
    {
        bool called = false;
        var chain = _rt.Thread<int>(() => throw new FormatException("bad number"))
            .Then(v => { called = true; return v + 1; })
            .Then(v => v * 2);
        Assert.Equal("bad number", Assert.Throws<FormatException>(() => chain.Within()).Message);
        Assert.False(called);
    }

    [Fact]
    public void Then_ContinuationThrows_ResultRethrows()
    {
        static int Reject(int v) => throw new ArgumentOutOfRangeException(nameof(v));
        var chain = _rt.FromValue(1).Then(Reject);
        Assert.Throws<ArgumentOutOfRangeException>(() => chain.Within());
    }

    [Fact]
    public void Then_VoidForms_RunInOrder()
    {
        var seen = new List<string>();
        var done = _rt.FromValue("x")
            .Then(v => seen.Add("action " + v))
            .Then(() => seen.Add("after void"))
            .Then(async () => { await Unsync.Yield(); seen.Add("async void"); })
            .Then(() => _rt.Loop(async () => { await Unsync.Yield(); seen.Add("void call"); }))
            .Then(() => seen.Count);
        Assert.Equal(4, done.Within());
        Assert.Equal(["action x", "after void", "async void", "void call"], seen);
    }
}
