namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    // The exception an except clause is handling (what sys.exc_info() returns in CPython), for
    // logging's exc_info=True and Logger.exception(). AsyncLocal, so it follows the handler's code
    // across awaits and is restored when the handler ends, on whatever thread that happens.
    static readonly AsyncLocal<PyBaseException?> s_handled = new();

    /// <summary>The exception being handled by the innermost running except clause, or null outside any.</summary>
    public static PyBaseException? HandledException => s_handled.Value;

    /// <summary>
    /// Generated at the start of an except clause (<c>using var h = Py.Handling(exc);</c>) in
    /// programs that read the handled exception: it is <see cref="HandledException"/> until the clause ends.
    /// </summary>
    public static HandlingScope Handling(PyBaseException exception)
    {
        var previous = s_handled.Value;
        s_handled.Value = exception;
        return new HandlingScope(previous);
    }

    /// <summary>Restores the exception handled before the clause (an enclosing clause's, or none).</summary>
    public readonly struct HandlingScope(PyBaseException? previous) : IDisposable
    {
        public void Dispose() => s_handled.Value = previous;
    }

    /// <summary>
    /// The last line of a traceback as CPython prints it: <c>ValueError: bad</c>, or the class name alone
    /// when the message is empty. The runtime knows no frames, so this is all of the traceback it prints.
    /// </summary>
    public static string ExceptionOnlyLine(PyBaseException exception)
    {
        string text = Str(exception);
        return TypeName(exception) + (text.Length > 0 ? ": " + text : "");
    }
}
