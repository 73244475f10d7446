using System.Diagnostics;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// Python's <c>ProcessPoolExecutor</c>: <c>size</c> worker processes, started lazily (all of
/// them at the first call; a dead one is replaced only when a call finds none idle) and reused. A call goes to an idle worker, or is pipelined onto a
/// busy one while that worker's calls are measured to be short (so tiny calls are not throttled
/// by round trips), or waits in a shared queue and goes to the first worker that answers (so a
/// long call never holds short ones hostage behind it). A worker that dies fails only the calls it
/// held and is replaced on demand.
/// </summary>
internal sealed class ProcessPool
{
    private readonly object _gate = new();
    private readonly List<WorkerConnection> _workers = new();
    private readonly Queue<ProcessCall> _pending = new();
    private readonly WorkerCommand _command;
    private readonly int _size;
    private readonly int _maxDepth;
    private readonly long _pipelineThresholdTicks;
    private long _nextId;
    private bool _closed;

    public ProcessPool(WorkerCommand command, int size, int maxDepth, TimeSpan pipelineThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        _command = command;
        _size = size;
        _maxDepth = maxDepth;
        _pipelineThresholdTicks = (long)(pipelineThreshold.TotalSeconds * Stopwatch.Frequency);
    }

    public long NextId() => Interlocked.Increment(ref _nextId);

    public IReadOnlyList<int> WorkerProcessIds
    {
        get { lock (_gate) return _workers.Select(w => w.ProcessId).ToArray(); }
    }

    public void Submit(ProcessCall call)
    {
        WorkerConnection? target;
        Exception? error = null;
        lock (_gate)
        {
            if (_closed) error = new ObjectDisposedException(nameof(UnsyncRuntime), "The unsync runtime has been shut down.");
            target = error is null ? AssignLocked(call, out error) : null;
        }
        if (error is not null) call.Fail(error);
        else target?.Send(call);
    }

    // Requests pipelined onto a busy worker stay well under a pipe's 64 KiB buffer, so writing
    // them never blocks: a writer stuck on a full pipe while the worker is stuck on a full reply
    // pipe (which the reader, waiting to write, does not drain) would deadlock.
    private const int MaxPipelinedBytes = 32 * 1024;

    private int DepthOf(WorkerConnection w) =>
        w.AverageServiceTicks >= 0 && w.AverageServiceTicks < _pipelineThresholdTicks ? _maxDepth : 1;

    /// <summary>Whether <paramref name="w"/> can take <paramref name="call"/> now. An idle worker takes
    /// anything (it is blocked reading, so even a large request drains at once).</summary>
    private bool HasRoomFor(WorkerConnection w, ProcessCall call) =>
        w.InFlightCount == 0 ||
        (w.InFlightCount < DepthOf(w) && w.InFlightBytes + call.Frame.Length <= MaxPipelinedBytes);

    /// <summary>Picks a worker for <paramref name="call"/> and tracks it there, or queues it
    /// (returns null, no error), or fails to start a worker (returns null with an error).</summary>
    private WorkerConnection? AssignLocked(ProcessCall call, out Exception? error)
    {
        error = null;
        WorkerConnection? best = null;
        foreach (var w in _workers)
        {
            if (!HasRoomFor(w, call)) continue;
            if (best is null || w.InFlightCount < best.InFlightCount) best = w;
        }
        if ((best is null || best.InFlightCount > 0) && _workers.Count < _size)
        {
            bool first = _workers.Count == 0;
            try
            {
                GuardAgainstRecursiveStart();
                var started = WorkerConnection.Start(this, _command);
                _workers.Add(started);
                best = started;
            }
            catch (Exception e)
            {
                if (best is null && _workers.Count == 0) { error = e; return null; }
            }
            if (first && _workers.Count == 1) StartRestLocked();
        }
        if (best is null)
        {
            _pending.Enqueue(call);
            return null;
        }
        best.Track(call);
        return best;
    }

    /// <summary>
    /// With the first worker, start the others at once (as CPython's ProcessPoolExecutor does on
    /// Linux): each takes tens of milliseconds to start, so a burst of calls (the usual
    /// submit-all-then-gather pattern) finds every worker starting in parallel instead of each
    /// one started only when a call finds the previous ones busy. A failure here is not the
    /// caller's: the pool goes on with the workers it has and retries on demand.
    /// </summary>
    private void StartRestLocked()
    {
        while (_workers.Count < _size)
        {
            try { _workers.Add(WorkerConnection.Start(this, _command)); }
            catch (WorkerStartException) { return; }
        }
    }

    private static void GuardAgainstRecursiveStart()
    {
        // A program whose Main forgot RunWorkerIfRequested would, started as a worker, run its
        // whole main again and start workers of its own: a fork bomb. Refuse instead.
        if (Environment.GetEnvironmentVariable(UnsyncRuntime.WorkerEnvironmentVariable) == "1" && !UnsyncRuntime.IsWorkerProcess)
            throw new WorkerStartException(
                "This process was started as an unsync worker, but its Main did not call UnsyncRuntime.RunWorkerIfRequested(args) first; refusing to start more workers.");
    }

    internal void OnReady(WorkerConnection worker)
    {
        lock (_gate) worker.ReadyAt = Stopwatch.GetTimestamp();
    }

    /// <summary>A reply arrived: untrack its call, update the worker's service-time estimate and
    /// hand the worker queued calls (added to <paramref name="toSend"/>, written by the reader).</summary>
    internal ProcessCall? OnReply(WorkerConnection worker, long id, List<ProcessCall> toSend)
    {
        lock (_gate)
        {
            var call = worker.Untrack(id);
            long now = Stopwatch.GetTimestamp();
            if (call is not null)
            {
                long started = Math.Max(call.SentAt, Math.Max(worker.LastReplyAt, worker.ReadyAt == long.MaxValue ? 0 : worker.ReadyAt));
                long took = Math.Max(0, now - started);
                worker.AverageServiceTicks = worker.AverageServiceTicks < 0 ? took : (worker.AverageServiceTicks * 3 + took) / 4;
            }
            worker.LastReplyAt = now;
            while (_pending.Count > 0 && !worker.Dead && HasRoomFor(worker, _pending.Peek()))
            {
                var next = _pending.Dequeue();
                worker.Track(next);
                toSend.Add(next);
            }
            if (_closed) Monitor.PulseAll(_gate);
            return call;
        }
    }

    /// <summary>The worker's output ended: fail what it held, and give queued calls to other
    /// (possibly new) workers.</summary>
    internal void OnWorkerExited(WorkerConnection worker, Exception? failure)
    {
        List<ProcessCall> lost;
        var reassigned = new List<(WorkerConnection, ProcessCall)>();
        var failedToStart = new List<(ProcessCall, Exception)>();
        lock (_gate)
        {
            worker.Dead = true;
            _workers.Remove(worker);
            lost = worker.UntrackAll();
            while (_pending.Count > 0)
            {
                var next = _pending.Dequeue();
                var w = AssignLocked(next, out var error);
                if (error is not null) failedToStart.Add((next, error));
                else if (w is not null) reassigned.Add((w, next));
                else break; // queued again: every worker is full
            }
            Monitor.PulseAll(_gate);
        }
        if (lost.Count > 0)
        {
            int? exitCode = failure is WorkerStartException ? null : worker.ExitCode();
            foreach (var call in lost)
                call.Fail(failure as WorkerStartException as Exception ?? new WorkerProcessExitedException(worker.ProcessId, exitCode, call.Key));
        }
        foreach (var (call, error) in failedToStart) call.Fail(error);
        foreach (var (w, call) in reassigned) w.Send(call);
    }

    /// <summary>Orderly shutdown: let submitted calls finish (up to the timeout), close every
    /// worker's stdin so it exits, kill the ones that do not, fail what is left.</summary>
    public bool Shutdown(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        TimeSpan Left() => TimeSpan.FromSeconds(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
        List<WorkerConnection> workers;
        List<ProcessCall> abandoned;
        lock (_gate)
        {
            _closed = true;
            while ((_pending.Count > 0 || _workers.Any(w => w.InFlightCount > 0)) && Left() > TimeSpan.Zero)
                Monitor.Wait(_gate, Left());
            abandoned = _pending.ToList();
            _pending.Clear();
            workers = _workers.ToList();
        }
        foreach (var call in abandoned)
            call.Fail(new ObjectDisposedException(nameof(UnsyncRuntime), "The unsync runtime was shut down before this process call ran."));
        foreach (var w in workers) w.CloseInput();
        bool clean = true;
        foreach (var w in workers)
        {
            if (w.WaitForExit(Left())) continue;
            clean = false;
            w.Kill();
        }
        return clean && abandoned.Count == 0;
    }
}
