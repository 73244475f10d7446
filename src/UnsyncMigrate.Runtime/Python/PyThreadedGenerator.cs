using System.Runtime.ExceptionServices;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// A generator whose body C# cannot write as an iterator: one that yields inside <c>try</c> with
/// handlers, in a handler or in a <c>finally</c> (CS1626/CS1631/CS1625), <c>with</c> blocks included.
/// The body runs on a thread of its own, strictly in turn with its consumer: each <c>yield</c>
/// hands a value over and waits for the next request, so the body's try/except/finally run as
/// Python runs them. Closing it early raises <c>GeneratorExit</c> at the paused yield.
/// </summary>
public sealed class PyThreadedGenerator(Action<Action<object?>> body) : IEnumerable<object?>
{
    public IEnumerator<object?> GetEnumerator() => new Run(body);
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    sealed class Run(Action<Action<object?>> body) : IEnumerator<object?>
    {
        readonly SemaphoreSlim _toBody = new(0), _toConsumer = new(0);
        Thread? _thread;
        bool _done, _closing;
        Exception? _error;

        public object? Current { get; private set; }
        object? System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_done) return false;
            if (_thread == null)
            {
                _thread = new Thread(Body, 16 * 1024 * 1024) { IsBackground = true, Name = "generator" };
                _thread.Start();
            }
            else _toBody.Release();
            _toConsumer.Wait();
            if (_error is { } e)
            {
                _error = null;
                ExceptionDispatchInfo.Throw(e);
            }
            return !_done;
        }

        void Body()
        {
            try { body(Yield); }
            catch (GeneratorExit) when (_closing) { }
            catch (Exception e) { _error = e; }
            _done = true;
            _toConsumer.Release();
        }

        void Yield(object? value)
        {
            if (_closing) throw new RuntimeError("generator ignored GeneratorExit");
            Current = value;
            _toConsumer.Release();
            _toBody.Wait();
            if (_closing) throw new GeneratorExit();
        }

        /// <summary>Python's <c>close()</c>: GeneratorExit at the paused yield, so its handlers and finally blocks run.</summary>
        public void Dispose()
        {
            if (_thread == null || _done) { _done = true; return; }
            _closing = true;
            _toBody.Release();
            _toConsumer.Wait();
            if (_error is { } e)
            {
                _error = null;
                ExceptionDispatchInfo.Throw(e);
            }
        }

        public void Reset() => throw new NotSupportedException();
    }
}

public static partial class Py
{
    /// <summary>A generator whose body yields through the callback it is given (see <see cref="PyThreadedGenerator"/>).</summary>
    public static PyIterator ThreadedGenerator(Action<Action<object?>> body) => new(new PyThreadedGenerator(body), "generator");
}
