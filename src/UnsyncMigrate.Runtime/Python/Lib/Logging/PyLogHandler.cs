namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>logging.Handler(level=NOTSET)</c>: the level and filters a record must pass, a formatter,
/// and a lock held around <c>emit</c> (reentrant, as CPython's RLock), so records from the
/// program's threads and loop are written whole. A program class deriving from it overrides
/// <c>emit</c> (found by name, as every method <c>handle</c> calls).
/// </summary>
public class PyLogHandler : LoggingObject
{
    static readonly HashSet<string> s_methods =
    [
        "setLevel", "setFormatter", "addFilter", "removeFilter", "filter", "handle", "emit", "format", "flush", "close",
        "acquire", "release", "createLock", "handleError", "get_name", "set_name",
    ];

    public static readonly PyType Class = ClassOf("Handler", () => new PyLogHandler(), s_methods);

    /// <summary>Formats records of a handler without a formatter (<c>logging._defaultFormatter</c>: the message alone).</summary>
    internal static readonly PyLogFormatter DefaultFormatter = PyLogFormatter.Create();

    internal readonly Filters Filters = new();
    protected readonly object Lock = new();

    public long Level { get; set; }
    public object? Formatter { get; set; }
    public object? HandlerName { get; set; }

    public override string PyTypeName => "Handler";

    public override void Init(object?[] args, PyKwargs? kwargs) =>
        Level = LogLevels.Check(PyArgs.Bind("Handler", args, kwargs, ["level"], [0L], 1, false, false)[0]);

    /// <summary><c>handle(record)</c>: filters, then <c>emit</c> under the lock; what the filters returned.</summary>
    public object? Handle(PyLogRecord record)
    {
        var passed = Filters.Apply(record);
        if (passed == null) return false;
        lock (Lock) Py.CallMethod(this, "emit", [passed]);
        return passed;
    }

    /// <summary><c>emit(record)</c> of a class that does not define it.</summary>
    protected virtual void Emit(PyLogRecord record) => throw new NotImplementedError("emit must be implemented by Handler subclasses");

    /// <summary><c>format(record)</c>: with the handler's formatter, else the default one.</summary>
    protected string Format(PyLogRecord record) => Py.Str(Py.CallMethod(Formatter ?? DefaultFormatter, "format", [record]));

    protected virtual void Flush() { }

    protected virtual void Close() { }

    /// <summary>
    /// <c>handleError(record)</c>: an exception raised while emitting is reported on stderr and the
    /// program goes on, as CPython does with <c>raiseExceptions</c> set (its default). The traceback is its
    /// last line, and the call stack is left out (the runtime knows no Python frames).
    /// </summary>
    protected void HandleError(PyLogRecord record, Exception error)
    {
        var e = Py.WrapException(error);
        var err = PyTextStream.StderrStream.Writer;
        string args;
        try { args = Py.Str(record.Get("args")); }
        catch (Exception) { args = null!; }
        lock (err)
        {
            err.Write("--- Logging error ---\nTraceback (most recent call last):\n" + Py.ExceptionOnlyLine(e) + "\n");
            err.Write(args == null
                ? "Unable to print the message and arguments - possible formatting error.\nUse the traceback above to help find the error.\n"
                : "Message: " + Py.Repr(record.Get("msg")) + "\nArguments: " + args + "\n");
            err.Flush();
        }
    }

    /// <summary>Runs <paramref name="emit"/>, reporting an exception it raises as <c>handleError</c> does.</summary>
    protected void Guarded(PyLogRecord record, Action emit)
    {
        try { emit(); }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException) && Py.WrapException(e) is not RecursionError)
        {
            Py.CallMethod(this, "handleError", [record, e]);
        }
    }

    protected override bool TryCallOwn(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (Filters.TryCallMethod(name, args, kwargs, out result)) return true;
        switch (name)
        {
            case "setLevel": Level = LogLevels.Check(One("setLevel", "level", args, kwargs)); return true;
            case "setFormatter": Formatter = One("setFormatter", "fmt", args, kwargs); return true;
            case "handle": result = Handle(PyLogFormatter.Record(One("handle", "record", args, kwargs))); return true;
            case "emit": Emit(PyLogFormatter.Record(One("emit", "record", args, kwargs))); return true;
            case "format": result = Format(PyLogFormatter.Record(One("format", "record", args, kwargs))); return true;
            case "flush": Py.CheckArgs("flush", args, kwargs, 0); lock (Lock) Flush(); return true;
            case "close": Py.CheckArgs("close", args, kwargs, 0); Close(); return true;
            case "acquire": Py.CheckArgs("acquire", args, kwargs, 0); Monitor.Enter(Lock); return true;
            case "release": Py.CheckArgs("release", args, kwargs, 0); Monitor.Exit(Lock); return true;
            case "createLock": Py.CheckArgs("createLock", args, kwargs, 0); return true;
            case "get_name": Py.CheckArgs("get_name", args, kwargs, 0); result = HandlerName; return true;
            case "set_name": HandlerName = One("set_name", "name", args, kwargs); return true;
            case "handleError":
                var b = PyArgs.Bind("handleError", args, kwargs, ["record", "error"], [PyArgs.NoDefault, null], 2, false, false);
                HandleError(PyLogFormatter.Record(b[0]), b[1] as Exception ?? Py.HandledException ?? new PyException("unknown error"));
                return true;
        }
        return false;
    }

    protected static object? One(string method, string parameter, object?[] args, PyKwargs? kwargs) =>
        PyArgs.Bind(method, args, kwargs, [parameter], [PyArgs.NoDefault], 1, false, false)[0];

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "level": value = Level; return true;
            case "formatter": value = Formatter; return true;
            case "filters": value = Filters.List; return true;
            case "name": value = HandlerName; return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public override bool TrySetAttr(string name, object? value)
    {
        switch (name)
        {
            case "level": Level = LogLevels.Check(value); return true;
            case "formatter": Formatter = value; return true;
            case "filters": Filters.List = value as PyList ?? Py.List(value); return true;
            case "name": HandlerName = value; return true;
        }
        return base.TrySetAttr(name, value);
    }

    /// <summary>What the repr shows between the class name and the level (a stream handler's stream name).</summary>
    protected virtual string? ReprDetail => null;

    public override object? __repr__() =>
        $"<{PyTypeName}{(ReprDetail is { } d ? " " + d : "")} ({LogLevels.NameOf(Level)})>";
}
