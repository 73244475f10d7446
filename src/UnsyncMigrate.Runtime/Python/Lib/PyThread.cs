namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>threading.Thread</c> on an OS thread: <c>Thread(target=f, args=(...), kwargs={...},
/// name=..., daemon=...)</c> with <c>start()</c>, <c>join(timeout)</c>, <c>run()</c>,
/// <c>is_alive()</c>, <c>name</c>, <c>daemon</c>, <c>ident</c>. A program class deriving from
/// it derives from this class: <c>start()</c> runs the object's <c>run()</c>, found by name, so a
/// subclass's override runs; its <c>super().__init__(...)</c> is <see cref="Init"/>.
/// A non-daemon thread keeps the process alive until it ends, as Python waits for it at exit.
/// </summary>
public class PyThread : PyObjectBase, IPyInit
{
    static long s_counter;

    object? _target;
    object?[] _args = [];
    PyKwargs? _kwargs;
    string _name = "";
    bool _daemon, _initialized;
    Thread? _thread;
    readonly ManualResetEventSlim _done = new(false);

    /// <summary>The class object (<c>threading.Thread</c>): callable, and what a subclass's super() reaches.</summary>
    public static readonly PyType Class = new("Thread", "threading", typeof(PyThread), (a, k) =>
    {
        var thread = new PyThread();
        thread.Init(a, k);
        return thread;
    })
    {
        InstanceMembers = name => name switch
        {
            "__init__" => Member(name, (t, a, k) => { t.Init(a, k); return null; }),
            "run" => Member(name, (t, a, k) => { Py.CheckArgs("run", a, k, 0); t.Run(); return null; }),
            "start" => Member(name, (t, a, k) => { Py.CheckArgs("start", a, k, 0); t.Start(); return null; }),
            "join" => Member(name, (t, a, k) => { t.Join(PyArgs.Bind("join", a, k, ["timeout"], [null], 1, false, false)[0]); return null; }),
            "is_alive" => Member(name, (t, a, k) => { Py.CheckArgs("is_alive", a, k, 0); return t.IsAlive; }),
            _ => null,
        },
    };

    static PyInstanceMember Member(string name, Func<PyThread, object?[], PyKwargs?, object?> body) =>
        new() { Method = (self, a, k) => body((PyThread)self!, a, k), QualName = "Thread." + name };

    public override string PyTypeName => "Thread";
    public override string PyModuleName => "threading";

    /// <summary><c>Thread.__init__(group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None)</c>.</summary>
    public void Init(object?[] args, PyKwargs? kwargs)
    {
        var b = PyArgs.Bind("Thread", args, kwargs, ["group", "target", "name", "args", "kwargs", "daemon"], [null, null, null, PyTuple.Empty, null, null], 5, false, false);
        if (b[0] is not null) throw new AssertionError("group argument must be None for now");
        _target = b[1];
        long n = Interlocked.Increment(ref s_counter);
        _name = b[2] is { } name ? Py.Str(name)
            : _target != null && Py.TryGetAttr(_target, "__name__", out var targetName) ? $"Thread-{n} ({Py.Str(targetName)})" : $"Thread-{n}";
        _args = Py.ToArray(b[3]);
        _kwargs = b[4] is null ? null : PyKwargs.FromMapping(b[4]);
        // A thread started from a daemon thread is a daemon too; the main thread is not.
        _daemon = b[5] is null ? t_current?._daemon ?? false : Py.IsTrue(b[5]);
        _initialized = true;
    }

    [ThreadStatic] static PyThread? t_current;

    /// <summary>
    /// <c>threading.current_thread()</c>: the Thread object running this code; for a thread the
    /// program did not start (the main thread, an executor's), one standing for it, named as the runtime names it.
    /// </summary>
    public static PyThread Current() => t_current ??= new PyThread
    {
        _name = Threading.CurrentThreadName(),
        _initialized = true,
        _thread = Thread.CurrentThread,
    };

    /// <summary><c>run()</c>: calls the target with its arguments.</summary>
    public void Run()
    {
        try
        {
            if (_target != null) Py.Call(_target, _args, _kwargs);
        }
        finally
        {
            _target = null;
            _args = [];
            _kwargs = null;
        }
    }

    /// <summary><c>start()</c>: runs the object's <c>run()</c> on a new thread.</summary>
    public void Start()
    {
        if (!_initialized) throw new RuntimeError("thread.__init__() not called");
        lock (_done)
        {
            if (_thread != null) throw new RuntimeError("threads can only be started once");
            _thread = new Thread(Body) { Name = _name, IsBackground = _daemon };
        }
        _thread.Start();
    }

    void Body()
    {
        t_current = this;
        try
        {
            Py.CallMethod(this, "run", []);
        }
        catch (Exception e)
        {
            // threading.excepthook: the thread ends, the program goes on.
            var error = Py.WrapException(e);
            Py.FlushStdout();
            Console.Error.WriteLine($"Exception in thread {_name}:");
            Console.Error.WriteLine($"{error.PyTypeName}: {error.PyStr()}");
        }
        finally
        {
            _done.Set();
        }
    }

    /// <summary><c>join(timeout=None)</c>.</summary>
    public void Join(object? timeout)
    {
        if (!_initialized) throw new RuntimeError("Thread.__init__() not called");
        if (_thread == null) throw new RuntimeError("cannot join thread before it is started");
        if (_thread == Thread.CurrentThread) throw new RuntimeError("cannot join current thread");
        if (timeout is null) _done.Wait();
        else _done.Wait(TimeSpan.FromSeconds(Math.Max(0, Py.Float(timeout))));
    }

    public bool IsAlive => _thread != null && !_done.IsSet;

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "name": value = _name; return true;
            case "daemon": value = _daemon; return true;
            case "ident" or "native_id": value = _thread == null ? null : (long)_thread.ManagedThreadId; return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public override bool TrySetAttr(string name, object? value)
    {
        switch (name)
        {
            case "name":
                _name = Py.Str(value);
                if (_thread != null && !_done.IsSet) _thread.Name = _name;
                return true;
            case "daemon":
                if (_thread != null) throw new RuntimeError("cannot set daemon status of active thread");
                _daemon = Py.IsTrue(value);
                return true;
        }
        return base.TrySetAttr(name, value);
    }

    public override bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (Class.InstanceMembers!(name) is { } member)
        {
            result = member.Method!(this, args, kwargs);
            return true;
        }
        return base.TryCallMethod(name, args, kwargs, out result);
    }

    public override object? __repr__()
    {
        string status = _thread == null ? "initial" : _done.IsSet ? "stopped" : "started";
        if (_daemon) status += " daemon";
        if (_thread != null) status += " " + _thread.ManagedThreadId;
        return $"<{PyTypeName}({_name}, {status})>";
    }
}
