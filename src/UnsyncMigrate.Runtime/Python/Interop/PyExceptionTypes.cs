namespace UnsyncMigrate.Runtime.Python;

/// <summary>The built-in exception classes as Python type objects (for <c>except</c>, <c>isinstance</c>, raising by class).</summary>
public static class PyExceptionTypes
{
    public static readonly IReadOnlyList<(string Name, PyType Type)> All =
    [
        ("Exception", new PyType("Exception", "builtins", typeof(PyException), (a, k) => new PyException(a))),
        ("ArithmeticError", new PyType("ArithmeticError", "builtins", typeof(ArithmeticError), (a, k) => new ArithmeticError(a))),
        ("OverflowError", new PyType("OverflowError", "builtins", typeof(OverflowError), (a, k) => new OverflowError(a))),
        ("ZeroDivisionError", new PyType("ZeroDivisionError", "builtins", typeof(ZeroDivisionError), (a, k) => new ZeroDivisionError(a))),
        ("AssertionError", new PyType("AssertionError", "builtins", typeof(AssertionError), (a, k) => new AssertionError(a))),
        ("AttributeError", new PyType("AttributeError", "builtins", typeof(AttributeError), (a, k) => new AttributeError(a))),
        ("EOFError", new PyType("EOFError", "builtins", typeof(EOFError), (a, k) => new EOFError(a))),
        ("ImportError", new PyType("ImportError", "builtins", typeof(ImportError), (a, k) => new ImportError(a))),
        ("ModuleNotFoundError", new PyType("ModuleNotFoundError", "builtins", typeof(ModuleNotFoundError), (a, k) => new ModuleNotFoundError(a))),
        ("LookupError", new PyType("LookupError", "builtins", typeof(LookupError), (a, k) => new LookupError(a))),
        ("IndexError", new PyType("IndexError", "builtins", typeof(IndexError), (a, k) => new IndexError(a))),
        ("KeyError", new PyType("KeyError", "builtins", typeof(KeyError), (a, k) => new KeyError(a))),
        ("MemoryError", new PyType("MemoryError", "builtins", typeof(MemoryError), (a, k) => new MemoryError(a))),
        ("NameError", new PyType("NameError", "builtins", typeof(NameError), (a, k) => new NameError(a))),
        ("UnboundLocalError", new PyType("UnboundLocalError", "builtins", typeof(UnboundLocalError), (a, k) => new UnboundLocalError(a))),
        ("ConnectionError", new PyType("ConnectionError", "builtins", typeof(ConnectionError), (a, k) => new ConnectionError(a))),
        ("FileExistsError", new PyType("FileExistsError", "builtins", typeof(FileExistsError), (a, k) => new FileExistsError(a))),
        ("FileNotFoundError", new PyType("FileNotFoundError", "builtins", typeof(FileNotFoundError), (a, k) => new FileNotFoundError(a))),
        ("PermissionError", new PyType("PermissionError", "builtins", typeof(PermissionError), (a, k) => new PermissionError(a))),
        ("TimeoutError", new PyType("TimeoutError", "builtins", typeof(TimeoutError), (a, k) => new TimeoutError(a))),
        ("RuntimeError", new PyType("RuntimeError", "builtins", typeof(RuntimeError), (a, k) => new RuntimeError(a))),
        ("NotImplementedError", new PyType("NotImplementedError", "builtins", typeof(NotImplementedError), (a, k) => new NotImplementedError(a))),
        ("RecursionError", new PyType("RecursionError", "builtins", typeof(RecursionError), (a, k) => new RecursionError(a))),
        ("StopIteration", new PyType("StopIteration", "builtins", typeof(StopIteration), (a, k) => new StopIteration(a))),
        ("TypeError", new PyType("TypeError", "builtins", typeof(TypeError), (a, k) => new TypeError(a))),
        ("ValueError", new PyType("ValueError", "builtins", typeof(ValueError), (a, k) => new ValueError(a))),
        ("UnicodeError", new PyType("UnicodeError", "builtins", typeof(UnicodeError), (a, k) => new UnicodeError(a))),
        ("OSError", new PyType("OSError", "builtins", typeof(OSError), (a, k) => new OSError(a))),
        ("BaseException", new PyType("BaseException", "builtins", typeof(PyBaseException), (a, k) => new PyBaseException(a))),
    ];
}
