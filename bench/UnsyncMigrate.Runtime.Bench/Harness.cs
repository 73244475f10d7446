using System.Diagnostics;
using UnsyncMigrate.Runtime;

namespace UnsyncMigrate.Runtime.Bench;

/// <summary>
/// Per mode: sequential call+Result latency (µs per call) and batched throughput (calls/s: issue
/// a batch, then wait for every result), for the runtime and for the raw .NET equivalent.
/// Each figure is the median of several runs (the machine is shared and noisy).
/// </summary>
internal static class Harness
{
    private const int LoopSeq = 20_000, LoopBatch = 100_000;
    private const int ThreadSeq = 20_000, ThreadBatch = 100_000;
    private const int ProcSeq = 5_000, ProcBatch = 20_000;

    // unsync 1.4.0 on CPython 3.11, this machine class (issue 3).
    private static readonly Dictionary<string, (double SeqUs, double PerSec, double Factor)> Reference = new()
    {
        ["loop"] = (79, 33_500, 10),
        ["thread"] = (60, 29_300, 10),
        ["process"] = (204, 7_400, 5),
    };

    public static int Run(int runs)
    {
        Console.WriteLine($"UnsyncMigrate.Runtime benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, median of {runs} runs, load average {LoadAverage()}");
        var rows = new List<Row>();

        using (var rt = new UnsyncRuntime())
        {
            var loop = rt.EventLoop;
            rows.Add(Measure("loop", runs,
                seq: () => SeqUs(LoopSeq, i => rt.Loop(() => Targets.SquareAsync(i)).Result()),
                rawSeq: () => SeqUs(LoopSeq, i => RawPost(loop, i).GetAwaiter().GetResult()),
                batch: () => PerSec(LoopBatch, n => WaitAll(n, i => rt.Loop(() => Targets.SquareAsync(i)).AsTask())),
                rawBatch: () => PerSec(LoopBatch, n => WaitAll(n, i => RawPost(loop, i)))));
        }

        using (var rt = new UnsyncRuntime())
        {
            rows.Add(Measure("thread", runs,
                seq: () => SeqUs(ThreadSeq, i => rt.Thread(() => i * i).Result()),
                rawSeq: () => SeqUs(ThreadSeq, i => Task.Run(() => i * i).GetAwaiter().GetResult()),
                batch: () => PerSec(ThreadBatch, n => WaitAll(n, i => rt.Thread(() => i * i).AsTask())),
                rawBatch: () => PerSec(ThreadBatch, n => WaitAll(n, i => Task.Run(() => i * i)))));
        }

        using (var rt = new UnsyncRuntime(new UnsyncOptions { UseDotNetThreadPool = true }))
        {
            rows.Add(Measure("thread (.NET pool option)", runs,
                seq: () => SeqUs(ThreadSeq, i => rt.Thread(() => i * i).Result()),
                rawSeq: () => SeqUs(ThreadSeq, i => Task.Run(() => i * i).GetAwaiter().GetResult()),
                batch: () => PerSec(ThreadBatch, n => WaitAll(n, i => rt.Thread(() => i * i).AsTask())),
                rawBatch: () => PerSec(ThreadBatch, n => WaitAll(n, i => Task.Run(() => i * i)))));
        }

        using (var rt = new UnsyncRuntime())
        using (var pipe = new RawPipe())
        {
            var reply = new byte[RawPipe.Frame.Length];
            // Start every worker (a batch finds them busy) before measuring.
            PerSec(ProcBatch, n => WaitAll(n, i => rt.Process<long>(Targets.Square, i).AsTask()));
            rows.Add(Measure("process", runs,
                seq: () => SeqUs(ProcSeq, i => rt.Process<long>(Targets.Square, i).Result()),
                rawSeq: () => SeqUs(ProcSeq, _ => pipe.RoundTrip(reply)),
                batch: () => PerSec(ProcBatch, n => WaitAll(n, i => rt.Process<long>(Targets.Square, i).AsTask())),
                rawBatch: () => PerSec(ProcBatch, pipe.Pipelined)));
            Console.WriteLine($"(process mode used {rt.WorkerProcessIds.Count} worker processes; raw baseline: 1 echo process, pipelined)");
        }

        Print(rows);
        return 0;
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    /// <summary>The raw equivalent of a loop call: post the same coroutine to the same loop and
    /// hand its value back through a bare TaskCompletionSource.</summary>
    private static Task<long> RawPost(IUnsyncLoop loop, long i)
    {
        var tcs = new TaskCompletionSource<long>();
        loop.Post(static s =>
        {
            var (t, v) = ((TaskCompletionSource<long>, long))s!;
            t.SetResult(Targets.SquareAsync(v).GetAwaiter().GetResult());
        }, (tcs, i));
        return tcs.Task;
    }

    private static void WaitAll<T>(int n, Func<long, Task<T>> start)
    {
        var tasks = new Task<T>[n];
        for (int i = 0; i < n; i++) tasks[i] = start(i);
        for (int i = 0; i < n; i++) tasks[i].GetAwaiter().GetResult();
    }

    private static double SeqUs(int n, Action<long> call)
    {
        // Warm-up by time, not by count: tiered compilation promotes a method only after ~30 calls
        // and a 100 ms quiet period, so a short count-based warm-up measures unoptimised code.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 2000 || warm.ElapsedMilliseconds < 300; i++) call(i);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < n; i++) call(i);
        return sw.Elapsed.TotalMicroseconds / n;
    }

    private static double PerSec(int n, Action<int> batch)
    {
        var warm = Stopwatch.StartNew(); // warm-up by time, as in SeqUs
        do batch(Math.Min(n, 5000)); while (warm.ElapsedMilliseconds < 300);
        var sw = Stopwatch.StartNew();
        batch(n);
        return n / sw.Elapsed.TotalSeconds;
    }

    private sealed record Row(string Mode, double Seq, double RawSeq, double Batch, double RawBatch);

    private static Row Measure(string mode, int runs, Func<double> seq, Func<double> rawSeq, Func<double> batch, Func<double> rawBatch)
    {
        var s = new List<double>(); var rs = new List<double>(); var b = new List<double>(); var rb = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            // Interleaved so that a noisy moment hits both sides alike.
            s.Add(seq()); rs.Add(rawSeq()); b.Add(batch()); rb.Add(rawBatch());
        }
        return new Row(mode, Median(s), Median(rs), Median(b), Median(rb));
    }

    private static double Median(List<double> xs)
    {
        xs.Sort();
        return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[xs.Count / 2 - 1] + xs[xs.Count / 2]) / 2;
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| mode | measure | this runtime | raw .NET baseline | runtime/raw | unsync 1.4.0 | vs unsync | target |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
        bool allMet = true;
        foreach (var row in rows)
        {
            var key = row.Mode.Split(' ')[0];
            var (refUs, refPerSec, factor) = Reference[key];
            double seqRatio = row.Seq / row.RawSeq, seqGain = refUs / row.Seq;
            double batchRatio = row.RawBatch / row.Batch, batchGain = row.Batch / refPerSec;
            bool seqOk = seqGain >= factor && seqRatio <= 2, batchOk = batchGain >= factor && batchRatio <= 2;
            if (!row.Mode.Contains("option")) allMet &= seqOk && batchOk;
            Console.WriteLine($"| {row.Mode} | sequential call+Result | {row.Seq:0.00} µs | {row.RawSeq:0.00} µs | {seqRatio:0.00}x | {refUs:0} µs | {seqGain:0.0}x faster | ≥{factor}x, ≤2x raw: {(seqOk ? "met" : "MISSED")} |");
            Console.WriteLine($"| {row.Mode} | batched throughput | {row.Batch:N0}/s | {row.RawBatch:N0}/s | {batchRatio:0.00}x | {refPerSec:N0}/s | {batchGain:0.0}x faster | ≥{factor}x, ≤2x raw: {(batchOk ? "met" : "MISSED")} |");
        }
        Console.WriteLine();
        Console.WriteLine(allMet ? "All targets of the default modes met." : "Some targets of the default modes MISSED.");
        Console.WriteLine("(runtime/raw: time per call, or inverse throughput, relative to the raw baseline; below 1 is faster. Option rows are informational.)");
    }
}
