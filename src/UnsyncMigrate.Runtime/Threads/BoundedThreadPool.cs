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
    // Threads awake and looking for work. While one is, Execute need not pay for waking a sleeper:
    // that thread looks at the queue once more before it sleeps. A thread that takes an item and
    // sees more queued wakes the next one, so a burst still spreads over the pool (the same scheme
    // as the .NET thread pool's thread requests).
    private int _searching;
    // At most one idle thread spins at a time: more would only take the cores from the threads
    // that produce work (2 cores here).
    private int _spinning;
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
        // The enqueue was a full fence; a searcher stops searching (full fence) before its last
        // look at the queue. So either we see it searching and it sees the item, or we wake one.
        if (Volatile.Read(ref _searching) == 0) WakeOneSleeper();
    }

    private void WakeOneSleeper()
    {
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

    // Runs once per pool thread: keep it out of tier-0 code (see SingleThreadLoop.Run).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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
        Interlocked.Increment(ref _searching);
        while (true)
        {
            if (TryTake(out var item)) return item;
            if (Interlocked.CompareExchange(ref _spinning, 1, 0) == 0)
            {
                var spin = SpinBudget.Start(); // catch the next call without sleeping
                while (_queue.IsEmpty && spin.Spin()) { }
                Volatile.Write(ref _spinning, 0);
                if (TryTake(out item)) return item;
            }
            Interlocked.Increment(ref _sleepers);
            Interlocked.Decrement(ref _searching); // full fence before the last look
            if (_queue.TryDequeue(out item))
            {
                // Found one after all; give back the sleeper slot, unless a waker already took it
                // (then a permit is on its way and we absorb it to keep the count right).
                if (!TryCancelSleep()) _wakeups.Wait();
                WakeNextIfMoreQueued();
                return item;
            }
            _wakeups.Wait();
            Interlocked.Increment(ref _searching);
        }
    }

    /// <summary>Dequeues as a searching thread; on success it stops searching and passes the
    /// search on if more work is queued.</summary>
    private bool TryTake(out IThreadPoolWorkItem? item)
    {
        if (!_queue.TryDequeue(out item)) return false;
        Interlocked.Decrement(ref _searching);
        WakeNextIfMoreQueued();
        return true;
    }

    private void WakeNextIfMoreQueued()
    {
        if (!_queue.IsEmpty && Volatile.Read(ref _searching) == 0) WakeOneSleeper();
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
