namespace UnsyncMigrate.Runtime;

/// <summary>
/// The event loop every <c>async-loop</c> function runs on: one thread, callbacks run one at a
/// time in the order they were posted, like one asyncio loop. The default is
/// <see cref="SingleThreadLoop"/>; a custom one (unsync's "custom event-loop policy") is installed
/// with <see cref="UnsyncOptions.LoopFactory"/>. A custom loop must install an
/// <see cref="UnsyncSynchronizationContext"/> on its thread so that awaits come back to it.
/// </summary>
public interface IUnsyncLoop : IDisposable
{
    /// <summary>Queues <paramref name="callback"/> to run on the loop thread after everything queued
    /// before it (FIFO). Safe from any thread, like <c>loop.call_soon_threadsafe</c>. After the loop
    /// has stopped, posts are dropped.</summary>
    void Post(SendOrPostCallback callback, object? state);

    /// <summary>Runs <paramref name="callback"/> on the loop once <paramref name="delay"/> has
    /// elapsed. Timers resume in due-time order, ties in call order, like <c>loop.call_later</c>.
    /// Must be called on the loop thread.</summary>
    void ScheduleAfter(TimeSpan delay, Action callback);

    /// <summary>True when the calling thread is this loop's thread.</summary>
    bool IsLoopThread { get; }

    /// <summary>Stops the loop after the callbacks already queued have run; pending timers are
    /// abandoned. Returns false if the loop thread did not end within <paramref name="timeout"/>.</summary>
    bool Stop(TimeSpan timeout);
}
