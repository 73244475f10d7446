using UnsyncMigrate.Python;

namespace UnsyncMigrate.Translation;

/// <summary>A program read from disk: its modules, their sources, and what could not be read or parsed.</summary>
public sealed record LoadedProgram(string Root, IReadOnlyList<PythonModule> Modules, IReadOnlyDictionary<string, string> Sources,
    IReadOnlyList<string> Problems);

/// <summary>
/// Finds a program's modules under a folder (or one file): <c>*.py</c> recursively, module
/// and package names from the folders and <c>__init__.py</c>, virtual environments and
/// caches skipped, no symlinked folders; each file parsed on a large-stack thread.
/// </summary>
public static class ProgramLoader
{
    static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "__pycache__", ".git", ".hg", ".svn", "node_modules", "site-packages", ".venv", "venv", ".tox", "build", "dist",
    };

    public static LoadedProgram Load(string path)
    {
        string source = Path.GetFullPath(path);
        bool singleFile = File.Exists(source);
        string root = singleFile ? Path.GetDirectoryName(source)! : source;
        var files = singleFile ? [source] : DiscoverPythonFiles(root);
        var modules = new List<PythonModule>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in files)
        {
            string rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            var (name, isPackage) = ModuleName(rel);
            byte[] bytes;
            try { bytes = File.ReadAllBytes(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{rel}: error: cannot read: {e.Message}");
                continue;
            }
            var parsed = ParseOnBigStack(bytes);
            if (parsed.Module == null)
            {
                problems.Add(parsed.Error!.Format(rel));
                continue;
            }
            modules.Add(new PythonModule(name, rel, parsed.Module, isPackage));
            sources[name] = System.Text.Encoding.UTF8.GetString(bytes);
        }
        return new LoadedProgram(root, modules, sources, problems);
    }

    /// <summary>The entry module: <paramref name="entry"/> if given, else main.py, __main__.py, or the only module.</summary>
    public static string? EntryModule(LoadedProgram program, string? entry)
    {
        if (entry != null)
        {
            string rel = Path.GetRelativePath(program.Root, Path.GetFullPath(entry)).Replace('\\', '/');
            return program.Modules.FirstOrDefault(m => m.RelativePath == rel)?.Name;
        }
        if (program.Modules.Any(m => m.RelativePath == "main.py")) return "main";
        if (program.Modules.Any(m => m.RelativePath == "__main__.py")) return "__main__";
        return program.Modules.Count == 1 ? program.Modules[0].Name : null;
    }

    static ParseResult ParseOnBigStack(byte[] bytes)
    {
        ParseResult? result = null;
        var t = new Thread(() => result = PythonParser.ParseFile(bytes), 256 * 1024 * 1024);
        t.Start();
        t.Join();
        return result!;
    }

    static List<string> DiscoverPythonFiles(string root)
    {
        var list = new List<string>();
        var stack = new Stack<string>([root]);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            foreach (var f in Directory.EnumerateFiles(dir, "*.py")) list.Add(f);
            foreach (var d in Directory.EnumerateDirectories(dir))
            {
                var info = new DirectoryInfo(d);
                if (info.LinkTarget != null || SkippedFolders.Contains(info.Name) || File.Exists(Path.Combine(d, "pyvenv.cfg"))) continue;
                stack.Push(d);
            }
        }
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    static (string Name, bool IsPackage) ModuleName(string relative)
    {
        var parts = relative[..^3].Split('/').ToList();
        bool pkg = parts[^1] == "__init__";
        if (pkg) parts.RemoveAt(parts.Count - 1);
        return (string.Join(".", parts), pkg);
    }
}
