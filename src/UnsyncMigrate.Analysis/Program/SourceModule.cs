using UnsyncMigrate.Analysis.Semantics;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Program;

/// <summary>
/// A module of the program as the analysis knows it: its identity (the package-qualified name
/// the scan reports, from the folder layout), its file, its tree and its decoded text.
/// </summary>
public sealed class SourceModule
{
    internal SourceModule(ModuleInfo info, string text)
    {
        Info = info;
        Text = text;
    }

    internal ModuleInfo Info { get; }

    /// <summary>The program's name resolution (set once the program model is built).</summary>
    internal ProgramSymbols? Symbols { get; set; }

    /// <summary>The dotted module name (<c>pkg.sub.mod</c>; a package's <c>__init__.py</c> is <c>pkg</c>).</summary>
    public string Name => Info.Name;

    /// <summary>The file, relative to the program's root, with <c>/</c> separators.</summary>
    public string RelativePath => Info.File!;

    /// <summary>Whether it is a package's <c>__init__.py</c>.</summary>
    public bool IsPackage => Info.IsPackage;

    public ModModule Tree => Info.Ast!;

    /// <summary>The source decoded as CPython decodes it (its coding cookie honoured).</summary>
    public string Text { get; }

    /// <summary>The module's own scope.</summary>
    public ScopeView Scope => new(Info.Scope!, this);

    /// <summary>The scope a def, lambda, class or comprehension node of this module creates; null for any other node.</summary>
    public ScopeView? ScopeOf(Node node)
    {
        _ = Info.Scope;
        return Info.NodeScopes.TryGetValue(node, out var scope) ? new ScopeView(scope, this) : null;
    }

    public override string ToString() => Name;
}

/// <summary>A scope of the program (module, class body, function, lambda, comprehension), as Python's compiler sees it.</summary>
public sealed class ScopeView
{
    internal ScopeView(Scope scope, SourceModule module)
    {
        Inner = scope;
        Module = module;
    }

    internal Scope Inner { get; }

    public SourceModule Module { get; }

    public ScopeKind Kind => Inner.Kind;

    /// <summary>The def, lambda, class or comprehension node (the module tree for a module).</summary>
    public Node Node => Inner.Node;

    /// <summary>The <c>__qualname__</c> of its function or class (empty for a module).</summary>
    public string Qualname => Inner.Qualname;

    /// <summary>The names local to this scope (parameters, assignments, imports, defs...; not those declared global or nonlocal), in the order they are first bound.</summary>
    public IEnumerable<string> Locals => Inner.Bindings.Keys.Where(Inner.IsLocal);

    public bool IsLocal(string name) => Inner.IsLocal(name);

    /// <summary>
    /// Whether <paramref name="name"/> is a variable of this scope: local, and not bound only by
    /// imports that name one thing (<c>import math</c> in a function makes <c>math</c> local, but
    /// it always means the math module, so uses go straight to it).
    /// </summary>
    public bool IsVariable(string name) =>
        Inner.IsLocal(name) && (Module.Symbols?.Resolve(this, name) ?? new VariableSymbol(name, this)) is VariableSymbol;

    /// <summary>The <see cref="Locals"/> that are variables (<see cref="IsVariable"/>), in the order they are first bound.</summary>
    public IEnumerable<string> Variables => Locals.Where(IsVariable);

    /// <summary>How many statements bind <paramref name="name"/> in this scope (also those of nested functions declaring it global).</summary>
    public int BindingCount(string name) => Inner.Bindings.TryGetValue(name, out var list) ? list.Count : 0;

    /// <summary>Names declared <c>global</c> here.</summary>
    public IReadOnlySet<string> Globals => Inner.Globals ?? (IReadOnlySet<string>)EmptySet;

    /// <summary>Names declared <c>nonlocal</c> here.</summary>
    public IReadOnlySet<string> Nonlocals => Inner.Nonlocals ?? (IReadOnlySet<string>)EmptySet;

    /// <summary>The enclosing scope (null for a module).</summary>
    public ScopeView? Parent => Inner.Parent is { } p ? new ScopeView(p, Module) : null;

    public override bool Equals(object? obj) => obj is ScopeView other && ReferenceEquals(other.Inner, Inner);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Inner);

    public override string ToString() => Inner.ToString();

    static readonly HashSet<string> EmptySet = [];
}
