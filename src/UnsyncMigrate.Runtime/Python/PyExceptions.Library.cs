// Exception classes of the standard library modules unsync programs use (asyncio,
// concurrent.futures), each with its Python module, so type(e), repr(type(e)) and except
// clauses see the same class CPython raises.
namespace UnsyncMigrate.Runtime.Python;

/// <summary><c>asyncio.InvalidStateError</c>: <c>result()</c> of an unfinished Unfuture on the loop thread.</summary>
public class InvalidStateError : PyException
{
    public InvalidStateError(params object?[] args) : base(args) { }
    public override string PyTypeName => "InvalidStateError";
    public override string PyModuleName => "asyncio.exceptions";
}

/// <summary><c>asyncio.CancelledError</c> (a BaseException since 3.8).</summary>
public class CancelledError : PyBaseException
{
    public CancelledError(params object?[] args) : base(args) { }
    public override string PyTypeName => "CancelledError";
    public override string PyModuleName => "asyncio.exceptions";
}

/// <summary><c>concurrent.futures.Error</c>, the base of the futures' own errors.</summary>
public class FuturesError : PyException
{
    public FuturesError(params object?[] args) : base(args) { }
    public override string PyTypeName => "Error";
    public override string PyModuleName => "concurrent.futures._base";
}

/// <summary><c>concurrent.futures.CancelledError</c>.</summary>
public class FuturesCancelledError : FuturesError
{
    public FuturesCancelledError(params object?[] args) : base(args) { }
    public override string PyTypeName => "CancelledError";
}

/// <summary><c>concurrent.futures.InvalidStateError</c>.</summary>
public class FuturesInvalidStateError : FuturesError
{
    public FuturesInvalidStateError(params object?[] args) : base(args) { }
    public override string PyTypeName => "InvalidStateError";
}

/// <summary><c>concurrent.futures.BrokenExecutor</c>.</summary>
public class BrokenExecutor : RuntimeError
{
    public BrokenExecutor(params object?[] args) : base(args) { }
    public override string PyTypeName => "BrokenExecutor";
    public override string PyModuleName => "concurrent.futures._base";
}

/// <summary><c>concurrent.futures.process.BrokenProcessPool</c>: a worker process died while it ran a call.</summary>
public class BrokenProcessPool : BrokenExecutor
{
    /// <summary>CPython's message when a worker is terminated abruptly.</summary>
    public const string TerminatedMessage = "A process in the process pool was terminated abruptly while the future was running or pending.";

    public BrokenProcessPool(params object?[] args) : base(args) { }
    public override string PyTypeName => "BrokenProcessPool";
    public override string PyModuleName => "concurrent.futures.process";
}
