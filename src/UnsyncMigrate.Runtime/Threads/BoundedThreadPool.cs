namespace UnsyncMigrate.Runtime;

/// <summary>
/// Python's <c>ThreadPoolExecutor(max_workers)</c>: at most <see cref="MaxThreads"/> dedicated
/// background threads, started lazily (a new thread only when no started thread is idle), shared
/// FIFO queue. Dedicated threads, not the .NET pool, because code migrated from Python relies on
/// up to N calls being blocked at the same time, which the .NET pool only allows after slow
/// thread injection.
/// </summary>
public sealed class BoundedThreadPool : IThreadExecutor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<IThreadPoolWorkItem?> _queue = new();
    private readonly SemaphoreSlim _wakeups = new(0);  // one permit per sleeper woken
    private readonly List<Thread> _threads = new();
    private readonly object _gate = new();
    private readonly string _name;
    // Idle threads minus queued items: negative means items wait for a thread, so start one.
    private int _available;
    // Threads blocked (or about to block) on _wakeups.
    private int _sleepers;
    // At most one idle thread spins at a time: more would only take the cores from the threads
    // that produce work (2 cores here).
    private int _spinning;
    // 1 while the spinner is free to take the next item: Execute claims it (1 -> 0) instead of
    // paying for a sleeper's wake-up. A second item finds it claimed and wakes a sleeper, so items
    // never wait behind a busy thread while others sleep.
    private int _spinnerFree;
    private volatile bool _shutdown;

    /// <summary>Creates a pool of at most <paramref name="maxThreads"/> threads (none started yet).</summary>
    public BoundedThreadPool(int maxThreads, string name = "unsync-thread")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        MaxThreads = maxThreads;
        _name = name;
    }

    /// <summary>Python's default size: <c>min(32, cpu_count + 4)</c>.</summary>
    public static int DefaultSize => Math.Min(32, Environment.ProcessorCount + 4);

    /// <summary>The most threads this pool starts.</summary>
    public int MaxThreads { get; }

    /// <summary>Threads started so far.</summary>
    public int ThreadCount { get { lock (_gate) return _threads.Count; } }

    /// <summary>Idle threads minus queued items (diagnostics, tests).</summary>
    internal int Available => Volatile.Read(ref _available);

    /// <inheritdoc />
    public void Execute(IThreadPoolWorkItem work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_shutdown) throw new ObjectDisposedException(nameof(BoundedThreadPool), "The thread executor has been shut down.");
        _queue.Enqueue(work);
        if (Interlocked.Decrement(ref _available) < 0) StartThreadIfBelowMax();
        if (Interlocked.CompareExchange(ref _spinnerFree, 0, 1) != 1) WakeOneSleeper();
    }

    private void WakeOneSleeper()
    {
        // The enqueue before this was a full fence, and a worker announces itself as a sleeper
        // before its last look at the queue: either it sees the item or we see it.
        int sleepers;
        while ((sleepers = Volatile.Read(ref _sleepers)) > 0)
        {
            if (Interlocked.CompareExchange(ref _sleepers, sleepers - 1, sleepers) == sleepers)
            {
                _wakeups.Release();
                return;
            }
        }
    }

    private void StartThreadIfBelowMax()
    {
        lock (_gate)
        {
            if (_threads.Count >= MaxThreads || _shutdown) return;
            var t = new Thread(Work) { IsBackground = true, Name = $"{_name}-{_threads.Count}" };
            _threads.Add(t);
            t.Start();
        }
    }

    private void Work()
    {
        while (true)
        {
            Interlocked.Increment(ref _available); // idle: counts as a free thread for Execute
            var item = Take();
            if (item is null) return; // shutdown sentinel, queued behind all real work
            try { item.Execute(); }
            catch (Exception e) { Console.Error.WriteLine($"unsync thread executor: unhandled exception: {e}"); }
        }
    }

    private IThreadPoolWorkItem? Take()
    {
        while (true)
        {
            if (_queue.TryDequeue(out var item)) return item;
            if (Interlocked.CompareExchange(ref _spinning, 1, 0) == 0)
            {
                Interlocked.Exchange(ref _spinnerFree, 1);
                var spin = SpinBudget.Start(); // catch the next call without sleeping
                while (_queue.IsEmpty && spin.Spin()) { }
                // Withdraw the offer (full fence), then look once more: an Execute that claimed the
                // offer enqueued its item before claiming, so the item is there unless another
                // awake thread already took it.
                Interlocked.Exchange(ref _spinnerFree, 0);
                Volatile.Write(ref _spinning, 0);
                if (_queue.TryDequeue(out item)) return item;
            }
            Interlocked.Increment(ref _sleepers);
            if (_queue.TryDequeue(out item))
            {
                // Found one after all; give back the sleeper slot, unless a waker already took it
                // (then a permit is on its way and we absorb it to keep the count right).
                if (!TryCancelSleep()) _wakeups.Wait();
                return item;
            }
            _wakeups.Wait();
        }
    }

    private bool TryCancelSleep()
    {
        int sleepers;
        while ((sleepers = Volatile.Read(ref _sleepers)) > 0)
        {
            if (Interlocked.CompareExchange(ref _sleepers, sleepers - 1, sleepers) == sleepers) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public bool Shutdown(TimeSpan timeout)
    {
        Thread[] threads;
        lock (_gate)
        {
            if (_shutdown) return true;
            _shutdown = true;
            threads = _threads.ToArray();
        }
        foreach (var _ in threads)
        {
            _queue.Enqueue(null);
            WakeOneSleeper();
        }
        var deadline = DateTime.UtcNow + timeout;
        bool all = true;
        foreach (var t in threads)
        {
            if (t == Thread.CurrentThread) continue;
            var left = deadline - DateTime.UtcNow;
            all &= t.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        return all;
    }
}
