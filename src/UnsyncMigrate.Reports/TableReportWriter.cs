using Spectre.Console;
using Spectre.Console.Rendering;
using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

/// <summary>How the table report is rendered.</summary>
/// <param name="Color">ANSI colours (modes, levels); off when the output is not a terminal.</param>
/// <param name="Width">Console width the tables fit in.</param>
/// <param name="Unicode">Box-drawing characters (off: ASCII borders).</param>
public sealed record TableOptions(bool Color = false, int Width = 120, bool Unicode = true);

/// <summary>
/// The human-readable report (the default on a terminal): per file, the unsync functions it
/// defines and the calls it makes, with modes coloured; then the hazards, review notes and
/// errors; then a one-line summary.
/// </summary>
public sealed class TableReportWriter(TableOptions options) : IReportWriter
{
    public TableOptions Options { get; } = options;

    public void Write(ScanResult result, ReportContext context, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Options.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Options.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Options.Width;
        console.Profile.Capabilities.Unicode = Options.Unicode;
        var border = Options.Unicode ? TableBorder.Rounded : TableBorder.Ascii;

        console.MarkupLine($"[bold]unsync scan[/] of [bold]{Markup.Escape(context.Root)}[/]");
        console.WriteLine();

        var files = result.Functions.Select(f => f.File)
            .Concat(result.CallSites.Select(c => c.File))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            console.MarkupLine($"[bold underline]{Markup.Escape(file)}[/]");
            var functions = result.Functions.Where(f => f.File == file).ToList();
            if (functions.Count > 0)
            {
                var t = new Table().Border(border).Title("unsync functions");
                t.AddColumn(new TableColumn("Line").RightAligned());
                t.AddColumn("Function");
                t.AddColumn("Mode");
                t.AddColumn("How");
                t.AddColumn("Becomes in C#");
                foreach (var f in functions)
                {
                    string how = ReportNames.Of(f.How) + (f.WrappedAt is int at ? $" (line {at})" : "") + (f.External ? ", external" : "");
                    t.AddRow(new Text(f.Line.ToString()), new Text(f.Qualname), ModeCell(f.Mode), new Text(how),
                             new Text(CSharpMapping.ShortOf(f.Mode)));
                }
                console.Write(t);
            }
            var calls = result.CallSites.Where(c => c.File == file).ToList();
            if (calls.Count > 0)
            {
                var t = new Table().Border(border).Title("calls of unsync functions");
                t.AddColumn(new TableColumn("Line").RightAligned());
                t.AddColumn("Call");
                t.AddColumn("Callee");
                t.AddColumn("Mode");
                t.AddColumn("Consumed by");
                t.AddColumn("In");
                foreach (var c in calls)
                {
                    t.AddRow(new Text(c.Line.ToString()), new Text(c.Text), new Text(c.Callee), ModeCell(c.Mode),
                             new Text(ReportNames.Of(c.ConsumedBy)), new Text(c.Caller));
                }
                console.Write(t);
            }
            console.WriteLine();
        }
        if (files.Count == 0)
        {
            console.MarkupLine("No use of unsync found.");
            console.WriteLine();
        }

        if (result.Hazards.Count > 0)
        {
            var t = new Table().Border(border).Title("hazards");
            t.AddColumn("Code");
            t.AddColumn("Where");
            t.AddColumn("Problem");
            t.AddColumn("Fix");
            foreach (var h in result.Hazards)
            {
                t.AddRow(LevelCell(h.Rule.Level, h.Code), new Text($"{h.File}:{h.Span.Line}:{h.Span.Column}"),
                         new Text(h.Message), new Text(h.Rule.Fix));
            }
            console.Write(t);
            console.WriteLine();
        }

        if (result.NameMatches.Count > 0)
        {
            var t = new Table().Border(border).Title("not call sites: receiver of unknown class (review)");
            t.AddColumn("Where");
            t.AddColumn("Call");
            t.AddColumn("unsync methods of that name");
            foreach (var m in result.NameMatches)
                t.AddRow(new Text($"{m.File}:{m.Line}"), new Text(m.Text), new Text(string.Join(", ", m.Candidates)));
            console.Write(t);
            console.WriteLine();
        }

        if (context.Unported is { Count: > 0 } unported)
        {
            var t = new Table().Border(border).Title("library calls with no C# equivalent in the runtime (raise NotSupportedException when reached)");
            t.AddColumn("Code");
            t.AddColumn("Where");
            t.AddColumn("Library");
            t.AddColumn("Name");
            foreach (var u in unported)
                t.AddRow(LevelCell(HazardLevel.Warning, UnportedUse.Code), new Text($"{u.File}:{u.Line}:{u.Column}"), new Text(u.Library), new Text(u.Name));
            console.Write(t);
            console.WriteLine();
        }

        if (result.Errors.Count > 0)
        {
            var t = new Table().Border(border).Title("files that could not be read or parsed");
            t.AddColumn("Where");
            t.AddColumn("Error");
            foreach (var e in result.Errors)
            {
                string where = e.Line is int l ? $"{e.File}:{l}:{e.Column ?? 1}" : e.File;
                t.AddRow(new Text(where), new Text($"{e.Kind}: {e.Message}"));
            }
            console.Write(t);
            console.WriteLine();
        }

        output.WriteLine(Summary(result));
    }

    /// <summary>The closing line: counts of files, functions per mode, call sites, hazards and errors.</summary>
    public static string Summary(ScanResult result)
    {
        var modes = result.Functions.GroupBy(f => f.Mode).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {ReportNames.Of(g.Key)}").ToList();
        string functions = $"{result.Functions.Count} unsync function{(result.Functions.Count == 1 ? "" : "s")}"
                           + (modes.Count > 0 ? $" ({string.Join(", ", modes)})" : "");
        return $"{result.Files.Count} file{(result.Files.Count == 1 ? "" : "s")} scanned, {functions}, " +
               $"{result.CallSites.Count} call site{(result.CallSites.Count == 1 ? "" : "s")}, " +
               $"{result.Hazards.Count} hazard{(result.Hazards.Count == 1 ? "" : "s")}, " +
               $"{result.Errors.Count} file error{(result.Errors.Count == 1 ? "" : "s")}.";
    }

    static IRenderable ModeCell(ExecutionMode mode) => new Text(ReportNames.Of(mode), mode switch
    {
        ExecutionMode.AsyncLoop => new Style(Color.Blue),
        ExecutionMode.Thread => new Style(Color.Green),
        ExecutionMode.Process => new Style(Color.Yellow),
        ExecutionMode.ErrorCpuBoundAsync => new Style(Color.Red, decoration: Decoration.Bold),
        _ => new Style(Color.Grey),
    });

    static IRenderable LevelCell(HazardLevel level, string code) => new Text(code, level switch
    {
        HazardLevel.Error => new Style(Color.Red, decoration: Decoration.Bold),
        HazardLevel.Warning => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    });
}
