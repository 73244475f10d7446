namespace UnsyncMigrate.Runtime;

/// <summary>
/// One async-loop call: its start is posted to the loop, never run inline, because a C# async
/// method runs synchronously up to its first await and unsync's coroutines start only when the
/// loop gets to them (after the caller's next await, in call order). The object is its own
/// completion source to keep a call down to a few allocations.
/// </summary>
internal sealed class LoopCall<T> : TaskCompletionSource<T>
{
    public static readonly SendOrPostCallback Start = static s => ((LoopCall<T>)s!).Run();
    private Func<Task<T>>? _body;

    public LoopCall(Func<Task<T>> body) : base(TaskCreationOptions.RunContinuationsAsynchronously) => _body = body;

    private void Run()
    {
        var body = _body!;
        _body = null;
        Task<T> task;
        try { task = body() ?? throw new InvalidOperationException("An async-loop body returned a null Task."); }
        catch (Exception e) { TrySetException(e); return; }
        if (task.IsCompleted) Completion.CopyTo(task, this);
        else task.ContinueWith(static (t, s) => Completion.CopyTo(t, (LoopCall<T>)s!), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

/// <summary>The void form of <see cref="LoopCall{T}"/>.</summary>
internal sealed class LoopCall : TaskCompletionSource
{
    public static readonly SendOrPostCallback Start = static s => ((LoopCall)s!).Run();
    private Func<Task>? _body;

    public LoopCall(Func<Task> body) : base(TaskCreationOptions.RunContinuationsAsynchronously) => _body = body;

    private void Run()
    {
        var body = _body!;
        _body = null;
        Task task;
        try { task = body() ?? throw new InvalidOperationException("An async-loop body returned a null Task."); }
        catch (Exception e) { TrySetException(e); return; }
        if (task.IsCompleted) Completion.CopyTo(task, this);
        else task.ContinueWith(static (t, s) => Completion.CopyTo(t, (LoopCall)s!), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
