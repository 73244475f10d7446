using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Program;

/// <summary>
/// A place where the program reads something from outside itself: a builtin (<c>builtins.eval</c>),
/// a library module used as a value (<c>os</c>), or a library member by its real dotted path
/// (<c>pandas.concat</c> for <c>pd.concat</c>, <c>os.path.join</c>). Column is 1-based.
/// </summary>
public sealed record LibraryReference(string File, int Line, int Column, string Path);

/// <summary>
/// Every library reference of the program, from the program model's name resolution: what a
/// migrated program must find outside itself. A dotted chain is taken from its module down two
/// attributes at most (<c>os.path.join</c>; the rest are attributes of that value), and recorded
/// once, at the chain's first character. Annotations are not references (they are never
/// evaluated for their value by a migrated program), nor are the names an import binds, nor a
/// class's bases and keywords (a base from outside the program is a question of structure).
/// </summary>
public static class LibraryReferences
{
    /// <summary>In file and position order.</summary>
    public static IReadOnlyList<LibraryReference> Of(AnalyzedProgram program)
    {
        var found = new HashSet<LibraryReference>();
        foreach (var module in program.Modules)
            new Walker(program.Symbols, module, found).Walk(module.Tree, module.Scope);
        return found.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column)
            .ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The dotted path of an external symbol (a builtin as <c>builtins.NAME</c>), or null for the program's own names.</summary>
    public static string? PathOf(Symbol symbol) => symbol switch
    {
        ExternalSymbol e => e.Path,
        ModuleSymbol { IsExternal: true } m => m.Path,
        BuiltinSymbol b => "builtins." + b.Name,
        _ => null,
    };

    sealed class Walker(ProgramSymbols symbols, SourceModule module, HashSet<LibraryReference> found)
    {
        public void Walk(Node node, ScopeView scope)
        {
            switch (node)
            {
                case Arg or TypeParam:
                    return; // annotations only
                case StmtFunctionDef f:
                    WalkDef(f, f.DecoratorList, f.Args, f.Body, scope);
                    return;
                case StmtAsyncFunctionDef f:
                    WalkDef(f, f.DecoratorList, f.Args, f.Body, scope);
                    return;
                case StmtClassDef c:
                    // Bases and keywords (metaclass=) are the class's structure, reported as such
                    // (a base or metaclass from outside the program), not as library calls.
                    foreach (var e in c.DecoratorList) Walk(e, scope);
                    var body = module.ScopeOf(c) ?? scope;
                    foreach (var s in c.Body) Walk(s, body);
                    return;
                case ExprLambda l:
                    WalkDefaults(l.Args, scope);
                    Walk(l.Body, module.ScopeOf(l) ?? scope);
                    return;
                case StmtAnnAssign a:
                    Walk(a.Target, scope);
                    if (a.Value != null) Walk(a.Value, scope);
                    return;
                case ExprName { Ctx: ExprContext.Load } n:
                    if (PathOf(symbols.Resolve(scope, n.Id)) is { } path) Add(n, path);
                    return;
                case ExprAttribute { Ctx: ExprContext.Load } a when ChainPath(a, scope) is { } chain:
                    Add(a, chain);
                    return;
            }
            // A comprehension's own scope (its first iterable is evaluated outside, but resolves the same there).
            var inner = node is ExprListComp or ExprSetComp or ExprDictComp or ExprGeneratorExp ? module.ScopeOf(node) ?? scope : scope;
            foreach (var child in node.ChildNodes()) Walk(child, inner);
        }

        void WalkDef(Node def, IReadOnlyList<Expr> decorators, Arguments args, IReadOnlyList<Stmt> body, ScopeView scope)
        {
            foreach (var d in decorators) Walk(d, scope);
            WalkDefaults(args, scope);
            var own = module.ScopeOf(def) ?? scope;
            foreach (var s in body) Walk(s, own);
        }

        void WalkDefaults(Arguments args, ScopeView scope)
        {
            foreach (var d in args.Defaults) Walk(d, scope);
            foreach (var d in args.KwDefaults) if (d != null) Walk(d, scope);
        }

        /// <summary><c>m.a</c> or <c>m.a.b</c> for a library module <c>m</c>: its real path; null for anything else.</summary>
        string? ChainPath(ExprAttribute a, ScopeView scope) => a switch
        {
            { Value: ExprName m } when symbols.Resolve(scope, m.Id) is ModuleSymbol { IsExternal: true } mod => mod.Path + "." + a.Attr,
            { Value: ExprAttribute { Value: ExprName m } inner } when symbols.Resolve(scope, m.Id) is ModuleSymbol { IsExternal: true } mod =>
                $"{mod.Path}.{inner.Attr}.{a.Attr}",
            _ => null,
        };

        void Add(PositionedNode at, string path) => found.Add(new LibraryReference(module.RelativePath, at.Lineno, at.ColOffset + 1, path));
    }
}
