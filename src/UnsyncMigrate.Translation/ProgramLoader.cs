using UnsyncMigrate.Analysis.Discovery;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Text;

namespace UnsyncMigrate.Translation;

/// <summary>A program read from disk: its modules, their sources, and what could not be read or parsed.</summary>
/// <param name="Root">The folder module names are relative to.</param>
/// <param name="Modules">The modules that parsed, in relative-path order.</param>
/// <param name="Sources">Each parsed module's decoded source text, by module name.</param>
/// <param name="Problems">One <c>file(line,col): error: ...</c> line per file that could not be read, decoded or parsed.</param>
/// <param name="FailedFiles">The relative paths of those files.</param>
public sealed record LoadedProgram(string Root, IReadOnlyList<PythonModule> Modules, IReadOnlyDictionary<string, string> Sources,
    IReadOnlyList<string> Problems, IReadOnlyList<string> FailedFiles);

/// <summary>
/// Reads a program's modules from a folder (or one file). The files are those the scan sees
/// (<see cref="ModuleDiscovery"/>: default excludes, <c>.gitignore</c>, safe symlinks), so the
/// report and the translation always cover the same modules. Module names are the paths relative
/// to the folder, as when the program runs as <c>python main.py</c> from inside it (its folder is
/// then on <c>sys.path</c>, so even a folder that is itself a package imports its modules by their
/// short names). Files parse in parallel on large-stack threads; a bad file is reported and
/// the rest still load.
/// </summary>
public static class ProgramLoader
{
    // CPython's parser allows nesting that needs a deep stack; the front end checks the stack
    // and reports RecursionError rather than overflowing, but a large stack keeps valid files valid.
    const int ParserStackBytes = 256 * 1024 * 1024;

    /// <summary>Loads the program at <paramref name="path"/> using up to <paramref name="jobs"/> parser threads.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked between files).</exception>
    public static LoadedProgram Load(string path, int jobs = 0, CancellationToken cancellationToken = default)
    {
        var found = ModuleDiscovery.Discover(Path.GetFullPath(path));
        var files = found.Files;
        var results = new (PythonModule? Module, string? Source, string? Problem)[files.Count];
        int next = -1;
        void Work()
        {
            for (int i = Interlocked.Increment(ref next); i < files.Count && !cancellationToken.IsCancellationRequested; i = Interlocked.Increment(ref next))
                results[i] = LoadOne(files[i]);
        }
        int threads = Math.Clamp(jobs > 0 ? jobs : Environment.ProcessorCount, 1, Math.Max(1, files.Count));
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(Work, ParserStackBytes) { IsBackground = true }).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        cancellationToken.ThrowIfCancellationRequested();

        var modules = new List<PythonModule>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var failed = new List<string>();
        for (int i = 0; i < files.Count; i++)
        {
            var (module, source, problem) = results[i];
            if (module == null)
            {
                problems.Add(problem!);
                failed.Add(files[i].RelativePath);
                continue;
            }
            modules.Add(module);
            sources[module.Name] = source!;
        }
        return new LoadedProgram(found.RootDirectory, modules, sources, problems, failed);
    }

    static (PythonModule?, string?, string?) LoadOne(DiscoveredFile file)
    {
        string rel = file.RelativePath;
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file.FullPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, $"{rel}: error: cannot read: {e.Message}");
        }
        var parsed = PythonParser.ParseFile(bytes);
        if (parsed.Module == null) return (null, null, parsed.Error!.Format(rel));
        // The parse succeeded, so decoding does too; the text keeps the file's own coding cookie honoured.
        string text = SourceDecoder.TryDecode(bytes, out var utf8, out _)
            ? System.Text.Encoding.UTF8.GetString(utf8.Span)
            : System.Text.Encoding.UTF8.GetString(bytes);
        var (name, isPackage) = ModuleName(rel);
        return (new PythonModule(name, rel, parsed.Module, isPackage), text, null);
    }

    /// <summary>
    /// The entry module. Without <paramref name="entry"/>: <c>main.py</c>, else <c>__main__.py</c>,
    /// else the only module. <paramref name="entry"/> may be a file path relative to the current
    /// folder or to the program's root, a package folder holding <c>__main__.py</c>, or a module
    /// name (<c>app.cli</c>). Null when nothing matches.
    /// </summary>
    public static string? EntryModule(LoadedProgram program, string? entry)
    {
        if (entry == null)
        {
            if (program.Modules.Any(m => m.RelativePath == "main.py")) return "main";
            if (program.Modules.Any(m => m.RelativePath == "__main__.py")) return "__main__";
            return program.Modules.Count == 1 ? program.Modules[0].Name : null;
        }
        foreach (string relative in EntryPaths(program.Root, entry))
        {
            if (program.Modules.FirstOrDefault(m => m.RelativePath == relative) is { } byPath) return byPath.Name;
        }
        return program.Modules.FirstOrDefault(m => m.Name == entry)?.Name;
    }

    /// <summary>Whether <paramref name="entry"/> names one of the files that could not be read or parsed.</summary>
    public static bool IsFailedFile(LoadedProgram program, string entry) =>
        EntryPaths(program.Root, entry).Any(relative => program.FailedFiles.Contains(relative));

    /// <summary>The program-relative paths <paramref name="entry"/> may mean, most specific first.</summary>
    static IEnumerable<string> EntryPaths(string root, string entry)
    {
        foreach (string full in new[] { Path.GetFullPath(entry), Path.GetFullPath(Path.Combine(root, entry)) })
        {
            string relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
            yield return relative;
            if (Directory.Exists(full)) yield return relative == "." ? "__main__.py" : relative + "/__main__.py";
        }
    }

    static (string Name, bool IsPackage) ModuleName(string relative)
    {
        var parts = relative[..^3].Split('/').ToList();
        bool pkg = parts[^1] == "__init__";
        if (pkg) parts.RemoveAt(parts.Count - 1);
        return (string.Join(".", parts), pkg);
    }
}
