using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

public class HelpTests
{
    [Fact]
    public void Root_help_matches_golden()
    {
        var r = Cli.Run("--help");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Golden.Match(r.Stdout, "help-root.txt");
    }

    [Fact]
    public void Ast_help_matches_golden()
    {
        var r = Cli.Run("ast", "--help");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Golden.Match(r.Stdout, "help-ast.txt");
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Short_help_aliases_print_the_same_help(string alias)
    {
        Assert.Equal(Cli.Run("--help").Stdout, Cli.Run(alias).Stdout);
        Assert.Equal(Cli.Run("ast", "--help").Stdout, Cli.Run("ast", alias).Stdout);
    }

    [Fact]
    public void Help_wins_over_usage_errors()
    {
        foreach (var args in new[] { new[] { "ast", "--jobs", "0", "--help" }, ["ast", "--bogus", "--help"], ["ast", "-h"] })
        {
            var r = Cli.Run(args);
            Assert.Equal(ExitCodes.Success, r.ExitCode);
            Assert.Equal(Cli.Run("ast", "--help").Stdout, r.Stdout);
            Assert.Equal("", r.Stderr);
        }
    }

    [Fact]
    public void Usage_lines_name_the_tool_and_hide_the_root_path_in_subcommands()
    {
        Assert.Contains("\n  dotnet unsync-migrate [<PATH>] [command] [options]\n", Cli.Run("--help").Stdout);
        Assert.Contains("\n  dotnet unsync-migrate ast (--root <DIR> | <FILE>...) [--no-positions] [--quiet] [--jobs <N>]\n", Cli.Run("ast", "--help").Stdout);
        Assert.DoesNotContain("<PATH>", Cli.Run("ast", "--help").Stdout);
    }

    [Fact]
    public void Version_exits_zero()
    {
        var r = Cli.Run("--version");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout);
    }
}
