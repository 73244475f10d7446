using System.CommandLine;
using System.CommandLine.Parsing;

namespace UnsyncMigrate.Cli.Commands;

/// <summary>The options of the root (migrate) action.</summary>
/// <param name="Path">The Python project or file to migrate.</param>
/// <param name="Output">Where the C# project is written (null: the default).</param>
public sealed record MigrateOptions(string Path, string? Output);

/// <summary>
/// <c>dotnet unsync-migrate PATH [-o DIR]</c>: the migration itself (Python unsync → C#). It is
/// reserved and not implemented yet: it says so and exits with <see cref="ExitCodes.NotImplemented"/>.
/// The subcommands (diagnostic and analysis verbs) hang off this root.
/// </summary>
public sealed class MigrateRootCommand : RootCommand
{
    public const string ToolHelpName = "dotnet unsync-migrate";

    readonly Argument<string?> _path = new("PATH")
    {
        Description = "The Python project folder or file to migrate (a folder named like a command needs ./, e.g. ./ast).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Folder for the generated C# project (reserved for the migration).",
        HelpName = "DIR",
    };

    public MigrateRootCommand()
        : base("Migrate Python programs that use the 'unsync' library to C#, running on a bundled executor runtime.\n" +
               "The migration itself is not implemented yet: given PATH, the tool says so and exits with code 3.\n" +
               "Exit codes: 0 success, 1 some inputs rejected, 2 usage error, 3 not implemented yet, 4 internal error,\n" +
               "130 interrupted.")
    {
        HelpName = ToolHelpName;
        Arguments.Add(_path);
        Options.Add(_output);
        Validators.Add(result =>
        {
            if (result.GetValue(_path) is null)
                result.AddError("Missing PATH (the project to migrate), or a command such as 'ast'.");
        });
        SetAction((parseResult, cancellationToken) =>
            Task.FromResult(CliApp.Guard(parseResult, () => Execute(parseResult))));

        // Verbs. Each is one class deriving from Command; add new ones here.
        Subcommands.Add(new AstCommand());
        Subcommands.Add(new ScanCommand());

        ToolHelp.Install(this);
    }

    public MigrateOptions Bind(ParseResult parseResult) =>
        new(parseResult.GetValue(_path)!, parseResult.GetValue(_output));

    int Execute(ParseResult parseResult)
    {
        var options = Bind(parseResult);
        parseResult.InvocationConfiguration.Error.WriteLine(
            $"migration is not implemented yet (PATH '{options.Path}'); for now, try '{ToolHelpName} ast --help'.");
        return ExitCodes.NotImplemented;
    }
}
