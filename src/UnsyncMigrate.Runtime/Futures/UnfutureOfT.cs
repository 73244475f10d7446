using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// The future of an unsync call returning <typeparamref name="T"/> (Python's <c>Unfuture[T]</c>).
/// Every unsync call returns one at once; the work is already scheduled.
/// </summary>
public sealed class Unfuture<T> : Unfuture
{
    /// <summary>A pending future on the default runtime, completed later by
    /// <see cref="SetResult(T)"/> (Python's <c>Unfuture()</c>).</summary>
    public Unfuture() : this(Unsync.Runtime) { }

    /// <summary>A pending future bound to <paramref name="runtime"/>'s loop.</summary>
    public Unfuture(UnsyncRuntime runtime) : this(new PendingSource<T>(), runtime) { }

    /// <summary>Wraps an existing task (Python's <c>Unfuture(concurrent_future)</c>).</summary>
    public Unfuture(Task<T> task) : base(task, Unsync.Runtime, null) { }

    /// <summary>Wraps an existing task, bound to <paramref name="runtime"/>.</summary>
    public Unfuture(Task<T> task, UnsyncRuntime runtime) : base(task, runtime, null) { }

    private Unfuture(PendingSource<T> source, UnsyncRuntime runtime) : base(source.Task, runtime, source) { }

    private Task<T> Typed => (Task<T>)_task;

    /// <summary>The underlying task.</summary>
    public new Task<T> AsTask() => Typed;

    /// <summary>Lets <c>await</c> work on the future from any context.</summary>
    public new TaskAwaiter<T> GetAwaiter() => Typed.GetAwaiter();

    /// <summary>Blocks until done and returns the value or rethrows the original exception. On the
    /// loop thread a future that is not done throws <see cref="InvalidStateException"/>.</summary>
    public new T Result()
    {
        WaitOrThrow(Timeout.InfiniteTimeSpan);
        return Typed.GetAwaiter().GetResult();
    }

    /// <summary>Like <see cref="Result()"/>, but throws <see cref="TimeoutException"/> if not done
    /// within <paramref name="timeout"/>; the future stays pending.</summary>
    public new T Result(TimeSpan timeout)
    {
        WaitOrThrow(timeout);
        return Typed.GetAwaiter().GetResult();
    }

    /// <summary>Completes a pending future with <paramref name="value"/>. Thread-safe; takes effect
    /// on the loop, soon.</summary>
    public void SetResult(T value)
    {
        var source = Completer<PendingSource<T>>();
        Runtime.PostToLoop(_ => source.TrySetResult(value), null);
    }

    // ---- then: continuation gets the source's value on the loop thread (the code of unsync 1.4.0
    // passes the value, not the future). Exceptions of the source flow through the chain.

    /// <summary>Calls <paramref name="continuation"/> with the value, on the loop.</summary>
    public Unfuture<TR> Then<TR>(Func<T, TR> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => continuation(await this));
    }

    /// <summary>Calls <paramref name="continuation"/> with the value, on the loop.</summary>
    public Unfuture Then(Action<T> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => continuation(await this));
    }

    /// <summary>Calls an async continuation with the value and awaits its result.</summary>
    public Unfuture<TR> Then<TR>(Func<T, Task<TR>> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => await continuation(await this));
    }

    /// <summary>Calls an async continuation with the value and awaits it.</summary>
    public Unfuture Then(Func<T, Task> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => await continuation(await this));
    }

    /// <summary>Calls a continuation that starts another unsync call, and awaits that call
    /// (e.g. <c>load(6).Then(SquareAll)</c> where SquareAll is itself an unsync function).</summary>
    public Unfuture<TR> Then<TR>(Func<T, Unfuture<TR>> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => await continuation(await this));
    }

    /// <summary>Calls a continuation that starts another void unsync call, and awaits it.</summary>
    public Unfuture Then(Func<T, Unfuture> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return Runtime.Loop(async () => await continuation(await this));
    }
}

/// <summary>The completer of a pending typed future.</summary>
internal sealed class PendingSource<T>() : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IExceptionSink;
