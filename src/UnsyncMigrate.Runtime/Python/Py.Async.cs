namespace UnsyncMigrate.Runtime.Python;

// async with / async for: Python's asynchronous protocols (__aenter__/__aexit__,
// __aiter__/__anext__) for the translated code, which awaits what these return.
public static partial class Py
{
    /// <summary>
    /// <c>async with mgr</c>: checks that <c>mgr</c> has both halves of the protocol (as Python
    /// does before entering), calls <c>__aenter__</c> and awaits what it returned.
    /// </summary>
    public static async Task<object?> AEnter(object? mgr)
    {
        if (!HasAttr(mgr, "__aenter__"))
            throw new TypeError($"'{TypeName(mgr)}' object does not support the asynchronous context manager protocol");
        if (!HasAttr(mgr, "__aexit__"))
            throw new TypeError($"'{TypeName(mgr)}' object does not support the asynchronous context manager protocol (missed __aexit__ method)");
        return await Await(CallMethod(mgr, "__aenter__"));
    }

    /// <summary>
    /// Awaits <c>__aexit__</c> with the exception triple (all None on a normal exit); true when it
    /// returned a true value for an exception, which is then suppressed.
    /// </summary>
    public static async Task<bool> AExit(object? mgr, Exception? ex)
    {
        PyBaseException? pex = ex is null ? null : WrapException(ex);
        object? type = pex is null ? null : Type(pex);
        var result = await Await(CallMethod(mgr, "__aexit__", [type, pex, null]));
        return ex is not null && IsTrue(result);
    }

    /// <summary>What <see cref="ANext"/> returns when the iterator raised <c>StopAsyncIteration</c>.</summary>
    public static readonly object AsyncStop = new();

    /// <summary><c>async for</c>'s start: <c>type(x).__aiter__(x)</c>, which must have <c>__anext__</c>.</summary>
    public static object? AIter(object? iterable)
    {
        if (iterable is PyAsyncGenerator) return iterable;
        if (iterable is not IPyObject || !HasAttr(iterable, "__aiter__"))
            throw new TypeError($"'async for' requires an object with __aiter__ method, got {TypeName(iterable)}");
        var iterator = CallMethod(iterable, "__aiter__");
        if (iterator is not PyAsyncGenerator && !HasAttr(iterator, "__anext__"))
            throw new TypeError($"'async for' received an object from __aiter__ that does not implement __anext__: {TypeName(iterator)}");
        return iterator;
    }

    /// <summary>
    /// <c>async for</c>'s step: awaits <c>__anext__()</c>; <see cref="AsyncStop"/> when it raised
    /// <c>StopAsyncIteration</c> (which ends the loop, and only that exception).
    /// </summary>
    public static async Task<object?> ANext(object? iterator)
    {
        try
        {
            if (iterator is PyAsyncGenerator g) return await g.Next();
            return await Await(CallMethod(iterator, "__anext__"));
        }
        catch (StopAsyncIteration) { return AsyncStop; }
    }

    /// <summary>An async generator function's result: its body (a C# async iterator) as Python's async_generator object.</summary>
    public static PyAsyncGenerator AsyncGenerator(IAsyncEnumerable<object?> body, string qualName) => new(body, qualName);
}
