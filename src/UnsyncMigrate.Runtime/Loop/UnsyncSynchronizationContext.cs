namespace UnsyncMigrate.Runtime;

/// <summary>
/// The <see cref="SynchronizationContext"/> installed on the loop thread. An <c>await</c> inside an
/// async-loop function captures it, so the continuation is posted back to the same loop and
/// coroutines interleave only at awaits.
/// </summary>
public sealed class UnsyncSynchronizationContext : SynchronizationContext
{
    /// <summary>Creates the context for <paramref name="loop"/>.</summary>
    public UnsyncSynchronizationContext(IUnsyncLoop loop) => Loop = loop ?? throw new ArgumentNullException(nameof(loop));

    /// <summary>The loop this context posts to.</summary>
    public IUnsyncLoop Loop { get; }

    /// <summary>The loop of the calling thread, or null when the caller is not on a loop thread.</summary>
    public static IUnsyncLoop? CurrentLoop =>
        Current is UnsyncSynchronizationContext c && c.Loop.IsLoopThread ? c.Loop : null;

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state) => Loop.Post(d, state);

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
    {
        if (Loop.IsLoopThread)
        {
            d(state);
            return;
        }
        // Rarely used (WinForms-style code); blocks the caller until the loop ran it.
        using var done = new ManualResetEventSlim();
        Exception? error = null;
        Loop.Post(_ =>
        {
            try { d(state); }
            catch (Exception e) { error = e; }
            finally { done.Set(); }
        }, null);
        done.Wait();
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
