namespace UnsyncMigrate.Cli.Ast;

/// <summary>
/// A bounded, order-preserving parallel map: <c>work(i)</c> runs for i in [0, count) on
/// <c>jobs</c> dedicated threads (with a chosen stack size, for recursive parsers), and
/// <c>consume(i, result)</c> runs on the calling thread in index order. At most
/// <c>window</c> results exist between production and consumption, so memory stays bounded
/// whatever the input size, and the consumed sequence does not depend on <c>jobs</c>.
/// </summary>
public static class OrderedPipeline
{
    public static void Run<TState, TResult>(
        int count, int jobs, int window, int stackSize,
        Func<TState> createState, Func<TState, int, TResult> work, Action<int, TResult> consume,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (count == 0) return;

        var gate = new object();
        var slots = new TResult[window];
        var ready = new bool[window];
        int nextClaim = 0, nextConsume = 0;
        bool stop = false;
        Exception? failure = null;

        void Fail(Exception e)
        {
            lock (gate)
            {
                failure ??= e;
                stop = true;
                Monitor.PulseAll(gate);
            }
        }

        void WorkerMain()
        {
            TState state;
            try { state = createState(); }
            catch (Exception e) { Fail(e); return; }
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!stop && nextClaim < count && nextClaim - nextConsume >= window) Monitor.Wait(gate);
                    if (stop || nextClaim >= count) return;
                    i = nextClaim++;
                }
                TResult result;
                try { result = work(state, i); }
                catch (Exception e) { Fail(e); return; }
                lock (gate)
                {
                    slots[i % window] = result;
                    ready[i % window] = true;
                    if (i == nextConsume) Monitor.PulseAll(gate);
                }
            }
        }

        using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
        });

        int threadCount = Math.Min(jobs, count);
        var threads = new Thread[threadCount];
        for (int t = 0; t < threadCount; t++)
        {
            threads[t] = new Thread(WorkerMain, stackSize) { IsBackground = true, Name = $"ast-worker-{t}" };
            threads[t].Start();
        }

        bool completed = false;
        try
        {
            for (int i = 0; i < count; i++)
            {
                TResult result;
                lock (gate)
                {
                    while (!ready[i % window] && !stop) Monitor.Wait(gate);
                    if (failure != null) throw new AggregateException("a pipeline worker failed", failure);
                    if (!ready[i % window]) break;     // stopped by cancellation
                    result = slots[i % window];
                    slots[i % window] = default!;
                    ready[i % window] = false;
                    nextConsume = i + 1;
                    Monitor.PulseAll(gate);
                }
                consume(i, result);
            }
            cancellationToken.ThrowIfCancellationRequested();
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                // Wake the workers so they stop after their current item; they are background
                // threads, so a long parse still running does not keep the process alive.
                lock (gate)
                {
                    stop = true;
                    Monitor.PulseAll(gate);
                }
            }
        }
        foreach (var t in threads) t.Join();
    }
}
