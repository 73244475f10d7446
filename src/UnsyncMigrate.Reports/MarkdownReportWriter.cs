using System.Text;
using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

/// <summary>
/// The Markdown report: a summary, tables of functions, call sites, operations, hazards and
/// errors, and a Mermaid flowchart of which code calls which unsync function, coloured by mode.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public void Write(ScanResult result, ReportContext context, TextWriter output)
    {
        var o = new StringBuilder();
        o.Append("# unsync scan report\n\n");
        o.Append($"Scanned `{context.Root}`: {Plural(result.Files.Count, "file")} ({result.Files.Count(f => f.Analyzed)} analysed), ")
         .Append($"{Plural(result.Functions.Count, "unsync function")}, {Plural(result.CallSites.Count, "call site")}, ")
         .Append($"{Plural(result.Operations.Count, "Unfuture operation")}, {Plural(result.Hazards.Count, "hazard")}, {Plural(result.Errors.Count, "error")}.\n\n");

        if (result.Functions.Count > 0)
        {
            o.Append("| Mode | Functions | Becomes in C# |\n|---|---:|---|\n");
            foreach (var g in result.Functions.GroupBy(f => f.Mode).OrderBy(g => g.Key))
                o.Append($"| {ReportNames.Of(g.Key)} | {g.Count()} | {Cell(CSharpMapping.Of(g.Key))} |\n");
            o.Append('\n');
        }

        o.Append("## Functions\n\n");
        if (result.Functions.Count == 0) o.Append("No unsync function found.\n\n");
        else
        {
            o.Append("| Id | File | Line | Function | Mode | How | Wrapped at |\n|---|---|---:|---|---|---|---:|\n");
            foreach (var f in result.Functions)
            {
                string name = f.External ? $"`{f.Qualname}` (external)" : $"`{f.Qualname}`";
                o.Append($"| {f.Id} | {Cell(f.File)} | {f.Line} | {Cell(name)} | {ReportNames.Of(f.Mode)} | {ReportNames.Of(f.How)} | {(f.WrappedAt?.ToString() ?? "")} |\n");
            }
            o.Append('\n');
        }

        o.Append("## Call sites\n\n");
        if (result.CallSites.Count == 0) o.Append("No call of an unsync function found.\n\n");
        else
        {
            o.Append("| File | Line | Call | Callee | Mode | Consumed by | In |\n|---|---:|---|---|---|---|---|\n");
            foreach (var c in result.CallSites)
                o.Append($"| {Cell(c.File)} | {c.Line} | {Code(c.Text)} | {c.Function.Id} `{Cell(c.Callee)}` | {ReportNames.Of(c.Mode)} | {ReportNames.Of(c.ConsumedBy)} | `{Cell(c.Caller)}` |\n");
            o.Append('\n');
            o.Append("## Call graph\n\n");
            WriteGraph(o, result);
        }

        if (result.Operations.Count > 0)
        {
            o.Append("## Unfuture operations\n\n");
            o.Append("| File | Line | Operation | Code | Future of | In | Loop thread |\n|---|---:|---|---|---|---|---|\n");
            foreach (var op in result.Operations)
                o.Append($"| {Cell(op.File)} | {op.Line} | {ReportNames.Of(op.Kind)} | {Code(op.Text)} | {Cell(op.Source ?? "")} | `{Cell(op.Caller)}` | {(op.OnLoopThread ? "yes" : "")} |\n");
            o.Append('\n');
        }

        o.Append("## Hazards\n\n");
        if (result.Hazards.Count == 0) o.Append("None.\n\n");
        else
        {
            o.Append("| Code | Level | Location | Message | Fix |\n|---|---|---|---|---|\n");
            foreach (var h in result.Hazards)
                o.Append($"| {h.Code} | {ReportNames.Of(h.Rule.Level)} | {Cell(h.File)}:{h.Span.Line}:{h.Span.Column} | {Cell(h.Message)} | {Cell(h.Rule.Fix)} |\n");
            o.Append('\n');
        }

        if (result.NameMatches.Count > 0)
        {
            o.Append("## Name matches to review\n\n");
            o.Append("Method calls on receivers of unknown class whose name an unsync method also has (not counted as call sites).\n\n");
            o.Append("| File | Line | Call | Unsync methods of that name |\n|---|---:|---|---|\n");
            foreach (var m in result.NameMatches)
                o.Append($"| {Cell(m.File)} | {m.Line} | {Code(m.Text)} | {Cell(string.Join(", ", m.Candidates))} |\n");
            o.Append('\n');
        }

        if (context.Unported is { Count: > 0 } unported)
        {
            o.Append("## Library calls with no C# equivalent in the runtime (UM2002)\n\n");
            o.Append("Each compiles to a call that raises `NotSupportedException` when reached.\n\n");
            o.Append("| Location | Library | Name |\n|---|---|---|\n");
            foreach (var u in unported)
                o.Append($"| {Cell(u.File)}:{u.Line}:{u.Column} | {Cell(u.Library)} | {Code(u.Name)} |\n");
            o.Append('\n');
        }

        if (result.Errors.Count > 0)
        {
            o.Append("## Files that could not be read or parsed\n\n");
            o.Append("| File | Line | Column | Kind | Message |\n|---|---:|---:|---|---|\n");
            foreach (var e in result.Errors)
                o.Append($"| {Cell(e.File)} | {e.Line?.ToString() ?? ""} | {e.Column?.ToString() ?? ""} | {e.Kind} | {Cell(e.Message)} |\n");
            o.Append('\n');
        }
        output.Write(o.ToString().TrimEnd('\n') + "\n");
    }

    static void WriteGraph(StringBuilder o, ScanResult result)
    {
        o.Append("```mermaid\nflowchart LR\n");
        // Nodes: every unsync function, and every other piece of code that calls one.
        var byLocation = new Dictionary<(string File, string Qualname), UnsyncFunction>();
        foreach (var f in result.Functions)
            if (!f.External) byLocation.TryAdd((f.File, f.Qualname), f);
        var callers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var edges = new SortedDictionary<(string From, string To, string Label), int>();
        foreach (var c in result.CallSites)
        {
            string from;
            if (byLocation.TryGetValue((c.File, c.Caller), out var callerFunction)) from = callerFunction.Id;
            else
            {
                string key = c.File + "\u0000" + c.Caller;
                if (!callers.TryGetValue(key, out from!))
                {
                    from = "C" + (callers.Count + 1);
                    callers[key] = from;
                }
            }
            var k = (from, c.Function.Id, ReportNames.Of(c.ConsumedBy));
            edges[k] = edges.GetValueOrDefault(k) + 1;
        }
        foreach (var f in result.Functions)
            o.Append($"  {f.Id}[\"{Label(f.Qualname)}<br/>{ReportNames.Of(f.Mode)}\"]:::{ClassOf(f.Mode)}\n");
        // Caller ids were assigned in call-site order; print them sorted by id for readability.
        foreach (var (key, id) in callers.OrderBy(kv => int.Parse(kv.Value.AsSpan(1))))
        {
            var parts = key.Split('\u0000');
            o.Append($"  {id}([\"{Label(parts[0])}<br/>{Label(parts[1])}\"]):::caller\n");
        }
        foreach (var ((from, to, label), count) in edges.OrderBy(e => e.Key.From.Length).ThenBy(e => e.Key.From, StringComparer.Ordinal)
                                                         .ThenBy(e => int.Parse(e.Key.To.AsSpan(1))).ThenBy(e => e.Key.Label, StringComparer.Ordinal))
            o.Append($"  {from} -->|{(count > 1 ? $"{label} x{count}" : label)}| {to}\n");
        o.Append("  classDef asyncloop fill:#d0ebff,stroke:#1971c2,color:#000\n");
        o.Append("  classDef thread fill:#d3f9d8,stroke:#2f9e44,color:#000\n");
        o.Append("  classDef process fill:#fff3bf,stroke:#f08c00,color:#000\n");
        o.Append("  classDef error fill:#ffe3e3,stroke:#e03131,color:#000\n");
        o.Append("  classDef unknown fill:#e9ecef,stroke:#495057,color:#000\n");
        o.Append("  classDef caller fill:#ffffff,stroke:#868e96,color:#000\n");
        o.Append("```\n\n");
        o.Append("Colours: blue async-loop, green thread, yellow process, red error-cpu-bound-async, grey unknown; ")
         .Append("rounded nodes are callers that are not unsync functions; edge labels say what the caller does with the future.\n\n");
    }

    static string ClassOf(ExecutionMode mode) => mode switch
    {
        ExecutionMode.AsyncLoop => "asyncloop",
        ExecutionMode.Thread => "thread",
        ExecutionMode.Process => "process",
        ExecutionMode.ErrorCpuBoundAsync => "error",
        _ => "unknown",
    };

    /// <summary>Text inside a quoted Mermaid label.</summary>
    static string Label(string s) => s.Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");

    /// <summary>Text inside a Markdown table cell.</summary>
    static string Cell(string s) => s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", " ");

    /// <summary>Code inside a table cell (backticks chosen so the code's own backticks survive).</summary>
    static string Code(string s)
    {
        string fence = s.Contains('`') ? "``" : "`";
        string pad = s.Contains('`') ? " " : "";
        return fence + pad + s.Replace("|", "\\|") + pad + fence;
    }

    static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
