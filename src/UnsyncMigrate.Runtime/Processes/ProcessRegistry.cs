using System.Collections.Concurrent;
using System.Text.Json;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// The table of <c>process</c>-mode functions, filled by generated code at start-up, never by
/// reflection scanning. A worker process finds its target here by the stable key
/// <c>module:qualname</c> (Python's <c>(module, name)</c> lookup). Register from a
/// <c>[ModuleInitializer]</c> (or before <see cref="UnsyncRuntime.RunWorkerIfRequested"/> in Main) so
/// the parent and every worker, being the same program, hold the same table:
/// <code>
/// [ModuleInitializer] internal static void RegisterUnsync() =>
///     ProcessRegistry.Register&lt;int, int, long&gt;("main:sum_of_squares", SumOfSquares);
/// </code>
/// </summary>
public static class ProcessRegistry
{
    private static readonly ConcurrentDictionary<string, ProcessTarget> s_targets = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions s_defaultJson = ProcessJson.CreateDefaultOptions();
    private static JsonSerializerOptions s_json = s_defaultJson;

    /// <summary>
    /// The serializer options for arguments and results. Set it, if at all, where the targets are
    /// registered, so parent and workers agree. The default includes fields (so value tuples, the
    /// translation of Python tuples, round-trip) and supports <see cref="System.Numerics.BigInteger"/>.
    /// </summary>
    public static JsonSerializerOptions JsonOptions
    {
        get => s_json;
        set => s_json = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether <paramref name="options"/> are the untouched defaults (primitives then skip the serializer).</summary>
    internal static bool IsDefaultJsonOptions(JsonSerializerOptions options) => ReferenceEquals(options, s_defaultJson);

    /// <summary>Keys registered so far.</summary>
    public static IReadOnlyCollection<string> Keys => s_targets.Keys.ToArray();

    /// <summary>Finds a target by key.</summary>
    public static bool TryGet(string key, out ProcessTarget target) => s_targets.TryGetValue(key, out target!);

    /// <summary>Finds a target by key or throws a message that says how to register it.</summary>
    public static ProcessTarget Get(string key) =>
        TryGet(key, out var t) ? t : throw new KeyNotFoundException(
            $"No process function is registered under '{key}'. Register it at start-up with ProcessRegistry.Register(\"{key}\", ...) " +
            "(a [ModuleInitializer] runs in the parent and in every worker); functions defined only at run time cannot be reached from a worker.");

    private static void Add(string key, Type[] parameters, Type result, Func<object?[], object?> invoke)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        s_targets[key] = new ProcessTarget(key, parameters, result, invoke);
    }

    /// <summary>Removes a registration (for tests).</summary>
    internal static bool Unregister(string key) => s_targets.TryRemove(key, out _);

    /// <summary>Registers a function of 0 parameter(s) returning a value.</summary>
    public static void Register<TResult>(string key, Func<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, Type.EmptyTypes, typeof(TResult), a => function());
    }

    /// <summary>Registers a function of 0 parameter(s) returning nothing.</summary>
    public static void Register(string key, Action function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, Type.EmptyTypes, typeof(void), a => { function(); return null; });
    }

    /// <summary>Registers a function of 1 parameter(s) returning a value.</summary>
    public static void Register<T1, TResult>(string key, Func<T1, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1) }, typeof(TResult), a => function((T1)a[0]!));
    }

    /// <summary>Registers a function of 1 parameter(s) returning nothing.</summary>
    public static void Register<T1>(string key, Action<T1> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1) }, typeof(void), a => { function((T1)a[0]!); return null; });
    }

    /// <summary>Registers a function of 2 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, TResult>(string key, Func<T1, T2, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!));
    }

    /// <summary>Registers a function of 2 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2>(string key, Action<T1, T2> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!); return null; });
    }

    /// <summary>Registers a function of 3 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, T3, TResult>(string key, Func<T1, T2, T3, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!));
    }

    /// <summary>Registers a function of 3 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2, T3>(string key, Action<T1, T2, T3> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!); return null; });
    }

    /// <summary>Registers a function of 4 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, T3, T4, TResult>(string key, Func<T1, T2, T3, T4, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!));
    }

    /// <summary>Registers a function of 4 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2, T3, T4>(string key, Action<T1, T2, T3, T4> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!); return null; });
    }

    /// <summary>Registers a function of 5 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, T3, T4, T5, TResult>(string key, Func<T1, T2, T3, T4, T5, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!));
    }

    /// <summary>Registers a function of 5 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2, T3, T4, T5>(string key, Action<T1, T2, T3, T4, T5> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!); return null; });
    }

    /// <summary>Registers a function of 6 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, T3, T4, T5, T6, TResult>(string key, Func<T1, T2, T3, T4, T5, T6, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5), typeof(T6) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!));
    }

    /// <summary>Registers a function of 6 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2, T3, T4, T5, T6>(string key, Action<T1, T2, T3, T4, T5, T6> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5), typeof(T6) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!); return null; });
    }

    /// <summary>Registers a function of 7 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, T3, T4, T5, T6, T7, TResult>(string key, Func<T1, T2, T3, T4, T5, T6, T7, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5), typeof(T6), typeof(T7) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!));
    }

    /// <summary>Registers a function of 7 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2, T3, T4, T5, T6, T7>(string key, Action<T1, T2, T3, T4, T5, T6, T7> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5), typeof(T6), typeof(T7) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!); return null; });
    }

    /// <summary>Registers a function of 8 parameter(s) returning a value.</summary>
    public static void Register<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string key, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5), typeof(T6), typeof(T7), typeof(T8) }, typeof(TResult), a => function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!));
    }

    /// <summary>Registers a function of 8 parameter(s) returning nothing.</summary>
    public static void Register<T1, T2, T3, T4, T5, T6, T7, T8>(string key, Action<T1, T2, T3, T4, T5, T6, T7, T8> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Add(key, new Type[] { typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5), typeof(T6), typeof(T7), typeof(T8) }, typeof(void), a => { function((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!, (T5)a[4]!, (T6)a[5]!, (T7)a[6]!, (T8)a[7]!); return null; });
    }

}
