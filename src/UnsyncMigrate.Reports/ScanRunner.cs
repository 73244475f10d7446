using System.Text;
using Spectre.Console;
using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Analysis.Scanning;

namespace UnsyncMigrate.Reports;

/// <summary>The options of one <c>scan</c> run (what the command line binds).</summary>
public sealed record ScanRequest
{
    /// <summary>The folder or file to scan.</summary>
    public required string Path { get; init; }
    /// <summary>The report format; null: from <see cref="OutputFile"/>'s extension, else table on a terminal and JSON otherwise.</summary>
    public ReportFormat? Format { get; init; }
    /// <summary>Write the report to this file instead of standard output.</summary>
    public string? OutputFile { get; init; }
    public bool NoDefaultExcludes { get; init; }
    /// <summary>Exit with <see cref="ScanExitCodes.HazardsFound"/> when there are hazards.</summary>
    public bool FailOnHazard { get; init; }
    public bool NoProgress { get; init; }
    public int? Jobs { get; init; }
    /// <summary>
    /// Whether a library member (its real dotted path, <c>json.dumps</c>, <c>builtins.eval</c>) has a
    /// C# equivalent: the runtime's knowledge, given by the CLI. When set, the scan also reports
    /// every use of a member that has none (UM2002); null: they are not looked for.
    /// </summary>
    public Func<string, bool>? LibraryProvided { get; init; }
    /// <summary>Exit with <see cref="ScanExitCodes.HazardsFound"/> when there are UM2002 library uses.</summary>
    public bool FailOnUnported { get; init; }
}

/// <summary>What the process is connected to (the CLI reads the console; tests pass plain writers).</summary>
/// <param name="StdoutIsTerminal">Standard output is a terminal (default format: table, with colours).</param>
/// <param name="StderrIsTerminal">Standard error is a terminal (progress is shown there).</param>
public sealed record ScanConsole(bool StdoutIsTerminal, bool StderrIsTerminal)
{
    public static ScanConsole Redirected { get; } = new(false, false);

    /// <summary>The real console's state, with progress off on CI and dumb terminals.</summary>
    public static ScanConsole Detect()
    {
        bool ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                  || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"))
                  || Environment.GetEnvironmentVariable("TERM") == "dumb";
        return new ScanConsole(!Console.IsOutputRedirected, !Console.IsErrorRedirected && !ci);
    }
}

/// <summary>The exit codes of <c>scan</c> (listed in its <c>--help</c> and the README).</summary>
public static class ScanExitCodes
{
    /// <summary>The scan ran; hazards, if any, are in the report.</summary>
    public const int Success = 0;
    /// <summary><c>--fail-on-hazard</c> was given and the report has hazards, or <c>--fail-on-unported</c> and it has UM2002 library uses.</summary>
    public const int HazardsFound = 1;
    /// <summary>Bad command line, a PATH that does not exist, or an output file that cannot be written.</summary>
    public const int Usage = 2;
    /// <summary>Some input could not be read, decoded or parsed (everything else is still reported).</summary>
    public const int InputProblem = 3;

    public const string HelpText =
        "Exit codes: 0 success (hazards do not fail), 1 hazards with --fail-on-hazard or UM2002\n" +
        "library calls with --fail-on-unported, 2 usage error, 3 some input unreadable or\n" +
        "unparsable (the rest is still reported).";
}

/// <summary>
/// Runs <c>scan</c>: the scan itself, progress on standard error when it is a terminal, the
/// report in the chosen format (to standard output or <c>--output</c>), MSBuild-style
/// diagnostic lines on standard error, and the exit code.
/// </summary>
public static class ScanRunner
{
    public static int Run(ScanRequest request, TextWriter stdout, TextWriter stderr, ScanConsole console, string toolVersion,
                          CancellationToken cancellationToken = default)
    {
        if (!File.Exists(request.Path) && !Directory.Exists(request.Path))
        {
            stderr.WriteLine($"scan: '{request.Path}' is neither a file nor a folder.");
            return ScanExitCodes.Usage;
        }
        var format = request.Format ?? FormatFromExtension(request.OutputFile)
                     ?? (console.StdoutIsTerminal && request.OutputFile == null ? ReportFormat.Table : ReportFormat.Json);
        var options = new ScanOptions
        {
            Path = request.Path,
            DefaultExcludes = !request.NoDefaultExcludes,
            Jobs = request.Jobs ?? Environment.ProcessorCount,
        };

        Analysis.Model.ScanResult result;
        IReadOnlyList<UnportedUse>? unported;
        if (!request.NoProgress && console.StderrIsTerminal) (result, unported) = ScanWithProgress(options, request, stderr, cancellationToken);
        else (result, unported) = Analyse(options, request, cancellationToken);

        var context = new ReportContext(request.Path, toolVersion, unported);
        var tableOptions = new TableOptions(Color: console.StdoutIsTerminal && request.OutputFile == null,
                                            Width: console.StdoutIsTerminal && request.OutputFile == null ? SafeWidth() : 120);
        var writer = ReportWriters.For(format, tableOptions);
        if (request.OutputFile != null)
        {
            try
            {
                var text = new StringWriter();
                writer.Write(result, context, text);
                File.WriteAllText(request.OutputFile, text.ToString(), new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"scan: cannot write '{request.OutputFile}': {e.Message}");
                return ScanExitCodes.Usage;
            }
        }
        else
        {
            writer.Write(result, context, stdout);
            stdout.Flush();
        }

        foreach (var line in DiagnosticLines.Of(result, request.Path, unported)) stderr.WriteLine(line);
        if (format != ReportFormat.Table || request.OutputFile != null) stderr.WriteLine(TableReportWriter.Summary(result));
        stderr.Flush();

        if (result.Errors.Count > 0) return ScanExitCodes.InputProblem;
        if (request.FailOnHazard && result.Hazards.Count > 0) return ScanExitCodes.HazardsFound;
        if (request.FailOnUnported && unported is { Count: > 0 }) return ScanExitCodes.HazardsFound;
        return ScanExitCodes.Success;
    }

    /// <summary>
    /// The scan, and the library uses the runtime lacks when the request asks (the whole program
    /// model is then kept: the uses are read from its name resolution, not from a translation).
    /// </summary>
    static (Analysis.Model.ScanResult, IReadOnlyList<UnportedUse>?) Analyse(ScanOptions options, ScanRequest request, CancellationToken cancellationToken)
    {
        if (request.LibraryProvided is not { } provided) return (Scanner.Scan(options, cancellationToken), null);
        var program = AnalyzedProgram.Load(options, cancellationToken);
        var unported = LibraryReferences.Of(program).Where(r => !provided(r.Path))
            .Select(r => new UnportedUse(r.File, r.Line, r.Column, r.Path)).ToList();
        return (program.Report, unported);
    }

    /// <summary>The report format a file name suggests (<c>.json</c>, <c>.sarif</c>, <c>.md</c>, <c>.txt</c>).</summary>
    public static ReportFormat? FormatFromExtension(string? file)
    {
        if (file == null) return null;
        string ext = Path.GetExtension(file).ToLowerInvariant();
        if (file.EndsWith(".sarif.json", StringComparison.OrdinalIgnoreCase)) return ReportFormat.Sarif;
        return ext switch
        {
            ".json" => ReportFormat.Json,
            ".sarif" => ReportFormat.Sarif,
            ".md" or ".markdown" => ReportFormat.Markdown,
            ".txt" => ReportFormat.Table,
            _ => null,
        };
    }

    static int SafeWidth()
    {
        try
        {
            int w = Console.WindowWidth;
            return w >= 40 ? w : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    static (Analysis.Model.ScanResult, IReadOnlyList<UnportedUse>?) ScanWithProgress(ScanOptions options, ScanRequest request, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var ui = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Interactive = InteractionSupport.Yes,
        });
        (Analysis.Model.ScanResult, IReadOnlyList<UnportedUse>?) result = default;
        ui.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var parse = ctx.AddTask("Parsing", autoStart: true, maxValue: 1);
                var analyze = ctx.AddTask("Analysing", autoStart: false, maxValue: 1);
                var progress = new SyncProgress(p =>
                {
                    var task = p.Phase == "analyze" ? analyze : parse;
                    if (p.Phase == "analyze" && !analyze.IsStarted)
                    {
                        parse.Value = parse.MaxValue;
                        analyze.StartTask();
                    }
                    if (p.Total > 0)
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }
                });
                result = Analyse(options with { Progress = progress }, request, cancellationToken);
                parse.Value = parse.MaxValue;
                analyze.Value = analyze.MaxValue;
            });
        return result;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, serialised (Spectre tasks are updated under a lock).</summary>
    sealed class SyncProgress(Action<ScanProgress> handler) : IProgress<ScanProgress>
    {
        readonly object _gate = new();

        public void Report(ScanProgress value)
        {
            lock (_gate) handler(value);
        }
    }
}
