using UnsyncMigrate.Analysis.Semantics;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Program;

/// <summary>
/// Resolves names as Python does (local, enclosing functions, module, builtins; class bodies
/// are not enclosing scopes for the functions in them) and follows imports through the
/// program's modules (packages, relative imports, re-exports, star imports) to what they
/// finally name. The scope bindings are the analysis' own (<see cref="ScopeBuilder"/>), and
/// the import rules are <see cref="ProgramIndex"/>'s, so the report and the code agree. Not
/// thread-safe (answers are cached): one consumer at a time.
/// </summary>
public sealed class ProgramSymbols
{
    /// <summary>Names every module has without binding them.</summary>
    static readonly HashSet<string> ModuleDunders = new(StringComparer.Ordinal)
    {
        "__name__", "__file__", "__doc__", "__spec__", "__package__", "__loader__", "__builtins__", "__path__", "__cached__",
        "__annotations__", "__dict__",
    };

    readonly ProgramIndex _index;
    readonly IReadOnlyDictionary<ModuleInfo, SourceModule> _modules;

    internal ProgramSymbols(ProgramIndex index, IReadOnlyDictionary<ModuleInfo, SourceModule> modules)
    {
        _index = index;
        _modules = modules;
    }

    readonly Dictionary<(Scope, string), Symbol> _resolved = [];

    /// <summary>What <paramref name="name"/> refers to when read in <paramref name="scope"/> (computed once per scope and name).</summary>
    public Symbol Resolve(ScopeView scope, string name)
    {
        if (!_resolved.TryGetValue((scope.Inner, name), out var symbol))
            _resolved[(scope.Inner, name)] = symbol = Resolve(scope.Inner, name, scope.Module, []);
        return symbol;
    }

    /// <summary>What the import of <paramref name="alias"/> (in <paramref name="scope"/>) binds its name to.</summary>
    public Symbol ResolveImport(ScopeView scope, Alias alias)
    {
        var owner = scope.Inner;
        foreach (var list in Owners(owner, alias.Asname ?? alias.Name.Split('.')[0]))
        {
            var binding = list.FirstOrDefault(b => ReferenceEquals(b.Node, alias));
            if (binding != null) return ImportTarget(binding, []) ?? new UnboundSymbol(binding.Name);
        }
        return new UnboundSymbol(alias.Asname ?? alias.Name);
    }

    /// <summary>What a program module's top-level <paramref name="name"/> is, as another module importing it sees it.</summary>
    public Symbol Member(SourceModule module, string name) => ModuleMember(module.Info, name, name, []) ?? new UnboundSymbol(name);

    /// <summary>The program module of that dotted name as an import finds it (exact, else a unique suffix match: <c>src/</c> layouts), or null.</summary>
    public SourceModule? FindModule(string dotted) => _index.Find(dotted) is { } m ? _modules.GetValueOrDefault(m) : null;

    IEnumerable<List<Binding>> Owners(Scope scope, string name)
    {
        if (scope.Bindings.TryGetValue(name, out var own)) yield return own;
        for (var s = scope.Parent; s != null; s = s.Parent)
            if (s.Bindings.TryGetValue(name, out var list)) yield return list;
    }

    Symbol Resolve(Scope scope, string name, SourceModule at, HashSet<(Scope, string)> visiting)
    {
        var owner = OwnerOf(scope, name);
        if (owner != null) return FromBindings(owner, name, at, visiting);
        var root = Root(scope);
        if (ModuleDunders.Contains(name)) return new VariableSymbol(name, new ScopeView(root, at));
        if (StarImported(root, name, visiting) is { } starred) return Renamed(starred, name);
        return KnownNames.IsBuiltin(name) ? new BuiltinSymbol(name) : new UnboundSymbol(name);
    }

    /// <summary>The scope whose binding of <paramref name="name"/> a read in <paramref name="scope"/> sees, or null (a builtin, a star import, or unbound).</summary>
    static Scope? OwnerOf(Scope scope, string name)
    {
        if (scope.IsLocal(name)) return scope;
        if (scope.Globals?.Contains(name) ?? false) return ModuleBinding(Root(scope), name);
        for (var s = scope.Parent; s != null; s = s.Parent)
        {
            if (s.Kind == ScopeKind.Module) return ModuleBinding(s, name);
            if (s.Kind == ScopeKind.Class) continue;   // a class body does not enclose the functions defined in it
            if (s.IsLocal(name)) return s;
        }
        return null;
    }

    static Scope? ModuleBinding(Scope module, string name) => module.Bindings.ContainsKey(name) ? module : null;

    static Scope Root(Scope s)
    {
        while (s.Parent != null) s = s.Parent;
        return s;
    }

    /// <summary>
    /// A name bound in <paramref name="owner"/>: when every binding is an import of the same
    /// thing, that thing; otherwise a variable (its value is set as the program runs).
    /// </summary>
    Symbol FromBindings(Scope owner, string name, SourceModule at, HashSet<(Scope, string)> visiting)
    {
        var bindings = owner.Bindings[name];
        if (bindings.All(b => b.Kind is BindingKind.Import or BindingKind.ImportFrom) && visiting.Add((owner, name)))
        {
            try
            {
                var targets = bindings.Select(b => ImportTarget(b, visiting)).ToList();
                if (targets[0] is { } first && targets.All(t => t != null && SameTarget(t, first))) return Renamed(first, name);
            }
            finally
            {
                visiting.Remove((owner, name));
            }
        }
        var module = _modules.GetValueOrDefault(owner.Module) ?? at;
        return new VariableSymbol(name, new ScopeView(owner, module));
    }

    static bool SameTarget(Symbol a, Symbol b) => Renamed(a, "") == Renamed(b, "");

    static Symbol Renamed(Symbol s, string name) => s switch
    {
        ModuleSymbol m => m with { Name = name },
        ExternalSymbol e => e with { Name = name },
        MemberSymbol m => m with { Name = name },
        BuiltinSymbol => s,
        VariableSymbol v => v with { Name = name },
        UnboundSymbol => new UnboundSymbol(name),
        _ => s,
    };

    /// <summary>What one import binding binds (null: a relative import that leaves the program).</summary>
    Symbol? ImportTarget(Binding binding, HashSet<(Scope, string)> visiting)
    {
        var alias = (Alias)binding.Node;
        if (binding.Kind == BindingKind.Import)
        {
            string path = alias.Asname != null ? alias.Name : alias.Name.Split('.')[0];
            return ModuleNamed(binding.Name, path);
        }
        var from = binding.Site.Module.ImportFromOf(alias);
        if (from == null) return null;
        string? target = from.Level is > 0 ? ProgramIndex.ResolveRelative(binding.Site.Module, from.Level.Value, from.Module) : from.Module;
        if (target == null) return null;
        if (_index.Find(target) is { } module)
        {
            if (ModuleMember(module, alias.Name, binding.Name, visiting) is { } member) return member;
            // "from pkg import sub" imports the submodule when the package does not bind the name.
            if (_index.FindExact(module.Name + "." + alias.Name) is { } sub) return ModuleNamed(binding.Name, sub.Name);
            return new UnboundSymbol(binding.Name);
        }
        return from.Level is > 0 ? null : new ExternalSymbol(binding.Name, target + "." + alias.Name);
    }

    ModuleSymbol ModuleNamed(string name, string path)
    {
        var m = _index.Find(path);
        return m == null ? new ModuleSymbol(name, path, null) : new ModuleSymbol(name, m.Name, _modules.GetValueOrDefault(m));
    }

    /// <summary>
    /// A program module's top-level name as an importer sees it: followed through the module's
    /// own imports (a re-export), else the module's member; a package's submodule; null when the
    /// module neither binds nor star-imports it.
    /// </summary>
    Symbol? ModuleMember(ModuleInfo module, string member, string name, HashSet<(Scope, string)> visiting)
    {
        if (module.Ast == null)   // a namespace package (a folder without __init__.py): only submodules
            return _index.FindExact(module.Name + "." + member) is { } sub ? ModuleNamed(name, sub.Name) : null;
        var scope = module.Scope!;
        var source = _modules.GetValueOrDefault(module);
        if (scope.Bindings.ContainsKey(member) && source != null)
        {
            var symbol = FromBindings(scope, member, source, visiting);
            return symbol is VariableSymbol ? new MemberSymbol(name, source, member) : Renamed(symbol, name);
        }
        if (StarImported(scope, member, visiting) is { } starred) return Renamed(starred, name);
        if (module.IsPackage && _index.FindExact(module.Name + "." + member) is { } submodule) return ModuleNamed(name, submodule.Name);
        return null;
    }

    readonly Dictionary<ModuleInfo, HashSet<string>?> _exportLists = [];
    /// <summary>Whether a star import of an outside module may be taken to bind a name it is not known to have (off while looking for certain bindings).</summary>
    bool _guessStarExports = true;

    /// <summary>
    /// Whether <c>from M import *</c> binds <paramref name="name"/>: the names M's <c>__all__</c>
    /// lists, or without one every name not starting with an underscore.
    /// </summary>
    bool Exports(ModuleInfo module, string name)
    {
        if (!_exportLists.TryGetValue(module, out var all)) _exportLists[module] = all = ExportList(module.Ast);
        return all?.Contains(name) ?? !name.StartsWith('_');
    }

    /// <summary>
    /// The names a module's <c>__all__</c> lists: its top-level assignment of a list or tuple of
    /// strings, with the <c>+=</c>/<c>.extend</c>/<c>.append</c> of such literals after it. Null without one.
    /// </summary>
    static HashSet<string>? ExportList(ModModule? ast)
    {
        if (ast == null) return null;
        HashSet<string>? all = null;
        static IEnumerable<string> Strings(Expr? e) => e switch
        {
            ExprList l => l.Elts.OfType<ExprConstant>().Select(c => c.Value).OfType<string>(),
            ExprTuple t => t.Elts.OfType<ExprConstant>().Select(c => c.Value).OfType<string>(),
            ExprConstant { Value: string s } => [s],
            _ => [],
        };
        foreach (var s in ast.Body)
        {
            switch (s)
            {
                case StmtAssign a when a.Targets.Any(t => t is ExprName { Id: "__all__" }):
                    all = [.. Strings(a.Value)];
                    break;
                case StmtAnnAssign { Target: ExprName { Id: "__all__" } } an:
                    all = [.. Strings(an.Value)];
                    break;
                case StmtAugAssign { Target: ExprName { Id: "__all__" } } aug when all != null:
                    all.UnionWith(Strings(aug.Value));
                    break;
                case StmtExpr { Value: ExprCall { Func: ExprAttribute { Value: ExprName { Id: "__all__" }, Attr: "extend" or "append" } } call } when all != null && call.Args.Count == 1:
                    all.UnionWith(Strings(call.Args[0]));
                    break;
            }
        }
        return all;
    }

    /// <summary>A module-level name that only a <c>from M import *</c> binds.</summary>
    Symbol? StarImported(Scope moduleScope, string name, HashSet<(Scope, string)> visiting)
    {
        if (moduleScope.StarImports == null || !visiting.Add((moduleScope, "*" + name))) return null;
        try
        {
            // The last star import that provides the name wins, as the statements run in order. What
            // a program module provides is known; what an outside module exports is not (beyond the
            // standard callables the name table lists), so those count only when no program module
            // provides the name.
            var targets = moduleScope.StarImports
                .Select(star => star.Level is > 0 ? ProgramIndex.ResolveRelative(moduleScope.Module, star.Level.Value, star.Module) : star.Module)
                .OfType<string>().Reverse().ToList();
            // First what a program module binds itself (not through its own star import of an outside
            // module, which would claim every name), then an outside module known to have the name,
            // then the last outside module (what it exports is not known), then what program modules
            // take from outside modules.
            bool guessing = _guessStarExports;
            _guessStarExports = false;
            try
            {
                foreach (var target in targets)
                    if (_index.Find(target) is { } module && Exports(module, name) && ModuleMember(module, name, name, visiting) is { } found) return found;
            }
            finally { _guessStarExports = guessing; }
            if (!guessing || name.StartsWith('_')) return null;
            foreach (var target in targets)
                if (_index.Find(target) == null && KnownNames.IsKnownCallable(target + "." + name))
                    return new ExternalSymbol(name, target + "." + name);
            foreach (var target in targets)
                if (_index.Find(target) == null && !KnownNames.IsBuiltin(name))
                    return new ExternalSymbol(name, target + "." + name);
            foreach (var target in targets)
                if (_index.Find(target) is { } module && Exports(module, name) && ModuleMember(module, name, name, visiting) is { } found) return found;
            return null;
        }
        finally
        {
            visiting.Remove((moduleScope, "*" + name));
        }
    }
}
