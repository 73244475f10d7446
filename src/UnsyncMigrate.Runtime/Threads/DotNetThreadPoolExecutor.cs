namespace UnsyncMigrate.Runtime;

/// <summary>
/// Runs thread-mode calls on the plain .NET thread pool (<see cref="UnsyncOptions.UseDotNetThreadPool"/>).
/// Fastest for short calls, but its concurrency is not Python's fixed limit: the pool grows slowly
/// when calls block, so code that needs N calls blocked at once should keep the bounded pool.
/// </summary>
public sealed class DotNetThreadPoolExecutor : IThreadExecutor
{
    /// <summary>The shared instance.</summary>
    public static DotNetThreadPoolExecutor Instance { get; } = new();

    /// <inheritdoc />
    public void Execute(IThreadPoolWorkItem work) => ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);

    /// <inheritdoc />
    public bool Shutdown(TimeSpan timeout) => true; // the .NET pool is not ours to stop
}
