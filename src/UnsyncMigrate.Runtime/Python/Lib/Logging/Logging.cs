namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// The <c>logging</c> module's state: the root logger, the hierarchy <c>getLogger</c> builds (a
/// name's missing ancestors held as placeholders until they are asked for, as CPython's Manager
/// does), <c>basicConfig</c>, <c>disable</c>, <c>lastResort</c>, and the module-level functions,
/// which configure the root logger first when it has no handler. One lock, as CPython's module lock.
/// </summary>
public static class Logging
{
    static readonly object s_lock = new();
    static readonly Dictionary<string, object> s_loggers = new(StringComparer.Ordinal);

    /// <summary>A name asked for only as an ancestor: the loggers below it, re-parented when it is created.</summary>
    sealed class Placeholder(PyLogger child)
    {
        public readonly List<PyLogger> Children = [child];
    }

    public static readonly PyLogger Root = new("root", LogLevels.WARNING, isRoot: true);

    public static readonly PyStderrHandler LastResort = new();

    static Logging() => Unsync.DefaultRuntimeCreated = LogEventLoopCreated;

    /// <summary>
    /// What asyncio logs when unsync creates its event loop (on its first Unfuture): a DEBUG record
    /// of the 'asyncio' logger naming the platform's default selector or proactor, seen by programs
    /// that log at DEBUG level.
    /// </summary>
    static void LogEventLoopCreated() =>
        Py.CallMethod(GetLogger("asyncio"), "debug", [OperatingSystem.IsWindows() ? "Using proactor: IocpProactor"
            : OperatingSystem.IsLinux() ? "Using selector: EpollSelector" : "Using selector: KqueueSelector"]);

    /// <summary><c>logging.disable(level)</c>: records at or below it are dropped by every logger.</summary>
    public static long DisabledAtOrBelow { get; private set; }

    /// <summary>The module as a fresh interpreter has it (the tests run many programs in one process).</summary>
    public static void Reset()
    {
        lock (s_lock)
        {
            foreach (var h in Root.Handlers.ToArray()) Close(h);
            foreach (var l in s_loggers.Values.OfType<PyLogger>())
                foreach (var h in l.Handlers.ToArray()) Close(h);
            s_loggers.Clear();
            Root.Handlers = new PyList();
            Root.Filters.List = new PyList();
            Root.Level = LogLevels.WARNING;
            Root.Propagate = true;
            Root.Disabled = false;
            LastResort.Level = LogLevels.WARNING;
            DisabledAtOrBelow = 0;
            LogLevels.Reset();
        }
    }

    static void Close(object? handler)
    {
        try { Py.CallMethod(handler, "close", []); }
        catch (Exception) { /* a handler failing to close does not stop the others */ }
    }

    /// <summary><c>getLogger(name=None)</c>: the root logger for None, '' or 'root'; one logger per name.</summary>
    public static PyLogger GetLogger(object? name)
    {
        if (name is null || name is string { Length: 0 } || name is "root") return Root;
        if (name is not string s) throw new TypeError("A logger name must be a string");
        lock (s_lock)
        {
            s_loggers.TryGetValue(s, out var existing);
            if (existing is PyLogger logger) return logger;
            var created = new PyLogger(s);
            s_loggers[s] = created;
            if (existing is Placeholder placeholder) FixupChildren(placeholder, created);
            FixupParents(created);
            return created;
        }
    }

    static void FixupParents(PyLogger logger)
    {
        string name = logger.Name;
        PyLogger? parent = null;
        for (int i = name.LastIndexOf('.'); i > 0 && parent == null; i = i - 1 > 0 ? name.LastIndexOf('.', i - 2) : -1)
        {
            string prefix = name[..i];
            if (!s_loggers.TryGetValue(prefix, out var o)) s_loggers[prefix] = new Placeholder(logger);
            else if (o is PyLogger l) parent = l;
            else ((Placeholder)o).Children.Add(logger);
        }
        logger.Parent = parent ?? Root;
    }

    static void FixupChildren(Placeholder placeholder, PyLogger logger)
    {
        string name = logger.Name;
        foreach (var child in placeholder.Children)
            if (!child.Parent!.Name.StartsWith(name, StringComparison.Ordinal))
            {
                logger.Parent = child.Parent;
                child.Parent = logger;
            }
    }

    /// <summary><c>disable(level=CRITICAL)</c>.</summary>
    public static void Disable(object? level) => DisabledAtOrBelow = LogLevels.Check(level);

    /// <summary>
    /// <c>basicConfig(**kwargs)</c>: handlers for the root logger (a StreamHandler on stderr, or on
    /// <c>stream</c>, or a FileHandler on <c>filename</c>, or <c>handlers</c>), all formatted with
    /// <c>format</c>/<c>datefmt</c>/<c>style</c>, and its level. Does nothing when the root logger
    /// already has handlers, unless <c>force=True</c>, which removes and closes them first.
    /// </summary>
    public static void BasicConfig(PyKwargs? kwargs)
    {
        var kw = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in kwargs ?? []) kw[k] = v;
        lock (s_lock)
        {
            if (Pop(kw, "force") is { } force && Py.IsTrue(force))
                foreach (var h in Root.Handlers.ToArray())
                {
                    Root.RemoveHandler(h);
                    Close(h);
                }
            if (Root.Handlers.Count != 0) return;
            var handlers = Pop(kw, "handlers");
            if (handlers == null)
            {
                if (kw.ContainsKey("stream") && kw.ContainsKey("filename"))
                    throw new ValueError("'stream' and 'filename' should not be specified together");
            }
            else if (kw.ContainsKey("stream") || kw.ContainsKey("filename"))
                throw new ValueError("'stream' or 'filename' should not be specified together with 'handlers'");
            Pop(kw, "encoding");
            Pop(kw, "errors");
            if (handlers == null)
            {
                var filename = Pop(kw, "filename");
                var mode = Pop(kw, "filemode") ?? "a";
                LoggingObject h = Py.IsTrue(filename) ? new PyFileHandler() : new PyStreamHandler();
                h.Init(Py.IsTrue(filename) ? [filename, mode] : [Pop(kw, "stream")], null);
                handlers = new PyList { h };
            }
            var datefmt = Pop(kw, "datefmt");
            var style = Pop(kw, "style") ?? "%";
            if (style is not ("%" or "{" or "$")) throw new ValueError("Style must be one of: %,{,$");
            var fmt = Pop(kw, "format") ?? PyLogFormatter.DefaultFormat(((string)style)[0]);
            var formatter = PyLogFormatter.Class.Call([fmt, datefmt, style], null);
            foreach (var h in Py.Iter(handlers))
            {
                if (Py.GetAttr(h, "formatter") is null) Py.CallMethod(h, "setFormatter", [formatter]);
                Root.AddHandler(h);
            }
            if (Pop(kw, "level") is { } level) Root.Level = LogLevels.Check(level);
            if (kw.Count > 0)
                throw new ValueError("Unrecognised argument(s): " + string.Join(", ", (kwargs ?? []).Select(p => p.Key).Where(kw.ContainsKey)));
        }
    }

    static object? Pop(Dictionary<string, object?> kw, string key) => kw.Remove(key, out var v) ? v : null;

    /// <summary>
    /// A module-level logging function (<c>logging.info(msg, *args, **kwargs)</c>...): basicConfig()
    /// first when the root logger has no handler, then the root logger's method.
    /// </summary>
    public static object? ModuleCall(string method, object?[] args, PyKwargs? kwargs)
    {
        if (Root.Handlers.Count == 0) BasicConfig(null);
        if (method == "exception")
        {
            var withExc = new PyKwargs { { "exc_info", kwargs?.Get("exc_info", true) ?? true } };
            foreach (var (k, v) in kwargs ?? [])
                if (k != "exc_info") withExc.Add(k, v);
            return Py.CallMethod(Root, "error", args, withExc);
        }
        return Py.CallMethod(Root, method, args, kwargs);
    }

    /// <summary><c>shutdown()</c>: flushes and closes the handlers of every logger.</summary>
    public static void Shutdown()
    {
        object?[] handlers;
        lock (s_lock)
            handlers = [.. Root.Handlers, .. s_loggers.Values.OfType<PyLogger>().SelectMany(l => l.Handlers)];
        foreach (var h in handlers)
        {
            try { Py.CallMethod(h, "flush", []); }
            catch (Exception) { /* as CPython's shutdown, ignored */ }
            Close(h);
        }
    }
}
