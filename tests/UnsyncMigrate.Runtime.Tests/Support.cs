using System.Diagnostics;
using UnsyncMigrate.Runtime.TestWorker;

namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Helpers shared by the tests: bounded waits (a hang fails the test instead of the run)
/// and runtimes wired to the test worker program.</summary>
internal static class Support
{
    /// <summary>Generous: the machine has 2 cores shared with other builds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static T Within<T>(this Task<T> task)
    {
        if (!task.Wait(Patience)) throw new TimeoutException("The test waited too long: something hangs.");
        return task.GetAwaiter().GetResult();
    }

    public static void Within(this Task task)
    {
        if (!task.Wait(Patience)) throw new TimeoutException("The test waited too long: something hangs.");
        task.GetAwaiter().GetResult();
    }

    public static T Within<T>(this Unfuture<T> future) => future.Result(Patience);

    public static void Within(this Unfuture future) => future.Result(Patience);

    public static void WaitOrFail(this ManualResetEventSlim e) => Assert.True(e.Wait(Patience), "event never set");

    public static string WorkerDll => Path.Combine(AppContext.BaseDirectory, "UnsyncMigrate.Runtime.TestWorker.dll");

    public static UnsyncRuntime ProcessRuntime(int size = 2, Action<UnsyncOptions>? more = null)
    {
        TestTargets.EnsureRegistered();
        var o = new UnsyncOptions { ProcessPoolSize = size, WorkerCommand = WorkerCommand.ForDll(WorkerDll) };
        more?.Invoke(o);
        return new UnsyncRuntime(o);
    }

    /// <summary>Alive and not a zombie (the container's PID 1 may never reap orphans).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close > 0 && stat.Length > close + 2 && stat[close + 2] != 'Z' && stat[close + 2] != 'X';
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return true; }
    }

    /// <summary>Waits for a condition that another process brings about (no sleeping for order:
    /// only polling, bounded by <see cref="Patience"/>).</summary>
    public static void Eventually(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience) Assert.Fail($"Timed out waiting for: {what}");
            Thread.Sleep(10);
        }
    }
}

/// <summary>A clock the test moves by hand, so timer order never depends on the machine's speed.</summary>
internal sealed class ManualTime : TimeProvider
{
    private long _ticks = 1_000_000;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
