namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>The Cases/*.py files, and those that show a known parser bug (tested, but skipped).</summary>
public static class CaseFiles
{
    /// <summary>
    /// Cases that the parser gets wrong today, by file name. Each has its own skipped test in
    /// GoldenAstTests; the other suites leave them out until the parser is fixed.
    /// </summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>
    {
        "strings_named_escapes.py",
    };

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Paths.Cases, "*.py").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> Passing() => All().Where(n => !Known.Contains(n));

    public static string PathOf(string name) => Path.Combine(Paths.Cases, name);
}
