// The standard exception hierarchy of CPython 3.11 (BaseException → Exception → ...), one class per Python name.
namespace UnsyncMigrate.Runtime.Python;

/// <summary>Python's <c>Exception</c>.</summary>
public class PyException : PyBaseException
{
    public PyException(params object?[] args) : base(args) { }
    public override string PyTypeName => "Exception";
}

/// <summary>Python's <c>GeneratorExit</c>.</summary>
public class GeneratorExit : PyBaseException
{
    public GeneratorExit(params object?[] args) : base(args) { }
    public override string PyTypeName => "GeneratorExit";
}

/// <summary>Python's <c>KeyboardInterrupt</c>.</summary>
public class KeyboardInterrupt : PyBaseException
{
    public KeyboardInterrupt(params object?[] args) : base(args) { }
    public override string PyTypeName => "KeyboardInterrupt";
}

/// <summary>Python's <c>SystemExit</c>.</summary>
public class SystemExit : PyBaseException
{
    public SystemExit(params object?[] args) : base(args) { }
    public override string PyTypeName => "SystemExit";
}

/// <summary>Python's <c>ArithmeticError</c>.</summary>
public class ArithmeticError : PyException
{
    public ArithmeticError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ArithmeticError";
}

/// <summary>Python's <c>FloatingPointError</c>.</summary>
public class FloatingPointError : ArithmeticError
{
    public FloatingPointError(params object?[] args) : base(args) { }
    public override string PyTypeName => "FloatingPointError";
}

/// <summary>Python's <c>OverflowError</c>.</summary>
public class OverflowError : ArithmeticError
{
    public OverflowError(params object?[] args) : base(args) { }
    public override string PyTypeName => "OverflowError";
}

/// <summary>Python's <c>ZeroDivisionError</c>.</summary>
public class ZeroDivisionError : ArithmeticError
{
    public ZeroDivisionError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ZeroDivisionError";
}

/// <summary>Python's <c>AssertionError</c>.</summary>
public class AssertionError : PyException
{
    public AssertionError(params object?[] args) : base(args) { }
    public override string PyTypeName => "AssertionError";
}

/// <summary>Python's <c>AttributeError</c>.</summary>
public class AttributeError : PyException
{
    public AttributeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "AttributeError";
}

/// <summary>Python's <c>BufferError</c>.</summary>
public class BufferError : PyException
{
    public BufferError(params object?[] args) : base(args) { }
    public override string PyTypeName => "BufferError";
}

/// <summary>Python's <c>EOFError</c>.</summary>
public class EOFError : PyException
{
    public EOFError(params object?[] args) : base(args) { }
    public override string PyTypeName => "EOFError";
}

/// <summary>Python's <c>ImportError</c>.</summary>
public class ImportError : PyException
{
    public ImportError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ImportError";
}

/// <summary>Python's <c>ModuleNotFoundError</c>.</summary>
public class ModuleNotFoundError : ImportError
{
    public ModuleNotFoundError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ModuleNotFoundError";
}

/// <summary>Python's <c>LookupError</c>.</summary>
public class LookupError : PyException
{
    public LookupError(params object?[] args) : base(args) { }
    public override string PyTypeName => "LookupError";
}

/// <summary>Python's <c>IndexError</c>.</summary>
public class IndexError : LookupError
{
    public IndexError(params object?[] args) : base(args) { }
    public override string PyTypeName => "IndexError";
}

/// <summary>Python's <c>MemoryError</c>.</summary>
public class MemoryError : PyException
{
    public MemoryError(params object?[] args) : base(args) { }
    public override string PyTypeName => "MemoryError";
}

/// <summary>Python's <c>NameError</c>.</summary>
public class NameError : PyException
{
    public NameError(params object?[] args) : base(args) { }
    public override string PyTypeName => "NameError";
}

/// <summary>Python's <c>UnboundLocalError</c>.</summary>
public class UnboundLocalError : NameError
{
    public UnboundLocalError(params object?[] args) : base(args) { }
    public override string PyTypeName => "UnboundLocalError";
}

/// <summary>Python's <c>BlockingIOError</c>.</summary>
public class BlockingIOError : OSError
{
    public BlockingIOError(params object?[] args) : base(args) { }
    public override string PyTypeName => "BlockingIOError";
}

/// <summary>Python's <c>ChildProcessError</c>.</summary>
public class ChildProcessError : OSError
{
    public ChildProcessError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ChildProcessError";
}

/// <summary>Python's <c>ConnectionError</c>.</summary>
public class ConnectionError : OSError
{
    public ConnectionError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ConnectionError";
}

/// <summary>Python's <c>BrokenPipeError</c>.</summary>
public class BrokenPipeError : ConnectionError
{
    public BrokenPipeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "BrokenPipeError";
}

/// <summary>Python's <c>ConnectionAbortedError</c>.</summary>
public class ConnectionAbortedError : ConnectionError
{
    public ConnectionAbortedError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ConnectionAbortedError";
}

/// <summary>Python's <c>ConnectionRefusedError</c>.</summary>
public class ConnectionRefusedError : ConnectionError
{
    public ConnectionRefusedError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ConnectionRefusedError";
}

/// <summary>Python's <c>ConnectionResetError</c>.</summary>
public class ConnectionResetError : ConnectionError
{
    public ConnectionResetError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ConnectionResetError";
}

/// <summary>Python's <c>FileExistsError</c>.</summary>
public class FileExistsError : OSError
{
    public FileExistsError(params object?[] args) : base(args) { }
    public override string PyTypeName => "FileExistsError";
}

/// <summary>Python's <c>FileNotFoundError</c>.</summary>
public class FileNotFoundError : OSError
{
    public FileNotFoundError(params object?[] args) : base(args) { }
    public override string PyTypeName => "FileNotFoundError";
}

/// <summary>Python's <c>InterruptedError</c>.</summary>
public class InterruptedError : OSError
{
    public InterruptedError(params object?[] args) : base(args) { }
    public override string PyTypeName => "InterruptedError";
}

/// <summary>Python's <c>IsADirectoryError</c>.</summary>
public class IsADirectoryError : OSError
{
    public IsADirectoryError(params object?[] args) : base(args) { }
    public override string PyTypeName => "IsADirectoryError";
}

/// <summary>Python's <c>NotADirectoryError</c>.</summary>
public class NotADirectoryError : OSError
{
    public NotADirectoryError(params object?[] args) : base(args) { }
    public override string PyTypeName => "NotADirectoryError";
}

/// <summary>Python's <c>PermissionError</c>.</summary>
public class PermissionError : OSError
{
    public PermissionError(params object?[] args) : base(args) { }
    public override string PyTypeName => "PermissionError";
}

/// <summary>Python's <c>ProcessLookupError</c>.</summary>
public class ProcessLookupError : OSError
{
    public ProcessLookupError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ProcessLookupError";
}

/// <summary>Python's <c>TimeoutError</c>.</summary>
public class TimeoutError : OSError
{
    public TimeoutError(params object?[] args) : base(args) { }
    public override string PyTypeName => "TimeoutError";
}

/// <summary>Python's <c>ReferenceError</c>.</summary>
public class ReferenceError : PyException
{
    public ReferenceError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ReferenceError";
}

/// <summary>Python's <c>RuntimeError</c>.</summary>
public class RuntimeError : PyException
{
    public RuntimeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "RuntimeError";
}

/// <summary>Python's <c>NotImplementedError</c>.</summary>
public class NotImplementedError : RuntimeError
{
    public NotImplementedError(params object?[] args) : base(args) { }
    public override string PyTypeName => "NotImplementedError";
}

/// <summary>Python's <c>RecursionError</c>.</summary>
public class RecursionError : RuntimeError
{
    public RecursionError(params object?[] args) : base(args) { }
    public override string PyTypeName => "RecursionError";
}

/// <summary>Python's <c>StopAsyncIteration</c>.</summary>
public class StopAsyncIteration : PyException
{
    public StopAsyncIteration(params object?[] args) : base(args) { }
    public override string PyTypeName => "StopAsyncIteration";
}

/// <summary>Python's <c>SyntaxError</c>.</summary>
public class SyntaxError : PyException
{
    public SyntaxError(params object?[] args) : base(args) { }
    public override string PyTypeName => "SyntaxError";
}

/// <summary>Python's <c>SystemError</c>.</summary>
public class SystemError : PyException
{
    public SystemError(params object?[] args) : base(args) { }
    public override string PyTypeName => "SystemError";
}

/// <summary>Python's <c>TypeError</c>.</summary>
public class TypeError : PyException
{
    public TypeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "TypeError";
}

/// <summary>Python's <c>ValueError</c>.</summary>
public class ValueError : PyException
{
    public ValueError(params object?[] args) : base(args) { }
    public override string PyTypeName => "ValueError";
}

/// <summary>Python's <c>UnicodeError</c>.</summary>
public class UnicodeError : ValueError
{
    public UnicodeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "UnicodeError";
}

/// <summary>Python's <c>UnicodeDecodeError</c>.</summary>
public class UnicodeDecodeError : UnicodeError
{
    public UnicodeDecodeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "UnicodeDecodeError";
}

/// <summary>Python's <c>UnicodeEncodeError</c>.</summary>
public class UnicodeEncodeError : UnicodeError
{
    public UnicodeEncodeError(params object?[] args) : base(args) { }
    public override string PyTypeName => "UnicodeEncodeError";
}

/// <summary>Python's <c>Warning</c>.</summary>
public class Warning : PyException
{
    public Warning(params object?[] args) : base(args) { }
    public override string PyTypeName => "Warning";
}

/// <summary>Python's <c>UserWarning</c>.</summary>
public class UserWarning : Warning
{
    public UserWarning(params object?[] args) : base(args) { }
    public override string PyTypeName => "UserWarning";
}

/// <summary>Python's <c>DeprecationWarning</c>.</summary>
public class DeprecationWarning : Warning
{
    public DeprecationWarning(params object?[] args) : base(args) { }
    public override string PyTypeName => "DeprecationWarning";
}

/// <summary>Python's <c>RuntimeWarning</c>.</summary>
public class RuntimeWarning : Warning
{
    public RuntimeWarning(params object?[] args) : base(args) { }
    public override string PyTypeName => "RuntimeWarning";
}
