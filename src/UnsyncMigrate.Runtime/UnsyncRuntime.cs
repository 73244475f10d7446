using System.Diagnostics;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// One instance of unsync's machinery: the event loop, the thread executor and the worker-process
/// pool, each started lazily on first use. Generated code normally goes through the static
/// <see cref="Unsync"/> facade, which uses <see cref="Unsync.Runtime"/>; tests and hosts can create
/// their own instances.
/// </summary>
public sealed partial class UnsyncRuntime : IDisposable
{
    private readonly object _gate = new();
    private UnsyncOptions _options;
    private volatile IUnsyncLoop? _loop;
    private volatile IThreadExecutor? _threads;
    private volatile ProcessPool? _processes;
    private volatile bool _started;
    private volatile bool _shutDown;

    /// <summary>Creates a runtime; nothing starts until the first call.</summary>
    public UnsyncRuntime(UnsyncOptions? options = null)
    {
        _options = (options ?? new UnsyncOptions()).Clone();
        _options.Validate();
    }

    /// <summary>A copy of the options in force.</summary>
    public UnsyncOptions Options => _options.Clone();

    /// <summary>Whether any executor has started (after which <see cref="Configure"/> refuses).</summary>
    public bool HasStarted => _started;

    /// <summary>Changes options before first use (replacing the executors, as unsync users do by
    /// assigning <c>unsync.thread_executor</c>). Throws once anything has started.</summary>
    public void Configure(Action<UnsyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        lock (_gate)
        {
            if (_started || _shutDown)
                throw new InvalidOperationException(
                    "Configure the unsync runtime before its first call: its loop or executors have already started.");
            var copy = _options.Clone();
            configure(copy);
            copy.Validate();
            _options = copy;
        }
    }

    /// <summary>The event loop (Python's <c>unsync.loop</c>), started if needed; e.g.
    /// <c>EventLoop.Post(...)</c> for <c>call_soon_threadsafe</c>.</summary>
    public IUnsyncLoop EventLoop => _loop ?? StartLoop();

    /// <summary>The thread executor, started if needed.</summary>
    public IThreadExecutor ThreadExecutor => _threads ?? StartThreads();

    /// <summary>True on this runtime's loop thread.</summary>
    public bool IsOnLoopThread => _loop?.IsLoopThread == true;

    /// <summary>Process ids of the live worker processes (diagnostics, tests).</summary>
    public IReadOnlyList<int> WorkerProcessIds => _processes?.WorkerProcessIds ?? Array.Empty<int>();

    /// <summary>Posts a callback to the loop (starting it if needed). Thread-safe.</summary>
    public void PostToLoop(SendOrPostCallback callback, object? state) => EventLoop.Post(callback, state);

    private IUnsyncLoop StartLoop()
    {
        lock (_gate)
        {
            ThrowIfShutDown();
            if (_loop is null)
            {
                _started = true;
                _loop = _options.LoopFactory?.Invoke() ?? new SingleThreadLoop(_options.LoopCallbackError);
            }
            return _loop;
        }
    }

    private IThreadExecutor StartThreads()
    {
        lock (_gate)
        {
            ThrowIfShutDown();
            if (_threads is null)
            {
                _started = true;
                _threads = _options.ThreadExecutor
                    ?? (_options.UseDotNetThreadPool ? DotNetThreadPoolExecutor.Instance : new BoundedThreadPool(_options.ThreadPoolSize));
            }
            return _threads;
        }
    }

    private ProcessPool Processes => _processes ?? StartProcesses();

    private ProcessPool StartProcesses()
    {
        lock (_gate)
        {
            ThrowIfShutDown();
            if (_processes is null)
            {
                _started = true;
                _processes = new ProcessPool(_options.WorkerCommand ?? WorkerCommand.ForCurrentProgram(),
                    _options.ProcessPoolSize, _options.ProcessPipelineDepth, _options.ProcessPipelineThreshold);
            }
            return _processes;
        }
    }

    private void ThrowIfShutDown()
    {
        if (_shutDown) throw new ObjectDisposedException(nameof(UnsyncRuntime), "The unsync runtime has been shut down.");
    }

    /// <summary>
    /// Orderly shutdown: refuse new calls; let queued thread calls and submitted process calls
    /// finish; close the workers' stdin so they exit (killing any that do not); stop the loop after
    /// the callbacks already queued. Returns false if something had to be abandoned or killed
    /// within <paramref name="timeout"/> (default 10 s).
    /// </summary>
    public bool Shutdown(TimeSpan? timeout = null)
    {
        IThreadExecutor? threads;
        ProcessPool? processes;
        IUnsyncLoop? loop;
        lock (_gate)
        {
            if (_shutDown) return true;
            _shutDown = true;
            threads = _threads;
            processes = _processes;
            loop = _loop;
        }
        var budget = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => budget - clock.Elapsed > TimeSpan.Zero ? budget - clock.Elapsed : TimeSpan.Zero;
        bool clean = true;
        if (processes is not null) clean &= processes.Shutdown(Left());
        // The shared .NET pool and user-supplied executors are not ours to stop.
        if (threads is not null && _options.ThreadExecutor is null) clean &= threads.Shutdown(Left());
        if (loop is not null) clean &= loop.Stop(Left());
        return clean;
    }

    /// <summary>Same as <see cref="Shutdown"/> with the default timeout.</summary>
    public void Dispose() => Shutdown();
}
