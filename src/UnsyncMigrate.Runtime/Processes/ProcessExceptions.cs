namespace UnsyncMigrate.Runtime;

/// <summary>
/// An exception raised inside a worker process whose type could not be recreated in the caller
/// (no public <c>(string, Exception)</c> or <c>(string)</c> constructor, or unknown type). It carries
/// the original type name, message and the worker's stack trace (also shown in <see cref="Exception.StackTrace"/>).
/// </summary>
public sealed class WorkerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkerException(string remoteTypeName, string remoteMessage, string remoteStackTrace, string remoteDetail)
        : base($"{remoteTypeName}: {remoteMessage}")
    {
        RemoteTypeName = remoteTypeName;
        RemoteMessage = remoteMessage;
        RemoteStackTrace = remoteStackTrace;
        RemoteDetail = remoteDetail;
    }

    /// <summary>Full name of the exception type thrown in the worker.</summary>
    public string RemoteTypeName { get; }

    /// <summary>Its message.</summary>
    public string RemoteMessage { get; }

    /// <summary>The worker's stack trace.</summary>
    public string RemoteStackTrace { get; }

    /// <summary>The worker's <see cref="Exception.ToString"/>, inner exceptions included.</summary>
    public string RemoteDetail { get; }
}

/// <summary>
/// The worker process running a call exited (killed, crashed, <c>Environment.Exit</c>) before
/// answering. The pool replaces the worker; other calls go on.
/// </summary>
public sealed class WorkerProcessExitedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkerProcessExitedException(int processId, int? exitCode, string key)
        : base($"The worker process exited (pid {processId}{(exitCode is { } c ? $", exit code {c}" : "")}) while running '{key}'.")
    {
        ProcessId = processId;
        ExitCode = exitCode;
        Key = key;
    }

    /// <summary>The worker's process id.</summary>
    public int ProcessId { get; }

    /// <summary>Its exit code, when known (137 = killed by SIGKILL).</summary>
    public int? ExitCode { get; }

    /// <summary>The function the call was running.</summary>
    public string Key { get; }
}

/// <summary>A worker process could not be started or did not answer the unsync handshake.</summary>
public sealed class WorkerStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkerStartException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>An argument or result of a <c>process</c>-mode call cannot cross the process boundary
/// (Python's pickling error). For arguments it is thrown at the call itself.</summary>
public sealed class ProcessSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProcessSerializationException(string message, Exception? inner = null) : base(message, inner) { }
}
