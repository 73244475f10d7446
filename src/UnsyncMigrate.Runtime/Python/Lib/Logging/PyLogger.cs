namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>logging.Logger</c> (and the root logger, <c>RootLogger</c>): a named place in the dotted
/// hierarchy with a level (NOTSET: the nearest ancestor's), handlers, filters, and <c>propagate</c>,
/// which sends its records on to the ancestors' handlers. The message is formatted only when a
/// handler emits it. Created by <c>getLogger</c> (<see cref="Logging"/>), never directly.
/// </summary>
public sealed class PyLogger : PyObjectBase
{
    public static readonly PyType Class = Register(new PyType("Logger", "logging", typeof(PyLogger), null));

    static PyType Register(PyType t)
    {
        PyType.RegisterRuntimeClass(t);
        return t;
    }

    internal readonly Filters Filters = new();

    public PyLogger(string name, long level = 0, bool isRoot = false)
    {
        Name = name;
        Level = level;
        IsRoot = isRoot;
    }

    public string Name { get; set; }
    public long Level { get; set; }
    public PyLogger? Parent { get; set; }
    public bool Propagate { get; set; } = true;
    public bool Disabled { get; set; }
    public PyList Handlers { get; set; } = new();
    public bool IsRoot { get; }

    public override string PyTypeName => IsRoot ? "RootLogger" : "Logger";
    public override string PyModuleName => "logging";

    public long EffectiveLevel
    {
        get
        {
            for (var l = this; l != null; l = l.Parent)
                if (l.Level != 0) return l.Level;
            return 0;
        }
    }

    public bool IsEnabledFor(long level) => !Disabled && level > Logging.DisabledAtOrBelow && level >= EffectiveLevel;

    /// <summary><c>_log</c>: a record made and handled when the level is enabled.</summary>
    public void Log(long level, object?[] args, PyKwargs? kwargs, string method, bool excInfoDefault = false)
    {
        if (args.Length == 0) throw new TypeError($"Logger.{method}() missing 1 required positional argument: 'msg'");
        if (!IsEnabledFor(level)) { CheckKeywords(method, kwargs); return; }
        object? excInfo = excInfoDefault, extra = null;
        foreach (var (key, value) in kwargs ?? [])
        {
            switch (key)
            {
                case "exc_info": excInfo = value; break;
                case "extra": extra = value; break;
                case "stack_info" or "stacklevel": break;
                default: throw new TypeError($"Logger._log() got an unexpected keyword argument '{key}'");
            }
        }
        var record = new PyLogRecord(Name, level, args[0], new PyTuple(args[1..]), ExcInfo(excInfo));
        if (extra != null && extra is not PyDict { Count: 0 })
        {
            foreach (var key in Py.Iter(extra))
            {
                string k = Py.Str(key);
                if (k is "message" or "asctime" || record.Dict.ContainsKey(k))
                    throw new KeyError($"Attempt to overwrite {Py.Repr(k)} in LogRecord");
                record.Dict[k] = Py.GetItem(extra, key);
            }
        }
        Handle(record);
    }

    static void CheckKeywords(string method, PyKwargs? kwargs)
    {
        foreach (var key in kwargs?.Names ?? [])
            if (key is not ("exc_info" or "extra" or "stack_info" or "stacklevel"))
                throw new TypeError($"Logger.{method}() got an unexpected keyword argument '{key}'");
    }

    /// <summary>
    /// <c>exc_info</c> as the record keeps it: an exception as <c>(type, value, tb)</c>, a tuple as
    /// is, any other true value the exception being handled (<c>sys.exc_info()</c>), false as None.
    /// </summary>
    static object? ExcInfo(object? excInfo)
    {
        if (!Py.IsTrue(excInfo)) return null;
        if (excInfo is PyBaseException e) return PyTuple.Of(Py.Type(e), e, null);
        if (excInfo is PyTuple) return excInfo;
        return Py.HandledException is { } handled ? PyTuple.Of(Py.Type(handled), handled, null) : PyTuple.Of(null, null, null);
    }

    /// <summary><c>handle(record)</c>: the logger's filters, then every handler up the hierarchy.</summary>
    public void Handle(PyLogRecord record)
    {
        if (Disabled) return;
        var passed = Filters.Apply(record);
        if (passed != null) CallHandlers(passed);
    }

    void CallHandlers(PyLogRecord record)
    {
        int found = 0;
        long level = record.LevelNo;
        for (var c = this; c != null; c = c.Propagate ? c.Parent : null)
        {
            object?[] handlers;
            lock (c.Handlers) handlers = c.Handlers.ToArray();
            foreach (var h in handlers)
            {
                found++;
                if (level >= Py.ToLong(Py.GetAttr(h, "level"))) Py.CallMethod(h, "handle", [record]);
            }
        }
        if (found == 0 && Logging.LastResort is { } last && level >= last.Level) last.Handle(record);
    }

    public void AddHandler(object? handler)
    {
        lock (Handlers) if (!Handlers.Contains(handler)) Handlers.Add(handler);
    }

    public void RemoveHandler(object? handler)
    {
        lock (Handlers) Handlers.Remove(handler);
    }

    public bool HasHandlers()
    {
        for (var c = this; c != null; c = c.Propagate ? c.Parent : null)
            lock (c.Handlers)
                if (c.Handlers.Count > 0) return true;
        return false;
    }

    static readonly Dictionary<string, long> s_levelMethods = new()
    {
        ["debug"] = LogLevels.DEBUG, ["info"] = LogLevels.INFO, ["warning"] = LogLevels.WARNING, ["warn"] = LogLevels.WARNING,
        ["error"] = LogLevels.ERROR, ["exception"] = LogLevels.ERROR, ["critical"] = LogLevels.CRITICAL, ["fatal"] = LogLevels.CRITICAL,
    };

    public override bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        if (s_levelMethods.TryGetValue(name, out var level))
        {
            Log(level, args, kwargs, name, excInfoDefault: name == "exception");
            return true;
        }
        if (Filters.TryCallMethod(name, args, kwargs, out result)) return true;
        switch (name)
        {
            case "log":
                if (args.Length == 0) throw new TypeError("Logger.log() missing 2 required positional arguments: 'level' and 'msg'");
                if (args[0] is not (long or int or bool)) throw new TypeError("level must be an integer");
                Log(Py.ToLong(args[0]), args[1..], kwargs, "log");
                return true;
            case "isEnabledFor": result = IsEnabledFor(Py.ToLong(One("isEnabledFor", "level", args, kwargs))); return true;
            case "setLevel":
                Level = LogLevels.Check(One("setLevel", "level", args, kwargs));
                return true;
            case "getEffectiveLevel": Py.CheckArgs("getEffectiveLevel", args, kwargs, 0); result = EffectiveLevel; return true;
            case "addHandler": AddHandler(One("addHandler", "hdlr", args, kwargs)); return true;
            case "removeHandler": RemoveHandler(One("removeHandler", "hdlr", args, kwargs)); return true;
            case "hasHandlers": Py.CheckArgs("hasHandlers", args, kwargs, 0); result = HasHandlers(); return true;
            case "handle": Handle(PyLogFormatter.Record(One("handle", "record", args, kwargs))); return true;
            case "getChild":
                string suffix = Py.Str(One("getChild", "suffix", args, kwargs));
                result = Logging.GetLogger(IsRoot ? suffix : Name + "." + suffix);
                return true;
            case "makeRecord":
                var b = PyArgs.Bind("makeRecord", args, kwargs, ["name", "level", "fn", "lno", "msg", "args", "exc_info", "func", "extra", "sinfo"],
                    [PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault, null, null, null], 10, false, false);
                result = new PyLogRecord(Py.Str(b[0]), Py.ToLong(b[1]), b[4], b[5], b[6], b[2], b[3], b[7]);
                return true;
        }
        return base.TryCallMethod(name, args, kwargs, out result);
    }

    static object? One(string method, string parameter, object?[] args, PyKwargs? kwargs) =>
        PyArgs.Bind(method, args, kwargs, [parameter], [PyArgs.NoDefault], 1, false, false)[0];

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "name": value = Name; return true;
            case "level": value = Level; return true;
            case "parent": value = Parent; return true;
            case "propagate": value = Propagate; return true;
            case "disabled": value = Disabled; return true;
            case "handlers": value = Handlers; return true;
            case "filters": value = Filters.List; return true;
            case "root": value = Logging.Root; return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public override bool TrySetAttr(string name, object? value)
    {
        switch (name)
        {
            case "name": Name = Py.Str(value); return true;
            case "level": Level = LogLevels.Check(value); return true;
            case "parent": Parent = value as PyLogger; return true;
            case "propagate": Propagate = Py.IsTrue(value); return true;
            case "disabled": Disabled = Py.IsTrue(value); return true;
            case "handlers": Handlers = value as PyList ?? Py.List(value); return true;
            case "filters": Filters.List = value as PyList ?? Py.List(value); return true;
        }
        return base.TrySetAttr(name, value);
    }

    public override object? __repr__() => $"<{PyTypeName} {Name} ({LogLevels.NameOf(EffectiveLevel)})>";
}
