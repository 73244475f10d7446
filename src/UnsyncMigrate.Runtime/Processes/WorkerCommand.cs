using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// How to start a worker process. By default it is this program again
/// (<see cref="ForCurrentProgram"/>) with <see cref="UnsyncRuntime.WorkerArgument"/> appended; tests
/// and hosts point it elsewhere with <see cref="ForDll"/> or <see cref="ForExecutable"/>.
/// </summary>
public sealed class WorkerCommand
{
    /// <summary>Creates a command: <paramref name="fileName"/> then <paramref name="arguments"/>,
    /// then the worker flag.</summary>
    public WorkerCommand(string fileName, params string[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        FileName = fileName;
        Arguments = arguments;
    }

    /// <summary>The program to run.</summary>
    public string FileName { get; }

    /// <summary>Arguments before <see cref="UnsyncRuntime.WorkerArgument"/>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Extra environment variables for the worker.</summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// This program again: its apphost, or <c>dotnet app.dll</c> when it was started through the
    /// <c>dotnet</c> host (running <c>dotnet --unsync-worker</c> would start the wrong thing).
    /// </summary>
    public static WorkerCommand ForCurrentProgram()
    {
        var path = System.Environment.ProcessPath
            ?? throw new WorkerStartException("Cannot find this program's path to start worker processes; set UnsyncOptions.WorkerCommand.");
        if (IsDotnetHost(path))
        {
            var entry = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
                throw new WorkerStartException("Running under the dotnet host but the entry assembly has no path; set UnsyncOptions.WorkerCommand.");
            return new WorkerCommand(path, entry);
        }
        return new WorkerCommand(path);
    }

    /// <summary><c>dotnet &lt;dllPath&gt;</c>, with the dotnet host that runs this process when it can be found.</summary>
    public static WorkerCommand ForDll(string dllPath) => new(FindDotnetHost(), Path.GetFullPath(dllPath));

    /// <summary>A native executable or apphost.</summary>
    public static WorkerCommand ForExecutable(string path) => new(Path.GetFullPath(path));

    internal ProcessStartInfo ToStartInfo()
    {
        var psi = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,    // requests; EOF tells the worker to exit
            RedirectStandardOutput = true,   // replies
            RedirectStandardError = false,   // inherited: an undrained stderr pipe would hang the worker
            CreateNoWindow = true,
        };
        foreach (var a in Arguments) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(UnsyncRuntime.WorkerArgument);
        foreach (var (k, v) in Environment) psi.Environment[k] = v;
        psi.Environment[UnsyncRuntime.WorkerEnvironmentVariable] = "1";
        return psi;
    }

    private static bool IsDotnetHost(string path) =>
        string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase);

    private static string FindDotnetHost()
    {
        var fromSdk = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var self = System.Environment.ProcessPath;
        if (self is not null && IsDotnetHost(self)) return self;
        // shared/Microsoft.NETCore.App/<version>/ -> the dotnet root holding the host
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
