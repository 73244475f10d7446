using System.Text.Encodings.Web;
using System.Text.Json;
using UnsyncMigrate.Analysis.Model;

namespace UnsyncMigrate.Reports;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers: one result per hazard, with the rule
/// metadata of every hazard code, 1-based UTF-16 columns, and the files that could not be read
/// or parsed as tool execution notifications. Artifact URIs are the scanned path as given joined
/// with the file's relative path (so scanning <c>src/</c> from the repository root gives
/// repository-relative URIs); absolute paths become <c>file://</c> URIs.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public void Write(ScanResult result, ReportContext context, TextWriter output)
    {
        var rules = HazardRules.All;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "unsync-migrate");
            w.WriteString("semanticVersion", context.ToolVersion);
            w.WriteStartArray("rules");
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Code);
                w.WriteString("name", PascalCase(r.Name));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", r.Title);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", r.Description);
                w.WriteEndObject();
                w.WriteStartObject("help");
                w.WriteString("text", "Fix: " + r.Fix);
                w.WriteString("markdown", $"**{r.Code} {r.Title}**\n\n{r.Description}\n\n**Fix:** {r.Fix}");
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", ReportNames.Of(r.Level));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteStartArray("tags");
                w.WriteStringValue("unsync");
                w.WriteStringValue("migration");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (context.Unported != null) WriteUnportedRule(w);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", true);
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var e in result.Errors)
            {
                w.WriteStartObject();
                w.WriteString("level", "error");
                w.WriteStartObject("message");
                w.WriteString("text", $"{e.Kind}: {e.Message}");
                w.WriteEndObject();
                w.WriteStartArray("locations");
                WriteLocation(w, context, e.File, e.Line, e.Column, null, null);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var h in result.Hazards)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", h.Code);
                w.WriteNumber("ruleIndex", IndexOf(rules, h.Rule));
                w.WriteString("level", ReportNames.Of(h.Rule.Level));
                w.WriteStartObject("message");
                w.WriteString("text", $"{h.Message}. Fix: {h.Rule.Fix}.");
                w.WriteEndObject();
                w.WriteStartArray("locations");
                WriteLocation(w, context, h.File, h.Span.Line, h.Span.Column, h.Span.EndLine, h.Span.EndColumn);
                w.WriteEndArray();
                if (h.Function != null)
                {
                    w.WriteStartObject("properties");
                    w.WriteString("function", h.Function);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            foreach (var u in context.Unported ?? [])
            {
                w.WriteStartObject();
                w.WriteString("ruleId", UnportedUse.Code);
                w.WriteNumber("ruleIndex", rules.Count);
                w.WriteString("level", "warning");
                w.WriteStartObject("message");
                w.WriteString("text", u.Message + ": the migrated call raises NotSupportedException when reached.");
                w.WriteEndObject();
                w.WriteStartArray("locations");
                WriteLocation(w, context, u.File, u.Line, u.Column, null, null);
                w.WriteEndArray();
                w.WriteStartObject("properties");
                w.WriteString("library", u.Library);
                w.WriteString("name", u.Name);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    /// <summary>UM2002, after the hazard rules: a library member the runtime has no C# equivalent for.</summary>
    static void WriteUnportedRule(Utf8JsonWriter w)
    {
        const string title = "Library call with no C# equivalent in the runtime";
        const string description = "The program uses a library member the bundled runtime does not provide: the migrated call compiles " +
                                   "and raises NotSupportedException when reached.";
        const string fix = "Port the call by hand to the .NET library listed in the migrated project's README.";
        w.WriteStartObject();
        w.WriteString("id", UnportedUse.Code);
        w.WriteString("name", "UnportedLibraryCall");
        w.WriteStartObject("shortDescription");
        w.WriteString("text", title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", description);
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", "Fix: " + fix);
        w.WriteString("markdown", $"**{UnportedUse.Code} {title}**\n\n{description}\n\n**Fix:** {fix}");
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", "warning");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static int IndexOf(IReadOnlyList<HazardRule> rules, HazardRule rule)
    {
        for (int i = 0; i < rules.Count; i++)
            if (rules[i].Code == rule.Code) return i;
        return -1;
    }

    static void WriteLocation(Utf8JsonWriter w, ReportContext context, string file, int? line, int? column, int? endLine, int? endColumn)
    {
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ArtifactUri(context.Root, file));
        w.WriteEndObject();
        if (line is int l)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", l);
            if (column is int c) w.WriteNumber("startColumn", c);
            if (endLine is int el) w.WriteNumber("endLine", el);
            if (endColumn is int ec) w.WriteNumber("endColumn", ec);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The artifact URI of a scanned file: relative when the scanned path is, a file URI otherwise.</summary>
    public static string ArtifactUri(string root, string relative)
    {
        string path = DiagnosticLines.JoinDisplay(root, relative);
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        if (Path.IsPathRooted(path)) return new Uri(path).AbsoluteUri;
        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    static string PascalCase(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
