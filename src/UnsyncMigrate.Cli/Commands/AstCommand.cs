using System.CommandLine;
using System.CommandLine.Parsing;
using UnsyncMigrate.Cli.Ast;
using UnsyncMigrate.Cli.IO;

namespace UnsyncMigrate.Cli.Commands;

/// <summary>
/// <c>ast (--root DIR | FILE...) [--no-positions] [--quiet] [--jobs N]</c>: the front end's
/// diagnostic verb and conformance contract. Prints one JSON line per file in the format of
/// <c>shared/tools/pyast_dump.py</c> (CPython's own <c>ast</c>, dumped canonically).
/// </summary>
public sealed class AstCommand : Command, IUsageSynopsis
{
    public const string CommandName = "ast";

    readonly Option<string?> _root = new("--root")
    {
        Description = "Parse every *.py file under DIR (recursively, directory symlinks not followed), sorted by path; paths are printed relative to DIR with '/' separators.",
        HelpName = "DIR",
    };

    readonly Argument<string[]> _files = new("FILE")
    {
        Description = "Files to parse (instead of --root), printed as given.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    readonly Option<bool> _noPositions = new("--no-positions")
    {
        Description = "Omit lineno, col_offset, end_lineno and end_col_offset from the nodes.",
    };

    readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "Parse without printing trees; print one line: files: N, failed: F, MB: X, seconds: S.",
    };

    readonly Option<int?> _jobs = JobsOption.Create("Files parsed in parallel [default: the number of cores]. The output is the same whatever N.");

    string IUsageSynopsis.UsageSynopsis => "(--root <DIR> | <FILE>...) [--no-positions] [--quiet] [--jobs <N>]";

    public AstCommand()
        : base(CommandName,
               "Print the Python AST of each file as one JSON line (the format of shared/tools/pyast_dump.py).\n" +
               "Exit codes: 0 every file parsed, 1 some file rejected or unreadable, 2 usage error.")
    {
        Options.Add(_root);
        Arguments.Add(_files);
        Options.Add(_noPositions);
        Options.Add(_quiet);
        Options.Add(_jobs);
        Validators.Add(Validate);
        SetAction((parseResult, cancellationToken) =>
            Task.FromResult(CliApp.Guard(parseResult, () => Execute(parseResult, cancellationToken))));
    }

    /// <summary>The validated options of a parsed <c>ast</c> command line.</summary>
    public AstOptions Bind(ParseResult parseResult) => new(
        Root: parseResult.GetValue(_root),
        Files: parseResult.GetValue(_files) ?? [],
        Positions: !parseResult.GetValue(_noPositions),
        Quiet: parseResult.GetValue(_quiet),
        Jobs: parseResult.GetValue(_jobs) ?? Environment.ProcessorCount);

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = Bind(parseResult);
        var config = parseResult.InvocationConfiguration;
        // On the real console, write raw UTF-8 bytes to stdout; otherwise (tests) through the configured writer.
        bool console = ReferenceEquals(config.Output, Console.Out);
        using Stream stdout = console ? StandardOutput.Open() : new TextWriterStream(config.Output);
        return new AstRunner(options).Run(stdout, config.Error, cancellationToken);
    }

    void Validate(CommandResult result)
    {
        string? root;
        string[] files;
        try
        {
            root = result.GetValue(_root);
            files = result.GetValue(_files) ?? [];
        }
        catch (InvalidOperationException)
        {
            return;   // a value is malformed (e.g. --root without DIR): that error is already reported
        }
        if (root != null && files.Length > 0)
        {
            result.AddError("Give either --root DIR or FILE arguments, not both.");
        }
        else if (root == null && files.Length == 0)
        {
            result.AddError("Nothing to parse: give --root DIR or one or more FILE arguments.");
        }
        else if (root != null && !Posix.IsDirectory(root))
        {
            result.AddError($"--root: '{root}' is not a directory.");
        }
    }
}
