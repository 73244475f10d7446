using System.Diagnostics;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// A short, timed spin before a thread blocks. Waking a blocked thread costs several microseconds
/// (two of them per call+Result round trip), far more than the work of a small call; a thread
/// that spins briefly instead catches the next item or the result without sleeping. The spin
/// yields its core now and then (never sleeps), and is skipped on a single core, where it
/// could only delay the thread it waits for.
/// </summary>
internal struct SpinBudget
{
    private static readonly long s_budgetTicks =
        Environment.ProcessorCount > 1 ? Stopwatch.Frequency * 50 / 1_000_000 : 0; // 50 µs
    private readonly long _deadline;
    private SpinWait _spin;

    private SpinBudget(long deadline)
    {
        _deadline = deadline;
        _spin = default;
    }

    public static SpinBudget Start() => new(s_budgetTicks == 0 ? 0 : Stopwatch.GetTimestamp() + s_budgetTicks);

    /// <summary>Spins once; false when the budget is spent (then block).</summary>
    public bool Spin()
    {
        if (_deadline == 0 || Stopwatch.GetTimestamp() > _deadline) return false;
        _spin.SpinOnce(sleep1Threshold: -1);
        return true;
    }
}
