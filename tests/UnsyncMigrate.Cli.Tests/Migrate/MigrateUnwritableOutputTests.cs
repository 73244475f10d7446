using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>An output that cannot be written is one line naming the path and the reason, exit 2, before any work; never a stack trace.</summary>
public class MigrateUnwritableOutputTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    string Program()
    {
        _dir.Write("py/main.py", "print(1)\n");
        return _dir["py"];
    }

    static void AssertOneLineError(Cli.Result r, string expected)
    {
        Assert.True(r.ExitCode == ExitCodes.Usage, r.ToString());
        Assert.Equal(expected + "\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Output_IsAnExistingFile()
    {
        string file = _dir.Write("taken", "the user's file\n");
        AssertOneLineError(Cli.Run(Program(), "-o", file, "--force"), $"error: cannot write to '{file}': it is a file, not a folder");
        Assert.Equal("the user's file\n", File.ReadAllText(file));
    }

    [Fact]
    public void Output_IsUnderAFile()
    {
        string file = _dir.Write("taken", "x");
        string output = Path.Combine(file, "sub", "out");
        AssertOneLineError(Cli.Run(Program(), "-o", output), $"error: cannot write to '{output}': '{file}' is a file, not a folder");
    }

    /// <summary>A folder the tool may not write: read-only by mode for a normal user; root ignores modes, so for root a sysfs path (EPERM).</summary>
    [RequiresFact(Requirement.Unix)]
    public void Output_InAFolderThatCannotBeWritten()
    {
        string output;
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            output = "/sys/unsync-migrate-test-output";
            Assert.True(Directory.Exists("/sys"), "this test needs Linux's /sys");
        }
        else
        {
            string locked = _dir.CreateDirectory("locked");
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            output = Path.Combine(locked, "out");
        }
        var r = Cli.Run(Program(), "-o", output);
        AssertOneLineError(r, $"error: cannot write to '{output}': permission denied");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Check_IntoAFile_FailsAsARunWould()
    {
        string file = _dir.Write("taken", "x");
        var r = Cli.Run(Program(), "-o", file, "--check");
        AssertOneLineError(r, $"error: cannot write to '{file}': it is a file, not a folder");
    }
}
