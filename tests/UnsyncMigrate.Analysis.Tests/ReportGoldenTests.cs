using UnsyncMigrate.Analysis.Scanning;
using UnsyncMigrate.TestSupport;
using UnsyncMigrate.Reports;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>
/// The four report formats of six corpus cases (copied into golden/cases) and a tour of the
/// hazards, compared exactly with the golden files in golden/. <c>UPDATE_GOLDEN=1</c> re-accepts.
/// </summary>
public class ReportGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in new[] { "04_warehouse_class", "11_invalid_state", "12_cpu_bound_async_error", "16_wrap_existing", "22_inheritance_jobs", "24_small_package", "hazard_tour" })
            foreach (var f in new[] { "json", "md", "sarif", "txt" })
                data.Add(c, f);
        return data;
    }

    static string CaseFolder(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "golden", "cases", name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report(string caseName, string extension)
    {
        var folder = CaseFolder(caseName);
        var result = Scanner.Scan(new ScanOptions { Path = folder, Jobs = 2 });
        var format = extension switch
        {
            "json" => ReportFormat.Json,
            "md" => ReportFormat.Markdown,
            "sarif" => ReportFormat.Sarif,
            _ => ReportFormat.Table,
        };
        var text = new StringWriter();
        ReportWriters.For(format, new TableOptions(Color: false, Width: 140)).Write(result, new ReportContext(caseName, "0.1.0"), text);
        Golden.Match(text.ToString(), $"{caseName}.{extension}");
    }

    [Fact]
    public void DiagnosticLinesUseMSBuildsCanonicalForm()
    {
        var folder = CaseFolder("hazard_tour");
        var result = Scanner.Scan(new ScanOptions { Path = folder });
        var lines = DiagnosticLines.Of(result, "hazard_tour").ToList();
        Assert.Contains("hazard_tour/broken.py(1,12): error SyntaxError: invalid syntax", lines);
        Assert.All(lines, l => Assert.Matches(@"^hazard_tour/[\w/]+\.py\(\d+,\d+\): (warning|error) (UM1\d{3}|\w+Error): .+$", l));
        Golden.Match(string.Join("\n", lines) + "\n", "hazard_tour.stderr");
    }
}
