using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>The program's modules by dotted name, with Python-like lookup for imports.</summary>
internal sealed class ProgramIndex
{
    readonly Dictionary<string, ModuleInfo> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, ModuleInfo?> _suffixCache = new(StringComparer.Ordinal);
    Dictionary<string, List<ModuleInfo>>? _byLastPart;

    public ProgramIndex(IEnumerable<ModuleInfo> modules)
    {
        foreach (var m in modules) _byName[m.Name] = m;
        // Folders without __init__.py are namespace packages: importable, with no code.
        foreach (var name in _byName.Keys.ToList())
        {
            for (int dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
            {
                string pkg = name[..dot];
                if (!_byName.ContainsKey(pkg)) _byName[pkg] = new ModuleInfo(pkg, null, true, null, null);
            }
        }
    }

    public IEnumerable<ModuleInfo> Modules => _byName.Values;

    /// <summary>The module of exactly that name.</summary>
    public ModuleInfo? FindExact(string dotted) => _byName.GetValueOrDefault(dotted);

    /// <summary>
    /// The program module an absolute import of <paramref name="dotted"/> finds: the module of
    /// that name, else (for names that are not standard modules) the one module whose name ends
    /// with it (a src/ layout, or a scanned folder above the import root).
    /// </summary>
    public ModuleInfo? Find(string dotted)
    {
        if (dotted.Length == 0) return null;
        if (_byName.TryGetValue(dotted, out var m)) return m;
        if (KnownNames.IsStdlib(dotted)) return null;
        if (_suffixCache.TryGetValue(dotted, out var cached)) return cached;
        ModuleInfo? found = null;
        string suffix = "." + dotted;
        _byLastPart ??= _byName.Values.GroupBy(m => m.Name[(m.Name.LastIndexOf('.') + 1)..], StringComparer.Ordinal)
                                      .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var candidates = _byLastPart.GetValueOrDefault(dotted[(dotted.LastIndexOf('.') + 1)..]) ?? [];
        var matches = candidates.Where(m => m.Name.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        if (matches.Count > 0)
        {
            // The shallowest match, when it is the only one at its depth (else ambiguous: not found).
            int depth = matches.Min(m => m.Name.Count(c => c == '.'));
            var shallowest = matches.Where(m => m.Name.Count(c => c == '.') == depth).ToList();
            if (shallowest.Count == 1) found = shallowest[0];
        }
        _suffixCache[dotted] = found;
        return found;
    }

    /// <summary>The absolute module name of <c>from .{module} import</c> at <paramref name="level"/> in <paramref name="from"/>.</summary>
    public static string? ResolveRelative(ModuleInfo from, int level, string? module)
    {
        string pkg = from.PackageName;
        for (int i = 1; i < level; i++)
        {
            int dot = pkg.LastIndexOf('.');
            if (dot < 0)
            {
                if (pkg.Length == 0) return null;
                pkg = "";
            }
            else pkg = pkg[..dot];
        }
        if (string.IsNullOrEmpty(module)) return pkg.Length == 0 ? null : pkg;
        return pkg.Length == 0 ? module : pkg + "." + module;
    }
}

/// <summary>One unsync wrapping the evaluator found (becomes an entry of <c>functions</c>).</summary>
internal sealed class WrapperEntry
{
    public required Identity Identity { get; init; }
    public required ExecutionMode Mode { get; init; }
    public required WrapKind How { get; init; }
    /// <summary>The decorator expression or the wrapping call.</summary>
    public required PositionedNode Site { get; init; }
    public required Scope SiteScope { get; init; }
    public required Tri IsCoroutine { get; init; }
    public required Tri CpuBound { get; init; }
    public Expr? CpuBoundExpr { get; init; }
    public UnsyncFactoryValue? Factory { get; init; }
    public string? UnknownReason { get; init; }
    public required string Qualname { get; init; }
    /// <summary>Where the wrapped callable is defined (the def's module; for external callables, the wrapping site's).</summary>
    public required ModuleInfo Module { get; init; }
    public required PositionedNode DefinitionNode { get; init; }
    public int Order { get; init; }
    public WrapperValue? Value { get; set; }
    public override string ToString() => $"{Qualname} [{Mode}]";
}
