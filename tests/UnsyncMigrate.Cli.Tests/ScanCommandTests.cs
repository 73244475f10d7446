using System.Text.Json;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>The <c>scan</c> verb: binding, formats, --output, diagnostics on stderr, exit codes.</summary>
public sealed class ScanCommandTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "um-scan-cli-" + Guid.NewGuid().ToString("N"));

    public ScanCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "main.py"), """
            from unsync import unsync

            @unsync
            async def fetch(x):
                return x

            def main():
                fetch(1)
                return fetch(2).result()
            """.ReplaceLineEndings("\n") + "\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void Scan_help_matches_golden()
    {
        var r = Cli.Run("scan", "--help");
        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Golden.Match(r.Stdout, "help-scan.txt");
    }

    [Fact]
    public void Json_report_with_diagnostics_on_stderr()
    {
        var r = Cli.Run("scan", _dir, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("unsync-migrate/scan", doc.RootElement.GetProperty("schema").GetString());
        var f = Assert.Single(doc.RootElement.GetProperty("functions").EnumerateArray());
        Assert.Equal("fetch", f.GetProperty("qualname").GetString());
        Assert.Equal("async-loop", f.GetProperty("mode").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("call_sites").GetArrayLength());
        Assert.Contains($"{_dir}/main.py(8,5): warning UM1005: ", r.Stderr);
        Assert.Contains("1 file scanned", r.Stderr);
    }

    [Fact]
    public void Redirected_output_defaults_to_json()
    {
        var r = Cli.Run("scan", _dir);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("{", r.Stdout);
    }

    [Fact]
    public void Fail_on_hazard_exits_1()
    {
        Assert.Equal(1, Cli.Run("scan", _dir, "--fail-on-hazard", "--no-progress").ExitCode);
    }

    [Fact]
    public void Output_file_takes_the_report_and_its_extension_chooses_the_format()
    {
        string sarif = Path.Combine(_dir, "out.sarif");
        var r = Cli.Run("scan", _dir, "--output", sarif);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif));
        string md = Path.Combine(_dir, "out.md");
        Assert.Equal(0, Cli.Run("scan", _dir, "-o", md).ExitCode);
        Assert.StartsWith("# unsync scan report", File.ReadAllText(md));
        string table = Path.Combine(_dir, "report");
        Assert.Equal(0, Cli.Run("scan", _dir, "-o", table, "--format", "table").ExitCode);
        Assert.Contains("calls of unsync functions", File.ReadAllText(table));
    }

    [Fact]
    public void Unparsable_input_exits_3_and_the_rest_is_reported()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.py"), "def (:\n");
        var r = Cli.Run("scan", _dir, "--format", "json");
        Assert.Equal(3, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var e = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("broken.py", e.GetProperty("file").GetString());
        Assert.Equal(1, e.GetProperty("line").GetInt32());
        Assert.Single(doc.RootElement.GetProperty("functions").EnumerateArray());
        Assert.Contains($"{_dir}/broken.py(1,", r.Stderr);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("scan", "--format", "xml", ".")]
    [InlineData("scan", "--jobs", "0", ".")]
    [InlineData("scan", "/no/such/folder")]
    public void Usage_errors_exit_2(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, Cli.Run(args).ExitCode);
    }

    [Fact]
    public void Unwritable_output_exits_2()
    {
        var r = Cli.Run("scan", _dir, "--output", Path.Combine(_dir, "missing", "dir", "x.json"));
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("cannot write", r.Stderr);
    }

    [Fact]
    public void A_single_file_can_be_scanned()
    {
        var r = Cli.Run("scan", Path.Combine(_dir, "main.py"), "--format", "markdown");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("| F1 | main.py | 4 | `fetch` | async-loop | decorator |  |", r.Stdout);
        Assert.Contains($"{_dir}/main.py(8,5): warning UM1005", r.Stderr);
    }
}
