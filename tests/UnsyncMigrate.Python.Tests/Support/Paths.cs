namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>Where things are: the repository (found from the test assembly), this project, the shared tools.</summary>
public static class Paths
{
    static readonly Lazy<string> Root = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "UnsyncMigrate.sln")) &&
                Directory.Exists(Path.Combine(d.FullName, "src", "UnsyncMigrate.Python")))
                return d.FullName;
        throw new DirectoryNotFoundException("cannot find the repository root above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string TestProject => Path.Combine(RepoRoot, "tests", "UnsyncMigrate.Python.Tests");

    public static string Cases => Path.Combine(TestProject, "Cases");

    /// <summary>The Python 3.13 library of this machine, or null.</summary>
    public static string? Python313Lib =>
        Directory.Exists("/root/.pyenv/versions/3.13.0/lib/python3.13") ? "/root/.pyenv/versions/3.13.0/lib/python3.13" : null;

    /// <summary>../shared/tools beside the checkout (or above it), or null.</summary>
    public static string? SharedTools
    {
        get
        {
            for (var d = new DirectoryInfo(RepoRoot); d != null; d = d.Parent)
            {
                var p = Path.Combine(d.FullName, "shared", "tools");
                if (File.Exists(Path.Combine(p, "pyast_dump.py"))) return p;
            }
            return null;
        }
    }
}
