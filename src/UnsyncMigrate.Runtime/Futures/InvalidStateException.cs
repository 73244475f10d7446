namespace UnsyncMigrate.Runtime;

/// <summary>
/// Python's <c>asyncio.InvalidStateError</c>: thrown by <see cref="Unfuture.Result()"/> called on
/// the loop thread for a future that is not done yet. Blocking there would deadlock the loop, so it
/// fails at once, as unsync does; await the future instead.
/// </summary>
public sealed class InvalidStateException : InvalidOperationException
{
    /// <summary>unsync's exact message.</summary>
    public const string ResultOnLoopMessage = "Calling result() in an unsync method is not allowed";

    /// <summary>Creates the exception with unsync's message.</summary>
    public InvalidStateException() : base(ResultOnLoopMessage) { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidStateException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidStateException(string message, Exception inner) : base(message, inner) { }
}
