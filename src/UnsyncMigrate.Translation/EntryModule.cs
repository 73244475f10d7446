using UnsyncMigrate.Analysis.Program;

namespace UnsyncMigrate.Translation;

/// <summary>Which module of a program runs as <c>__main__</c>.</summary>
public static class EntryModule
{
    /// <summary>
    /// The entry module. Without <paramref name="entry"/>: <c>main.py</c>, else <c>__main__.py</c>
    /// (at the program's root), else the only module. <paramref name="entry"/> may be a file path
    /// relative to the current folder or to the program's root, a package folder holding
    /// <c>__main__.py</c>, or a module name (<c>app.cli</c>). Null when nothing matches.
    /// </summary>
    public static SourceModule? Choose(AnalyzedProgram program, string? entry)
    {
        if (entry == null)
        {
            return program.Modules.FirstOrDefault(m => m.RelativePath == "main.py")
                ?? program.Modules.FirstOrDefault(m => m.RelativePath == "__main__.py")
                ?? (program.Modules.Count == 1 ? program.Modules[0] : null);
        }
        foreach (string relative in PathsOf(program.Root, entry))
        {
            if (program.Modules.FirstOrDefault(m => m.RelativePath == relative) is { } byPath) return byPath;
        }
        return program.Module(entry);
    }

    /// <summary>Whether <paramref name="entry"/> names one of the files that could not be read or parsed.</summary>
    public static bool IsFailedFile(AnalyzedProgram program, string entry) =>
        PathsOf(program.Root, entry).Any(relative => program.Problems.Any(p => p.File == relative));

    /// <summary>The program-relative paths <paramref name="entry"/> may mean, most specific first.</summary>
    static IEnumerable<string> PathsOf(string root, string entry)
    {
        foreach (string full in new[] { Path.GetFullPath(entry), Path.GetFullPath(Path.Combine(root, entry)) })
        {
            string relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
            yield return relative;
            if (Directory.Exists(full)) yield return relative == "." ? "__main__.py" : relative + "/__main__.py";
        }
    }
}
