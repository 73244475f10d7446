namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>A deterministic sample of the Python 3.13 library's files (when this machine has it).</summary>
public static class LibrarySample
{
    /// <summary>Every <paramref name="step"/>-th *.py file of the library, by ordinal path order.</summary>
    public static IReadOnlyList<string> Files(int step, int offset = 0)
    {
        var lib = Paths.Python313Lib;
        if (lib == null) return [];
        var all = Directory.EnumerateFiles(lib, "*.py", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(p => Path.GetRelativePath(lib, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.StartsWith("site-packages/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return all.Where((_, i) => i % step == offset).Select(p => Path.Combine(lib, p)).ToList();
    }
}

/// <summary>A fact that is skipped when the Python 3.13 library is not on this machine.</summary>
public sealed class SkippableLibraryFactAttribute : FactAttribute
{
    public SkippableLibraryFactAttribute()
    {
        if (Paths.Python313Lib == null) Skip = "no Python 3.13 library at /root/.pyenv/versions/3.13.0/lib/python3.13";
    }
}
