using UnsyncMigrate.Runtime;
using UnsyncMigrate.Runtime.TestWorker;

// Exactly how a generated Main starts.
if (UnsyncRuntime.RunWorkerIfRequested(args)) return 0;

switch (args.FirstOrDefault())
{
    case "--demo-parent":
        return DemoParent.Run();
    case "--bad-worker":
        // A program that does not know worker mode: it writes to stdout and quits.
        Console.WriteLine("hello, I am not a worker");
        return 0;
    default:
        Console.Error.WriteLine("usage: --unsync-worker | --demo-parent | --bad-worker");
        return 2;
}
