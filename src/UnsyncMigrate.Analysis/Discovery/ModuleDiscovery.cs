using MAB.DotIgnore;

namespace UnsyncMigrate.Analysis.Discovery;

/// <summary>One Python source found under the scanned path.</summary>
/// <param name="FullPath">Path to open.</param>
/// <param name="RelativePath">Path relative to the scanned folder, '/' separators (the name reports use).</param>
/// <param name="ModuleName">Dotted module name from the folder structure (<c>pkg.sub.mod</c>, <c>pkg</c> for <c>pkg/__init__.py</c>).</param>
/// <param name="IsPackageInit">Whether the file is a package's <c>__init__.py</c>.</param>
/// <param name="Length">Size in bytes when discovered (0 if unknown).</param>
public sealed record DiscoveredFile(string FullPath, string RelativePath, string ModuleName, bool IsPackageInit, long Length);

/// <summary>What <see cref="ModuleDiscovery.Discover"/> found.</summary>
/// <param name="RootDirectory">The folder module names are relative to (the scanned folder, or a scanned file's folder).</param>
/// <param name="Files">The sources, sorted by relative path (ordinal).</param>
/// <param name="PackagePrefix">When the scanned folder is itself a package (it has <c>__init__.py</c>), the dotted name
/// of that package as Python would import it (its folder name, with enclosing packages); module names then start with it.</param>
/// <param name="SkippedDirectories">Folders skipped by the default excludes or .gitignore (relative paths), for reports.</param>
public sealed record DiscoveryResult(string RootDirectory, IReadOnlyList<DiscoveredFile> Files, string? PackagePrefix, IReadOnlyList<string> SkippedDirectories);

/// <summary>
/// Finds the Python modules of a program: <c>*.py</c> under a folder (recursively), or a single
/// file. By default it skips version-control and cache folders, virtual environments,
/// <c>site-packages</c>, <c>node_modules</c> and whatever <c>.gitignore</c> files (in the scanned
/// folder and below) exclude. A directory symlink is followed only when it leads to a folder
/// inside the scanned one that the walk has not entered otherwise: no loops, no duplicates,
/// nothing outside the scanned folder.
/// </summary>
public static class ModuleDiscovery
{
    /// <summary>Folder names skipped unless default excludes are off.</summary>
    public static readonly IReadOnlySet<string> ExcludedDirectoryNames = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "__pycache__", "node_modules", "site-packages", "dist-packages",
        ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs",
    };

    static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    /// <summary>Lists the modules under <paramref name="path"/> (a folder or a single file).</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static DiscoveryResult Discover(string path, bool defaultExcludes = true)
    {
        if (File.Exists(path) && !Directory.Exists(path))
        {
            var full = Path.GetFullPath(path);
            var dir = Path.GetDirectoryName(full) ?? ".";
            string name = Path.GetFileName(full);
            string module = name.EndsWith(".py", StringComparison.Ordinal) ? name[..^3] : name;
            long length = SafeLength(full);
            return new DiscoveryResult(dir, [new DiscoveredFile(full, name, module, false, length)], null, []);
        }
        if (!Directory.Exists(path)) throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);

        string root = Path.GetFullPath(path).TrimEnd('/');
        if (root.Length == 0) root = "/";
        string? prefix = PackagePrefixOf(root);
        var files = new List<DiscoveredFile>();
        var skipped = new List<string>();
        string rootReal = RealPath(root);
        var visited = new HashSet<string>(StringComparer.Ordinal) { rootReal };
        var pending = new Stack<(string Dir, string Rel, string Real, IgnoreScope? Ignores)>();
        // Directory symlinks wait until every real folder has been seen, so a link never shadows
        // the folder it points to; each real folder is entered once (no loops).
        var links = new Queue<(string Dir, string Rel, string Real, IgnoreScope? Ignores)>();
        var skippedReal = new List<string>();
        static bool Under(string path, string folder) =>
            path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
        pending.Push((root, "", rootReal, null));
        while (pending.Count > 0 || links.Count > 0)
        {
            if (pending.Count == 0)
            {
                var link = links.Dequeue();
                bool inside = Under(link.Real, rootReal) && !skippedReal.Any(x => Under(link.Real, x));
                if (!inside)
                {
                    skipped.Add(link.Rel);
                    continue;
                }
                if (visited.Add(link.Real)) pending.Push(link);
                continue;
            }
            var (dir, rel, real, parentIgnores) = pending.Pop();
            var ignores = parentIgnores;
            if (defaultExcludes)
            {
                var gitignore = Path.Combine(dir, ".gitignore");
                if (File.Exists(gitignore))
                {
                    try { ignores = new IgnoreScope(new IgnoreList(gitignore), rel, parentIgnores); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { }
                }
            }
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", OneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                string name = entry.Name;
                string full = dir == "/" ? "/" + name : dir + "/" + name;
                string relPath = rel.Length == 0 ? name : rel + "/" + name;
                // The attributes come with the directory listing; only links need another system call.
                bool isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0 && entry.LinkTarget != null;
                bool isDir = entry is DirectoryInfo || (isLink && Directory.Exists(full));
                if (isDir)
                {
                    if (defaultExcludes && (ExcludedDirectoryNames.Contains(name) || File.Exists(Path.Combine(full, "pyvenv.cfg"))
                                            || (ignores?.IsIgnored(relPath, true) ?? false)))
                    {
                        skipped.Add(relPath);
                        if (!isLink) skippedReal.Add(real.TrimEnd('/') + "/" + name);
                        continue;
                    }
                    if (isLink)
                    {
                        links.Enqueue((full, relPath, RealPath(full), ignores));
                        continue;
                    }
                    string childReal = real.TrimEnd('/') + "/" + name;
                    if (!visited.Add(childReal)) continue;
                    pending.Push((full, relPath, childReal, ignores));
                }
                else if (name.EndsWith(".py", StringComparison.Ordinal) && (!isLink || File.Exists(full)))
                {
                    if (defaultExcludes && (ignores?.IsIgnored(relPath, false) ?? false)) continue;
                    var (module, init) = ModuleNameOf(relPath, prefix);
                    files.Add(new DiscoveredFile(full, relPath, module, init, entry is FileInfo fi && !isLink ? fi.Length : SafeLength(full)));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort(string.CompareOrdinal);
        return new DiscoveryResult(root, files, prefix, skipped);
    }

    /// <summary>
    /// The module name of a source at <paramref name="relativePath"/> ('/' separators) under a
    /// folder whose own package name is <paramref name="packagePrefix"/> (null: not a package):
    /// <c>a/b/c.py</c> is <c>a.b.c</c>, <c>a/b/__init__.py</c> is <c>a.b</c>.
    /// </summary>
    public static (string Module, bool IsPackageInit) ModuleNameOf(string relativePath, string? packagePrefix)
    {
        int slash = relativePath.LastIndexOf('/');
        string name = relativePath[(slash + 1)..];
        string rel = slash < 0 ? "" : relativePath[..slash];
        bool init = name == "__init__.py";
        string moduleRel = init ? rel : name.EndsWith(".py", StringComparison.Ordinal) ? relativePath[..^3] : relativePath;
        string module = moduleRel.Replace('/', '.');
        if (packagePrefix != null) module = module.Length == 0 ? packagePrefix : packagePrefix + "." + module;
        else if (module.Length == 0) module = "__init__";
        return (module, init);
    }

    /// <summary>The dotted package name of a folder that has an <c>__init__.py</c> (with its enclosing packages), else null.</summary>
    static string? PackagePrefixOf(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "__init__.py"))) return null;
        var parts = new List<string>();
        string? dir = folder;
        while (dir != null && File.Exists(Path.Combine(dir, "__init__.py")))
        {
            parts.Insert(0, Path.GetFileName(dir));
            dir = Path.GetDirectoryName(dir);
        }
        return string.Join('.', parts);
    }

    static long SafeLength(string path)
    {
        try { return new FileInfo(path).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }

    static string RealPath(string path)
    {
        try
        {
            var info = new DirectoryInfo(path);
            var target = info.LinkTarget != null ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            if (target != null) return RealPath(target.FullName);
            var parent = info.Parent;
            return parent == null ? info.FullName : RealPath(parent.FullName).TrimEnd('/') + "/" + info.Name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Path.GetFullPath(path);
        }
    }

    /// <summary>The .gitignore files that apply in a folder: each matches paths relative to its own folder.</summary>
    sealed class IgnoreScope(IgnoreList list, string baseRel, IgnoreScope? parent)
    {
        public bool IsIgnored(string relPath, bool isDirectory)
        {
            for (var s = this; s != null; s = s.Parent)
            {
                string local = s.BaseRel.Length == 0 ? relPath : relPath[(s.BaseRel.Length + 1)..];
                if (s.List.IsIgnored(local, isDirectory)) return true;
            }
            return false;
        }

        IgnoreList List { get; } = list;
        string BaseRel { get; } = baseRel;
        IgnoreScope? Parent { get; } = parent;
    }
}
