using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// The runtime's exception classes as Python type objects (for <c>except</c>, <c>isinstance</c>,
/// <c>type(e)</c>, raising by class): exactly one <see cref="PyType"/> per class, so
/// <c>type(e) is ValueError</c> holds and <c>__mro__</c> lists every base.
/// </summary>
public static class PyExceptionTypes
{
    /// <summary>The built-in exception classes, by their name in <c>builtins</c>.</summary>
    public static readonly IReadOnlyList<(string Name, PyType Type)> All =
    [
        Builtin(a => new PyBaseException(a)),
        Builtin(a => new PyException(a)),
        Builtin(a => new GeneratorExit(a)),
        Builtin(a => new KeyboardInterrupt(a)),
        Builtin(a => new SystemExit(a)),
        Builtin(a => new ArithmeticError(a)),
        Builtin(a => new FloatingPointError(a)),
        Builtin(a => new OverflowError(a)),
        Builtin(a => new ZeroDivisionError(a)),
        Builtin(a => new AssertionError(a)),
        Builtin(a => new AttributeError(a)),
        Builtin(a => new BufferError(a)),
        Builtin(a => new EOFError(a)),
        Builtin(a => new ImportError(a)),
        Builtin(a => new ModuleNotFoundError(a)),
        Builtin(a => new LookupError(a)),
        Builtin(a => new IndexError(a)),
        Builtin(a => new KeyError(a)),
        Builtin(a => new MemoryError(a)),
        Builtin(a => new NameError(a)),
        Builtin(a => new UnboundLocalError(a)),
        Builtin(a => new OSError(a)),
        Builtin(a => new BlockingIOError(a)),
        Builtin(a => new ChildProcessError(a)),
        Builtin(a => new ConnectionError(a)),
        Builtin(a => new BrokenPipeError(a)),
        Builtin(a => new ConnectionAbortedError(a)),
        Builtin(a => new ConnectionRefusedError(a)),
        Builtin(a => new ConnectionResetError(a)),
        Builtin(a => new FileExistsError(a)),
        Builtin(a => new FileNotFoundError(a)),
        Builtin(a => new InterruptedError(a)),
        Builtin(a => new IsADirectoryError(a)),
        Builtin(a => new NotADirectoryError(a)),
        Builtin(a => new PermissionError(a)),
        Builtin(a => new ProcessLookupError(a)),
        Builtin(a => new TimeoutError(a)),
        Builtin(a => new ReferenceError(a)),
        Builtin(a => new RuntimeError(a)),
        Builtin(a => new NotImplementedError(a)),
        Builtin(a => new RecursionError(a)),
        Builtin(a => new StopIteration(a)),
        Builtin(a => new StopAsyncIteration(a)),
        Builtin(a => new SyntaxError(a)),
        Builtin(a => new SystemError(a)),
        Builtin(a => new TypeError(a)),
        Builtin(a => new ValueError(a)),
        Builtin(a => new UnicodeError(a)),
        Builtin(a => new UnicodeDecodeError(a)),
        Builtin(a => new UnicodeEncodeError(a)),
        Builtin(a => new Warning(a)),
        Builtin(a => new UserWarning(a)),
        Builtin(a => new DeprecationWarning(a)),
        Builtin(a => new RuntimeWarning(a)),
    ];

    /// <summary>Standard library exception classes, by the name a program imports them as.</summary>
    public static readonly IReadOnlyList<(string Name, PyType Type)> Library =
    [
        Module("asyncio.InvalidStateError", a => new InvalidStateError(a)),
        Module("asyncio.CancelledError", a => new CancelledError(a)),
        Module("concurrent.futures.CancelledError", a => new FuturesCancelledError(a)),
        Module("concurrent.futures.InvalidStateError", a => new FuturesInvalidStateError(a)),
        Module("concurrent.futures.BrokenExecutor", a => new BrokenExecutor(a)),
        Module("concurrent.futures.process.BrokenProcessPool", a => new BrokenProcessPool(a)),
        Module("concurrent.futures._base.Error", a => new FuturesError(a)),
        Module("dataclasses.FrozenInstanceError", a => new FrozenInstanceError(a)),
        Module("json.JSONDecodeError", a => new JSONDecodeError(a)),
    ];

    static readonly Dictionary<Type, PyType> s_byClr = All.Concat(Library).ToDictionary(e => e.Type.ClrType!, e => e.Type);

    /// <summary>The class object of one of the runtime's exception classes; null for any other CLR type.</summary>
    public static PyType? ForClr(Type t) => s_byClr.GetValueOrDefault(t);

    static (string, PyType) Builtin<T>(Func<object?[], T> create) where T : PyBaseException
    {
        var type = TypeOf(create);
        return (type.Name, type);
    }

    static (string, PyType) Module<T>(string importedAs, Func<object?[], T> create) where T : PyBaseException => (importedAs, TypeOf(create));

    // The class's name and module are what its instances report.
    static PyType TypeOf<T>(Func<object?[], T> create) where T : PyBaseException
    {
        var sample = create([]);
        return new PyType(sample.PyTypeName, sample.PyModuleName, typeof(T), (a, k) => create(a));
    }
}
