namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>
/// Facts about Python 3.11's builtins and standard library (generated into
/// <c>Data/python-names.tsv</c> by <c>Data/gen_python_names.py</c>): builtin names, standard
/// module names, and for standard functions their real <c>__module__.__qualname__</c> and
/// whether they are coroutine functions.
/// </summary>
internal static class KnownNames
{
    static readonly HashSet<string> _builtins = new(StringComparer.Ordinal);
    static readonly HashSet<string> _stdlib = new(StringComparer.Ordinal);
    static readonly Dictionary<string, (string RealName, bool Coroutine)> _callables = new(StringComparer.Ordinal);

    static KnownNames()
    {
        using var stream = typeof(KnownNames).Assembly.GetManifestResourceStream("python-names.tsv")
            ?? throw new InvalidOperationException("the python-names.tsv resource is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "B": _builtins.Add(parts[1]); break;
                case "M": _stdlib.Add(parts[1]); break;
                case "X": _callables[parts[1]] = (parts[2], parts[3] == "1"); break;
            }
        }
    }

    public static bool IsBuiltin(string name) => _builtins.Contains(name);

    /// <summary>Whether the top-level module of <paramref name="dotted"/> is in the standard library.</summary>
    public static bool IsStdlib(string dotted)
    {
        int dot = dotted.IndexOf('.');
        return _stdlib.Contains(dot < 0 ? dotted : dotted[..dot]);
    }

    /// <summary>
    /// The <c>module.qualname</c> of an external callable reached by <paramref name="path"/>
    /// (<c>time.sleep</c>, <c>builtins.sorted</c>), and whether it is a coroutine function
    /// (unknown outside the standard library).
    /// </summary>
    public static (string Name, Tri Coroutine) Callable(string path)
    {
        if (_callables.TryGetValue(path, out var known)) return (known.RealName, known.Coroutine ? Tri.Yes : Tri.No);
        return (path, IsStdlib(path) ? Tri.No : Tri.Unknown);
    }

    /// <summary>Whether <paramref name="path"/> (<c>os.open</c>) is a standard callable the table knows (so <c>from os import *</c> binds it).</summary>
    public static bool IsKnownCallable(string path) => _callables.ContainsKey(path);

    /// <summary>Standard-library calls that block the calling thread (a hazard on the loop thread).</summary>
    public static bool IsBlocking(string path) =>
        path is "time.sleep" or "builtins.input" or "os.system" or "urllib.request.urlopen"
            or "subprocess.run" or "subprocess.call" or "subprocess.check_call" or "subprocess.check_output"
            or "socket.create_connection" or "select.select"
        || path.StartsWith("requests.", StringComparison.Ordinal)
        || path.StartsWith("urllib3.", StringComparison.Ordinal) && path.EndsWith(".request", StringComparison.Ordinal);
}
