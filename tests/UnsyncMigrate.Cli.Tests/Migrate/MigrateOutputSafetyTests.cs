using System.Text;
using UnsyncMigrate.Cli.Migrate.Output;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// Migrate on a user's working tree: files the tool did not write, or that were edited since,
/// survive every rerun, with and without --force; the folder's manifest says which files are
/// the tool's; a folder holding another program's migration or a file is refused.
/// </summary>
public class MigrateOutputSafetyTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    string Source => _dir["py"];
    string Out => _dir["py-cs"];

    void WriteProgram(string greeting = "hi")
    {
        _dir.Write("py/main.py", $"import helper\n\nprint(helper.greet('{greeting}'))\n");
        _dir.Write("py/helper.py", "def greet(x):\n    return x + '!'\n");
    }

    static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => OutputManifest.Hash(File.ReadAllBytes(f)));

    [Fact]
    public void Rerun_KeepsFilesTheUserAdded()
    {
        WriteProgram();
        Assert.Equal(ExitCodes.Success, Cli.Run(Source, "-o", Out).ExitCode);
        _dir.Write("py-cs/UserCode.cs", "// mine\n");
        _dir.Write("py-cs/notes/todo.md", "- check\n");
        _dir.Write("py-cs/lib/Extra.dll", "binary");

        WriteProgram("hello");                                     // the program changed: files are regenerated
        var r = Cli.Run(Source, "-o", Out);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Equal("// mine\n", File.ReadAllText(_dir["py-cs/UserCode.cs"]));
        Assert.Equal("- check\n", File.ReadAllText(_dir["py-cs/notes/todo.md"]));
        Assert.Equal("binary", File.ReadAllText(_dir["py-cs/lib/Extra.dll"]));
        Assert.Contains("hello", File.ReadAllText(_dir["py-cs/Main.cs"]));
    }

    [Fact]
    public void Rerun_EditedGeneratedFile_IsKeptWithTheNewVersionBesideIt_Exit1()
    {
        WriteProgram();
        Cli.Run(Source, "-o", Out);
        string edited = File.ReadAllText(_dir["py-cs/Main.cs"]) + "// my fix\n";
        File.WriteAllText(_dir["py-cs/Main.cs"], edited);

        WriteProgram("hello");
        var r = Cli.Run(Source, "-o", Out);
        Assert.True(r.ExitCode == ExitCodes.InputRejected, r.ToString());
        Assert.Equal(edited, File.ReadAllText(_dir["py-cs/Main.cs"]));
        Assert.Contains("hello", File.ReadAllText(_dir["py-cs/Main.cs.new"]));
        Assert.Contains("warning UM3001: Main.cs was edited since it was generated; new version in Main.cs.new", r.Stderr);
        Assert.Contains("Helper.cs", File.ReadAllText(_dir["py-cs/" + OutputManifest.FileName]));

        // Still edited on the next run, even with --force: never overwritten.
        var again = Cli.Run(Source, "-o", Out, "--force");
        Assert.Equal(ExitCodes.InputRejected, again.ExitCode);
        Assert.Equal(edited, File.ReadAllText(_dir["py-cs/Main.cs"]));

        // The user takes the new version: the next run is clean and removes its stale .new file.
        File.Move(_dir["py-cs/Main.cs.new"], _dir["py-cs/Main.cs"], overwrite: true);
        var clean = Cli.Run(Source, "-o", Out);
        Assert.True(clean.ExitCode == ExitCodes.Success, clean.ToString());
        Assert.False(File.Exists(_dir["py-cs/Main.cs.new"]));
    }

    [Fact]
    public void Force_IntoAForeignFolder_NeverOverwritesItsFiles_AndLaterRunsDeleteNone()
    {
        WriteProgram();
        _dir.Write("py-cs/Main.cs", "// the user's own Main.cs\n");
        _dir.Write("py-cs/UserCode.cs", "// mine\n");
        var before = Snapshot(Out);

        var refused = Cli.Run(Source, "-o", Out);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("is not empty and was not created by unsync-migrate; use --force", refused.Stderr);
        Assert.Equal(before, Snapshot(Out));

        var forced = Cli.Run(Source, "-o", Out, "--force");
        Assert.True(forced.ExitCode == ExitCodes.InputRejected, forced.ToString());
        Assert.Contains("warning UM3001: Main.cs was not written by unsync-migrate; new version in Main.cs.new", forced.Stderr);
        Assert.Equal("// the user's own Main.cs\n", File.ReadAllText(_dir["py-cs/Main.cs"]));
        Assert.True(File.Exists(_dir["py-cs/Main.cs.new"]));

        WriteProgram("hello");
        File.Delete(_dir["py/helper.py"]);
        _dir.Write("py/main.py", "print('no helper')\n");        // Helper.cs is no longer generated: the tool's own copy goes
        var later = Cli.Run(Source, "-o", Out);
        Assert.Equal(ExitCodes.InputRejected, later.ExitCode);   // Main.cs is still the user's
        foreach (var (path, hash) in before)
            Assert.Equal(hash, OutputManifest.Hash(File.ReadAllBytes(Path.Combine(Out, path))));
        Assert.False(File.Exists(_dir["py-cs/Helper.cs"]));
    }

    [Fact]
    public void Rerun_RemovesStaleGeneratedFiles_ButKeepsEditedOnes()
    {
        _dir.Write("py/main.py", "import a\nimport b\nprint(a.X + b.Y)\n");
        _dir.Write("py/a.py", "X = 1\n");
        _dir.Write("py/b.py", "Y = 2\n");
        Assert.Equal(ExitCodes.Success, Cli.Run(Source, "-o", Out).ExitCode);
        File.AppendAllText(_dir["py-cs/B.cs"], "// edited\n");

        _dir.Write("py/main.py", "print(3)\n");
        File.Delete(_dir["py/a.py"]);
        File.Delete(_dir["py/b.py"]);
        var r = Cli.Run(Source, "-o", Out);
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.False(File.Exists(_dir["py-cs/A.cs"]));
        Assert.True(File.Exists(_dir["py-cs/B.cs"]));
        Assert.Contains("warning UM3002: B.cs was generated by an earlier run and edited since; it is no longer generated and was kept", r.Stderr);
    }

    [Fact]
    public void AnotherProgramsOutput_IsRefused_UnlessForced_ThenOnlyTheToolsFilesAreReplaced()
    {
        _dir.Write("one/main.py", "print(1)\n");
        _dir.Write("one/extra.py", "Z = 1\n");
        _dir.Write("two/main.py", "print(2)\n");
        string outDir = _dir["shared-out"];
        Assert.Equal(ExitCodes.Success, Cli.Run(_dir["one"], "-o", outDir).ExitCode);
        _dir.Write("shared-out/UserCode.cs", "// mine\n");

        var refused = Cli.Run(_dir["two"], "-o", outDir);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains($"holds the migration of '{_dir["one"]}'", refused.Stderr);

        var forced = Cli.Run(_dir["two"], "-o", outDir, "--force");
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        Assert.Single(Directory.GetFiles(outDir, "*.csproj"));    // one.csproj was the tool's: replaced by two.csproj
        Assert.True(File.Exists(Path.Combine(outDir, "two.csproj")));
        Assert.False(File.Exists(Path.Combine(outDir, "Extra.cs")));
        Assert.Equal("// mine\n", File.ReadAllText(_dir["shared-out/UserCode.cs"]));
    }

    [Fact]
    public void OutputInsideOrEqualToTheProgram_IsRefused()
    {
        WriteProgram();
        var r = Cli.Run(Source, "-o", Source, "--force");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("cannot be the program's folder or contain it", r.Stderr);
        Assert.Equal(2, Directory.GetFileSystemEntries(Source).Length);
    }

    [Fact]
    public void UnreadableManifest_IsRefusedWithItsPath()
    {
        WriteProgram();
        _dir.Write("py-cs/" + OutputManifest.FileName, "{ not json");
        var r = Cli.Run(Source, "-o", Out, "--force");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains($"'{_dir["py-cs/" + OutputManifest.FileName]}' is not a manifest this tool can read", r.Stderr);
    }

    [Fact]
    public void FolderOfAnEarlierVersion_LegacyMarker_IsTheToolsButItsFilesAreKept()
    {
        WriteProgram();
        _dir.Write("py-cs/" + OutputManifest.LegacyMarkerName, OutputManifest.LegacyMarkerText);
        _dir.Write("py-cs/Main.cs", "// written by an older version, maybe edited\n");
        var r = Cli.Run(Source, "-o", Out);                        // no --force needed: the marker says it is the tool's
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Equal("// written by an older version, maybe edited\n", File.ReadAllText(_dir["py-cs/Main.cs"]));
        Assert.False(File.Exists(_dir["py-cs/" + OutputManifest.LegacyMarkerName]));
        Assert.True(File.Exists(_dir["py-cs/" + OutputManifest.FileName]));
    }

    [Fact]
    public void Run_LeavesNoStagingFolder_AndRemovesAStaleOne()
    {
        WriteProgram();
        string stale = _dir.CreateDirectory(".py-cs.unsync-migrate-999999999.tmp");   // no such process
        File.WriteAllText(Path.Combine(stale, "Main.cs"), "half-written");
        var r = Cli.Run(Source, "-o", Out);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Equal(["py", "py-cs"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order().ToArray());
    }

    [Fact]
    public void Manifest_ListsEveryFileTheToolWrote_WithItsHash()
    {
        WriteProgram();
        Cli.Run(Source, "-o", Out);
        var manifest = OutputManifest.Parse(File.ReadAllBytes(_dir["py-cs/" + OutputManifest.FileName]), out _)!;
        Assert.Equal(Source, manifest.Source);
        var onDisk = Snapshot(Out);
        onDisk.Remove(OutputManifest.FileName);
        Assert.Equal(onDisk.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key.Replace('\\', '/'), f.Value)),
                     manifest.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)));
        Assert.Contains("lib/UnsyncMigrate.Runtime.dll", manifest.Files.Keys);
        Assert.Equal(Encoding.UTF8.GetString(manifest.ToBytes()), File.ReadAllText(_dir["py-cs/" + OutputManifest.FileName]));
    }

    [Fact]
    public void ModulesDifferingOnlyInCase_GetDistinctFiles_AndAWarning()
    {
        _dir.Write("py/main.py", "import util\nimport Util\nprint(util.X, Util.X)\n");
        _dir.Write("py/util.py", "X = 'lower'\n");
        _dir.Write("py/Util.py", "X = 'upper'\n");
        var r = Cli.Run(Source, "-o", Out);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains("util.py(1,1): warning UM3003: module 'util' would be written to Util.cs, the file of module 'Util' " +
                        "(names that differ only in case are one file on case-insensitive file systems); it goes to Util_2.cs as class Util_2Module", r.Stderr);
        var files = Directory.GetFiles(Out, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Main.cs", "Program.cs", "Util.cs", "Util_2.cs"], files);
        Assert.Equal(files.Length, files.Select(f => f!.ToLowerInvariant()).Distinct().Count());
        Assert.Contains("Util_2.cs", File.ReadAllText(Path.Combine(Out, "README.md")));
    }
}
