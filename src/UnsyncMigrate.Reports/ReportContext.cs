using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

/// <summary>The report formats of <c>scan</c>.</summary>
public enum ReportFormat
{
    Table,
    Json,
    Markdown,
    Sarif,
}

/// <summary>What every writer needs besides the result.</summary>
/// <param name="Root">The scanned path as shown in the report (as the user gave it).</param>
/// <param name="ToolVersion">The tool's version (SARIF driver, JSON header).</param>
/// <param name="Unported">The uses of library members the runtime lacks (UM2002), in file and position
/// order; null when they were not looked for (the report then has no such section or field).</param>
public sealed record ReportContext(string Root, string ToolVersion, IReadOnlyList<UnportedUse>? Unported = null);

/// <summary>Writes a scan result in one format.</summary>
public interface IReportWriter
{
    void Write(ScanResult result, ReportContext context, TextWriter output);
}

/// <summary>The writer for a format.</summary>
public static class ReportWriters
{
    public static IReportWriter For(ReportFormat format, TableOptions? tableOptions = null) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Markdown => new MarkdownReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        _ => new TableReportWriter(tableOptions ?? new TableOptions()),
    };
}

/// <summary>
/// What each execution mode and each use of a future becomes in C# with the bundled runtime
/// (descriptions for reports; the code generator is elsewhere).
/// </summary>
public static class CSharpMapping
{
    public static string Of(ExecutionMode mode) => mode switch
    {
        ExecutionMode.AsyncLoop => "async Task<T> method started on the runtime's single-threaded unsync loop; returns Unfuture<T>",
        ExecutionMode.Thread => "synchronous method submitted to the runtime's thread executor; returns Unfuture<T>",
        ExecutionMode.Process => "static method registered as a process target, run in a worker process (arguments and result serialised); returns Unfuture<T>",
        ExecutionMode.ErrorCpuBoundAsync => "stub whose every call throws TypeError synchronously (as unsync does)",
        _ => "undetermined: choose by hand (see the hazard)",
    };

    /// <summary>A short name for tables and diagrams.</summary>
    public static string ShortOf(ExecutionMode mode) => mode switch
    {
        ExecutionMode.AsyncLoop => "async Task on the unsync loop",
        ExecutionMode.Thread => "thread executor",
        ExecutionMode.Process => "worker process",
        ExecutionMode.ErrorCpuBoundAsync => "throws TypeError",
        _ => "review",
    };

    public static string Of(Consumption consumption) => consumption switch
    {
        Consumption.Result => "fut.Result(): blocking wait",
        Consumption.Await => "await fut",
        Consumption.Then => "fut.Then(continuation)",
        Consumption.Argument => "Unfuture<T> passed as an argument",
        Consumption.Stored => "Unfuture<T> kept in a variable, field or collection",
        _ => "fire-and-forget: keep the Unfuture<T> and observe its failure",
    };

    public static string Of(UnfutureOperationKind kind) => kind switch
    {
        UnfutureOperationKind.Result => "fut.Result()",
        UnfutureOperationKind.ResultWithTimeout => "fut.Result(timeout)",
        UnfutureOperationKind.Await => "await fut",
        UnfutureOperationKind.Then => "fut.Then(continuation)",
        UnfutureOperationKind.Done => "fut.Done",
        UnfutureOperationKind.FromValue => "Unfuture.FromValue(value)",
        UnfutureOperationKind.Create => "new Unfuture<T>()",
        _ => "fut.SetResult(value)",
    };
}

/// <summary>MSBuild's canonical diagnostic lines (<c>path(line,col): warning UM1001: message</c>), for stderr.</summary>
public static class DiagnosticLines
{
    /// <summary>One line per hazard and per file error, paths joined to <paramref name="root"/> when given.</summary>
    public static IEnumerable<string> Of(ScanResult result, string? root = null, IReadOnlyList<UnportedUse>? unported = null)
    {
        string PathOf(string file) => root == null ? file : JoinDisplay(root, file);
        foreach (var u in unported ?? []) yield return u.Warning(PathOf(u.File));
        foreach (var e in result.Errors)
        {
            yield return e.Line is int l
                ? $"{PathOf(e.File)}({l},{e.Column ?? 1}): error {e.Kind}: {e.Message}"
                : $"{PathOf(e.File)}: error {e.Kind}: {e.Message}";
        }
        foreach (var h in result.Hazards)
        {
            string level = h.Rule.Level == HazardLevel.Error ? "error" : "warning";
            yield return $"{PathOf(h.File)}({h.Span.Line},{h.Span.Column}): {level} {h.Code}: {h.Message}";
        }
    }

    /// <summary>The path of a scanned file as the user would type it: the scanned folder joined with the relative path.</summary>
    public static string JoinDisplay(string root, string relative)
    {
        if (File.Exists(root) && !Directory.Exists(root))
        {
            string? dir = Path.GetDirectoryName(root);
            return string.IsNullOrEmpty(dir) ? relative : dir.TrimEnd('/') + "/" + relative;
        }
        return root.Length == 0 || root == "." ? relative : root.TrimEnd('/') + "/" + relative;
    }
}
