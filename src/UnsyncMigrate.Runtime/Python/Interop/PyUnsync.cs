using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// The executor seen from dynamically typed translated code: process calls with Python
/// values, <c>unsync(f)</c> wrappers, Unfuture methods by Python name, loop sleeps.
/// </summary>
public static class PyUnsync
{
    /// <summary>A <c>cpu_bound=True</c> call: runs the registered target in a worker process.</summary>
    public static Unfuture<object?> Process(string key, object?[] args)
    {
        string payload = PyCodec.Encode(new PyTuple(args));
        var call = Unsync.Process<string>(key, payload);
        return new Unfuture<object?>(Decode(call));
    }

    static async Task<object?> Decode(Unfuture<string> call) => PyCodec.DecodeResult(await call.AsTask().ConfigureAwait(false));

    /// <summary>
    /// Registers a program function as the process target <paramref name="key"/> for calls through
    /// <see cref="Wrap"/> with a true <c>cpu_bound</c>: the worker gets (positional arguments,
    /// keyword arguments) and calls the function with them, binding as Python does.
    /// </summary>
    public static void RegisterWrappedTarget(string key, PyFunc function)
    {
        function.ProcessTarget = key;
        RegisterProcessTarget(key, a => function.Call(((PyTuple)a[0]!).ToArray(),
            a[1] is PyDict { Count: > 0 } kw ? new PyKwargs(kw.Pairs.Select(i => new KeyValuePair<string, object?>((string)i.Key!, i.Value))) : null));
    }

    static PyDict KeywordsOf(PyKwargs? kwargs)
    {
        var dict = new PyDict();
        if (kwargs != null) foreach (var (name, value) in kwargs) dict[name] = value;
        return dict;
    }

    /// <summary>Registers a process target: the worker decodes the arguments, runs it, encodes the result or exception.</summary>
    public static void RegisterProcessTarget(string key, Func<object?[], object?> body) =>
        ProcessRegistry.Register<string, string>(key, payload =>
        {
            try
            {
                var args = (PyTuple)PyCodec.Decode(payload)!;
                var result = body(args.ToArray());
                Py.FlushStdout();
                return PyCodec.EncodeResult(result);
            }
            catch (Exception ex)
            {
                Py.FlushStdout();
                return PyCodec.EncodeException(Py.ExceptionValue(ex));
            }
        });

    /// <summary><c>@unsync(cpu_bound=True)</c> on an <c>async def</c>: the call raises TypeError.</summary>
    public static object? CpuBoundAsyncError(string name) =>
        throw new TypeError($"The CPU bound unsync function {name} may not be async or a coroutine");

    /// <summary><c>Unfuture.from_value(v)</c>.</summary>
    public static Unfuture<object?> FromValue(object? value) => Unfuture.FromValue<object?>(value);

    /// <summary>
    /// <c>unsync(f)</c> / <c>unsync(cpu_bound=...)(f)</c> applied at run time to a callable
    /// (a library function, or one the translator could not resolve): calls run on the
    /// thread executor (a coroutine-returning callable is awaited on the loop).
    /// </summary>
    public static object? Wrap(object? callable, object? cpuBound)
    {
        string name = callable is PyFunc f ? f.Name : "wrapped";
        bool coroutine = IsCoroutine(callable);
        bool cpu = Py.IsTrue(cpuBound);
        var wrapper = new PyFunc(name, (object?[] a, PyKwargs? k) =>
        {
            if (cpu && coroutine)
                throw new TypeError($"The CPU bound unsync function {name} may not be async or a coroutine");
            if (coroutine) return Unsync.Loop<object?>(() => Py.Await(Py.Call(callable, a, k)));
            if (cpu && callable is PyFunc { ProcessTarget: { } target }) return Process(target, [new PyTuple(a), KeywordsOf(k)]);
            return Unsync.Thread<object?>(() => Py.Call(callable, a, k));
        });
        // unsync's wrapper takes the function's name, docstring and attributes, and __wrapped__ (functools.update_wrapper).
        return Functools.Wraps(callable, wrapper);
    }

    /// <summary>
    /// The value of a translated <c>@unsync</c> def: <paramref name="wrapper"/> (its calls return an
    /// Unfuture) with <c>__wrapped__</c>, the function as written, as unsync's wrapper has.
    /// </summary>
    public static PyFunc Decorated(PyFunc wrapper, PyFunc function)
    {
        wrapper.Dict["__wrapped__"] = function;
        return wrapper;
    }

    /// <summary>Marks a translated <c>async def</c> as a coroutine function (what inspect.iscoroutinefunction sees).</summary>
    public static PyFunc MarkCoroutine(PyFunc f)
    {
        f.Dict["__unsync_coroutine__"] = true;
        return f;
    }

    static bool IsCoroutine(object? callable) => callable is PyFunc f && f.Dict.Contains("__unsync_coroutine__");

    /// <summary><c>unsync(cpu_bound=...)</c> called with arguments only: a decorator.</summary>
    public static object? Decorator(object? cpuBound) => new PyFunc("unsync", (object?[] a, PyKwargs? k) => Wrap(a[0], cpuBound));

    /// <summary><c>await asyncio.sleep(s)</c>: a yield for 0, else a timer, on the unsync loop.</summary>
    public static LoopSleep Sleep(object? seconds)
    {
        double s = seconds switch { long l => l, double d => d, bool b => b ? 1 : 0, int i => i, _ => Py.Float(seconds) };
        return s <= 0 ? Unsync.Yield() : Unsync.Sleep(s);
    }

    /// <summary><c>asyncio.sleep(s)</c> as a value (awaited later): a task on the loop.</summary>
    internal static object? SleepTask(object? seconds, object? result) => SleepThen(Sleep(seconds), result);

    static async Task<object?> SleepThen(LoopSleep sleep, object? result)
    {
        await sleep;
        return result;
    }

    /// <summary>Methods of an Unfuture by Python name: result, done, then, set_result, exception (checked here, done by the typed entry points below).</summary>
    public static bool TryCallMethod(Unfuture future, string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        switch (name)
        {
            case "result":
                {
                    var b = PyArgs.Bind("result", args, kwargs, ["timeout"], [null], 1, false, false);
                    result = b[0] == null ? Result(future) : Result(future, b[0]);
                    return true;
                }
            case "done":
                Py.CheckArgs("done", args, kwargs, 0);
                result = future.Done;
                return true;
            case "then":
                Py.CheckArgs("then", args, kwargs, 1);
                result = Then(future, args[0]);
                return true;
            case "set_result":
                Py.CheckArgs("set_result", args, kwargs, 1);
                result = SetResult(future, args[0]);
                return true;
            case "set_exception":
                Py.CheckArgs("set_exception", args, kwargs, 1);
                future.SetException(Py.ToException(args[0]));
                result = null;
                return true;
        }
        result = null;
        return false;
    }

    // Typed entry points: generated code whose receiver is statically an Unfuture calls these
    // (or Unfuture's own Result()/Done, which these use) with a valid argument count.

    /// <summary><c>f.result()</c>: blocks off the loop; on the loop thread InvalidStateError.</summary>
    public static object? Result(Unfuture future)
    {
        if (future is Unfuture<object?> typed) return typed.Result();
        future.Result();
        return ValueOf(future);
    }

    /// <summary><c>f.result(timeout)</c> (None waits forever).</summary>
    public static object? Result(Unfuture future, object? timeout)
    {
        if (timeout == null) return Result(future);
        var span = TimeSpan.FromSeconds(Py.Float(timeout));
        if (future is Unfuture<object?> typed) return typed.Result(span);
        future.Result(span);
        return ValueOf(future);
    }

    /// <summary><c>f.then(g)</c>: g called with the result once it is ready (awaited when it returns an awaitable).</summary>
    public static Unfuture<object?> Then(Unfuture future, object? continuation)
    {
        var typed = future as Unfuture<object?> ?? new Unfuture<object?>(Box(future));
        return typed.Then<object?>(v => Py.AwaitMaybe(Py.Call(continuation, [v])));
    }

    /// <summary><c>f.set_result(v)</c>; None, so the call is also an expression.</summary>
    public static object? SetResult(Unfuture future, object? value)
    {
        ((Unfuture<object?>)future).SetResult(value);
        return null;
    }

    static object? ValueOf(Unfuture future) => Py.Await(future).GetAwaiter().GetResult();

    static async Task<object?> Box(object? awaitable) => await Py.Await(awaitable).ConfigureAwait(false);

    /// <summary><c>Unfuture()</c>: a pending future completed later by <c>set_result</c>.</summary>
    public static Unfuture<object?> NewUnfuture() => new();

    /// <summary>
    /// unsync's <c>Unfuture</c> class as a value: <c>isinstance(f, Unfuture)</c>, <c>type(f) is Unfuture</c>,
    /// <c>Unfuture()</c>, <c>Unfuture(coroutine)</c>, <c>Unfuture.from_value</c>.
    /// </summary>
    public static readonly PyType UnfutureType = new("Unfuture", "unsync.unsync", typeof(Unfuture), (a, k) =>
        PyArgs.Bind("Unfuture", a, k, ["future"], [null], 1, false, false)[0] switch
        {
            // A coroutine (a translated async def's Task) runs on the loop.
            Task coroutine => new Unfuture<object?>(Box(coroutine)),
            // unsync keeps any true value as its asyncio future and fails on its missing loop; a false one means none.
            var other when Py.IsTrue(other) => throw new AttributeError($"'{Py.TypeName(other)}' object has no attribute '_loop'"),
            _ => NewUnfuture(),
        })
    {
        ClassAttributes = (PyType cls, string name, out object? value) =>
        {
            value = name == "from_value" ? FromValueFunction : null;
            return value != null;
        },
    };

    static readonly PyFunc FromValueFunction = new("from_value", (object? v) => FromValue(v)) { QualName = "Unfuture.from_value" };
}
