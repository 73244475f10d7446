using UnsyncMigrate.Reports;
using UnsyncMigrate.Translation;
using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Translation.Scaffolding;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>
/// The uses of library names the runtime has no C# equivalent for (the translation lists every
/// runtime lookup its code makes; the runtime says what it provides). Each compiles to a call that raises
/// <c>NotSupportedException</c> when reached, so each is reported at migrate time instead of
/// discovered at run time (UM2002), and summed up per library with the .NET library to use.
/// </summary>
public static class UnportedLibraries
{
    /// <summary>The runtime lookups of the generated code that the runtime cannot serve (unsync itself is the runtime's own), in file and position order.</summary>
    public static IReadOnlyList<LibraryUse> Uses(TranslationOutput output) =>
        output.LibraryUses.Where(r => !IsProvided(r.Path)).ToList();

    /// <summary>
    /// Whether a migrated program finds <paramref name="path"/> (<c>json.dumps</c>, <c>builtins.eval</c>):
    /// the runtime provides it, or it is unsync's own. <c>scan</c> asks the same question.
    /// </summary>
    public static bool IsProvided(string path) => IsUnsync(path) || PyLibrary.Provides(path);

    /// <summary>
    /// What <c>scan</c> does not report: what the runtime provides, and what the translation lowers
    /// itself (<see cref="LoweredLibraryNames"/>), so scan and migrate list the same uses.
    /// </summary>
    public static bool IsProvidedOrLowered(string path) => IsProvided(path) || LoweredLibraryNames.Contains(path);

    /// <summary>The warning for one use, as editors and CI read them (the same line <c>scan</c> prints).</summary>
    public static string Warning(LibraryUse r) => new UnportedUse(r.File, r.Line, r.Column, r.Path).Warning(r.File);

    /// <summary>Per library (the top-level module, or "builtins"), in name order.</summary>
    public static IReadOnlyList<UnportedLibrary> Summary(IReadOnlyList<LibraryUse> uses) =>
        uses.GroupBy(u => Library(u.Path), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnportedLibrary(g.Key, g.Select(u => Shown(u.Path)).Distinct().Order(StringComparer.Ordinal).ToList(), g.Count(),
                DotNetEquivalents.For(g.Key)))
            .ToList();

    static bool IsUnsync(string path) => path == "unsync" || path.StartsWith("unsync.", StringComparison.Ordinal);

    static string Library(string path) => path[..(path.IndexOf('.') is > 0 and var dot ? dot : path.Length)];

    /// <summary>How a user wrote it: <c>eval</c> rather than <c>builtins.eval</c>.</summary>
    static string Shown(string path) => path.StartsWith("builtins.", StringComparison.Ordinal) ? path["builtins.".Length..] : path;
}
