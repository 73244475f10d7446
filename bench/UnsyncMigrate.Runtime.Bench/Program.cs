using UnsyncMigrate.Runtime;
using UnsyncMigrate.Runtime.Bench;

// A generated program starts exactly like this; the bench is its own worker.
if (UnsyncRuntime.RunWorkerIfRequested(args)) return 0;
if (args.Length > 0 && args[0] == RawPipe.EchoArgument) { RawPipe.ServeEcho(); return 0; }

int runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 7;
return Harness.Run(runs);
