using System.Text;

namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>logging.StreamHandler(stream=None)</c>: each record formatted, then <c>terminator</c>, written
/// to the stream (<c>sys.stderr</c> by default). <c>sys.stdout</c> and <c>sys.stderr</c> are the
/// runtime's own streams, so records keep their order with what <c>print()</c> writes; any other
/// object is written through its <c>write</c> and <c>flush</c> methods.
/// </summary>
public class PyStreamHandler : PyLogHandler
{
    static readonly HashSet<string> s_methods =
    [
        "setLevel", "setFormatter", "addFilter", "removeFilter", "filter", "handle", "emit", "format", "flush", "close",
        "acquire", "release", "createLock", "handleError", "get_name", "set_name", "setStream",
    ];

    public static new readonly PyType Class = ClassOf("StreamHandler", () => new PyStreamHandler(), s_methods);

    public object? Stream { get; set; }
    public string Terminator { get; set; } = "\n";

    public override string PyTypeName => "StreamHandler";

    public override void Init(object?[] args, PyKwargs? kwargs)
    {
        var b = PyArgs.Bind("StreamHandler", args, kwargs, ["stream"], [null], 1, false, false);
        Stream = b[0] ?? PyTextStream.StderrStream;
    }

    protected override void Emit(PyLogRecord record) => Guarded(record, () =>
    {
        string text = Format(record) + Terminator;
        Write(CurrentStream, text);
        Py.CallMethod(this, "flush", []);
    });

    /// <summary>The stream records go to now.</summary>
    protected virtual object? CurrentStream => Stream;

    static void Write(object? stream, string text)
    {
        if (stream is PyTextStream s)
        {
            var w = s.Writer;
            w.Write(text);
            if (s.AutoFlush) w.Flush();
        }
        else Py.CallMethod(stream, "write", [text]);
    }

    /// <summary>
    /// <c>flush()</c>. The runtime's stdout is one buffer shared with print() and flushed before
    /// anything goes to stderr and at exit, so the order CPython shows is kept without flushing it per record.
    /// </summary>
    protected override void Flush()
    {
        var stream = CurrentStream;
        if (stream is PyTextStream) return;
        if (stream != null && Py.HasAttr(stream, "flush")) Py.CallMethod(stream, "flush", []);
    }

    protected override bool TryCallOwn(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (name == "setStream")
        {
            var stream = One("setStream", "stream", args, kwargs);
            lock (Lock)
            {
                if (ReferenceEquals(stream, Stream)) result = null;
                else
                {
                    result = Stream;
                    Flush();
                    Stream = stream;
                }
            }
            return true;
        }
        return base.TryCallOwn(name, args, kwargs, out result);
    }

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "stream": value = CurrentStream; return true;
            case "terminator": value = Terminator; return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public override bool TrySetAttr(string name, object? value)
    {
        switch (name)
        {
            case "stream": Stream = value; return true;
            case "terminator": Terminator = Py.Str(value); return true;
        }
        return base.TrySetAttr(name, value);
    }

    protected override string? ReprDetail
    {
        get
        {
            var stream = CurrentStream;
            if (ReferenceEquals(stream, PyTextStream.StdoutStream)) return "<stdout>";
            if (ReferenceEquals(stream, PyTextStream.StderrStream)) return "<stderr>";
            return stream != null && Py.TryGetAttr(stream, "name", out var n) ? Py.Str(n) : "";
        }
    }
}

/// <summary>
/// <c>logging.FileHandler(filename, mode='a', encoding=None, delay=False, errors=None)</c>: records
/// appended to a UTF-8 file (what CPython's locale encoding is on the machines the runtime targets),
/// flushed after each record.
/// </summary>
public sealed class PyFileHandler : PyStreamHandler
{
    public static new readonly PyType Class = ClassOf("FileHandler", () => new PyFileHandler(), new HashSet<string>());

    string _path = "";
    FileMode _mode = FileMode.Append;
    StreamWriter? _writer;

    public override string PyTypeName => "FileHandler";

    public override void Init(object?[] args, PyKwargs? kwargs)
    {
        var b = PyArgs.Bind("FileHandler", args, kwargs, ["filename", "mode", "encoding", "delay", "errors"], [PyArgs.NoDefault, "a", null, false, null], 5, false, false);
        _path = Path.GetFullPath(Py.Str(b[0]));
        string mode = Py.Str(b[1]);
        _mode = mode.Contains('w') ? FileMode.Create : mode.Contains('x') ? FileMode.CreateNew : FileMode.Append;
        if (!Py.IsTrue(b[3])) Open();
    }

    void Open()
    {
        try
        {
            _writer = new StreamWriter(new FileStream(_path, _mode, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Py.WrapException(e) is OSError os ? os : new OSError(e.Message);
        }
        // A following open of the same file (a second run of basicConfig(filemode='w')) appends.
        _mode = FileMode.Append;
    }

    protected override void Emit(PyLogRecord record) => Guarded(record, () =>
    {
        string text = Format(record) + Terminator;
        if (_writer == null) Open();
        _writer!.Write(text);
        _writer.Flush();
    });

    protected override void Flush() => _writer?.Flush();

    protected override void Close()
    {
        lock (Lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    protected override object? CurrentStream => null;

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "baseFilename") { value = _path; return true; }
        return base.TryGetAttr(name, out value);
    }

    protected override string? ReprDetail => _path;
}

/// <summary><c>logging.NullHandler()</c>: does nothing (a library's way to stay silent by default).</summary>
public sealed class PyNullHandler : PyLogHandler
{
    public static new readonly PyType Class = ClassOf("NullHandler", () => new PyNullHandler(), new HashSet<string>());

    public override string PyTypeName => "NullHandler";

    protected override void Emit(PyLogRecord record) { }

    protected override bool TryCallOwn(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (name == "handle")
        {
            result = null;
            return true;
        }
        return base.TryCallOwn(name, args, kwargs, out result);
    }
}

/// <summary>
/// <c>logging.lastResort</c>: with no handler anywhere along a logger's hierarchy, records of
/// WARNING and above go to the current <c>sys.stderr</c> as their bare message.
/// </summary>
public sealed class PyStderrHandler : PyStreamHandler
{
    public PyStderrHandler() => Level = LogLevels.WARNING;

    public override string PyTypeName => "_StderrHandler";

    protected override object? CurrentStream => PyTextStream.StderrStream;
}
