namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>logging.LogRecord</c>: one logging event, its attributes in one namespace (its <c>__dict__</c>),
/// which <c>extra=</c> adds to and a Formatter reads as the mapping of its format.
/// What the runtime cannot know is what CPython reports when it cannot find the caller:
/// <c>pathname</c>/<c>filename</c>/<c>module</c> <c>'(unknown file)'</c>, <c>lineno</c> 0,
/// <c>funcName</c> <c>'(unknown function)'</c>.
/// </summary>
public sealed class PyLogRecord : PyObjectBase
{
    static readonly long s_startNs = TimeLib.TimeNs();

    /// <summary>The record's attributes in the order CPython's <c>__init__</c> sets them.</summary>
    public PyDict Dict { get; } = new();

    public static readonly PyType Class = new("LogRecord", "logging", typeof(PyLogRecord), (a, k) =>
    {
        var b = PyArgs.Bind("LogRecord", a, k, ["name", "level", "pathname", "lineno", "msg", "args", "exc_info", "func", "sinfo"],
            [PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, null, null], 9, false, false);
        return new PyLogRecord(Py.Str(b[0]), Py.ToLong(b[1]), b[4], b[5], b[6], b[2], b[3], b[7]);
    });

    public PyLogRecord(string name, long level, object? msg, object? args, object? excInfo,
        object? pathname = null, object? lineno = null, object? func = null)
    {
        long ns = TimeLib.TimeNs();
        // A single non-empty mapping argument is the mapping of '%(key)s' in the message.
        if (args is PyTuple { Count: 1 } t && t[0] is PyDict { Count: > 0 } mapping) args = mapping;
        string path = pathname as string ?? "(unknown file)";
        string file = Path.GetFileName(path);
        var d = Dict;
        d["name"] = name;
        d["msg"] = msg;
        d["args"] = args;
        d["levelname"] = LogLevels.NameOf(level);
        d["levelno"] = level;
        d["pathname"] = path;
        d["filename"] = file;
        d["module"] = path == "(unknown file)" ? path : Path.GetFileNameWithoutExtension(file);
        d["exc_info"] = excInfo;
        d["exc_text"] = null;
        d["stack_info"] = null;
        d["lineno"] = lineno ?? 0L;
        d["funcName"] = func ?? "(unknown function)";
        d["created"] = ns / 1e9;
        d["msecs"] = (double)(ns % 1_000_000_000 / 1_000_000);
        d["relativeCreated"] = (ns - s_startNs) / 1e6;
        d["thread"] = (long)Environment.CurrentManagedThreadId;
        d["threadName"] = PyThread.Current().TryGetAttr("name", out var threadName) ? threadName : null;
        d["processName"] = "MainProcess";
        d["process"] = (long)Environment.ProcessId;
        d["taskName"] = null;
    }

    public string Name => Py.Str(Get("name"));
    public long LevelNo => Py.ToLong(Get("levelno"));

    public object? Get(string attribute) => Dict.Get(attribute);

    /// <summary><c>getMessage()</c>: <c>str(msg) % args</c> when there are args.</summary>
    public string GetMessage()
    {
        string msg = Py.Str(Get("msg"));
        var args = Get("args");
        return Py.IsTrue(args) ? Py.PercentFormat(msg, args) : msg;
    }

    public override string PyTypeName => "LogRecord";
    public override string PyModuleName => "logging";

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "__dict__") { value = Dict; return true; }
        return Dict.TryGetValue(name, out value) || base.TryGetAttr(name, out value);
    }

    public override bool TrySetAttr(string name, object? value)
    {
        Dict[name] = value;
        return true;
    }

    public override bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (name == "getMessage")
        {
            Py.CheckArgs("getMessage", args, kwargs, 0);
            result = GetMessage();
            return true;
        }
        return base.TryCallMethod(name, args, kwargs, out result);
    }

    public override object? __repr__() =>
        $"<LogRecord: {Name}, {LevelNo}, {Py.Str(Get("pathname"))}, {Py.Str(Get("lineno"))}, \"{Py.Str(Get("msg"))}\">";
}
