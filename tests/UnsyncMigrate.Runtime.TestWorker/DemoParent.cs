using UnsyncMigrate.Runtime;

namespace UnsyncMigrate.Runtime.TestWorker;

/// <summary>
/// The child program of the SIGKILL test: uses the pool with the default worker command (this
/// program again), makes sure two workers run, prints their pids, then waits to be killed.
/// </summary>
internal static class DemoParent
{
    public static int Run()
    {
        Unsync.Configure(o => o.ProcessPoolSize = 2);
        // The second call finds the first worker busy and starts another one.
        var a = Unsync.Process<int>(TestTargets.Pid);
        var b = Unsync.Process<int>(TestTargets.Pid);
        int pa = a.Result(), pb = b.Result();
        var pids = Unsync.Runtime.WorkerProcessIds;
        Console.WriteLine($"WORKERS {string.Join(' ', pids)}");
        Console.Out.Flush();
        Console.Error.WriteLine($"demo parent {Environment.ProcessId}: answered by {pa} and {pb}");
        // Block until stdin closes (the test keeps it open, then SIGKILLs us).
        Console.In.ReadToEnd();
        return 0;
    }
}
