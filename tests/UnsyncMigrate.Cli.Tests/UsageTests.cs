using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

public class UsageTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(new string[0], "Missing PATH")]
    [InlineData(new[] { "ast" }, "Nothing to parse")]
    [InlineData(new[] { "ast", "--root" }, "--root")]
    [InlineData(new[] { "ast", "--root", "{dir}/missing" }, "is not a directory")]
    [InlineData(new[] { "ast", "--root", "{dir}/file.py" }, "is not a directory")]
    [InlineData(new[] { "ast", "--root", "{dir}", "x.py" }, "not both")]
    [InlineData(new[] { "ast", "--jobs", "0", "x.py" }, "--jobs expects a whole number")]
    [InlineData(new[] { "ast", "--jobs", "-3", "x.py" }, "--jobs")]
    [InlineData(new[] { "ast", "-j", "two", "x.py" }, "--jobs expects a whole number")]
    [InlineData(new[] { "ast", "-j", "100000", "x.py" }, "--jobs expects a whole number")]
    [InlineData(new[] { "ast", "--jobs", "1", "--jobs", "2", "x.py" }, "--jobs")]
    [InlineData(new[] { "ast", "--bogus", "x.py" }, "Unrecognized option '--bogus'")]
    [InlineData(new[] { "ast", "x.py", "-z" }, "Unrecognized option '-z'")]
    [InlineData(new[] { "--bogus" }, "Unrecognized option '--bogus'")]
    public void Command_line_mistakes_exit_2_with_a_message_on_stderr(string[] args, string message)
    {
        _dir.Write("file.py", "x = 1\n");
        var r = Cli.Run(args.Select(a => a.Replace("{dir}", _dir.Path)).ToArray());
        Assert.True(r.ExitCode == ExitCodes.Usage, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Contains(message, r.Stderr);
        Assert.Contains("--help' for usage.", r.Stderr);
    }

    [Fact]
    public void A_double_dash_makes_dash_names_files()
    {
        var r = Cli.Run("ast", "--", "--not-an-option.py");
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Equal(["--not-an-option.py"], Cli.Paths(r));
    }

    [Fact]
    public void Migrate_FolderWithoutEntryModule_IsAClassLibrary()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "helpers.py"), "x = 1\n");
        File.WriteAllText(Path.Combine(_dir.Path, "other.py"), "y = 2\n");
        var r = Cli.Run(_dir.Path, "-o", Path.Combine(_dir.Path, "out"));
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Contains("no entry module (main.py, __main__.py or --entry)", r.Stderr);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "out", "Helpers.cs")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "out", "Program.cs")));
    }

    [Fact]
    public void Migrate_MainPyThatDoesNotParse_IsNoLibrary()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "main.py"), "def (:\n");
        File.WriteAllText(Path.Combine(_dir.Path, "other.py"), "y = 2\n");
        var r = Cli.Run(_dir.Path, "-o", Path.Combine(_dir.Path, "out"));
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Contains("the entry module could not be read or parsed", r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "out")));
    }

    [Fact]
    public void Migrate_Program_WritesProjectAndRefusesForeignFolder()
    {
        var src = Path.Combine(_dir.Path, "src");
        Directory.CreateDirectory(src);
        File.WriteAllText(Path.Combine(src, "main.py"), "from unsync import unsync\n@unsync\ndef f(x):\n    return x\nprint(f(1).result())\n");
        var outDir = Path.Combine(_dir.Path, "out");
        var r = Cli.Run(src, "-o", outDir);
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "src.csproj")));
        Assert.True(File.Exists(Path.Combine(outDir, "Main.cs")));
        Assert.True(File.Exists(Path.Combine(outDir, "Program.cs")));
        Assert.True(File.Exists(Path.Combine(outDir, "lib", "UnsyncMigrate.Runtime.dll")));
        var first = File.ReadAllText(Path.Combine(outDir, "Main.cs"));
        Assert.Equal(ExitCodes.Success, Cli.Run(src, "-o", outDir).ExitCode);   // our own folder: rerun allowed
        Assert.Equal(first, File.ReadAllText(Path.Combine(outDir, "Main.cs"))); // deterministic

        var foreign = Path.Combine(_dir.Path, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "mine");
        var refused = Cli.Run(src, "-o", foreign);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);
        Assert.Single(Directory.GetFileSystemEntries(foreign));
    }

    [Fact]
    public void Migrate_BadModule_IsReportedLeftOutAndTheRestWritten()
    {
        var src = Path.Combine(_dir.Path, "src");
        Directory.CreateDirectory(src);
        File.WriteAllText(Path.Combine(src, "main.py"), "print('hi')\n");
        File.WriteAllText(Path.Combine(src, "broken.py"), "def f(:\n    pass\n");
        var outDir = Path.Combine(_dir.Path, "out");
        var r = Cli.Run(src, "-o", outDir);
        Assert.True(r.ExitCode == ExitCodes.InputRejected, r.ToString());
        Assert.Contains("broken.py(1,", r.Stderr);           // file, line, column
        Assert.Contains("left out: broken.py", r.Stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "Main.cs")));
        Assert.False(File.Exists(Path.Combine(outDir, "Broken.cs")));
    }

    [Fact]
    public void Migrate_BadEntryModule_WritesNothing()
    {
        var src = Path.Combine(_dir.Path, "src");
        Directory.CreateDirectory(src);
        File.WriteAllText(Path.Combine(src, "main.py"), "print('hi'\n");
        var outDir = Path.Combine(_dir.Path, "out");
        var r = Cli.Run(src, "-o", outDir);
        Assert.True(r.ExitCode == ExitCodes.InputRejected, r.ToString());
        Assert.Contains("main.py(1,", r.Stderr);
        Assert.Contains("nothing was written", r.Stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Migrate_SkipsWhatTheScanSkips_GitignoreAndVirtualEnvironments()
    {
        var src = Path.Combine(_dir.Path, "src");
        Directory.CreateDirectory(Path.Combine(src, "generated"));
        Directory.CreateDirectory(Path.Combine(src, ".venv"));
        File.WriteAllText(Path.Combine(src, "main.py"), "print('hi')\n");
        File.WriteAllText(Path.Combine(src, ".gitignore"), "generated/\n");
        File.WriteAllText(Path.Combine(src, "generated", "junk.py"), "this is not python\n");
        File.WriteAllText(Path.Combine(src, ".venv", "lib.py"), "neither is this\n");
        var r = Cli.Run(src, "-o", Path.Combine(_dir.Path, "out"));
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains("migrated 1 module(s)", r.Stdout);
    }

    [Fact]
    public void Exit_codes_are_distinct()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.InputRejected, ExitCodes.Usage, ExitCodes.NotImplemented,
                       ExitCodes.InternalError, ExitCodes.Interrupted, ExitCodes.OutputClosed];
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal((0, 1, 2), (ExitCodes.Success, ExitCodes.InputRejected, ExitCodes.Usage));
    }

    [Fact]
    public void Options_bind_to_an_immutable_record()
    {
        var root = (Commands.MigrateRootCommand)CliApp.BuildRoot();
        var ast = root.Subcommands.OfType<Commands.AstCommand>().Single();
        var o = ast.Bind(root.Parse(["ast", "--root", _dir.Path, "--no-positions", "-q", "-j", "3"]));
        Assert.Equal(new Ast.AstOptions(_dir.Path, [], Positions: false, Quiet: true, Jobs: 3) with { Files = o.Files }, o);
        Assert.Empty(o.Files);
        var d = ast.Bind(root.Parse(["ast", "a.py", "b.py"]));
        Assert.Equal(["a.py", "b.py"], d.Files);
        Assert.True(d.Positions);
        Assert.False(d.Quiet);
        Assert.Equal(Environment.ProcessorCount, d.Jobs);
        Assert.Null(d.Root);
    }
}
