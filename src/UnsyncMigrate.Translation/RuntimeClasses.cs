namespace UnsyncMigrate.Translation;

/// <summary>
/// The runtime's classes a program class may derive from (part of the runtime API the generated
/// code names, see <see cref="Rt"/>): the exception classes, <c>threading.Thread</c>, logging's
/// Handler, StreamHandler, Formatter and Filter. The C#
/// class derives from the runtime's.
/// </summary>
internal static class RuntimeClasses
{
    static readonly HashSet<string> Builtins =
    [
        "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "FloatingPointError", "OverflowError",
        "ZeroDivisionError", "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError",
        "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError",
        "OSError", "BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
        "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError", "InterruptedError",
        "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError",
        "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError", "StopIteration", "StopAsyncIteration",
        "SyntaxError", "SystemError", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError",
        "UnicodeEncodeError", "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning",
    ];

    /// <summary>Library exception classes by their real dotted path.</summary>
    static readonly Dictionary<string, string> Library = new(StringComparer.Ordinal)
    {
        ["asyncio.TimeoutError"] = "TimeoutError",
        ["concurrent.futures.TimeoutError"] = "TimeoutError",
        ["asyncio.InvalidStateError"] = "InvalidStateError",
        ["asyncio.CancelledError"] = "CancelledError",
        ["concurrent.futures.CancelledError"] = "FuturesCancelledError",
        ["concurrent.futures.InvalidStateError"] = "FuturesInvalidStateError",
        ["concurrent.futures.BrokenExecutor"] = "BrokenExecutor",
        ["concurrent.futures.process.BrokenProcessPool"] = "BrokenProcessPool",
        ["concurrent.futures.Error"] = "FuturesError",
        ["concurrent.futures._base.Error"] = "FuturesError",
        ["json.JSONDecodeError"] = "UnsyncMigrate.Runtime.Python.Lib.JSONDecodeError",
        ["json.decoder.JSONDecodeError"] = "UnsyncMigrate.Runtime.Python.Lib.JSONDecodeError",
        ["dataclasses.FrozenInstanceError"] = "UnsyncMigrate.Runtime.Python.Lib.FrozenInstanceError",
    };

    /// <summary>Library classes a program class may derive from (their <c>__init__</c> is the runtime's IPyInit).</summary>
    static readonly Dictionary<string, string> LibraryClasses = new(StringComparer.Ordinal)
    {
        ["threading.Thread"] = "UnsyncMigrate.Runtime.Python.Lib.PyThread",
        ["logging.Handler"] = "UnsyncMigrate.Runtime.Python.Lib.Logging.PyLogHandler",
        ["logging.StreamHandler"] = "UnsyncMigrate.Runtime.Python.Lib.Logging.PyStreamHandler",
        ["logging.Formatter"] = "UnsyncMigrate.Runtime.Python.Lib.Logging.PyLogFormatter",
        ["logging.Filter"] = "UnsyncMigrate.Runtime.Python.Lib.Logging.PyLogFilter",
    };

    /// <summary>The C# class of the library class at <paramref name="path"/> (<c>threading.Thread</c>), or null.</summary>
    public static string? LibraryClass(string path) => LibraryClasses.GetValueOrDefault(path);

    /// <summary>The C# class of the builtin exception <paramref name="name"/>, or null.</summary>
    public static string? BuiltinException(string name) => name switch
    {
        "Exception" => "PyException",
        "BaseException" => "PyBaseException",
        _ => Builtins.Contains(name) ? name : null,
    };

    /// <summary>The C# class of the library exception at <paramref name="path"/> (<c>json.JSONDecodeError</c>), or null.</summary>
    public static string? LibraryException(string path) => Library.GetValueOrDefault(path);
}
