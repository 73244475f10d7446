using UnsyncMigrate.Cli.IO;

namespace UnsyncMigrate.Cli.Ast;

/// <summary>One input of <c>ast</c>: the path to open, and the path printed in its JSON line.</summary>
public readonly record struct SourceFile(string ReadPath, string DisplayPath)
{
    static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,            // dot files are Python files too (the default skips Hidden)
        IgnoreInaccessible = true,       // os.walk's default: unreadable folders are skipped silently
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    /// <summary>FILE arguments: read and printed exactly as given, in the order given.</summary>
    public static IReadOnlyList<SourceFile> FromArguments(IEnumerable<string> files) =>
        files.Select(f => new SourceFile(f, f)).ToList();

    /// <summary>
    /// Every <c>*.py</c> under <paramref name="root"/>, exactly as <c>pyast_dump.py</c>'s
    /// <c>iter_root</c> finds them: os.walk without following directory symlinks (the root
    /// itself may be one), names ending in ".py" (case-sensitive) that are regular files after
    /// following symlinks (so file symlinks count, broken ones, FIFOs and folders named x.py do
    /// not), sorted by the relative path with '/' separators in code-point order. The read path
    /// is <c>os.path.join(root, relative)</c>.
    /// </summary>
    public static IReadOnlyList<SourceFile> FromRoot(string root)
    {
        var found = new List<SourceFile>();
        var pending = new Stack<(string Dir, string Rel)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (dir, rel) = pending.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", OneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                continue;    // os.walk(onerror=None) skips what it cannot list
            }
            foreach (var entry in entries)
            {
                string name = entry.Name;
                string full = PyJoin(dir, name);
                string relPath = rel.Length == 0 ? name : rel + "/" + name;
                bool isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                bool isDir = isLink ? Posix.IsDirectory(full) : entry is DirectoryInfo;
                if (isDir)
                {
                    if (!isLink) pending.Push((full, relPath));
                }
                else if (name.EndsWith(".py", StringComparison.Ordinal) && Posix.IsRegularFile(full))
                {
                    found.Add(new SourceFile(PyJoin(root, relPath), relPath));
                }
            }
        }
        found.Sort((a, b) => CodePointComparer.Instance.Compare(a.DisplayPath, b.DisplayPath));
        return found;
    }

    /// <summary><c>os.path.join(a, b)</c> for a relative <paramref name="b"/>.</summary>
    static string PyJoin(string a, string b) => a.Length == 0 || a.EndsWith('/') ? a + b : a + "/" + b;
}

/// <summary>Orders strings by Unicode code point, as Python compares str (UTF-16 ordinal order puts U+E000..U+FFFF after astral characters).</summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            if (x[i] != y[i]) return Key(x[i]) - Key(y[i]);
        }
        return x.Length - y.Length;
    }

    // Surrogates (astral code points) move above every other BMP unit.
    static int Key(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
