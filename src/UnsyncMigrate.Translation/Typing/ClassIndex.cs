namespace UnsyncMigrate.Translation.Typing;

/// <summary>
/// The program's classes indexed the ways inference asks about them, so that each question costs
/// what its answer holds instead of a pass over every class (a pass per method or per call made
/// inference quadratic in programs with many classes). Built once bases are resolved: hierarchies
/// and fields do not change after that, and methods only when translation (after inference)
/// adds a dataclass's generated <c>__init__</c>, so <see cref="WithMethod"/> is for inference.
/// Every list keeps the program's class order.
/// </summary>
internal sealed class ClassIndex
{
    readonly Dictionary<ClassInfo, List<ClassInfo>> _subclasses = [];
    readonly Dictionary<string, List<ClassInfo>> _byMethod = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<ClassInfo>> _byField = new(StringComparer.Ordinal);

    public ClassIndex(IReadOnlyList<ClassInfo> classes)
    {
        foreach (var c in classes)
        {
            for (var b = c.Base; b != null; b = b.Base) Add(_subclasses, b, c);
            foreach (var name in c.Methods.Keys) Add(_byMethod, name, c);
            foreach (var name in c.Fields) Add(_byField, name, c);
        }
    }

    static void Add<TKey>(Dictionary<TKey, List<ClassInfo>> index, TKey key, ClassInfo c) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(c);
    }

    /// <summary>The classes deriving from <paramref name="c"/>, directly or not.</summary>
    public IReadOnlyList<ClassInfo> Subclasses(ClassInfo c) => _subclasses.GetValueOrDefault(c) ?? [];

    /// <summary>The classes that define a method under this key (<see cref="FuncSig.MethodKey"/>).</summary>
    public IReadOnlyList<ClassInfo> WithMethod(string key) => _byMethod.GetValueOrDefault(key) ?? [];

    /// <summary>The classes that declare an instance field of this name.</summary>
    public IReadOnlyList<ClassInfo> WithField(string name) => _byField.GetValueOrDefault(name) ?? [];
}
