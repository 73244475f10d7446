using System.Diagnostics;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// Whole programs of our own, migrated by the real command, built with <c>dotnet build</c> and
/// run as real processes (worker processes included), printing what CPython 3.13 printed.
/// </summary>
public class MigratedProgramTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static (int Code, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {string.Join(' ', args)} timed out");
        return (p.ExitCode, stdout + (p.ExitCode != 0 ? "\n--- stderr\n" + stderr.Result : ""));
    }

    /// <summary>Migrates the sample, builds it and runs it from the sample's folder; returns its stdout.</summary>
    string MigrateBuildRun(string sample) => MigrateBuildRun(sample, out _);

    /// <summary>As <see cref="MigrateBuildRun(string)"/>, also handing back what the migration printed (its warnings).</summary>
    string MigrateBuildRun(string sample, out Cli.Result migrate)
    {
        string source = Path.Combine(RepoRoot.Find(), "tests", "samples", sample);
        string output = _dir[sample + ".cs"];
        migrate = Cli.Run(source, "-o", output);
        Assert.True(migrate.ExitCode == ExitCodes.Success, migrate.ToString());
        var build = Run("dotnet", output, "build", "-nologo", "-v", "q");
        Assert.True(build.Code == 0, build.Output);
        var run = Run("dotnet", source, "run", "--no-build", "--project", output);
        Assert.True(run.Code == 0, run.Output);
        return run.Output;
    }

    [Fact]
    public void ModesSample_EveryFormOfUnsync_PrintsWhatCPythonPrints()
    {
        // Recorded with CPython 3.13 and unsync 1.4.0 (../shared/oracle), from tests/samples/modes.
        Assert.Equal("40 15 5 27\n3 4 15\nsite:2 55 49\n['site', 'work'] 294\n", MigrateBuildRun("modes"));
    }

    [Fact]
    public void ShopSample_PackagesClassesDecoratorsAndEveryMode_PrintsWhatCPythonPrintsWithoutWarnings()
    {
        // tests/samples/shop: a real-shaped program (3 packages, 16 modules). Its output was recorded
        // with CPython 3.13 and unsync 1.4.0 (../shared/oracle) into shop.expected.txt:
        //   cd tests/samples/shop && PYTHONPATH=../../../../shared/oracle PYENV_VERSION=3.13.0 python3 main.py
        string expected = File.ReadAllText(Path.Combine(RepoRoot.Find(), "tests", "UnsyncMigrate.Cli.Tests", "Migrate", "shop.expected.txt"));
        string output = MigrateBuildRun("shop", out var migrate);
        // Every construct is translated: no stub (UM2001), no library gap (UM2002), no mode guessed.
        Assert.DoesNotContain("warning UM", migrate.ToString());
        Assert.Equal(expected, output);
    }
}
