namespace UnsyncMigrate.Runtime;

public sealed partial class UnsyncRuntime
{
    /// <summary>The argument that starts a program in worker mode.</summary>
    public const string WorkerArgument = "--unsync-worker";

    /// <summary>Set in a worker's environment, so a program that forgot to check for worker mode
    /// refuses to start workers of its own instead of forking without end.</summary>
    public const string WorkerEnvironmentVariable = "UNSYNC_WORKER";

    /// <summary>True in a process that is serving as an unsync worker.</summary>
    public static bool IsWorkerProcess { get; private set; }

    /// <summary>
    /// The first statement of a generated Main:
    /// <code>
    /// public static int Main(string[] args)
    /// {
    ///     if (UnsyncRuntime.RunWorkerIfRequested(args)) return 0;
    ///     ...
    /// }
    /// </code>
    /// When <paramref name="args"/> starts with <see cref="WorkerArgument"/>, serves requests from
    /// the parent over stdin/stdout until stdin closes (which also happens when the parent dies) and
    /// returns true; otherwise returns false at once. Process functions must be registered in
    /// <see cref="ProcessRegistry"/> before this call (a <c>[ModuleInitializer]</c> does that).
    /// In worker mode <see cref="Console.Out"/> goes to stderr, so a stray print cannot corrupt
    /// the protocol, and <see cref="Console.In"/> is empty.
    /// </summary>
    public static bool RunWorkerIfRequested(string[] args)
    {
        if (args is not { Length: > 0 } || args[0] != WorkerArgument) return false;
        IsWorkerProcess = true;
        // Nested pools started by code running in this worker are legitimate; drop the marker.
        Environment.SetEnvironmentVariable(WorkerEnvironmentVariable, null);
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        Console.SetIn(TextReader.Null);
        try
        {
            WorkerHost.Run(input, output, PipePoll.StandardInput);
        }
        catch (IOException)
        {
            // The parent went away or sent garbage: nothing left to serve.
            Environment.ExitCode = 3;
        }
        return true;
    }
}
