namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's <c>async_generator</c>: the object an <c>async def</c> with <c>yield</c> returns. Its
/// body is a C# async iterator, which like Python's runs nothing until the first
/// <c>__anext__()</c> is awaited and then runs up to the next <c>yield</c>.
/// </summary>
public sealed class PyAsyncGenerator : IPyObject, IPyRepr
{
    readonly IAsyncEnumerator<object?> _body;
    readonly string _qualName;

    public PyAsyncGenerator(IAsyncEnumerable<object?> body, string qualName)
    {
        _body = body.GetAsyncEnumerator();
        _qualName = qualName;
    }

    public string PyTypeName => "async_generator";

    public string PyRepr() => $"<async_generator object {_qualName} at {Py.FakeAddress(this)}>";

    /// <summary>
    /// The next value, or StopAsyncIteration at the end. ConfigureAwait(false): the body's own awaits
    /// already resume on the loop, and the caller must go on in the same loop step, as a Python
    /// coroutine resumes with the generator it awaits (a post to the loop would let other tasks run
    /// in between and change the order of their output).
    /// </summary>
    public async Task<object?> Next()
    {
        if (!await _body.MoveNextAsync().ConfigureAwait(false)) throw new StopAsyncIteration();
        return _body.Current;
    }

    /// <summary><c>aclose()</c>: the body's pending <c>finally</c> blocks run, later <c>__anext__()</c> calls stop.</summary>
    public async Task<object?> Close()
    {
        await _body.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "__name__" => _qualName[(_qualName.LastIndexOf('.') + 1)..],
            "__qualname__" => _qualName,
            _ => null,
        };
        return name is "__name__" or "__qualname__";
    }

    public bool TrySetAttr(string name, object? value) => false;

    public bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        switch (name)
        {
            case "__aiter__" when args.Length == 0: result = this; return true;
            case "__anext__" when args.Length == 0: result = Next(); return true;
            case "asend" when args.Length == 1 && args[0] is null: result = Next(); return true;
            case "aclose" when args.Length == 0: result = Close(); return true;
        }
        result = null;
        return false;
    }
}
