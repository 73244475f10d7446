using System.Diagnostics;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>
/// The built tool as a real process: raw stdout bytes, the exit code the shell sees, and
/// behaviour that only a process has (a closed pipe, a termination signal).
/// </summary>
public class ProcessTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static string CliDll => Path.Combine(AppContext.BaseDirectory, "UnsyncMigrate.Cli.dll");

    static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return p;
    }

    static (int Code, byte[] Stdout, string Stderr) Run(params string[] args)
    {
        using var p = Start(args);
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the tool did not finish");
        copy.Wait();
        return (p.ExitCode, stdout.ToArray(), stderr.Result);
    }

    [Fact]
    public void The_process_prints_the_same_bytes_and_exit_code_as_in_process()
    {
        Trees.Varied(_dir, 15);
        var inProcess = Cli.Run("ast", "--root", _dir.Path);
        var (code, stdout, stderr) = Run("ast", "--root", _dir.Path);
        Assert.Equal(inProcess.ExitCode, code);
        Assert.Equal(inProcess.Stdout, System.Text.Encoding.UTF8.GetString(stdout));
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Usage_errors_exit_2_from_the_process_too()
    {
        var (code, stdout, stderr) = Run("ast", "--jobs", "0", "x.py");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains("--jobs", stderr);
    }

    [RequiresFact(Requirement.Unix)]
    public void Output_to_a_file_shared_with_the_shell_is_not_overwritten()
    {
        string a = _dir.Write("a.py", "x = 1\n");
        string output = _dir["out.txt"];
        // Like `{ tool; echo after; } > out.txt`: both write through one descriptor.
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("{ echo before; dotnet \"$0\" ast \"$1\" \"$1\"; echo after; } > \"$2\"");
        psi.ArgumentList.Add(CliDll);
        psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(output);
        using (var p = Process.Start(psi)!) Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)));
        var lines = File.ReadAllLines(output);
        Assert.Equal(4, lines.Length);
        Assert.Equal("before", lines[0]);
        Assert.StartsWith("{\"path\":", lines[1]);
        Assert.Equal(lines[1], lines[2]);
        Assert.Equal("after", lines[3]);
    }

    [RequiresFact(Requirement.Unix)]
    public void A_closed_pipe_stops_the_run_with_141()
    {
        for (int i = 0; i < 3000; i++) _dir.Write($"m{i % 30}/f{i}.py", "x = 1\n");
        using var p = Start("ast", "--root", _dir.Path, "--jobs", "1");
        Assert.NotNull(p.StandardOutput.ReadLine());
        p.StandardOutput.Close();                           // like `| head -1`
        _ = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(ExitCodes.OutputClosed, p.ExitCode);
    }

    [RequiresFact(Requirement.Unix)]
    public void Termination_interrupts_a_blocked_run_with_130()
    {
        string a = _dir.Write("a.py", "x = 1\n");
        Trees.Fifo(_dir, "fifo.py");                         // reading it blocks until a writer comes: forever
        using var p = Start("ast", "--jobs", "1", a, _dir["fifo.py"]);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Thread.Sleep(2000);                                  // started, and (normally) a.py parsed, blocked on the FIFO
        AssertSignalStops(p, "TERM");
        // What was ready is flushed on the way out: a.py's line (if it was parsed in time on a
        // busy machine), never the FIFO's.
        Assert.True(stdout.Wait(TimeSpan.FromSeconds(10)));
        var paths = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()).ToList();
        Assert.True(paths.Count == 0 || paths.SequenceEqual([a]), string.Join(", ", paths));
    }

    [RequiresTheory(Requirement.Unix)]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Termination_interrupts_a_blocked_scan_with_130(string signal)
    {
        Trees.Fifo(_dir, "fifo.py");                         // the scan blocks reading it, forever
        using var p = Start("scan", _dir["fifo.py"], "--format", "json");
        _ = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Thread.Sleep(2000);
        AssertSignalStops(p, signal);
        Assert.True(stderr.Wait(TimeSpan.FromSeconds(10)));
        Assert.Contains("interrupted", stderr.Result);
    }

    /// <summary>Sends SIG<paramref name="signal"/> to a running tool: it must exit with 130 within a second.</summary>
    static void AssertSignalStops(Process p, string signal)
    {
        Assert.False(p.HasExited, "the tool ended before the signal");
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            kill.WaitForExit();
        var stopping = Stopwatch.StartNew();
        if (!p.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            p.Kill();
            Assert.Fail($"SIG{signal} did not stop the tool");
        }
        Assert.Equal(ExitCodes.Interrupted, p.ExitCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"SIG{signal} took {stopping.Elapsed.TotalMilliseconds:F0} ms to stop the tool");
    }
}
