namespace UnsyncMigrate.TestSupport;

/// <summary>The repository's root folder (the one with UnsyncMigrate.sln), found from the test assembly's folder.</summary>
public static class RepoRoot
{
    public const string SolutionFile = "UnsyncMigrate.sln";

    static readonly Lazy<string?> Found = new(() => FindUpwards(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, SolutionFile))));

    public static string? TryFind() => Found.Value;

    /// <summary>The repository root; fails the test when it cannot be found (tests always run inside a checkout).</summary>
    public static string Find() => TryFind() ?? throw new InvalidOperationException(
        $"{SolutionFile} not found above {AppContext.BaseDirectory}");

    internal static string? FindUpwards(string start, Func<string, bool> accept)
    {
        for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
        {
            if (accept(d.FullName)) return d.FullName;
        }
        return null;
    }
}

/// <summary>
/// The project's shared folder (measuring tools, docs): <c>../shared</c> beside the repository
/// root, or <c>$UM_SHARED</c>. It is absent on some machines (a plain clone), so tests that need
/// it must skip cleanly: use <see cref="RequiresFactAttribute"/> with <see cref="Requirement.SharedFolder"/>.
/// </summary>
public static class SharedFolder
{
    public const string EnvironmentVariable = "UM_SHARED";

    static readonly Lazy<string?> Found = new(Locate);

    /// <summary>The full path of the shared folder, or null when there is none.</summary>
    public static string? TryFind() => Found.Value;

    /// <summary>A file inside the shared folder (e.g. <c>tools/pyast_dump.py</c>), or null when the folder or the file is absent.</summary>
    public static string? TryFindFile(string relativePath) =>
        TryFind() is { } shared && File.Exists(Path.Combine(shared, relativePath)) ? Path.Combine(shared, relativePath) : null;

    static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv)
        {
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }
        // From the test assembly's folder (tests/X/bin/Debug/net10.0) up to the repository root,
        // then its sibling: <parent of the repo>/shared.
        if (RepoRoot.TryFind() is { } repo && Directory.GetParent(repo) is { } parent)
        {
            string candidate = Path.Combine(parent.FullName, "shared");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
