using UnsyncMigrate.Cli.Migrate.Output;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// <c>--check</c>, for CI during a gradual migration: regenerates in memory, writes nothing, lists
/// what would change (and user-edited files), exit 0 when up to date and 1 otherwise.
/// </summary>
public class MigrateCheckTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    string Source => _dir["py"];
    string Out => _dir["py-cs"];

    Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFileSystemEntries(_dir.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => File.Exists(f) ? OutputManifest.Hash(File.ReadAllBytes(f)) : "folder");

    Cli.Result Check()
    {
        var before = Snapshot();
        var r = Cli.Run(Source, "-o", Out, "--check");
        Assert.Equal(before, Snapshot());                        // writes nothing, ever
        return r;
    }

    void Migrate()
    {
        _dir.Write("py/main.py", "import helper\nprint(helper.X)\n");
        _dir.Write("py/helper.py", "X = 1\n");
        var r = Cli.Run(Source, "-o", Out);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
    }

    [Fact]
    public void Check_Unchanged_Exits0()
    {
        Migrate();
        var r = Check();
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains($"check: '{Out}' is up to date", r.Stdout);
        Assert.DoesNotContain("would", r.Stdout);
    }

    [Fact]
    public void Check_SourceChanged_ListsTheFilesThatWouldChange_Exits1()
    {
        Migrate();
        _dir.Write("py/helper.py", "X = 2\n");
        _dir.Write("py/extra.py", "Y = 1\n");
        var r = Check();
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Contains("check: Helper.cs would be updated", r.Stdout);
        Assert.Contains("check: Extra.cs would be created", r.Stdout);
        Assert.DoesNotContain("Main.cs", r.Stdout);
    }

    [Fact]
    public void Check_UserEditedFile_IsListed_Exits1()
    {
        Migrate();
        File.AppendAllText(_dir["py-cs/Main.cs"], "// edited\n");
        var r = Check();
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Contains("check: Main.cs was edited since it was generated; it would be kept, the new version written to Main.cs.new", r.Stdout);
    }

    [Fact]
    public void Check_DeletedOutputs_WouldBeCreated_Exits1()
    {
        Migrate();
        File.Delete(_dir["py-cs/Helper.cs"]);
        File.Delete(_dir["py-cs/lib/UnsyncMigrate.Runtime.dll"]);
        var r = Check();
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Contains("check: Helper.cs would be created", r.Stdout);
        Assert.Contains("check: lib/UnsyncMigrate.Runtime.dll would be created", r.Stdout);
        Assert.Contains("check: 2 file(s)", r.Stdout);
    }

    [Fact]
    public void Check_RemovedModule_WouldBeRemoved_Exits1()
    {
        Migrate();
        _dir.Write("py/main.py", "print(1)\n");
        File.Delete(_dir["py/helper.py"]);
        var r = Check();
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Contains("check: Helper.cs would be removed (no longer generated)", r.Stdout);
    }

    [Fact]
    public void Check_NothingMigratedYet_EverythingWouldBeCreated()
    {
        _dir.Write("py/main.py", "print(1)\n");
        var r = Check();
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Contains("check: Main.cs would be created", r.Stdout);
        Assert.False(Directory.Exists(Out));
    }
}
