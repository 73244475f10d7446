using System.Runtime.InteropServices;

namespace UnsyncMigrate.Cli.IO;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for the whole tool, the same for every verb: the first signal
/// cancels <see cref="Token"/> so the running command can stop at its next check and flush what
/// it has; if it has not returned within <see cref="GracePeriod"/>, the registered clean-ups run
/// and the process exits with <see cref="ExitCodes.Interrupted"/>. A command never has to poll
/// often to stop in time, and a second signal is harmless (System.CommandLine's own handling
/// ignored the first one in a synchronous action and crashed on the second).
/// <para>
/// <see cref="Defer"/> marks a short step that must not be cut in half (moving a finished
/// migration into place): a signal during it takes effect when it ends.
/// </para>
/// Process-wide by nature, so the state is static; nothing is installed in-process (tests run
/// the commands without it, and then <see cref="Defer"/> and <see cref="OnInterrupt"/> do nothing).
/// </summary>
internal static class Termination
{
    /// <summary>How long a command has to return on its own after the first signal.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(300);

    static readonly object Gate = new();
    static readonly CancellationTokenSource Source = new();
    static readonly List<Action> Cleanups = [];
    static readonly List<PosixSignalRegistration> Registrations = [];
    static int _deferred;
    static bool _pending, _stopping;

    /// <summary>Cancelled by the first SIGINT or SIGTERM (never cancelled when nothing is installed).</summary>
    public static CancellationToken Token => Source.Token;

    /// <summary>Takes over SIGINT and SIGTERM for this process (once, from the entry point).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (Registrations.Count > 0) return;
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
            Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        }
    }

    /// <summary>
    /// Registers <paramref name="cleanup"/> to run if the process is stopped by a signal before the
    /// returned handle is disposed (e.g. removing a half-written temporary folder). It runs under
    /// the same lock as the stop, so it never races with the exit.
    /// </summary>
    public static IDisposable OnInterrupt(Action cleanup)
    {
        lock (Gate) Cleanups.Add(cleanup);
        return new Handle(() => { lock (Gate) Cleanups.Remove(cleanup); });
    }

    /// <summary>Holds signals until the returned handle is disposed; they then take effect.</summary>
    public static IDisposable Defer()
    {
        lock (Gate) _deferred++;
        return new Handle(() =>
        {
            bool stop;
            lock (Gate) stop = --_deferred == 0 && _pending;
            if (stop) BeginStop();
        });
    }

    static void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;                 // the runtime's default would end the process now
        lock (Gate)
        {
            if (_stopping) return;
            if (_deferred > 0)
            {
                _pending = true;
                return;
            }
        }
        BeginStop();
    }

    static void BeginStop()
    {
        lock (Gate)
        {
            if (_stopping) return;
            _stopping = true;
        }
        Source.Cancel();
        // The command had its chance to return; if it is still busy (a long computation with no
        // check inside), end the process here, after the clean-ups.
        var deadline = new Thread(() =>
        {
            Thread.Sleep(GracePeriod);
            lock (Gate)
            {
                while (_deferred > 0) Monitor.Wait(Gate, 50);
                foreach (var cleanup in Cleanups.ToArray()) TryRun(cleanup);
                Cleanups.Clear();
            }
            try
            {
                Console.Out.Flush();
                Console.Error.WriteLine("interrupted");
            }
            catch (IOException)
            {
            }
            Environment.Exit(ExitCodes.Interrupted);
        }) { IsBackground = true, Name = "termination deadline" };
        deadline.Start();
    }

    static void TryRun(Action cleanup)
    {
        try { cleanup(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    sealed class Handle(Action release) : IDisposable
    {
        Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
