namespace UnsyncMigrate.Runtime;

public sealed partial class UnsyncRuntime
{
    private void ThrowIfClosedForCalls()
    {
        if (_shutDown) throw new ObjectDisposedException(nameof(UnsyncRuntime), "The unsync runtime has been shut down.");
    }

    /// <summary>
    /// An <c>async-loop</c> call: <c>Loop(() =&gt; BodyAsync(args))</c>. Returns at once; the body
    /// starts on the loop thread when the loop gets to it, never inline (from inside the loop: after
    /// the caller's next await, in call order).
    /// </summary>
    public Unfuture<T> Loop<T>(Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfClosedForCalls();
        var call = new LoopCall<T>(body);
        EventLoop.Post(LoopCall<T>.Start, call);
        return new Unfuture<T>(call.Task, this);
    }

    /// <summary>An <c>async-loop</c> call of a coroutine returning nothing.</summary>
    public Unfuture Loop(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfClosedForCalls();
        var call = new LoopCall(body);
        EventLoop.Post(LoopCall.Start, call);
        return new Unfuture(call.Task, this);
    }

    /// <summary>A <c>thread</c> call: <c>Thread(() =&gt; Body(args))</c>, run on the thread executor.</summary>
    public Unfuture<T> Thread<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfClosedForCalls();
        var call = new ThreadCall<T>(body);
        ThreadExecutor.Execute(call);
        return new Unfuture<T>(call.Task, this);
    }

    /// <summary>A <c>thread</c> call of a function returning nothing.</summary>
    public Unfuture Thread(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ThrowIfClosedForCalls();
        var call = new ThreadCall(body);
        ThreadExecutor.Execute(call);
        return new Unfuture(call.Task, this);
    }

    /// <summary>
    /// A <c>process</c> (cpu_bound) call of the function registered under <paramref name="key"/>
    /// (<c>module:qualname</c>, see <see cref="ProcessRegistry"/>), run in a worker process.
    /// Throws at once if the key is unknown, the argument count is wrong, the registered return
    /// type does not fit <typeparamref name="T"/>, or an argument cannot be serialised.
    /// Arguments are serialised as the registered parameter types. A lone argument that is itself
    /// an array of a reference type (<c>string[]</c>) would be taken as the whole argument list by
    /// <c>params</c>: pass <c>new object?[] { array }</c> instead.
    /// </summary>
    public Unfuture<T> Process<T>(string key, params object?[] args)
    {
        var target = Resolve(key, ref args);
        if (target.IsVoid || !typeof(T).IsAssignableFrom(target.ReturnType))
            throw new ArgumentException(
                $"Process function '{key}' returns {(target.IsVoid ? "nothing" : Protocol.TypeName(target.ReturnType))}, not {Protocol.TypeName(typeof(T))}.", nameof(T));
        if (_options.CpuBoundOnThreads)
            return Thread(() => (T)target.Invoke(InProcessArguments(target, args))!);
        var pool = Processes;
        long id = pool.NextId();
        var call = new ProcessCall<T>(id, target, Protocol.EncodeRequest(id, target, args, ProcessRegistry.JsonOptions));
        pool.Submit(call);
        return new Unfuture<T>(call.Source.Task, this);
    }

    /// <summary>A <c>process</c> call of a registered function returning nothing.</summary>
    public Unfuture Process(string key, params object?[] args)
    {
        var target = Resolve(key, ref args);
        if (_options.CpuBoundOnThreads)
            return Thread(() => { target.Invoke(InProcessArguments(target, args)); });
        var pool = Processes;
        long id = pool.NextId();
        var call = new ProcessCallVoid(id, key, Protocol.EncodeRequest(id, target, args, ProcessRegistry.JsonOptions));
        pool.Submit(call);
        return new Unfuture(call.Source.Task, this);
    }

    private ProcessTarget Resolve(string key, ref object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        ThrowIfClosedForCalls();
        args ??= [null];
        var target = ProcessRegistry.Get(key);
        if (args.Length != target.ParameterTypes.Count)
            throw new ArgumentException($"Process function '{key}' takes {target.ParameterTypes.Count} argument(s), got {args.Length}.", nameof(args));
        return target;
    }

    private static object?[] InProcessArguments(ProcessTarget target, object?[] args)
    {
        var converted = new object?[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            var declared = target.ParameterTypes[i];
            var arg = args[i];
            converted[i] = arg is null || declared.IsInstanceOfType(arg)
                ? arg
                : System.Text.Json.JsonSerializer.Deserialize(
                    System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(arg, arg.GetType(), ProcessRegistry.JsonOptions),
                    declared, ProcessRegistry.JsonOptions);
        }
        return converted;
    }

    /// <summary>A future completed with <paramref name="value"/> soon, on the loop
    /// (Python's <c>Unfuture.from_value</c>).</summary>
    public Unfuture<T> FromValue<T>(T value)
    {
        var future = new Unfuture<T>(this);
        future.SetResult(value);
        return future;
    }

    /// <summary>A pending future bound to this runtime (Python's <c>Unfuture()</c>).</summary>
    public Unfuture<T> NewFuture<T>() => new(this);
}
