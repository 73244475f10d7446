namespace UnsyncMigrate.Runtime;

/// <summary>
/// The default event loop: one background thread that runs posted callbacks in FIFO order and
/// owns a timer heap. It works in iterations like asyncio's <c>_run_once</c>: move the timers that
/// are due (in due-time order, ties in call order) behind what is already queued, then run as
/// many callbacks as were queued at that moment; what they post waits for the next iteration.
/// Written here rather than taken from Nito.AsyncEx because the timer heap has to live inside the
/// loop for sleeps to resume in due order (timers firing on pool threads would race), and because
/// it keeps the runtime dependency-free.
/// </summary>
public sealed class SingleThreadLoop : IUnsyncLoop
{
    private static readonly SendOrPostCallback s_runAction = static s => ((Action)s!)();
    // Lock-free queue: posting threads never contend with the loop thread for a lock.
    private readonly System.Collections.Concurrent.ConcurrentQueue<WorkItem> _queue = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly PriorityQueue<Action, (long Due, long Seq)> _timers = new();
    private readonly Thread _thread;
    private readonly Action<Exception> _onCallbackError;
    private readonly TimeProvider _time;
    private long _timerSeq;
    private int _sleeping;          // 1 while the loop is (about to be) blocked on _wake
    // Items counted in after their enqueue, and items the loop took: their difference is a batch.
    // (ConcurrentQueue.Count spins, even sleeps, while producers are busy: never on the hot path.)
    private long _posted;
    private long _taken;            // loop thread only
    private volatile bool _stopping;

    private readonly record struct WorkItem(SendOrPostCallback Callback, object? State);

    /// <summary>Starts the loop thread.</summary>
    /// <param name="onCallbackError">Called on the loop thread when a callback throws (asyncio logs
    /// "Exception in callback" and keeps going; so does this loop). Default: write to stderr.</param>
    /// <param name="threadName">Name of the loop thread.</param>
    /// <param name="time">The clock of the timers (tests pass a manual one). After moving a manual
    /// clock, post anything to the loop so it looks at its timers again.</param>
    public SingleThreadLoop(Action<Exception>? onCallbackError = null, string threadName = "unsync-loop", TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _onCallbackError = onCallbackError ?? (static e => Console.Error.WriteLine($"unsync loop: exception in callback: {e}"));
        Context = new UnsyncSynchronizationContext(this);
        // A background thread, like unsync's daemon loop thread: it never keeps the process alive.
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    /// <summary>The context installed on the loop thread.</summary>
    public UnsyncSynchronizationContext Context { get; }

    /// <inheritdoc />
    public bool IsLoopThread => Thread.CurrentThread == _thread;

    /// <inheritdoc />
    public void Post(SendOrPostCallback callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        // After Stop the item is dropped (even from the loop itself, so a coroutine that yields
        // forever cannot keep the loop alive): throwing here would surface inside the task
        // machinery of whichever thread completed an awaited task, and crash it.
        if (_stopping) return;
        _queue.Enqueue(new WorkItem(callback, state));
        Interlocked.Increment(ref _posted);
        // Enqueue is a full fence; the loop announces sleep before its last look at the queue.
        // So either it sees this item, or we see it asleep and wake it.
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.CompareExchange(ref _sleeping, 0, 1) == 1)
            _wake.Set();
    }

    /// <inheritdoc />
    public void ScheduleAfter(TimeSpan delay, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (!IsLoopThread) throw new InvalidOperationException("ScheduleAfter must be called on the loop thread.");
        if (delay <= TimeSpan.Zero)
        {
            Post(s_runAction, callback);
            return;
        }
        long due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        _timers.Enqueue(callback, (due, _timerSeq++));
    }

    /// <inheritdoc />
    public bool Stop(TimeSpan timeout)
    {
        _stopping = true;
        _wake.Set();
        if (IsLoopThread) return false; // cannot join ourselves; the loop ends after this callback
        return _thread.Join(timeout);
    }

    /// <inheritdoc />
    public void Dispose() => Stop(TimeSpan.FromSeconds(5));

    // Called once per loop, so tiered compilation would leave it in unoptimised tier-0 code (with
    // on-stack replacement arriving late): measured 10 µs per sequential call instead of 1.7 µs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        SynchronizationContext.SetSynchronizationContext(Context);
        while (true)
        {
            if (_timers.Count > 0) MoveDueTimers();
            long count = Volatile.Read(ref _posted) - _taken;
            if (count > 0)
            {
                RunBatch(count);
                continue;
            }
            if (_stopping) return;
            // Idle. Spin briefly first: the next call usually follows within microseconds.
            var spin = SpinBudget.Start();
            while (_queue.IsEmpty && !_stopping && !HasDueTimer() && spin.Spin()) { }
            if (!_queue.IsEmpty || HasDueTimer()) continue;
            _wake.Reset();
            Interlocked.Exchange(ref _sleeping, 1);
            if (_queue.IsEmpty && !_stopping) WaitForWork();
            Volatile.Write(ref _sleeping, 0);
        }
    }

    private void RunBatch(long count)
    {
        for (long i = 0; i < count && _queue.TryDequeue(out var item); i++)
        {
            _taken++;
            try { item.Callback(item.State); }
            catch (Exception e) { ReportError(e); }
        }
    }

    private bool HasDueTimer() => _timers.TryPeek(out _, out var next) && next.Due <= _time.GetTimestamp();

    private void ReportError(Exception e)
    {
        try { _onCallbackError(e); }
        catch { /* the loop must survive a failing error handler */ }
    }

    private void WaitForWork()
    {
        if (_timers.TryPeek(out _, out var next))
        {
            long remaining = next.Due - _time.GetTimestamp();
            if (remaining <= 0) return;
            // Round up so we do not wake just before the deadline and spin.
            double ms = Math.Min(Math.Ceiling(remaining * 1000.0 / _time.TimestampFrequency), 3_600_000);
            _wake.Wait(TimeSpan.FromMilliseconds(ms));
        }
        else
        {
            _wake.Wait();
        }
    }

    private void MoveDueTimers()
    {
        long now = _time.GetTimestamp();
        // Behind everything already queued, as asyncio appends due timers to its ready queue.
        while (_timers.TryPeek(out var callback, out var p) && p.Due <= now)
        {
            _timers.Dequeue();
            _queue.Enqueue(new WorkItem(s_runAction, callback));
            Interlocked.Increment(ref _posted);
        }
    }
}
