using System.Diagnostics;
using System.Text.Json;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// One worker process: its pipes, the calls sent to it and not yet answered, and a reader thread
/// that completes them. Calls are written by the thread that submits them (lowest latency);
/// calls the pool hands over after a reply are written by the reader, batched into one write.
/// The in-flight table and counters are guarded by the pool's lock.
/// </summary>
internal sealed class WorkerConnection
{
    private readonly ProcessPool _pool;
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly object _writeLock = new();
    private readonly Dictionary<long, ProcessCall> _inFlight = new();
    private bool _stdinClosed;

    private WorkerConnection(ProcessPool pool, Process process)
    {
        _pool = pool;
        _process = process;
        ProcessId = process.Id;
        _stdin = process.StandardInput.BaseStream;
        _stdout = process.StandardOutput.BaseStream;
    }

    public int ProcessId { get; }

    // ---- state guarded by the pool lock
    public int InFlightCount => _inFlight.Count;
    /// <summary>Request bytes sent and not answered: bounded so a write never waits on a full pipe.</summary>
    public long InFlightBytes { get; private set; }
    public bool Dead { get; set; }
    /// <summary>Moving average of the time one call takes in this worker; -1 until measured.</summary>
    public long AverageServiceTicks { get; set; } = -1;
    public long ReadyAt { get; set; } = long.MaxValue;
    public long LastReplyAt { get; set; }

    public void Track(ProcessCall call)
    {
        call.SentAt = Stopwatch.GetTimestamp();
        _inFlight.Add(call.Id, call);
        InFlightBytes += call.Frame.Length;
    }

    public ProcessCall? Untrack(long id)
    {
        if (!_inFlight.Remove(id, out var call)) return null;
        InFlightBytes -= call.Frame.Length;
        return call;
    }

    public List<ProcessCall> UntrackAll()
    {
        var all = _inFlight.Values.ToList();
        _inFlight.Clear();
        InFlightBytes = 0;
        return all;
    }
    // ----

    public static WorkerConnection Start(ProcessPool pool, WorkerCommand command)
    {
        Process process;
        try
        {
            process = Process.Start(command.ToStartInfo())
                ?? throw new WorkerStartException($"Starting the worker '{command.FileName}' returned no process.");
        }
        catch (Exception e) when (e is not WorkerStartException)
        {
            throw new WorkerStartException($"Could not start a worker process '{command.FileName} {string.Join(' ', command.Arguments)} {UnsyncRuntime.WorkerArgument}': {e.Message}", e);
        }
        var connection = new WorkerConnection(pool, process);
        var reader = new Thread(connection.ReadLoop) { IsBackground = true, Name = $"unsync-worker-reader-{process.Id}" };
        reader.Start();
        return connection;
    }

    public void Send(ProcessCall call)
    {
        lock (_writeLock)
        {
            try { _stdin.Write(call.Frame); _stdin.Flush(); }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The worker is gone: its reader sees EOF and fails every tracked call, this one included.
            }
        }
    }

    public void Send(List<ProcessCall> calls)
    {
        if (calls.Count == 1) { Send(calls[0]); return; }
        int total = 0;
        foreach (var c in calls) total += c.Frame.Length;
        var batch = new byte[total];
        int at = 0;
        foreach (var c in calls) { c.Frame.CopyTo(batch, at); at += c.Frame.Length; }
        lock (_writeLock)
        {
            try { _stdin.Write(batch); _stdin.Flush(); }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        }
    }

    /// <summary>Closes the request pipe: the worker finishes what it has read, then exits on EOF.</summary>
    public void CloseInput()
    {
        lock (_writeLock)
        {
            if (_stdinClosed) return;
            _stdinClosed = true;
            try { _stdin.Dispose(); } catch (IOException) { }
        }
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        try { return _process.WaitForExit(timeout); }
        catch (InvalidOperationException) { return true; }
    }

    public void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException) { }
    }

    public int? ExitCode()
    {
        try { return _process.WaitForExit(TimeSpan.FromSeconds(2)) ? _process.ExitCode : null; }
        catch (InvalidOperationException) { return null; }
    }

    // Runs once per worker connection: keep it out of tier-0 code (see SingleThreadLoop.Run).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ReadLoop()
    {
        Exception? failure = null;
        try
        {
            var reader = new FrameReader(_stdout, PipePoll.DescriptorOf(_stdout));
            if (!ReadHandshake(reader))
            {
                failure = new WorkerStartException(
                    $"The worker process (pid {ProcessId}) did not answer the unsync handshake. A program used as a worker must start Main with " +
                    $"'if (UnsyncRuntime.RunWorkerIfRequested(args)) return 0;' and must not write to stdout before it.");
                Kill();
                return;
            }
            _pool.OnReady(this);
            var toSend = new List<ProcessCall>();
            var options = ProcessRegistry.JsonOptions;
            while (reader.TryReadFrame(out var frame))
            {
                var json = new Utf8JsonReader(frame.Span);
                long id = Protocol.ReadReplyHeader(ref json, out bool ok);
                var call = _pool.OnReply(this, id, toSend);
                if (toSend.Count > 0 && !reader.HasBufferedFrame)
                {
                    Send(toSend);
                    toSend.Clear();
                }
                if (call is null) continue;
                if (ok) call.Complete(ref json, options);
                else call.Fail(Protocol.ReadError(ref json));
            }
        }
        catch (Exception e)
        {
            failure = e;
            Kill();
        }
        finally
        {
            _pool.OnWorkerExited(this, failure);
        }
    }

    private static bool ReadHandshake(FrameReader reader)
    {
        Span<byte> got = stackalloc byte[Protocol.Handshake.Length];
        return reader.ReadRaw(got) == got.Length && got.SequenceEqual(Protocol.Handshake);
    }
}
