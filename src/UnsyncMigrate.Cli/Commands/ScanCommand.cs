using System.CommandLine;
using System.CommandLine.Parsing;
using System.Reflection;
using UnsyncMigrate.Reports;

namespace UnsyncMigrate.Cli.Commands;

/// <summary>
/// <c>scan PATH [--format table|json|markdown|sarif] [--output FILE] [--no-default-excludes]
/// [--fail-on-hazard] [--no-progress] [--jobs N]</c>: finds every unsync function and call in a
/// Python program, what each becomes in C#, and the migration hazards. The work is in
/// <see cref="ScanRunner"/> (UnsyncMigrate.Reports); this class only binds the command line.
/// </summary>
public sealed class ScanCommand : Command, IUsageSynopsis
{
    public const string CommandName = "scan";

    readonly Argument<string> _path = new("PATH")
    {
        Description = "The Python project folder (scanned recursively) or a single .py file.",
    };

    readonly Option<string?> _format = new("--format", "-f")
    {
        Description = "Report format: table (the default on a terminal), json (the default otherwise; schema in docs/scan-report.md), " +
                      "markdown (tables and a Mermaid call graph) or sarif (SARIF 2.1.0). With --output, the file's extension " +
                      "(.json, .md, .sarif, .txt) chooses when --format is not given.",
        HelpName = "table|json|markdown|sarif",
    };

    readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the report to FILE instead of standard output (diagnostics still go to standard error).",
        HelpName = "FILE",
    };

    readonly Option<bool> _noDefaultExcludes = new("--no-default-excludes")
    {
        Description = "Scan everything: do not skip virtual environments, site-packages, __pycache__, .git, node_modules and " +
                      "what .gitignore excludes.",
    };

    readonly Option<bool> _failOnHazard = new("--fail-on-hazard")
    {
        Description = "Exit with 1 when the report has hazards (for CI).",
    };

    readonly Option<bool> _failOnUnported = new("--fail-on-unported")
    {
        Description = "Exit with 1 when the program uses library members the runtime has no C# equivalent for (UM2002; " +
                      "--fail-on-hazard alone does not count them).",
    };

    readonly Option<bool> _noProgress = new("--no-progress")
    {
        Description = "No progress display on standard error (it is shown only when standard error is a terminal).",
    };

    readonly Option<int?> _jobs = JobsOption.Create("Files parsed in parallel [default: the number of cores]. The report is the same whatever N.");

    string IUsageSynopsis.UsageSynopsis =>
        "<PATH> [--format table|json|markdown|sarif] [--output <FILE>] [--no-default-excludes] [--fail-on-hazard] [--fail-on-unported] [--no-progress] [--jobs <N>]";

    public ScanCommand()
        : base(CommandName,
               "Report every unsync function and call in a Python program, what each becomes in C#,\n" +
               "the Unfuture operations, the hazards (UM1001...) and the library calls the runtime\n" +
               "has no C# equivalent for (UM2002); both also on stderr, MSBuild style.\n" +
               ScanExitCodes.HelpText)
    {
        _format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "json", "markdown", "sarif");
        Arguments.Add(_path);
        Options.Add(_format);
        Options.Add(_output);
        Options.Add(_noDefaultExcludes);
        Options.Add(_failOnHazard);
        Options.Add(_failOnUnported);
        Options.Add(_noProgress);
        Options.Add(_jobs);
        SetAction((parseResult, cancellationToken) =>
            Task.FromResult(CliApp.Guard(parseResult, () => Execute(parseResult, cancellationToken))));
    }

    /// <summary>The options of a parsed <c>scan</c> command line.</summary>
    public ScanRequest Bind(ParseResult parseResult) => new()
    {
        Path = parseResult.GetValue(_path)!,
        Format = parseResult.GetValue(_format)?.ToLowerInvariant() switch
        {
            "table" => ReportFormat.Table,
            "json" => ReportFormat.Json,
            "markdown" => ReportFormat.Markdown,
            "sarif" => ReportFormat.Sarif,
            _ => null,
        },
        OutputFile = parseResult.GetValue(_output),
        NoDefaultExcludes = parseResult.GetValue(_noDefaultExcludes),
        FailOnHazard = parseResult.GetValue(_failOnHazard),
        FailOnUnported = parseResult.GetValue(_failOnUnported),
        LibraryProvided = Migrate.UnportedLibraries.IsProvidedOrLowered,
        NoProgress = parseResult.GetValue(_noProgress),
        Jobs = parseResult.GetValue(_jobs),
    };

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var request = Bind(parseResult);
        var config = parseResult.InvocationConfiguration;
        bool console = ReferenceEquals(config.Output, Console.Out);
        var state = console ? ScanConsole.Detect() : ScanConsole.Redirected;
        return ScanRunner.Run(request, config.Output, config.Error, state, ToolVersion, cancellationToken);
    }

    /// <summary>The tool's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+commit</c>): reports stay comparable.</summary>
    public static string ToolVersion { get; } =
        (typeof(ScanCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
