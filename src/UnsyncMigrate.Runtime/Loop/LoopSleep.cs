using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// What <see cref="Unsync.Sleep(double)"/> returns: the translation of <c>await asyncio.sleep(s)</c>.
/// On the loop thread a zero delay posts the continuation to the back of the loop's queue (the FIFO
/// alternation of <c>asyncio.sleep(0)</c>) and a positive delay goes to the loop's timer heap, so
/// sleepers resume in due-time order, ties in call order. Off the loop it falls back to
/// <see cref="Task.Yield"/> / <see cref="Task.Delay(TimeSpan)"/>. It always yields, even for 0.
/// </summary>
public readonly struct LoopSleep
{
    private readonly TimeSpan _delay;

    internal LoopSleep(TimeSpan delay) => _delay = delay;

    /// <summary>Returns the awaiter (used by <c>await</c>).</summary>
    public Awaiter GetAwaiter() => new(_delay);

    /// <summary>The sleep as a <see cref="Task"/> (e.g. to pass to <see cref="Task.WhenAll(Task[])"/>).</summary>
    public Task AsTask() => AsTaskCore(this);

    private static async Task AsTaskCore(LoopSleep sleep) => await sleep;

    /// <summary>Awaiter of <see cref="LoopSleep"/>.</summary>
    public readonly struct Awaiter : ICriticalNotifyCompletion
    {
        private static readonly SendOrPostCallback s_run = static s => ((Action)s!)();
        private readonly TimeSpan _delay;

        internal Awaiter(TimeSpan delay) => _delay = delay;

        /// <summary>Always false: a sleep, even of 0, gives the other coroutines a turn.</summary>
        public bool IsCompleted => false;

        /// <summary>Nothing to return.</summary>
        public void GetResult() { }

        /// <inheritdoc />
        public void OnCompleted(Action continuation)
        {
            var ec = ExecutionContext.Capture();
            if (ec is null) { UnsafeOnCompleted(continuation); return; }
            UnsafeOnCompleted(() => ExecutionContext.Run(ec, static s => ((Action)s!)(), continuation));
        }

        /// <inheritdoc />
        public void UnsafeOnCompleted(Action continuation)
        {
            var loop = UnsyncSynchronizationContext.CurrentLoop;
            if (loop is not null)
            {
                if (_delay <= TimeSpan.Zero) loop.Post(s_run, continuation);
                else loop.ScheduleAfter(_delay, continuation);
            }
            else if (_delay <= TimeSpan.Zero)
            {
                Task.Yield().GetAwaiter().UnsafeOnCompleted(continuation);
            }
            else
            {
                Task.Delay(_delay).GetAwaiter().UnsafeOnCompleted(continuation);
            }
        }
    }
}
