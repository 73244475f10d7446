namespace UnsyncMigrate.Runtime;

/// <summary>
/// The default event loop: one background thread that runs posted callbacks in FIFO order and
/// owns a timer heap. It works in iterations like asyncio's <c>_run_once</c>: take everything
/// posted so far as one batch, run it, then move the timers that are due (in due-time order, ties
/// in call order) to the end of the next batch. Written here rather than taken from
/// Nito.AsyncEx because the timer heap has to live inside the loop for sleeps to resume in due
/// order (timers firing on pool threads would race), and it keeps the runtime dependency-free.
/// </summary>
public sealed class SingleThreadLoop : IUnsyncLoop
{
    private readonly object _gate = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly PriorityQueue<Action, (long Due, long Seq)> _timers = new();
    private readonly Thread _thread;
    private readonly Action<Exception> _onCallbackError;
    private readonly TimeProvider _time;
    private List<WorkItem> _incoming = new(64);
    private List<WorkItem> _spare = new(64);
    private long _timerSeq;
    private bool _stopping;

    private readonly record struct WorkItem(SendOrPostCallback Callback, object? State);

    private static readonly SendOrPostCallback s_runAction = static s => ((Action)s!)();

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
        bool wasEmpty;
        lock (_gate)
        {
            // After Stop the item is dropped (even from the loop itself, so a coroutine that yields
            // forever cannot keep the loop alive): throwing here would surface inside the task
            // machinery of whichever thread completed an awaited task, and crash it.
            if (_stopping) return;
            _incoming.Add(new WorkItem(callback, state));
            wasEmpty = _incoming.Count == 1;
        }
        // Only the first item of a batch needs a wake-up: the loop resets the event under the same
        // lock when it finds the batch empty, so no post can be lost in between.
        if (wasEmpty) _wake.Set();
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
        lock (_gate) _stopping = true;
        _wake.Set();
        if (IsLoopThread) return false; // cannot join ourselves; the loop ends after this callback
        return _thread.Join(timeout);
    }

    /// <inheritdoc />
    public void Dispose() => Stop(TimeSpan.FromSeconds(5));

    private void Run()
    {
        SynchronizationContext.SetSynchronizationContext(Context);
        while (true)
        {
            if (_timers.Count > 0) MoveDueTimers();
            List<WorkItem> batch;
            lock (_gate)
            {
                batch = _incoming;
                _incoming = _spare;
                _spare = batch;
                if (batch.Count == 0)
                {
                    if (_stopping) return;
                    _wake.Reset();
                }
            }
            if (batch.Count == 0)
            {
                WaitForWork();
                continue;
            }
            for (int i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                try { item.Callback(item.State); }
                catch (Exception e) { ReportError(e); }
            }
            batch.Clear();
        }
    }

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
        if (!_timers.TryPeek(out _, out var first) || first.Due > now) return;
        lock (_gate)
        {
            while (_timers.TryPeek(out var callback, out var p) && p.Due <= now)
            {
                _timers.Dequeue();
                _incoming.Add(new WorkItem(s_runAction, callback));
            }
        }
    }
}
