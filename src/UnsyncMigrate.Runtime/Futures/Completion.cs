namespace UnsyncMigrate.Runtime;

/// <summary>Copies the outcome of a finished task into a completion source, keeping the original
/// exceptions (not wrapped) so <c>Result()</c> and <c>await</c> rethrow what the body threw.</summary>
internal static class Completion
{
    public static void CopyTo<T>(Task<T> from, TaskCompletionSource<T> to)
    {
        if (from.IsCompletedSuccessfully) to.TrySetResult(from.Result);
        else if (from.IsCanceled) to.TrySetCanceled(CancellationTokenOf(from));
        else to.TrySetException(from.Exception!.InnerExceptions);
    }

    public static void CopyTo(Task from, TaskCompletionSource to)
    {
        if (from.IsCompletedSuccessfully) to.TrySetResult();
        else if (from.IsCanceled) to.TrySetCanceled(CancellationTokenOf(from));
        else to.TrySetException(from.Exception!.InnerExceptions);
    }

    private static CancellationToken CancellationTokenOf(Task t)
    {
        try { t.GetAwaiter().GetResult(); }
        catch (OperationCanceledException e) { return e.CancellationToken; }
        return CancellationToken.None;
    }
}
