namespace UnsyncMigrate.Runtime;

/// <summary>
/// Runs <c>thread</c>-mode calls (Python's <c>unsync.thread_executor</c>). The default is a
/// <see cref="BoundedThreadPool"/> of <see cref="UnsyncOptions.ThreadPoolSize"/> threads; replace it
/// before first use with <see cref="UnsyncOptions.ThreadExecutor"/>.
/// </summary>
public interface IThreadExecutor
{
    /// <summary>Runs <paramref name="work"/> on some executor thread, soon. Must not run it inline.</summary>
    void Execute(IThreadPoolWorkItem work);

    /// <summary>Lets queued work finish, then stops the threads. False if they did not stop in time.</summary>
    bool Shutdown(TimeSpan timeout);
}
