namespace UnsyncMigrate.Runtime;

/// <summary>
/// What generated code calls. One line per Python call site:
/// <list type="table">
/// <item><term><c>async-loop</c></term><description><c>Unsync.Loop(() =&gt; FetchAsync(url))</c> → <see cref="Unfuture{T}"/></description></item>
/// <item><term><c>thread</c></term><description><c>Unsync.Thread(() =&gt; Load(path))</c></description></item>
/// <item><term><c>process</c></term><description><c>Unsync.Process&lt;long&gt;("main:sum_of_squares", lo, hi)</c></description></item>
/// <item><term><c>asyncio.sleep(s)</c></term><description><c>await Unsync.Sleep(s)</c></description></item>
/// </list>
/// All of them return at once and never run the body inline. They use <see cref="Runtime"/>, a
/// process-wide <see cref="UnsyncRuntime"/> created on first use.
/// </summary>
public static class Unsync
{
    private static readonly object s_gate = new();
    private static UnsyncRuntime? s_runtime;

    /// <summary>The process-wide runtime (Python's module-level unsync state).</summary>
    public static UnsyncRuntime Runtime
    {
        get
        {
            var r = Volatile.Read(ref s_runtime);
            if (r is not null) return r;
            lock (s_gate)
            {
                if (s_runtime is not null) return s_runtime;
                r = s_runtime = new UnsyncRuntime();
            }
            DefaultRuntimeCreated?.Invoke();
            return r;
        }
    }

    /// <summary>
    /// Runs once the default runtime is created, on the thread that first needed it (outside the
    /// lock): where unsync creates its event loop in CPython, which logs asyncio's
    /// <c>Using selector</c> debug record (the logging module sets it).
    /// </summary>
    internal static Action? DefaultRuntimeCreated;

    /// <summary>Changes the default runtime's options; only before its first call.</summary>
    public static void Configure(Action<UnsyncOptions> configure) => Runtime.Configure(configure);

    /// <summary>Shuts the default runtime down in order (see <see cref="UnsyncRuntime.Shutdown"/>);
    /// the next use starts a fresh one with default options.</summary>
    public static bool Shutdown(TimeSpan? timeout = null)
    {
        UnsyncRuntime? old;
        lock (s_gate)
        {
            old = s_runtime;
            s_runtime = null;
        }
        return old?.Shutdown(timeout) ?? true;
    }

    /// <inheritdoc cref="UnsyncRuntime.Loop{T}(Func{Task{T}})"/>
    public static Unfuture<T> Loop<T>(Func<Task<T>> body) => Runtime.Loop(body);

    /// <inheritdoc cref="UnsyncRuntime.Loop(Func{Task})"/>
    public static Unfuture Loop(Func<Task> body) => Runtime.Loop(body);

    /// <inheritdoc cref="UnsyncRuntime.Thread{T}(Func{T})"/>
    public static Unfuture<T> Thread<T>(Func<T> body) => Runtime.Thread(body);

    /// <inheritdoc cref="UnsyncRuntime.Thread(Action)"/>
    public static Unfuture Thread(Action body) => Runtime.Thread(body);

    /// <inheritdoc cref="UnsyncRuntime.Process{T}(string, object[])"/>
    public static Unfuture<T> Process<T>(string key, params object?[] args) => Runtime.Process<T>(key, args);

    /// <inheritdoc cref="UnsyncRuntime.Process(string, object[])"/>
    public static Unfuture Process(string key, params object?[] args) => Runtime.Process(key, args);

    /// <summary>A future completed with <paramref name="value"/> soon (Python's <c>Unfuture.from_value</c>).</summary>
    public static Unfuture<T> FromValue<T>(T value) => Runtime.FromValue(value);

    /// <summary><c>await asyncio.sleep(seconds)</c>: on the loop, 0 gives the other coroutines a
    /// turn in FIFO order and a positive delay resumes in due-time order (ties in call order).</summary>
    public static LoopSleep Sleep(double seconds) =>
        new(double.IsNaN(seconds) || seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds));

    /// <inheritdoc cref="Sleep(double)"/>
    public static LoopSleep Sleep(TimeSpan delay) => new(delay);

    /// <summary><c>await asyncio.sleep(0)</c>: let every other ready coroutine run once.</summary>
    public static LoopSleep Yield() => new(TimeSpan.Zero);
}
