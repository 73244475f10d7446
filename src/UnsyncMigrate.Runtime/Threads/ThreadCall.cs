namespace UnsyncMigrate.Runtime;

/// <summary>One thread-mode call: the work item and its own completion source.</summary>
internal sealed class ThreadCall<T>(Func<T> body)
    : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IThreadPoolWorkItem
{
    public void Execute()
    {
        try { TrySetResult(body()); }
        catch (Exception e) { TrySetException(e); }
    }
}

/// <summary>The void form of <see cref="ThreadCall{T}"/>.</summary>
internal sealed class ThreadCall(Action body)
    : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), IThreadPoolWorkItem
{
    public void Execute()
    {
        try { body(); TrySetResult(); }
        catch (Exception e) { TrySetException(e); }
    }
}
