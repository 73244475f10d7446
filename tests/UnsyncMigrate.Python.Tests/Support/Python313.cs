using System.Diagnostics;

namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>CPython 3.13 on this machine, if any (python3.13 on PATH, or pyenv's 3.13.0).</summary>
public static class Python313
{
    static readonly Lazy<(string file, string[] prefix, Dictionary<string, string> env)?> Found = new(Find);

    public static bool Available => Found.Value != null;

    static (string, string[], Dictionary<string, string>)? Find()
    {
        foreach (var (file, env) in new[] { ("python3.13", new Dictionary<string, string>()), ("python3", new Dictionary<string, string> { ["PYENV_VERSION"] = "3.13.0" }) })
        {
            try
            {
                var (code, stdout, _) = Run(file, [], env, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], TimeSpan.FromSeconds(20));
                if (code == 0 && stdout.Trim() == "3.13") return (file, [], env);
            }
            catch (Exception) { /* not there */ }
        }
        return null;
    }

    /// <summary>Runs Python 3.13 with <paramref name="args"/>; returns exit code, stdout, stderr.</summary>
    public static (int code, string stdout, string stderr) Run(IEnumerable<string> args, TimeSpan timeout)
    {
        var f = Found.Value ?? throw new InvalidOperationException("no Python 3.13");
        return Run(f.file, f.prefix, f.env, args, timeout);
    }

    static (int, string, string) Run(string file, string[] prefix, Dictionary<string, string> env, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in prefix.Concat(args)) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact skipped unless Python 3.13 and ../shared/tools are on this machine.</summary>
public sealed class Python313FactAttribute : FactAttribute
{
    public Python313FactAttribute()
    {
        if (Paths.SharedTools == null) Skip = "no ../shared/tools (pyast_dump.py, quick-sample.txt) beside the checkout";
        else if (!Python313.Available) Skip = "no Python 3.13 (python3.13, or python3 with PYENV_VERSION=3.13.0)";
    }
}
