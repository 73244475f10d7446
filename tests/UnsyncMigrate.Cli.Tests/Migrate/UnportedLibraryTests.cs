using System.Text.Json;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// A library call the runtime has no C# equivalent for is reported when migrating (UM2002, file,
/// line, column), and summed up in the generated README and report with the .NET library to use;
/// what the translation lowers itself (dataclasses, super(), print...) or the runtime provides is not.
/// </summary>
public class UnportedLibraryTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Migrate_LibraryCallsTheRuntimeLacks_AreWarningsAndATable()
    {
        _dir.Write("py/main.py", """
            import csv
            import os.path
            import json
            import pandas as pd
            from dataclasses import dataclass, field


            @dataclass
            class Row:
                name: str
                tags: list = field(default_factory=list)


            log = csv.reader([])
            print(json.dumps({"a": 1}), os.path.basename("/a/b.txt"), len(Row("x").tags))
            frame = pd.concat([])
            eval("1")
            import logging
            logging.getLogger(__name__).warning("the runtime has logging")
            """.ReplaceLineEndings("\n"));
        var r = Cli.Run(_dir["py"], "-o", _dir["out"]);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        var warnings = r.Stderr.Split('\n').Where(l => l.Contains("UM2002")).ToArray();
        Assert.Equal([
            "main.py(14,7): warning UM2002: 'csv.reader' has no C# equivalent in the runtime",
            "main.py(15,29): warning UM2002: 'os.path.basename' has no C# equivalent in the runtime",
            "main.py(16,9): warning UM2002: 'pandas.concat' has no C# equivalent in the runtime",
            "main.py(17,1): warning UM2002: 'eval' has no C# equivalent in the runtime",
        ], warnings);

        string readme = File.ReadAllText(_dir["out/README.md"]);
        Assert.Contains("| `csv` | `csv.reader` | 1 | CsvHelper |", readme);
        Assert.Contains("| `pandas` | `pandas.concat` | 1 | Microsoft.Data.Analysis |", readme);
        using var report = JsonDocument.Parse(File.ReadAllText(_dir["out/unsync-report.json"]));
        var libraries = report.RootElement.GetProperty("unported").EnumerateArray().Select(u => u.GetProperty("library").GetString()).ToArray();
        Assert.Equal(["builtins", "csv", "os", "pandas"], libraries);
    }

    [Fact]
    public void Migrate_ProgramTheRuntimeServes_HasNoUnportedWarning()
    {
        string source = Path.Combine(RepoRoot.Find(), "tests", "samples", "modes");
        var r = Cli.Run(source, "-o", _dir["out"]);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.DoesNotContain("UM2002", r.Stderr);
        Assert.DoesNotContain("Library calls with no C# equivalent", File.ReadAllText(_dir["out/README.md"]));
    }
}
