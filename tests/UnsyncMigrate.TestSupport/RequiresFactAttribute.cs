using Xunit;

namespace UnsyncMigrate.TestSupport;

/// <summary>What a test needs from the machine beyond the repository.</summary>
public enum Requirement
{
    /// <summary>The shared folder beside the repository (see <see cref="SharedFolder"/>).</summary>
    SharedFolder,

    /// <summary>A CPython 3.13 interpreter (see <see cref="Python313"/>).</summary>
    Python313,

    /// <summary>A Unix-like file system (symlinks, FIFOs, POSIX permissions): Linux or macOS.</summary>
    Unix,
}

/// <summary>
/// A <c>[Fact]</c> that is reported as skipped, with the reason, when the machine lacks one of
/// the <see cref="Requirement"/>s (xunit 2 has no run-time skip, so the check runs when the
/// tests are discovered).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(params Requirement[] requirements)
    {
        if (Requirements.MissingReason(requirements) is { } reason) Skip = reason;
    }
}

/// <summary>The <c>[Theory]</c> counterpart of <see cref="RequiresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(params Requirement[] requirements)
    {
        if (Requirements.MissingReason(requirements) is { } reason) Skip = reason;
    }
}

public static class Requirements
{
    /// <summary>Why the requirements are not met, or null when they all are.</summary>
    public static string? MissingReason(IEnumerable<Requirement> requirements)
    {
        var missing = new List<string>();
        foreach (var r in requirements.Distinct())
        {
            switch (r)
            {
                case Requirement.SharedFolder when SharedFolder.TryFind() is null:
                    missing.Add($"no shared folder (../shared beside the repository, or ${SharedFolder.EnvironmentVariable})");
                    break;
                case Requirement.Python313 when Python313.TryFind() is null:
                    missing.Add("no Python 3.13 (python3.13 on PATH, or a pyenv 3.13.x)");
                    break;
                case Requirement.Unix when OperatingSystem.IsWindows():
                    missing.Add("needs a Unix file system");
                    break;
            }
        }
        return missing.Count == 0 ? null : "skipped: " + string.Join("; ", missing);
    }
}
