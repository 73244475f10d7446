using System.Runtime.ExceptionServices;

namespace UnsyncMigrate.Runtime.Python;

// Entry points used only by translated code: library lookup, awaiting, exceptions, the
// program's main. Kept apart from the Python-semantics core they build on.
public static partial class Py
{
    /// <summary>
    /// A builtin or library member by qualified name (<c>"math.pi"</c>, <c>"builtins.list"</c>), or an
    /// attribute path below one (<c>"logging.root.name"</c>: the member <c>logging.root</c>, then its
    /// attributes), as <see cref="PyLibrary.Provides"/> counts them.
    /// </summary>
    public static object? Lib(string qualifiedName)
    {
        if (PyLibrary.TryGet(qualifiedName, out var v)) return v;
        for (int dot = qualifiedName.LastIndexOf('.'); dot > 0; dot = qualifiedName.LastIndexOf('.', dot - 1))
        {
            if (!PyLibrary.TryGet(qualifiedName[..dot], out var member)) continue;
            foreach (var attribute in qualifiedName[(dot + 1)..].Split('.')) member = GetAttr(member, attribute);
            return member;
        }
        throw new NotSupportedException($"the Python library member '{qualifiedName}' has no C# equivalent in UnsyncMigrate.Runtime yet");
    }

    /// <summary>A builtin as a value (<c>str</c> in <c>map(str, xs)</c>).</summary>
    public static object? Builtin(string name) => Lib("builtins." + name);

    /// <summary>Calls a builtin or library function by qualified name.</summary>
    public static object? CallLib(string qualifiedName, object?[] args, PyKwargs? kwargs) => Call(Lib(qualifiedName), args, kwargs);

    /// <summary>An expression statement's value, ignored (kept so evaluation happens).</summary>
    public static void Discard(object? value) { }

    /// <summary><c>f(*a, b, *c)</c>: concatenates argument runs.</summary>
    public static object?[] Concat(params object?[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The items of an iterable, for <c>*</c> unpacking.</summary>
    public static object?[] ToArray(object? iterable) => Iter(iterable).ToArray();

    /// <summary><c>assert test, msg</c> failing.</summary>
    public static Exception AssertionFailed(object? message) => message == null ? new AssertionError() : new AssertionError(message);

    /// <summary>Keyword arguments of a call: name, value, name, value...</summary>
    public static PyKwargs Kw(params object?[] namesAndValues)
    {
        var k = new PyKwargs();
        for (int i = 0; i + 1 < namesAndValues.Length; i += 2) k.Add((string)namesAndValues[i]!, namesAndValues[i + 1]);
        return k;
    }

    /// <summary><c>f(**mapping)</c>: adds a mapping's items to the keywords.</summary>
    public static PyKwargs KwMerge(PyKwargs kwargs, object? mapping)
    {
        foreach (var (key, value) in PyKwargs.FromMapping(mapping)) kwargs.Add(key, value);
        return kwargs;
    }

    /// <summary>A dict display's literal pairs after a <c>**</c> part.</summary>
    public static PyDict DictWith(PyDict dict, params object?[] keysAndValues)
    {
        for (int i = 0; i + 1 < keysAndValues.Length; i += 2) dict[keysAndValues[i]] = keysAndValues[i + 1];
        return dict;
    }

    /// <summary><c>{**mapping}</c> in a dict display.</summary>
    public static PyDict DictMerge(PyDict dict, object? mapping)
    {
        foreach (var key in Iter(mapping)) dict[key] = GetItem(mapping, key);
        return dict;
    }

    /// <summary>
    /// <c>obj[key] op= value</c> as one step under the container's lock: under CPython's GIL
    /// such updates from several threads practically never interleave; with real parallel
    /// threads they would lose updates.
    /// </summary>
    public static void AugItem(object? obj, object? key, Func<object?, object?> apply)
    {
        lock (obj ?? typeof(Py))
            SetItem(obj, key, apply(GetItem(obj, key)));
    }

    /// <summary>A bytes literal.</summary>
    public static PyBytes BytesFromHex(string hex) => PyBytes.From(new PyList(Convert.FromHexString(hex).Select(b => (object?)(long)b)), null);

    // ---- exceptions --------------------------------------------------------------------

    /// <summary>The Python exception object an <c>except ... as e</c> clause binds (<see cref="WrapException"/>).</summary>
    public static PyBaseException ExceptionValue(Exception ex) => WrapException(ex);

    /// <summary>Whether an exception matches an <c>except</c> clause's class (or tuple of classes).</summary>
    public static bool ExceptionMatches(object? exception, object? classes) => ExceptionMatchesType(exception, classes);

    /// <summary><c>isinstance(obj, cls_or_tuple)</c> for Python type objects.</summary>
    public static bool ExceptionMatchesType(object? obj, object? classes)
    {
        switch (classes)
        {
            case PyTuple t:
                foreach (var c in t) if (ExceptionMatchesType(obj, c)) return true;
                return false;
            case PyType { ClrType: { } clr } t:
                // A base of a class of several bases is no CLR base of it: its __mro__ says.
                return clr == typeof(object) || Isinstance(obj, clr) || Type(obj).IsSubclassOf(t);
            case PyType t:
                return Type(obj).IsSubclassOf(t);
            case Type clrType:
                return Isinstance(obj, clrType);
            default:
                throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
    }

    /// <summary><c>raise X</c>: an instance as is, a class instantiated without arguments.</summary>
    public static Exception ToException(object? value) => value switch
    {
        Exception e => e,
        PyType t when t.Call([], null) is Exception created => created,
        _ => new TypeError("exceptions must derive from BaseException"),
    };

    /// <summary>A bare <c>raise</c> where no exception is being handled.</summary>
    public static Exception NoActiveException() => new RuntimeError("No active exception to reraise");

    /// <summary><c>raise X from Y</c>: X with <c>__cause__</c> set (Y an exception, a class to instantiate, or None).</summary>
    public static Exception RaiseFrom(object? value, object? cause)
    {
        var exception = ToException(value);
        var causeException = cause is null ? null : ToException(cause);
        if (exception is PyBaseException e) e.TrySetAttr("__cause__", causeException is null ? null : WrapException(causeException));
        return exception;
    }

    /// <summary><c>super().__init__(args)</c> in an exception subclass: sets its args.</summary>
    public static object? InitException(PyBaseException self, object?[] args)
    {
        if (self is IPyInit custom) custom.Init(args, null);
        else self.Args = new PyTuple(args);
        return null;
    }

    // ---- awaiting ------------------------------------------------------------------------

    /// <summary>
    /// <c>await x</c> for whatever a Python coroutine may await: an Unfuture, a Task, a loop
    /// sleep. Continuations stay on the caller's context (the unsync loop).
    /// </summary>
    public static async Task<object?> Await(object? awaitable)
    {
        switch (awaitable)
        {
            case Task<object?> to: return await to;
            case Unfuture u:
                await u;
                return UnfutureValue(u);
            case Task t:
                await t;
                return TaskValue(t);
            case LoopSleep s:
                await s;
                return null;
            default:
                throw new TypeError($"object {TypeName(awaitable)} can't be used in 'await' expression");
        }
    }

    /// <summary>Awaits <paramref name="value"/> if it is awaitable, else returns it (then-continuations).</summary>
    public static Task<object?> AwaitMaybe(object? value) =>
        value is Task or Unfuture or LoopSleep ? Await(value) : Task.FromResult(value);

    static object? UnfutureValue(Unfuture u) => TaskValue(u.AsTask());

    static object? TaskValue(Task t)
    {
        var type = t.GetType();
        if (!type.IsGenericType) return null;
        var result = type.GetProperty("Result")!.GetValue(t);
        return result?.GetType().FullName == "System.Threading.Tasks.VoidTaskResult" ? null : result;
    }

    // ---- the program -------------------------------------------------------------------------

    /// <summary>
    /// Runs a translated program's entry module. An uncaught exception is reported like
    /// Python's (<c>Traceback ...</c> on stderr, exit code 1) after the output is flushed.
    /// </summary>
    public static int RunMain(Action? main)
    {
        try
        {
            main?.Invoke();
            FlushStdout();
            Unsync.Shutdown(TimeSpan.FromSeconds(5));
            return 0;
        }
        catch (Exception ex)
        {
            FlushStdout();
            Console.Error.WriteLine("Traceback (most recent call last):");
            Console.Error.WriteLine(ExceptionOnlyLine(ExceptionValue(ex)));
            // UNSYNC_MIGRATE_DEBUG=1 shows where in the generated C# it happened.
            Console.Error.WriteLine(Environment.GetEnvironmentVariable("UNSYNC_MIGRATE_DEBUG") == "1"
                ? ex.ToString() : $"  (.NET: {ex.GetType().FullName}: {ex.Message})");
            Console.Error.Flush();
            return 1;
        }
    }

    /// <summary>Rethrows an exception caught earlier, keeping its stack.</summary>
    public static Exception Rethrow(Exception ex)
    {
        ExceptionDispatchInfo.Capture(ex).Throw();
        return ex;
    }
}
