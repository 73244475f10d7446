using System.Text.Json;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>
/// <c>scan</c> reports the library members the runtime lacks (UM2002) from the analysis alone, and
/// lists exactly what migrate reports from its translation: on a program using libraries in every
/// position (tests/samples/libraries) and on the public corpus. Its JSON has them in
/// <c>unported_uses</c>; they fail the scan only with <c>--fail-on-unported</c>.
/// </summary>
public sealed class LibraryUseAgreementTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static string Sample => Path.Combine(RepoRoot.Find(), "tests", "samples", "libraries");

    static string[] Um2002(string stderr, string prefix = "") =>
        stderr.Split('\n').Where(l => l.Contains(": warning UM2002: ")).Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? l[prefix.Length..] : l)
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>The UM2002 lines of migrate and of scan (paths relative to the program) for the program in <paramref name="folder"/>.</summary>
    (string[] Migrate, string[] Scan, JsonDocument Json) Both(string folder, string name)
    {
        var migrate = Cli.Run(folder, "-o", _dir[name], "--dry-run");
        Assert.True(migrate.ExitCode == ExitCodes.Success, migrate.ToString());
        var scan = Cli.Run("scan", folder, "--format", "json");
        Assert.True(scan.ExitCode == 0, scan.ToString());
        return (Um2002(migrate.Stderr), Um2002(scan.Stderr, folder + "/"), JsonDocument.Parse(scan.Stdout));
    }

    [Fact]
    public void Scan_SampleUsingLibraries_ListsWhatMigrateReports()
    {
        var (migrate, scan, json) = Both(Sample, "libraries");
        Assert.Equal(migrate, scan);
        // Spot checks of the positions: an aliased module, a from-import, a nested module path, a
        // builtin, a default value, a lambda, a comprehension, a class attribute, a module as a value.
        Assert.Contains("main.py(42,13): warning UM2002: 'pandas.read_csv' has no C# equivalent in the runtime", scan);
        Assert.Contains("main.py(47,12): warning UM2002: 'xml.etree.ElementTree.fromstring' has no C# equivalent in the runtime", scan);
        Assert.Contains("main.py(48,20): warning UM2002: 'eval' has no C# equivalent in the runtime", scan);
        Assert.Contains("main.py(36,29): warning UM2002: 'requests.codes.ok' has no C# equivalent in the runtime", scan);
        Assert.Contains("main.py(51,39): warning UM2002: 'os.path.splitext' has no C# equivalent in the runtime", scan);
        Assert.Contains("main.py(57,26): warning UM2002: 'pandas' has no C# equivalent in the runtime", scan);
        Assert.Contains("main.py(57,16): warning UM2002: 'os' has no C# equivalent in the runtime", scan);
        // A module the runtime has (json) is a value it can give.
        Assert.DoesNotContain(scan, l => l.StartsWith("main.py(57,20)"));
        Assert.Contains("app/jobs.py(9,15): warning UM2002: 'datetime.datetime.now' has no C# equivalent in the runtime", scan);
        Assert.Contains("app/jobs.py(13,26): warning UM2002: 'os.getcwd' has no C# equivalent in the runtime", scan);
        // Not library calls: what the runtime has (json.dumps), what the translation lowers (dataclass,
        // field, super, property), annotations (Optional), unsync, and the program's own names.
        Assert.DoesNotContain(scan, l => l.Contains("'json.dumps'") || l.Contains("dataclass") || l.Contains("field") || l.Contains("super")
                                         || l.Contains("property") || l.Contains("Optional") || l.Contains("unsync") || l.Contains("app."));
        // logging.getLogger, logging.basicConfig and logging.INFO: the runtime has logging.
        Assert.DoesNotContain(scan, l => l.Contains("'logging."));
        Assert.Equal(18, scan.Length);

        var uses = json.RootElement.GetProperty("unported_uses").EnumerateArray().ToList();
        Assert.Equal(scan.Length, uses.Count);
        var first = uses[0];
        Assert.Equal(("app/jobs.py", 9, 15, "datetime.datetime.now", "datetime", "UM2002"),
            (first.GetProperty("file").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32(),
             first.GetProperty("name").GetString(), first.GetProperty("library").GetString(), first.GetProperty("code").GetString()));
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void Scan_PublicCorpus_ListsWhatMigrateReports()
    {
        string corpus = Path.Combine(SharedFolder.TryFind()!, "corpus", "public");
        foreach (string folder in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
        {
            var (migrate, scan, json) = Both(folder, Path.GetFileName(folder));
            Assert.True(migrate.SequenceEqual(scan), $"{Path.GetFileName(folder)}:\nmigrate:\n{string.Join('\n', migrate)}\nscan:\n{string.Join('\n', scan)}");
            Assert.Equal(scan.Length, json.RootElement.GetProperty("unported_uses").GetArrayLength());
        }
    }

    [Fact]
    public void Scan_UnportedUses_FailOnlyWithFailOnUnported()
    {
        _dir.Write("py/main.py", "import pandas as pd\nprint(pd.concat([]))\n");
        Assert.Equal(0, Cli.Run("scan", _dir["py"], "--format", "json").ExitCode);
        Assert.Equal(0, Cli.Run("scan", _dir["py"], "--format", "json", "--fail-on-hazard").ExitCode);
        var r = Cli.Run("scan", _dir["py"], "--format", "json", "--fail-on-unported");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{_dir["py"]}/main.py(2,7): warning UM2002: 'pandas.concat' has no C# equivalent in the runtime", r.Stderr);
    }

    [Theory]
    [InlineData("markdown", "| main.py:2:7 | pandas | `pandas.concat` |")]
    [InlineData("sarif", "\"ruleId\": \"UM2002\"")]
    [InlineData("table", "pandas.concat")]
    public void Scan_UnportedUses_InEveryFormat(string format, string expected)
    {
        _dir.Write("py/main.py", "import pandas as pd\nprint(pd.concat([]))\n");
        var r = Cli.Run("scan", _dir["py"], "--format", format);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(expected, r.Stdout);
    }
}
