using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UnsyncMigrate.Translation.Scaffolding;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>The libraries used beyond what the runtime provides, added to the migrate reports: an "unported" array in the JSON, a section in the Markdown.</summary>
internal static class UnportedSection
{
    public static string AddToJson(string json, IReadOnlyList<UnportedLibrary> unported)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? new JsonObject();
        var list = new JsonArray();
        foreach (var u in unported)
            list.Add(new JsonObject
            {
                ["library"] = u.Library,
                ["members"] = new JsonArray(u.Members.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
                ["uses"] = u.Uses,
                ["dotnet"] = u.DotNetEquivalent,
            });
        root["unported"] = list;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static string AddToMarkdown(string markdown, IReadOnlyList<UnportedLibrary> unported)
    {
        if (unported.Count == 0) return markdown;
        var sb = new StringBuilder(markdown.TrimEnd('\n')).Append("\n\n## Library calls with no C# equivalent in the runtime (UM2002)\n\n");
        sb.Append("| Library | Members used | Uses | In .NET |\n|---|---|---:|---|\n");
        foreach (var u in unported)
            sb.Append($"| {u.Library} | {string.Join(", ", u.Members)} | {u.Uses} | {u.DotNetEquivalent} |\n");
        return sb.ToString();
    }
}
