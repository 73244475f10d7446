namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>asyncio.Lock</c> and <c>asyncio.Semaphore</c> as CPython 3.13 implements them, on the unsync
/// loop (every call comes from the loop thread, so no C# locking). A waiter is woken as a future's
/// result is set in Python: its continuation is posted to the loop (it runs in a later loop step),
/// and it stays in the queue until then, so a task that acquires in between queues behind it.
/// Task cancellation does not exist in the runtime, so no waiter is ever cancelled.
/// </summary>
public static class AsyncioLocks
{
    internal sealed class Waiter
    {
        public readonly TaskCompletionSource Woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Done;
    }

    /// <summary>The shared object protocol: the methods a lock and a semaphore both have.</summary>
    public abstract class Primitive : IPyObject, IPyRepr
    {
        private protected readonly List<Waiter> _waiters = [];

        public abstract string PyTypeName { get; }
        public abstract bool Locked();
        public abstract Task<object?> Acquire();
        public abstract void Release();
        private protected abstract string State { get; }

        public string PyRepr()
        {
            string extra = _waiters.Count > 0 ? $"{State}, waiters:{_waiters.Count}" : State;
            return $"<asyncio.locks.{PyTypeName} object at {Py.FakeAddress(this)} [{extra}]>";
        }

        /// <summary>Waits in the queue until woken; the waiter leaves the queue when it runs again.</summary>
        private protected async Task WaitTurn()
        {
            var w = new Waiter();
            _waiters.Add(w);
            try { await w.Woken.Task; }
            finally { _waiters.Remove(w); }
        }

        /// <summary>Wakes the first waiter not woken yet (<paramref name="onWake"/> runs first); false when none.</summary>
        private protected bool WakeFirst(Action? onWake = null, bool firstOnly = false)
        {
            foreach (var w in _waiters)
            {
                if (w.Done) { if (firstOnly) return false; continue; }
                onWake?.Invoke();
                w.Done = true;
                w.Woken.SetResult();
                return true;
            }
            return false;
        }

        static readonly string[] s_methods = ["acquire", "release", "locked", "__aenter__", "__aexit__"];

        public bool TryGetAttr(string name, out object? value)
        {
            value = null;
            if (Array.IndexOf(s_methods, name) < 0) return false;
            string method = name;
            value = new PyFunc(name, (a, k) => TryCallMethod(method, a, k, out var r) ? r : null, $"{PyTypeName}.{name}");
            return true;
        }

        public bool TrySetAttr(string name, object? value) => false;

        public bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            result = null;
            switch (name)
            {
                case "acquire": result = Acquire(); return true;
                case "release": Release(); return true;
                case "locked": result = Locked(); return true;
                case "__aenter__": result = Enter(); return true;
                case "__aexit__": Release(); result = Task.FromResult<object?>(null); return true;
            }
            return false;
        }

        async Task<object?> Enter()
        {
            await Acquire();
            return null;
        }
    }

    /// <summary><c>asyncio.Lock()</c>.</summary>
    public sealed class Lock : Primitive
    {
        bool _locked;

        public override string PyTypeName => "Lock";
        private protected override string State => _locked ? "locked" : "unlocked";
        public override bool Locked() => _locked;

        public override async Task<object?> Acquire()
        {
            // Free and nobody queued: taken at once, without a loop step.
            if (!_locked && _waiters.Count == 0)
            {
                _locked = true;
                return true;
            }
            await WaitTurn();
            _locked = true;
            return true;
        }

        public override void Release()
        {
            if (!_locked) throw new RuntimeError("Lock is not acquired.");
            _locked = false;
            WakeFirst(firstOnly: true);
        }
    }

    /// <summary><c>asyncio.Semaphore(value=1)</c>.</summary>
    public sealed class Semaphore : Primitive
    {
        long _value;

        public Semaphore(object? value)
        {
            _value = Py.ToLong(value);
            if (_value < 0) throw new ValueError("Semaphore initial value must be >= 0");
        }

        public override string PyTypeName => "Semaphore";
        private protected override string State => Locked() ? "locked" : $"unlocked, value:{_value}";
        public override bool Locked() => _value == 0 || _waiters.Count > 0;

        public override async Task<object?> Acquire()
        {
            if (!Locked())
            {
                _value--;
                return true;
            }
            try { await WaitTurn(); }
            finally
            {
                // Waiters that arrived meanwhile had to queue (FIFO): wake as many as the value allows.
                while (_value > 0 && WakeFirst(() => _value--)) { }
            }
            return true;
        }

        public override void Release()
        {
            _value++;
            WakeFirst(() => _value--);
        }
    }
}
