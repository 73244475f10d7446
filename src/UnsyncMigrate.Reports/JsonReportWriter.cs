using System.Text.Encodings.Web;
using System.Text.Json;
using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

/// <summary>
/// The JSON report, schema <c>unsync-migrate/scan</c> version <see cref="SchemaVersion"/>
/// (documented in docs/scan-report.md). Its <c>functions</c> and <c>call_sites</c> entries carry
/// the fields of the corpus's <c>expected_map.json</c> with the same values, plus more.
/// Output is deterministic: no times, entries sorted by file and position.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const string SchemaName = "unsync-migrate/scan";
    public const int SchemaVersion = 1;

    public void Write(ScanResult result, ReportContext context, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaName);
            w.WriteNumber("version", SchemaVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", "unsync-migrate");
            w.WriteString("version", context.ToolVersion);
            w.WriteEndObject();
            w.WriteString("root", context.Root);
            WriteSummary(w, result);

            w.WriteStartArray("functions");
            foreach (var f in result.Functions) WriteFunction(w, f);
            w.WriteEndArray();

            w.WriteStartArray("call_sites");
            foreach (var c in result.CallSites) WriteCallSite(w, c);
            w.WriteEndArray();

            w.WriteStartArray("operations");
            foreach (var o in result.Operations)
            {
                w.WriteStartObject();
                w.WriteString("file", o.File);
                w.WriteNumber("line", o.Line);
                w.WriteNumber("column", o.Span.Column);
                w.WriteString("kind", ReportNames.Of(o.Kind));
                w.WriteString("caller", o.Caller);
                w.WriteBoolean("on_loop_thread", o.OnLoopThread);
                if (o.Source != null) w.WriteString("source", o.Source);
                else w.WriteNull("source");
                w.WriteString("text", o.Text);
                w.WriteString("csharp", CSharpMapping.Of(o.Kind));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("hazards");
            foreach (var h in result.Hazards)
            {
                w.WriteStartObject();
                w.WriteString("code", h.Code);
                w.WriteString("name", h.Rule.Name);
                w.WriteString("level", ReportNames.Of(h.Rule.Level));
                w.WriteString("file", h.File);
                w.WriteNumber("line", h.Span.Line);
                w.WriteNumber("column", h.Span.Column);
                w.WriteNumber("end_line", h.Span.EndLine);
                w.WriteNumber("end_column", h.Span.EndColumn);
                w.WriteString("title", h.Rule.Title);
                w.WriteString("message", h.Message);
                w.WriteString("fix", h.Rule.Fix);
                if (h.Function != null) w.WriteString("function", h.Function);
                else w.WriteNull("function");
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("name_matches");
            foreach (var m in result.NameMatches)
            {
                w.WriteStartObject();
                w.WriteString("file", m.File);
                w.WriteNumber("line", m.Line);
                w.WriteNumber("column", m.Span.Column);
                w.WriteString("method", m.Method);
                w.WriteStartArray("candidates");
                foreach (var c in m.Candidates) w.WriteStringValue(c);
                w.WriteEndArray();
                w.WriteString("text", m.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            // Library members the runtime lacks (UM2002): only when they were looked for.
            if (context.Unported is { } unported)
            {
                w.WriteStartArray("unported_uses");
                foreach (var u in unported)
                {
                    w.WriteStartObject();
                    w.WriteString("file", u.File);
                    w.WriteNumber("line", u.Line);
                    w.WriteNumber("column", u.Column);
                    w.WriteString("name", u.Name);
                    w.WriteString("library", u.Library);
                    w.WriteString("code", UnportedUse.Code);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }

            w.WriteStartArray("errors");
            foreach (var e in result.Errors)
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                if (e.Line is int l) w.WriteNumber("line", l); else w.WriteNull("line");
                if (e.Column is int c) w.WriteNumber("column", c); else w.WriteNull("column");
                w.WriteString("kind", e.Kind);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("files");
            foreach (var f in result.Files)
            {
                w.WriteStartObject();
                w.WriteString("file", f.File);
                w.WriteString("module", f.Module);
                w.WriteBoolean("parsed", f.Parsed);
                w.WriteBoolean("analyzed", f.Analyzed);
                w.WriteNumber("bytes", f.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    static void WriteSummary(Utf8JsonWriter w, ScanResult result)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("files", result.Files.Count);
        w.WriteNumber("analyzed_files", result.Files.Count(f => f.Analyzed));
        w.WriteNumber("functions", result.Functions.Count);
        w.WriteNumber("call_sites", result.CallSites.Count);
        w.WriteNumber("operations", result.Operations.Count);
        w.WriteNumber("hazards", result.Hazards.Count);
        w.WriteNumber("errors", result.Errors.Count);
        w.WriteStartObject("modes");
        foreach (var mode in Enum.GetValues<ExecutionMode>())
            w.WriteNumber(ReportNames.Of(mode), result.Functions.Count(f => f.Mode == mode));
        w.WriteEndObject();
        w.WriteStartObject("hazard_codes");
        foreach (var g in result.Hazards.GroupBy(h => h.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            w.WriteNumber(g.Key, g.Count());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static void WriteFunction(Utf8JsonWriter w, UnsyncFunction f)
    {
        w.WriteStartObject();
        w.WriteString("file", f.File);
        w.WriteString("qualname", f.Qualname);
        w.WriteNumber("line", f.Line);
        w.WriteString("mode", ReportNames.Of(f.Mode));
        w.WriteString("how", ReportNames.Of(f.How));
        if (f.WrappedAt is int at) w.WriteNumber("wrapped_at", at);
        if (f.External) w.WriteBoolean("external", true);
        w.WriteString("id", f.Id);
        w.WriteNumber("column", f.Span.Column);
        w.WriteNumber("end_line", f.Span.EndLine);
        w.WriteNumber("end_column", f.Span.EndColumn);
        if (f.Module != null) w.WriteString("module", f.Module); else w.WriteNull("module");
        if (f.IsCoroutine is bool co) w.WriteBoolean("is_coroutine", co); else w.WriteNull("is_coroutine");
        if (f.CpuBound != null) w.WriteString("cpu_bound", f.CpuBound); else w.WriteNull("cpu_bound");
        w.WriteStartArray("decorators");
        foreach (var d in f.Decorators) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartObject("wrap");
        w.WriteString("file", f.WrapFile);
        w.WriteNumber("line", f.WrapSpan.Line);
        w.WriteNumber("column", f.WrapSpan.Column);
        w.WriteEndObject();
        w.WriteString("csharp", CSharpMapping.Of(f.Mode));
        w.WriteEndObject();
    }

    static void WriteCallSite(Utf8JsonWriter w, CallSite c)
    {
        w.WriteStartObject();
        w.WriteString("file", c.File);
        w.WriteNumber("line", c.Line);
        w.WriteString("callee", c.Callee);
        w.WriteString("mode", ReportNames.Of(c.Mode));
        w.WriteString("consumed_by", ReportNames.Of(c.ConsumedBy));
        w.WriteNumber("column", c.Span.Column);
        w.WriteNumber("end_line", c.Span.EndLine);
        w.WriteNumber("end_column", c.Span.EndColumn);
        w.WriteString("function_id", c.Function.Id);
        w.WriteString("caller", c.Caller);
        w.WriteString("via", c.Via);
        w.WriteString("text", c.Text);
        w.WriteString("csharp", CSharpMapping.Of(c.ConsumedBy));
        w.WriteEndObject();
    }
}
