namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>threading</c> primitives. Generated <c>with lock:</c> becomes
/// <c>using (lock.Hold()) { ... }</c>, or <c>Py.Enter(lock)</c> / <c>Py.Exit(lock, ex)</c>.
/// </summary>
public static class Threading
{
    /// <summary><c>threading.Lock()</c>: not reentrant; any thread may release it.</summary>
    public sealed class Lock : IPyContextManager, IPyMethods, IPyRepr
    {
        readonly SemaphoreSlim _sem = new(1, 1);

        /// <summary><c>acquire(blocking=True, timeout=-1)</c>.</summary>
        public bool Acquire(bool blocking = true, double timeout = -1)
        {
            if (!blocking)
            {
                if (timeout != -1) throw new ValueError("can't specify a timeout for a non-blocking call");
                return _sem.Wait(0);
            }
            if (timeout < 0 && timeout != -1) throw new ValueError("timeout value must be a non-negative number");
            return timeout == -1 ? WaitForever() : _sem.Wait(TimeSpan.FromSeconds(timeout));
        }

        bool WaitForever() { _sem.Wait(); return true; }

        public void Release()
        {
            lock (_sem)
            {
                if (_sem.CurrentCount != 0) throw new RuntimeError("release unlocked lock");
                _sem.Release();
            }
        }

        public bool Locked() => _sem.CurrentCount == 0;

        /// <summary>Acquires now; disposing releases (<c>using (lock.Hold())</c>).</summary>
        public IDisposable Hold() { Acquire(); return new Releaser(this); }

        sealed class Releaser(Lock owner) : IDisposable
        {
            int _done;
            public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) owner.Release(); }
        }

        public object? Enter() { Acquire(); return true; }
        public bool Exit(PyBaseException? exc) { Release(); return false; }

        static readonly HashSet<string> s_methods = new() { "acquire", "release", "locked", "__enter__", "__exit__", "acquire_lock", "release_lock" };
        public HashSet<string> PyMethodNames => s_methods;

        public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            result = null;
            switch (name)
            {
                case "acquire": case "acquire_lock":
                    result = Acquire(Py.IsTrue(args.Length > 0 ? args[0] : kwargs?.Get("blocking", true)),
                                     Py.Float(args.Length > 1 ? args[1] : kwargs?.Get("timeout", -1.0)));
                    return true;
                case "__enter__": result = Enter(); return true;
                case "release": case "release_lock": Release(); return true;
                case "__exit__": Release(); result = false; return true;
                case "locked": result = Locked(); return true;
            }
            return false;
        }

        public string PyRepr() => $"<{(Locked() ? "locked" : "unlocked")} _thread.lock object at {Py.FakeAddress(this)}>";
    }

    /// <summary><c>threading.RLock()</c>: reentrant, owned by the acquiring thread.</summary>
    public sealed class RLock : IPyContextManager, IPyMethods
    {
        readonly object _gate = new();
        int _owner = -1, _count;

        public bool Acquire(bool blocking = true, double timeout = -1)
        {
            int me = Environment.CurrentManagedThreadId;
            lock (_gate)
            {
                if (_owner == me) { _count++; return true; }
                var deadline = timeout < 0 ? DateTime.MaxValue : DateTime.UtcNow.AddSeconds(timeout);
                while (_owner != -1)
                {
                    if (!blocking) return false;
                    var left = deadline - DateTime.UtcNow;
                    if (timeout >= 0 && left <= TimeSpan.Zero) return false;
                    if (timeout < 0) Monitor.Wait(_gate); else Monitor.Wait(_gate, left);
                }
                _owner = me;
                _count = 1;
                return true;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                if (_owner != Environment.CurrentManagedThreadId) throw new RuntimeError("cannot release un-acquired lock");
                if (--_count == 0) { _owner = -1; Monitor.PulseAll(_gate); }
            }
        }

        public IDisposable Hold() { Acquire(); return new Releaser(this); }

        sealed class Releaser(RLock owner) : IDisposable
        {
            public void Dispose() => owner.Release();
        }

        public object? Enter() { Acquire(); return true; }
        public bool Exit(PyBaseException? exc) { Release(); return false; }

        static readonly HashSet<string> s_methods = new() { "acquire", "release", "__enter__", "__exit__" };
        public HashSet<string> PyMethodNames => s_methods;

        public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            result = null;
            switch (name)
            {
                case "acquire": result = Acquire(args.Length == 0 || Py.IsTrue(args[0]), args.Length > 1 ? Py.Float(args[1]) : -1); return true;
                case "__enter__": result = Enter(); return true;
                case "release": Release(); return true;
                case "__exit__": Release(); result = false; return true;
            }
            return false;
        }
    }

    /// <summary><c>threading.Event()</c>.</summary>
    public sealed class Event : IPyMethods
    {
        readonly ManualResetEventSlim _ev = new(false);
        public void Set() => _ev.Set();
        public void Clear() => _ev.Reset();
        public bool IsSet() => _ev.IsSet;
        public bool Wait(double? timeout = null) => timeout is double t ? _ev.Wait(TimeSpan.FromSeconds(Math.Max(0, t))) : WaitForever();
        bool WaitForever() { _ev.Wait(); return true; }

        static readonly HashSet<string> s_methods = new() { "set", "clear", "is_set", "wait" };
        public HashSet<string> PyMethodNames => s_methods;

        public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            result = null;
            switch (name)
            {
                case "set": Set(); return true;
                case "clear": Clear(); return true;
                case "is_set": result = IsSet(); return true;
                case "wait":
                    var t = args.Length > 0 ? args[0] : kwargs?.Get("timeout");
                    result = Wait(t is null ? null : Py.Float(t));
                    return true;
            }
            return false;
        }
    }

    /// <summary><c>threading.current_thread().name</c>-like: "MainThread" on the first thread that asked, else "Thread-N".</summary>
    public static string CurrentThreadName() => Thread.CurrentThread.Name ?? (Environment.CurrentManagedThreadId == s_mainId ? "MainThread" : "Thread-" + Environment.CurrentManagedThreadId);

    static readonly int s_mainId = Environment.CurrentManagedThreadId;
}
