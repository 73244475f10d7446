using System.Text.Json;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Scanning;
using UnsyncMigrate.Analysis.Tests.Support;
using UnsyncMigrate.Reports;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>
/// Every public corpus case against its <c>expected_map.json</c>, compared as the measuring
/// script does: functions on (file, qualname, line, mode, how), call sites on (file, line,
/// callee, mode, consumed_by), as multisets, through the JSON report. Skipped without ../shared.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in SharedCorpus.CaseNames()) data.Add(name);
        if (data.Count == 0) data.Add("(no corpus)");
        return data;
    }

    [RequiresTheory(Requirement.SharedFolder)]
    [MemberData(nameof(CaseNames))]
    public void MapIsExact(string caseName)
    {
        var folder = Path.Combine(SharedCorpus.Public!, caseName);
        var result = Scanner.Scan(new ScanOptions { Path = folder });
        Assert.Empty(result.Errors);
        var text = new StringWriter();
        new JsonReportWriter().Write(result, new ReportContext(caseName, "test"), text);
        using var actual = JsonDocument.Parse(text.ToString());
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected_map.json")));

        string[] fKeys = ["file", "qualname", "line", "mode", "how"];
        string[] cKeys = ["file", "line", "callee", "mode", "consumed_by"];
        var diff = Diff("function", expected.RootElement.GetProperty("functions"), actual.RootElement.GetProperty("functions"), fKeys)
            .Concat(Diff("call site", expected.RootElement.GetProperty("call_sites"), actual.RootElement.GetProperty("call_sites"), cKeys))
            .ToList();
        Assert.True(diff.Count == 0, $"{caseName}:\n" + string.Join("\n", diff));
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void AllCasesTogether()
    {
        // The whole corpus as one program (every case a package of its own): nothing leaks between cases.
        int cases = SharedCorpus.CaseNames().Count();
        var result = Scanner.Scan(new ScanOptions { Path = SharedCorpus.Public! });
        Assert.Empty(result.Errors);
        Assert.True(cases >= 24);
        Assert.Equal(result.Functions.Count, result.Functions.Select(f => (f.File, f.Line, f.Qualname, f.WrappedAt, f.Mode)).Distinct().Count());
        Assert.DoesNotContain(result.Functions, f => f.Mode == ExecutionMode.Unknown);
    }

    static IEnumerable<string> Diff(string what, JsonElement expected, JsonElement actual, string[] keys)
    {
        static string Key(JsonElement e, string[] keys) =>
            string.Join(" | ", keys.Select(k => e.TryGetProperty(k, out var v) ? v.ToString() : "<missing>"));
        var want = expected.EnumerateArray().Select(e => Key(e, keys)).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var got = actual.EnumerateArray().Select(e => Key(e, keys)).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (k, n) in want)
            for (int i = got.GetValueOrDefault(k); i < n; i++) yield return $"  missing {what}: {k}";
        foreach (var (k, n) in got)
            for (int i = want.GetValueOrDefault(k); i < n; i++) yield return $"  extra {what}: {k}";
    }
}
