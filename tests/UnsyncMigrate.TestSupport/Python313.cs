using System.Diagnostics;
using System.Text;

namespace UnsyncMigrate.TestSupport;

/// <summary>
/// A CPython 3.13 interpreter, the parser's reference, for tests that compare with it:
/// <c>python3.13</c> on PATH (if it really is 3.13), else the newest 3.13.x that pyenv has
/// installed (<c>$PYENV_ROOT</c> or <c>~/.pyenv</c>). The tool itself never needs Python, and
/// tests that do must skip cleanly without it: use <see cref="RequiresFactAttribute"/> with
/// <see cref="Requirement.Python313"/>.
/// </summary>
public sealed class Python313
{
    Python313(string executable, string version)
    {
        Executable = executable;
        Version = version;
    }

    /// <summary>The interpreter to start.</summary>
    public string Executable { get; }

    /// <summary>Its version, e.g. "3.13.0".</summary>
    public string Version { get; }

    static readonly Lazy<Python313?> Found = new(Locate);

    public static Python313? TryFind() => Found.Value;

    /// <summary>Runs the interpreter with <paramref name="arguments"/>; returns exit code, stdout bytes and stderr text.</summary>
    public (int ExitCode, byte[] Stdout, string Stderr) Run(IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null) =>
        RunProcess(Executable, arguments, workingDirectory, timeout ?? TimeSpan.FromMinutes(5));

    static Python313? Locate()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "python3.13");
            if (File.Exists(candidate) && Probe(candidate) is { } v) return new Python313(candidate, v);
        }
        string pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } r
            ? r : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        string versions = Path.Combine(pyenvRoot, "versions");
        if (!Directory.Exists(versions)) return null;
        var installed = Directory.GetDirectories(versions, "3.13.*")
            .Select(d => (Dir: d, Name: Path.GetFileName(d)))
            .Where(x => System.Version.TryParse(x.Name, out _))
            .OrderByDescending(x => System.Version.Parse(x.Name));
        foreach (var (dir, _) in installed)
        {
            foreach (var exe in new[] { "python3.13", "python3" })
            {
                string candidate = Path.Combine(dir, "bin", exe);
                if (File.Exists(candidate) && Probe(candidate) is { } v) return new Python313(candidate, v);
            }
        }
        return null;
    }

    static string? Probe(string executable)
    {
        try
        {
            var (code, stdout, _) = RunProcess(executable,
                ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], null, TimeSpan.FromSeconds(30));
            string v = Encoding.UTF8.GetString(stdout).Trim();
            return code == 0 && v.StartsWith("3.13.", StringComparison.Ordinal) ? v : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    internal static (int, byte[], string) RunProcess(string executable, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} ran past {timeout}");
        }
        copy.Wait();
        return (p.ExitCode, stdout.ToArray(), stderr.Result);
    }
}
