using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// The migrate command line: paths relative to the current folder (so this class runs alone,
/// see <see cref="CurrentDirectory"/>), --entry in all its forms, --jobs, and the messages for
/// an empty folder, two paths, a wrong entry.
/// </summary>
[Collection(CurrentDirectory.Name)]
public class MigrateOptionsTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    Cli.Result RunIn(string folder, params string[] args) => CurrentDirectory.In(folder, () => Cli.Run(args));

    [Fact]
    public void DefaultOutput_IsPerInput_SoTwoProgramsNeverShareAFolder()
    {
        _dir.Write("one/main.py", "print(1)\n");
        _dir.Write("two/main.py", "print(2)\n");
        _dir.Write("tool.py", "print(3)\n");
        var first = RunIn(_dir.Path, "one");
        var second = RunIn(_dir.Path, "two/");
        var file = RunIn(_dir.Path, "tool.py");
        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.True(file.ExitCode == ExitCodes.Success, file.ToString());
        Assert.Single(Directory.GetFiles(_dir["one.cs"], "*.csproj"));
        Assert.Single(Directory.GetFiles(_dir["two.cs"], "*.csproj"));
        Assert.True(File.Exists(_dir["tool.cs/Tool.cs"]));
        Assert.Contains($"build: dotnet build {_dir["one.cs"]}", first.Stdout);
    }

    [Theory]
    [InlineData("{src}/app/cli.py")]        // relative to the current folder
    [InlineData("app/cli.py")]              // relative to PATH
    [InlineData("app.cli")]                 // a module name
    public void Entry_AcceptsAPathOrAModuleName(string entry)
    {
        _dir.Write("src/app/__init__.py", "");
        _dir.Write("src/app/cli.py", "print('cli')\n");
        _dir.Write("src/other.py", "print('other')\n");
        var r = RunIn(_dir.Path, "src", "-o", _dir["out"], "--entry", entry.Replace("{src}", "src"));
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains("(entry 'app.cli')", r.Stdout);
    }

    [Fact]
    public void Entry_PackageFolderWithMain_IsItsMainModule()
    {
        _dir.Write("src/app/__init__.py", "");
        _dir.Write("src/app/__main__.py", "print('main')\n");
        _dir.Write("src/other.py", "print('other')\n");
        var r = RunIn(_dir["src"], ".", "-o", _dir["out"], "--entry", "app");
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains("(entry 'app.__main__')", r.Stdout);
    }

    [Fact]
    public void Entry_NotAModule_SaysSoAndWritesNothing()
    {
        _dir.Write("src/main.py", "print(1)\n");
        _dir.Write("elsewhere/tool.py", "print(2)\n");
        foreach (var entry in new[] { "nope.py", "elsewhere/tool.py", "nope" })
        {
            var r = RunIn(_dir.Path, "src", "-o", _dir["out"], "--entry", entry);
            Assert.True(r.ExitCode == ExitCodes.Usage, r.ToString());
            Assert.Contains($"error: --entry {entry} is not a module of src", r.Stderr);
        }
        Assert.False(Directory.Exists(_dir["out"]));
    }

    [Fact]
    public void EmptyFolder_SaysThereAreNoPythonFiles()
    {
        _dir.CreateDirectory("empty");
        _dir.Write("empty/readme.txt", "no python here\n");
        var r = Cli.Run(_dir["empty"], "-o", _dir["out"]);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains($"error: no Python files in '{_dir["empty"]}'", r.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1000")]
    public void Jobs_OutOfRange_IsAUsageErrorWithAPlainMessage(string jobs)
    {
        _dir.Write("src/main.py", "print(1)\n");
        var r = Cli.Run(_dir["src"], "-o", _dir["out"], "--jobs", jobs);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains($"--jobs expects a whole number from 1 to 256, not '{jobs}'.", r.Stderr);
        Assert.DoesNotContain("System.", r.Stderr);
        Assert.False(Directory.Exists(_dir["out"]));
    }

    [Fact]
    public void TwoPaths_GetAPlainMessage_NotATypoSuggestion()
    {
        _dir.Write("py/main.py", "print(1)\n");
        var r = RunIn(_dir.Path, "./py", "./py");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("Expected one PATH to migrate, got 2: ./py ./py.", r.Stderr);
        Assert.DoesNotContain("Did you mean", r.Stderr);
    }

    [Fact]
    public void CheckAndDryRun_TogetherAreAUsageError()
    {
        _dir.Write("py/main.py", "print(1)\n");
        var r = Cli.Run(_dir["py"], "--check", "--dry-run");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--check and --dry-run do not go together", r.Stderr);
    }
}

/// <summary>
/// The tests that change the process's current folder (to check paths relative to it): the
/// collection runs alone, so no test beside them resolves a relative path against the wrong folder.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectory
{
    public const string Name = "current directory";

    /// <summary>Runs <paramref name="body"/> with <paramref name="folder"/> as the current folder.</summary>
    public static T In<T>(string folder, Func<T> body)
    {
        string saved = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            return body();
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }
}
