namespace UnsyncMigrate.Runtime;

/// <summary>
/// The runtime's knobs, matching what unsync users change: pool sizes (replacing
/// <c>unsync.thread_executor</c>/<c>unsync.process_executor</c> before first use), a custom loop
/// (a custom event-loop policy such as uvloop), and where worker processes come from. Set them
/// with <see cref="Unsync.Configure"/> before the first call, or pass them to a new
/// <see cref="UnsyncRuntime"/>.
/// </summary>
public sealed class UnsyncOptions
{
    /// <summary>Thread-mode pool size. Default: Python's <c>min(32, cpu_count + 4)</c>.</summary>
    public int ThreadPoolSize { get; set; } = BoundedThreadPool.DefaultSize;

    /// <summary>Run thread-mode calls on the plain .NET thread pool instead of a bounded pool of
    /// dedicated threads (faster to start, but no guaranteed concurrency for blocking calls).</summary>
    public bool UseDotNetThreadPool { get; set; }

    /// <summary>A replacement thread executor; wins over the two settings above.</summary>
    public IThreadExecutor? ThreadExecutor { get; set; }

    /// <summary>Number of worker processes. Default: the core count, like <c>ProcessPoolExecutor()</c>.</summary>
    public int ProcessPoolSize { get; set; } = Environment.ProcessorCount;

    /// <summary>Run <c>process</c>-mode (cpu_bound) calls on the thread executor in this process
    /// instead of worker processes. .NET has no GIL, so this is often enough; arguments are then
    /// shared, not copied.</summary>
    public bool CpuBoundOnThreads { get; set; }

    /// <summary>How to start a worker. Default: this program again with <see cref="UnsyncRuntime.WorkerArgument"/>.</summary>
    public WorkerCommand? WorkerCommand { get; set; }

    /// <summary>Most requests pipelined onto one worker while its calls are short.</summary>
    public int ProcessPipelineDepth { get; set; } = 64;

    /// <summary>Calls measured shorter than this are pipelined; longer ones are handed out one at a
    /// time so a queued call goes to whichever worker frees up first.</summary>
    public TimeSpan ProcessPipelineThreshold { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Creates the event loop (default: <see cref="SingleThreadLoop"/>).</summary>
    public Func<IUnsyncLoop>? LoopFactory { get; set; }

    /// <summary>Called on the loop thread when a loop callback throws; default writes to stderr.</summary>
    public Action<Exception>? LoopCallbackError { get; set; }

    internal UnsyncOptions Clone() => (UnsyncOptions)MemberwiseClone();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ThreadPoolSize, 1, nameof(ThreadPoolSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessPoolSize, 1, nameof(ProcessPoolSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessPipelineDepth, 1, nameof(ProcessPipelineDepth));
    }
}
