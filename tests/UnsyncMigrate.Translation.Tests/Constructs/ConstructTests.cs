using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// One test per Python construct the translation must preserve: each snippet is translated,
/// compiled and run, and its output compared with what CPython 3.13 printed for it (recorded
/// next to the snippet, so no Python is needed at test time). All snippets compile as one
/// batch (in ConstructTests.*.cs, grouped by theme).
/// </summary>
public partial class ConstructTests
{
    /// <summary>A snippet named after its test, and CPython's output for it (stdout; stderr too when <paramref name="Stderr"/> is given).</summary>
    sealed record Snippet(string Name, string Python, string Expected, string? Stderr = null);

    static IEnumerable<Snippet> All => [.. Numbers, .. Ordering, .. Strings, .. Iteration, .. Classes, .. Functions, .. ControlFlow, .. Library, .. ObjectModel, .. Async, .. Logging, .. Packages, .. Build];

    static readonly Lazy<SnippetRunner.Batch> Batch = new(() => new SnippetRunner.Batch(All.ToDictionary(s => s.Name, s => s.Python)));

    static void Check([CallerMemberName] string name = "")
    {
        var snippet = All.Single(s => s.Name == name);
        if (snippet.Stderr is null)
        {
            Assert.Equal(snippet.Expected, Batch.Value.Run(name));
            return;
        }
        var (stdout, stderr) = Batch.Value.RunCapturingStderr(name);
        Assert.Equal(snippet.Expected, stdout);
        Assert.Equal(snippet.Stderr, stderr);
    }
}
