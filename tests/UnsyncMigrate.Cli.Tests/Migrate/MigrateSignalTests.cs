using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using UnsyncMigrate.Cli.Migrate.Output;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// SIGINT and SIGTERM sent to a real migrate run of a large program: the tool exits within a
/// second with 130, and the output folder is byte-for-byte what it was before the run (the new
/// generation was only ever staged beside it, and the staging folder is gone too).
/// </summary>
public class MigrateSignalTests : IDisposable
{
    const int SigInt = 2, SigTerm = 15;

    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);

    /// <summary>A program big enough that loading and translating it take seconds: 120 modules of 100 functions.</summary>
    string LargeProgram()
    {
        var main = new StringBuilder();
        for (int m = 0; m < 120; m++)
        {
            var module = new StringBuilder("from unsync import unsync\n\n");
            for (int f = 0; f < 100; f++)
            {
                if (f % 10 == 0) module.Append("@unsync\n");
                module.Append($"def f{f}(x, y=2):\n    total = x * y + {f}\n    if total > 100:\n        return total - 1\n    return [total, str(total)]\n\n");
            }
            _dir.Write($"big/mod{m}.py", module.ToString());
            main.Append($"import mod{m}\n");
        }
        main.Append("print(mod0.f1(1))\n");
        _dir.Write("big/main.py", main.ToString());
        return _dir["big"];
    }

    static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => File.Exists(f) ? OutputManifest.Hash(File.ReadAllBytes(f)) : "folder");

    [RequiresTheory(Requirement.Unix)]
    [InlineData(SigInt, 1)]
    [InlineData(SigTerm, 1)]
    [InlineData(SigInt, 2)]          // a second Ctrl+C while stopping changes nothing (it used to crash the tool, exit 134)
    public void Signal_DuringARun_ExitsWithin1s_With130_AndLeavesTheOutputAsItWas(int signal, int times)
    {
        // The folder as the user has it: an earlier migration of another program, and a file of theirs.
        _dir.Write("small/main.py", "print('small')\n");
        string output = _dir["out"];
        Assert.Equal(ExitCodes.Success, Cli.Run(_dir["small"], "-o", output).ExitCode);
        _dir.Write("out/UserCode.cs", "// mine\n");
        var before = Snapshot(_dir.Path);
        string big = LargeProgram();

        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "UnsyncMigrate.Cli.dll"), big, "-o", output, "--force" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();

        // The staging folder appears once the output was accepted, before the long work: the run is then under way.
        var waited = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories(_dir.Path, ".out.unsync-migrate-*.tmp").Any())
        {
            if (p.HasExited) Assert.Fail("the run ended before it staged anything: " + stderr.Result);
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "the run never staged its output");
            Thread.Sleep(10);
        }
        Thread.Sleep(200);                                           // into loading and translating

        Assert.False(p.HasExited, "the run finished before the signal: make the program larger");
        var stopping = Stopwatch.StartNew();
        for (int i = 0; i < times; i++) Assert.Equal(0, Kill(p.Id, signal));
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "the signal did not stop the run");
        stopping.Stop();

        Assert.True(p.ExitCode == ExitCodes.Interrupted, $"exit {p.ExitCode}: {stderr.Result}");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"took {stopping.Elapsed.TotalMilliseconds:F0} ms to stop");
        var after = Snapshot(_dir.Path).Where(e => !e.Key.StartsWith("big", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(before.OrderBy(e => e.Key), after.OrderBy(e => e.Key));    // no staging folder left either
        Assert.Contains("interrupted", stderr.Result);
    }
}
