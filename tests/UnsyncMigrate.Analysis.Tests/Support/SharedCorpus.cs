using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Analysis.Tests.Support;

/// <summary>The public corpus in the shared folder (<see cref="SharedFolder"/>), when there is one.</summary>
public static class SharedCorpus
{
    public static string? Public =>
        SharedFolder.TryFind() is { } f && Directory.Exists(Path.Combine(f, "corpus", "public")) ? Path.Combine(f, "corpus", "public") : null;

    public static IEnumerable<string> CaseNames() =>
        Public is { } p ? Directory.GetDirectories(p).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal) : [];
}
