namespace UnsyncMigrate.Analysis.Tests.Support;

/// <summary>
/// Finds the project's shared folder (<c>../shared</c> beside the repository, or <c>UM_SHARED</c>)
/// and its public corpus. Tests that need it skip cleanly when it is absent.
/// </summary>
public static class SharedCorpus
{
    static readonly Lazy<string?> _folder = new(Locate);

    public static string? Folder => _folder.Value;

    public static string? Public => Folder is { } f && Directory.Exists(Path.Combine(f, "corpus", "public")) ? Path.Combine(f, "corpus", "public") : null;

    public static IEnumerable<string> CaseNames() =>
        Public is { } p ? Directory.GetDirectories(p).Select(Path.GetFileName).Where(n => n != null).Select(n => n!).Order(StringComparer.Ordinal) : [];

    static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("UM_SHARED") is { Length: > 0 } env && Directory.Exists(env)) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            bool repoRoot = File.Exists(Path.Combine(dir.FullName, "UnsyncMigrate.sln"));
            if (!repoRoot) continue;
            var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }
}

/// <summary>A fact that is skipped when the shared corpus is not beside the repository.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (SharedCorpus.Public == null) Skip = "the shared corpus (../shared/corpus/public or UM_SHARED) is absent";
    }
}

/// <summary>A theory that is skipped when the shared corpus is not beside the repository.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (SharedCorpus.Public == null) Skip = "the shared corpus (../shared/corpus/public or UM_SHARED) is absent";
    }
}
