using System.CommandLine;
using System.CommandLine.Parsing;

namespace UnsyncMigrate.Cli.Commands;

/// <summary>The options of the root (migrate) action.</summary>
/// <param name="Path">The Python project or file to migrate.</param>
/// <param name="Output">Where the C# project is written (null: <c>./NAME.cs</c> for an input named NAME).</param>
/// <param name="Entry">The entry module: a file (relative to the current folder or to Path) or a module name; null: main.py or __main__.py.</param>
/// <param name="Force">Write into a non-empty folder the tool did not create, or that holds another program's migration.</param>
/// <param name="DryRun">Print what would change; write nothing.</param>
/// <param name="CpuBoundOnThreads">Run cpu_bound functions on threads instead of worker processes.</param>
/// <param name="Jobs">Parser threads (0: one per core); the output does not depend on it.</param>
/// <param name="Check">Regenerate in memory, write nothing, list what would change and exit 1 if anything would.</param>
/// <param name="Library">Migrate as a class library (no Program.cs) even if the program has an entry module.</param>
public sealed record MigrateOptions(string Path, string? Output, string? Entry = null, bool Force = false, bool DryRun = false,
    bool CpuBoundOnThreads = false, int Jobs = 0, bool Check = false, bool Library = false);

/// <summary>
/// <c>dotnet unsync-migrate PATH [-o DIR]</c>: the migration itself (Python unsync → C#), run by
/// <see cref="Migrate.MigrateRunner"/>. The subcommands (diagnostic and analysis verbs) hang off this root.
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
        Description = "Folder for the generated C# project [default: ./NAME.cs for a PATH named NAME].",
        HelpName = "DIR",
    };

    readonly Option<string?> _entry = new("--entry")
    {
        Description = "The entry module: a file (relative to the current folder or to PATH), a package folder with __main__.py, " +
                      "or a module name [default: main.py or __main__.py; with neither, a class library].",
        HelpName = "FILE|MODULE",
    };
    readonly Option<bool> _library = new("--library")
    {
        Description = "Migrate as a class library (no Program.cs), even if there is a main.py or __main__.py.",
    };
    readonly Option<bool> _force = new("--force")
    {
        Description = "Write into a non-empty folder the tool did not create, or that holds another program's migration " +
                      "(files the tool did not write, or that were edited, are still never overwritten).",
    };
    readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print what would change; write nothing." };
    readonly Option<bool> _check = new("--check")
    {
        Description = "Regenerate in memory and write nothing; list the files that would change (and edited ones) and exit 1 if any would (for CI).",
    };
    readonly Option<int?> _jobs = JobsOption.Create("Files parsed in parallel [default: the number of cores]. The output is the same whatever N.");
    readonly Option<string> _cpuBound = new("--cpu-bound")
    {
        Description = "Where cpu_bound=True functions run: worker processes (as unsync) or threads.",
        DefaultValueFactory = _ => "process",
    };

    public MigrateRootCommand()
        : base("Migrate Python programs that use the 'unsync' library to C#, running on a bundled executor runtime.\n" +
               "Given PATH (a folder or a .py file), writes a C# project to -o DIR that builds with 'dotnet build'.\n" +
               "Exit codes: 0 success; 1 some inputs rejected (the rest is still migrated), some files kept beside\n" +
               "their new version (edited, or not the tool's), or --check found changes; 2 usage error or unwritable\n" +
               "output; 4 internal error; 130 interrupted (the output folder is left as it was).")
    {
        HelpName = ToolHelpName;
        Arguments.Add(_path);
        Options.Add(_output);
        Options.Add(_entry);
        Options.Add(_library);
        Options.Add(_force);
        Options.Add(_dryRun);
        Options.Add(_check);
        Options.Add(_jobs);
        _cpuBound.AcceptOnlyFromAmong("process", "threads");
        Options.Add(_cpuBound);
        Validators.Add(result =>
        {
            if (result.GetValue(_path) is null)
                result.AddError("Missing PATH (the project to migrate), or a command such as 'ast'.");
            if (result.GetValue(_check) && result.GetValue(_dryRun))
                result.AddError("--check and --dry-run do not go together.");
            if (result.GetValue(_library) && result.GetValue(_entry) != null)
                result.AddError("--library and --entry do not go together.");
        });
        SetAction((parseResult, cancellationToken) =>
            Task.FromResult(CliApp.Guard(parseResult, () => Execute(parseResult, cancellationToken))));

        // Verbs. Each is one class deriving from Command; add new ones here.
        Subcommands.Add(new AstCommand());
        Subcommands.Add(new ScanCommand());

        ToolHelp.Install(this);
    }

    public MigrateOptions Bind(ParseResult parseResult) =>
        new(parseResult.GetValue(_path)!, parseResult.GetValue(_output), parseResult.GetValue(_entry), parseResult.GetValue(_force),
            parseResult.GetValue(_dryRun), parseResult.GetValue(_cpuBound) == "threads", parseResult.GetValue(_jobs) ?? 0,
            parseResult.GetValue(_check), parseResult.GetValue(_library));

    int Execute(ParseResult parseResult, CancellationToken cancellationToken) =>
        Migrate.MigrateRunner.Run(Bind(parseResult), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error,
            cancellationToken);
}
