namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// <c>sys.stdout</c> / <c>sys.stderr</c>: text streams with <c>write</c> and <c>flush</c>, which
/// <c>print(..., file=...)</c> recognises and writes to directly. Stdout is looked up on each use
/// because tests redirect it.
/// </summary>
public sealed class PyTextStream : IPyMethods, IPyRepr
{
    static readonly HashSet<string> s_methods = ["write", "flush"];

    public static readonly PyTextStream StdoutStream = new("<stdout>", () => Py.Stdout, flushStdoutFirst: false);
    public static readonly PyTextStream StderrStream = new("<stderr>", () => Console.Error, flushStdoutFirst: true);

    readonly string _name;
    readonly Func<TextWriter> _writer;
    readonly bool _flushStdoutFirst;

    PyTextStream(string name, Func<TextWriter> writer, bool flushStdoutFirst)
    {
        _name = name;
        _writer = writer;
        _flushStdoutFirst = flushStdoutFirst;
    }

    /// <summary>The writer behind the stream, made ready for writing: writing to stderr first
    /// flushes the buffered stdout so the two keep their order on a terminal.</summary>
    public TextWriter Writer
    {
        get
        {
            if (_flushStdoutFirst) Py.FlushStdout();
            return _writer();
        }
    }

    /// <summary>Whether every write is flushed at once (stderr, as Python's is line-buffered at worst).</summary>
    public bool AutoFlush => _flushStdoutFirst;

    public HashSet<string> PyMethodNames => s_methods;

    public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        switch (name)
        {
            case "write":
                if (args.Length != 1) throw new TypeError($"write() takes exactly one argument ({args.Length} given)");
                if (args[0] is not string s) throw new TypeError($"write() argument must be str, not {Py.TypeName(args[0])}");
                var w = Writer;
                w.Write(s);
                if (AutoFlush) w.Flush();
                result = (long)PyStr.Length(s);
                return true;
            case "flush":
                Writer.Flush();
                result = null;
                return true;
        }
        result = null;
        return false;
    }

    public string PyRepr() => $"<_io.TextIOWrapper name='{_name}' mode='w' encoding='utf-8'>";
}
