using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UnsyncMigrate.Translation;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>
/// The translation's typing figures (how many declarations the generated C# types statically),
/// added to the migrate reports: a "typing" object in the JSON, a section in the Markdown, a line on the terminal.
/// </summary>
internal static class TypingSection
{
    static string Percent(int typed, int total) =>
        (total == 0 ? 0 : 100.0 * typed / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    static string KindName(DeclKind k) => k switch
    {
        DeclKind.Parameter => "parameters",
        DeclKind.Local => "locals",
        DeclKind.Global => "module globals",
        DeclKind.Field => "class fields",
        _ => "returns",
    };

    /// <summary>"typing: declarations: 412, statically typed: 287 (69.7%); parameters 40/52, ..."</summary>
    public static string TerminalLine(TranslationOutput output) =>
        "typing: " + output.Typing.Summary + "; " + string.Join(", ", output.Typing.Kinds.Select(k => $"{KindName(k.Kind)} {k.Typed}/{k.Total}"));

    static JsonObject Counts(TypingReport r)
    {
        var kinds = new JsonObject();
        foreach (var k in r.Kinds)
            kinds[k.Kind.ToString().ToLowerInvariant()] = new JsonObject { ["declarations"] = k.Total, ["typed"] = k.Typed };
        return new JsonObject
        {
            ["declarations"] = r.Total,
            ["typed"] = r.Typed,
            ["typedPercent"] = Math.Round(r.Percent, 1),
            ["byKind"] = kinds,
        };
    }

    public static string AddToJson(string json, TranslationOutput output)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? new JsonObject();
        var typing = Counts(output.Typing);
        typing["note"] = "self/cls parameters are not counted";
        var modules = new JsonObject();
        foreach (var m in output.TypingByModule.OrderBy(m => m.Module, StringComparer.Ordinal)) modules[m.Module] = Counts(m);
        typing["modules"] = modules;
        root["typing"] = typing;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static string AddToMarkdown(string markdown, TranslationOutput output)
    {
        var sb = new StringBuilder(markdown.TrimEnd('\n')).Append("\n\n## Static typing\n\n");
        sb.Append(output.Typing.Summary).Append(" (self/cls parameters are not counted).\n\n");
        sb.Append("| Kind | Declarations | Statically typed |\n|---|---:|---:|\n");
        foreach (var k in output.Typing.Kinds)
            sb.Append($"| {KindName(k.Kind)} | {k.Total} | {k.Typed} ({Percent(k.Typed, k.Total)}) |\n");
        sb.Append("\n| Module | Declarations | Statically typed |\n|---|---:|---:|\n");
        foreach (var m in output.TypingByModule.OrderBy(m => m.Module, StringComparer.Ordinal))
            sb.Append($"| {m.Module} | {m.Total} | {m.Typed} ({Percent(m.Typed, m.Total)}) |\n");
        return sb.ToString();
    }
}
