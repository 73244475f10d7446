using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// The future of an unsync call that returns nothing (<c>Unfuture[None]</c>), and the base of
/// <see cref="Unfuture{T}"/>. Awaitable from any context (awaiting twice is fine);
/// <see cref="Result()"/> blocks and rethrows the original exception; <see cref="Done"/>;
/// <see cref="Then(Action)"/> continuations run on the loop thread.
/// </summary>
public class Unfuture
{
    private protected readonly Task _task;
    // Set only for pending futures (new Unfuture(), FromValue): what SetResult completes.
    private readonly object? _completer;

    /// <summary>A pending future on the default runtime, completed later by <see cref="SetResult()"/>
    /// or <see cref="SetException"/> (Python's <c>Unfuture()</c>).</summary>
    public Unfuture() : this(Unsync.Runtime) { }

    /// <summary>A pending future bound to <paramref name="runtime"/>'s loop.</summary>
    public Unfuture(UnsyncRuntime runtime) : this(NewSource(), runtime) { }

    /// <summary>Wraps an existing task (Python's <c>Unfuture(concurrent_future)</c>).</summary>
    public Unfuture(Task task) : this(task, Unsync.Runtime, null) { }

    /// <summary>Wraps an existing task, bound to <paramref name="runtime"/>.</summary>
    public Unfuture(Task task, UnsyncRuntime runtime) : this(task, runtime, null) { }

    private Unfuture(TaskCompletionSource source, UnsyncRuntime runtime) : this(source.Task, runtime, source) { }

    private protected Unfuture(Task task, UnsyncRuntime runtime, object? completer)
    {
        _task = task ?? throw new ArgumentNullException(nameof(task));
        Runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _completer = completer;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The runtime whose loop runs this future's continuations.</summary>
    public UnsyncRuntime Runtime { get; }

    /// <summary>Whether the call has finished (value, exception or cancellation).</summary>
    public bool Done => _task.IsCompleted;

    /// <summary>The underlying task, e.g. for <see cref="Task.WhenAll(Task[])"/>.</summary>
    public Task AsTask() => _task;

    /// <summary>Lets <c>await</c> work on the future from any context.</summary>
    public TaskAwaiter GetAwaiter() => _task.GetAwaiter();

    /// <summary>Blocks until done and rethrows the call's exception, if any. On the loop thread a
    /// future that is not done throws <see cref="InvalidStateException"/> instead of deadlocking.</summary>
    public void Result()
    {
        WaitOrThrow(Timeout.InfiniteTimeSpan);
        _task.GetAwaiter().GetResult();
    }

    /// <summary>Like <see cref="Result()"/>, but throws <see cref="TimeoutException"/> if not done
    /// within <paramref name="timeout"/>; the future stays pending.</summary>
    public void Result(TimeSpan timeout)
    {
        WaitOrThrow(timeout);
        _task.GetAwaiter().GetResult();
    }

    private protected void WaitOrThrow(TimeSpan timeout)
    {
        if (_task.IsCompleted) return;
        if (Runtime.IsOnLoopThread || UnsyncSynchronizationContext.CurrentLoop is not null)
            throw new InvalidStateException();
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            // Spin a little before GetResult blocks: most calls finish within microseconds.
            var spin = SpinBudget.Start();
            while (!_task.IsCompleted && spin.Spin()) { }
            return;
        }
        bool finished;
        try { finished = _task.Wait(timeout); }
        catch (AggregateException) { finished = true; } // faulted or cancelled: GetResult rethrows the original
        if (!finished) throw new TimeoutException($"The Unfuture did not finish within {timeout.TotalSeconds:0.###} s.");
    }

    /// <summary>Completes a pending future. Thread-safe; like unsync it takes effect on the loop,
    /// soon, not at once (so <see cref="Done"/> read right after is usually false).</summary>
    public void SetResult()
    {
        var source = Completer<TaskCompletionSource>();
        Runtime.PostToLoop(static s => ((TaskCompletionSource)s!).TrySetResult(), source);
    }

    /// <summary>Fails a pending future with <paramref name="exception"/>, on the loop, soon.</summary>
    public void SetException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (_completer)
        {
            case TaskCompletionSource s:
                Runtime.PostToLoop(_ => s.TrySetException(exception), null);
                break;
            case IExceptionSink sink:
                Runtime.PostToLoop(_ => sink.TrySetException(exception), null);
                break;
            default:
                throw NotPending();
        }
    }

    private protected TSource Completer<TSource>() where TSource : class =>
        _completer as TSource ?? throw NotPending();

    private static InvalidOperationException NotPending() => new(
        "Only a pending Unfuture (created with new Unfuture() or FromValue) can be completed with SetResult/SetException; this one belongs to a running call.");

    /// <summary>A future completed with <paramref name="value"/> soon, on the loop of the default
    /// runtime (Python's <c>Unfuture.from_value</c>).</summary>
    public static Unfuture<T> FromValue<T>(T value) => Unsync.Runtime.FromValue(value);

    /// <summary>Wraps an existing task.</summary>
    public static Unfuture<T> FromTask<T>(Task<T> task) => new(task);

    /// <summary>Wraps an existing task.</summary>
    public static Unfuture FromTask(Task task) => new(task);

    // ---- then: the continuation runs on the loop thread once this future is done. Python passes
    // the source's value; for a void future there is none (None), so the continuation takes no
    // argument. An exception in the source skips the continuation and flows to the result.

    /// <summary>Runs <paramref name="continuation"/> on the loop after this future finishes.</summary>
    public Unfuture Then(Action continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => { await this; continuation(); });
    }

    /// <summary>Runs <paramref name="continuation"/> on the loop and takes its value.</summary>
    public Unfuture<TR> Then<TR>(Func<TR> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => { await this; return continuation(); });
    }

    /// <summary>Runs an async continuation on the loop and awaits what it returns.</summary>
    public Unfuture Then(Func<Task> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => { await this; await continuation(); });
    }

    /// <summary>Runs an async continuation on the loop and awaits its value.</summary>
    public Unfuture<TR> Then<TR>(Func<Task<TR>> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => { await this; return await continuation(); });
    }

    /// <summary>Runs a continuation that starts another unsync call, and awaits that call.</summary>
    public Unfuture<TR> Then<TR>(Func<Unfuture<TR>> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => { await this; return await continuation(); });
    }

    /// <summary>Runs a continuation that starts another void unsync call, and awaits that call.</summary>
    public Unfuture Then(Func<Unfuture> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => { await this; await continuation(); });
    }
}

/// <summary>Lets the non-generic base fail a typed pending future.</summary>
internal interface IExceptionSink
{
    bool TrySetException(Exception exception);
}
