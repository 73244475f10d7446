using UnsyncMigrate.TestSupport;
using Xunit.Sdk;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>The shared test helpers (TestSupport has no test project of its own).</summary>
public class TestSupportTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    string Caller => Path.Combine(_dir.Path, "SomeTests.cs");   // golden files go to <dir>/golden/

    [Fact]
    public void Golden_missing_file_fails_and_writes_received()
    {
        if (Golden.Updating) return;   // UPDATE_GOLDEN=1 accepts instead of failing
        var e = Assert.Throws<XunitException>(() => Golden.Match("hello\n", "new.txt", Caller));
        Assert.Contains("No golden file", e.Message);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(_dir.Path, "golden", "new.txt.received")));
    }

    [Fact]
    public void Golden_match_passes_and_clears_a_stale_received()
    {
        _dir.Write("golden/same.txt", "a\r\nb\n");      // line endings are normalised, nothing else
        _dir.Write("golden/same.txt.received", "old");
        Golden.Match("a\nb\n", "same.txt", Caller);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "golden", "same.txt.received")));
    }

    [Fact]
    public void Golden_mismatch_shows_a_whitespace_aware_diff()
    {
        if (Golden.Updating) return;   // UPDATE_GOLDEN=1 accepts instead of failing
        _dir.Write("golden/g.txt", "one\n    two\nthree\n");
        var e = Assert.Throws<XunitException>(() => Golden.Match("one\n  two  \nthree\n", "g.txt", Caller));
        Assert.Contains("-     |     two", e.Message);
        Assert.Contains("+    2|   two··", e.Message);
        Assert.Contains("   1| one", e.Message);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "golden", "g.txt.received")));
    }

    [Fact]
    public void Golden_notices_a_missing_final_newline()
    {
        if (Golden.Updating) return;   // UPDATE_GOLDEN=1 accepts instead of failing
        _dir.Write("golden/n.txt", "x\n");
        var e = Assert.Throws<XunitException>(() => Golden.Match("x", "n.txt", Caller));
        Assert.Contains("newline", e.Message);
    }

    [Fact]
    public void Repo_root_is_found_from_the_test_assembly()
    {
        Assert.True(File.Exists(Path.Combine(RepoRoot.Find(), RepoRoot.SolutionFile)));
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void Shared_folder_is_beside_the_repository_or_from_UM_SHARED()
    {
        string shared = SharedFolder.TryFind()!;
        Assert.True(Directory.Exists(shared));
        if (Environment.GetEnvironmentVariable(SharedFolder.EnvironmentVariable) is not { Length: > 0 })
            Assert.Equal(Path.Combine(Directory.GetParent(RepoRoot.Find())!.FullName, "shared"), shared);
    }

    [RequiresFact(Requirement.Python313)]
    public void Python313_is_a_313()
    {
        var py = Python313.TryFind()!;
        Assert.StartsWith("3.13.", py.Version);
        var (code, stdout, _) = py.Run(["-c", "import sys; print(sys.version_info[:2])"]);
        Assert.Equal(0, code);
        Assert.Equal("(3, 13)", System.Text.Encoding.UTF8.GetString(stdout).Trim());
    }

    [Fact]
    public void Requirements_explain_what_is_missing()
    {
        Assert.Null(Requirements.MissingReason([]));
        string? reason = Requirements.MissingReason([Requirement.SharedFolder, Requirement.Python313]);
        if (SharedFolder.TryFind() is null) Assert.Contains("shared folder", reason);
        if (Python313.TryFind() is null) Assert.Contains("Python 3.13", reason);
        if (SharedFolder.TryFind() is not null && Python313.TryFind() is not null) Assert.Null(reason);
    }
}
