using System.Diagnostics;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// A short, timed spin before a thread blocks. Waking a blocked thread costs several microseconds
/// (two of them per call+Result round trip), far more than the work of a small call; a thread
/// that spins briefly instead catches the next item or the result without sleeping. After a few
/// busy iterations it spins by yielding (sched_yield): on an idle core that returns at once, on a
/// busy machine it hands the core to the very thread being waited for, which pure busy-spinning
/// would delay (measured: under load, busy spins made process round trips slower, yielding ones
/// faster). Skipped on a single core.
/// </summary>
internal struct SpinBudget
{
    private static readonly long s_budgetTicks =
        Environment.ProcessorCount > 1 ? Stopwatch.Frequency * 50 / 1_000_000 : 0; // 50 µs
    private readonly long _deadline;
    private int _count;

    private SpinBudget(long deadline)
    {
        _deadline = deadline;
        _count = 0;
    }

    public static SpinBudget Start() => new(s_budgetTicks == 0 ? 0 : Stopwatch.GetTimestamp() + s_budgetTicks);

    /// <summary>Spins once; false when the budget is spent (then block).</summary>
    public bool Spin()
    {
        if (_deadline == 0 || Stopwatch.GetTimestamp() > _deadline) return false;
        if (_count++ < 4) Thread.SpinWait(16);
        else Thread.Yield();
        return true;
    }
}
