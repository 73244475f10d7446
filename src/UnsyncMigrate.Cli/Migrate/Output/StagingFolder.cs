using System.Diagnostics;
using System.Globalization;

namespace UnsyncMigrate.Cli.Migrate.Output;

/// <summary>
/// A temporary sibling of the output folder (<c>.NAME.unsync-migrate-PID.tmp</c>) where a run
/// writes its files before moving them into place: on the same file system, so each move is a
/// rename, and the output folder is touched only in that last short step. Disposing removes
/// it; a folder left by a run that was killed is removed by the next run (once its process is
/// gone).
/// </summary>
public sealed class StagingFolder : IDisposable
{
    const string Infix = ".unsync-migrate-";
    const string Suffix = ".tmp";

    StagingFolder(string path) => FullPath = path;

    public string FullPath { get; }

    /// <summary>Creates the staging folder beside <paramref name="output"/> (creating the output's parent if needed), after removing stale ones.</summary>
    /// <exception cref="IOException">The parent cannot be written (the caller reports it).</exception>
    /// <exception cref="UnauthorizedAccessException">The same, for permissions.</exception>
    public static StagingFolder Create(OutputFolder output)
    {
        string parent = Path.GetDirectoryName(output.FullPath) ?? throw new IOException("the output cannot be a file system root");
        string name = Path.GetFileName(output.FullPath);
        Directory.CreateDirectory(parent);
        RemoveStale(parent, name);
        string path = Path.Combine(parent, "." + name + Infix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + Suffix);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);   // our own pid: a leftover of a dead process
        Directory.CreateDirectory(path);
        return new StagingFolder(path);
    }

    /// <summary>Where a relative path of the output is staged.</summary>
    public string PathOf(string relativePath) => Path.Combine(FullPath, relativePath);

    /// <summary>Stages a file; returns its staged path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(FullPath)) Directory.Delete(FullPath, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run removes what is left.
        }
    }

    /// <summary>Removes staging folders of <paramref name="name"/> whose process no longer runs.</summary>
    static void RemoveStale(string parent, string name)
    {
        string prefix = "." + name + Infix;
        foreach (var dir in Directory.EnumerateDirectories(parent, prefix + "*" + Suffix))
        {
            string pidText = Path.GetFileName(dir)[prefix.Length..^Suffix.Length];
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId
                || IsRunning(pid))
                continue;
            try { Directory.Delete(dir, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
