using System.Diagnostics;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary><c>time</c>: time, time_ns, perf_counter(_ns), monotonic(_ns), process_time, sleep.</summary>
public static class TimeLib
{
    static readonly long s_start = Stopwatch.GetTimestamp();

    public static double Time() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 1e7;
    public static long TimeNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
    public static double PerfCounter() => (double)Stopwatch.GetTimestamp() / Stopwatch.Frequency;
    public static long PerfCounterNs() => (long)((decimal)Stopwatch.GetTimestamp() * 1_000_000_000m / Stopwatch.Frequency);
    public static double Monotonic() => PerfCounter();
    public static long MonotonicNs() => PerfCounterNs();
    public static double ProcessTime() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    public static double ThreadTime() => ProcessTime();

    /// <summary><c>time.sleep(seconds)</c> (blocks the calling thread).</summary>
    public static void Sleep(object? seconds)
    {
        double s = Py.IsNumber(seconds) ? Convert.ToDouble(Py.Float(seconds)) : throw new TypeError($"'{Py.TypeName(seconds)}' object cannot be interpreted as an integer");
        Sleep(s);
    }

    public static void Sleep(double seconds)
    {
        if (double.IsNaN(seconds)) throw new ValueError("Invalid value NaN (not a number)");
        if (seconds < 0) throw new ValueError("sleep length must be non-negative");
        if (seconds == 0) { Thread.Yield(); return; }
        Thread.Sleep(TimeSpan.FromTicks((long)Math.Round(seconds * 1e7)));
    }

    internal static double Elapsed() => (double)(Stopwatch.GetTimestamp() - s_start) / Stopwatch.Frequency;
}
