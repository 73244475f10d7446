using UnsyncMigrate.Cli.Ast;

namespace UnsyncMigrate.Cli.Tests;

public class OrderedPipelineTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 8)]
    [InlineData(8, 2)]
    public void Consumes_in_order_and_never_holds_more_than_the_window(int jobs, int window)
    {
        const int count = 400;
        var consumed = new List<int>();
        int claimed = 0, done = 0, maxLive = 0;
        OrderedPipeline.Run(count, jobs, window, 1 << 20,
            () => new Random(jobs * 1000 + window),
            (rng, i) =>
            {
                int live = Interlocked.Increment(ref claimed) - Volatile.Read(ref done);
                int seen;
                while ((seen = Volatile.Read(ref maxLive)) < live && Interlocked.CompareExchange(ref maxLive, live, seen) != seen) { }
                if (rng.Next(4) == 0) Thread.Sleep(rng.Next(3));
                return i * 2;
            },
            (i, r) =>
            {
                Assert.Equal(i * 2, r);
                consumed.Add(i);
                Interlocked.Increment(ref done);
            });
        Assert.Equal(Enumerable.Range(0, count), consumed);
        Assert.InRange(maxLive, 1, window + 1);   // the window, plus the one being consumed
    }

    [Fact]
    public void Nothing_to_do_starts_nothing()
    {
        bool called = false;
        OrderedPipeline.Run<int, int>(0, 4, 4, 1 << 20, () => throw new InvalidOperationException(), (_, i) => i, (_, _) => called = true);
        Assert.False(called);
    }

    [Fact]
    public void A_worker_exception_surfaces_on_the_calling_thread()
    {
        var e = Assert.Throws<AggregateException>(() =>
            OrderedPipeline.Run(50, 3, 6, 1 << 20, () => 0,
                (_, i) => i == 17 ? throw new FormatException("item 17") : i, (_, _) => { }));
        Assert.IsType<FormatException>(e.InnerException);
    }

    [Fact]
    public void A_consumer_exception_stops_the_workers()
    {
        int produced = 0;
        Assert.Throws<IOException>(() =>
            OrderedPipeline.Run(10_000, 2, 4, 1 << 20, () => 0,
                (_, i) => { Interlocked.Increment(ref produced); return i; },
                (i, _) => { if (i == 5) throw new IOException("closed"); }));
        Thread.Sleep(50);
        Assert.InRange(Volatile.Read(ref produced), 6, 20);
    }

    [Fact]
    public void Cancellation_stops_promptly()
    {
        using var cts = new CancellationTokenSource();
        int consumed = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
            OrderedPipeline.Run(100_000, 2, 4, 1 << 20, () => 0,
                (_, i) => { Thread.Sleep(1); return i; },
                (i, _) => { consumed++; if (i == 10) cts.Cancel(); },
                cts.Token));
        Assert.InRange(consumed, 11, 20);
    }
}
