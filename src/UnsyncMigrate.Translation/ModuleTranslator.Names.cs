using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

// What names mean: asked of the analysis' program model (ProgramSymbols), never worked out
// again here, so the code and the report agree on every import, alias and scope.
internal sealed partial class ModuleTranslator
{
    /// <summary>What <paramref name="name"/> refers to when read in <paramref name="ctx"/>.</summary>
    Symbol Sym(string name, FunctionCtx ctx) => _program.Symbols.Resolve(ctx.Scope, name);

    /// <summary>What <paramref name="name"/> refers to at the module's top level.</summary>
    Symbol ModuleSym(string name) => _program.Symbols.Resolve(_module.Scope, name);

    /// <summary>The analysis' scope of a def, lambda, class or comprehension node of this module.</summary>
    ScopeView ScopeOf(Node node) =>
        _module.ScopeOf(node) ?? throw new InvalidOperationException($"the analysis has no scope for {node.PythonName} at line {((PositionedNode)node).Lineno}");

    /// <summary>The program module a symbol names (a module, or a module's member), if it is one of the program's.</summary>
    static SourceModule? ProgramModule(Symbol s) => s is ModuleSymbol { Module: { } m } ? m : null;

    /// <summary>The real dotted path of something from outside the program (<c>json</c>, <c>json.dumps</c>), else null.</summary>
    static string? ExternalPath(Symbol s) => s switch
    {
        ExternalSymbol e => e.Path,
        ModuleSymbol { IsExternal: true } m => m.Path,
        _ => null,
    };

    static bool IsUnsyncDecorator(Symbol s) => ExternalPath(s) is "unsync.unsync" or "unsync.unsync.unsync";

    static bool IsUnfutureClass(Symbol s) => ExternalPath(s) is "unsync.Unfuture" or "unsync.unsync.Unfuture";

    static bool IsUnsyncModule(Symbol s) => s is ModuleSymbol { IsExternal: true, Path: "unsync" or "unsync.unsync" };

    /// <summary>Whether a name read in <paramref name="ctx"/> is the builtin of that name (nothing in the program shadows it there).</summary>
    bool IsBuiltin(string name, FunctionCtx ctx) => Sym(name, ctx) is BuiltinSymbol;

    /// <summary>Whether a name read in <paramref name="ctx"/> is a variable of an enclosing function (not a module-level name).</summary>
    bool IsShadowed(string name, FunctionCtx ctx) => Sym(name, ctx) is VariableSymbol { Scope.Kind: not Analysis.Semantics.ScopeKind.Module };

    /// <summary>Whether the module-level name is bound only by imports that resolve to one thing (no field: uses go straight to it).</summary>
    bool IsImportBinding(string name) => ModuleSym(name) is not (VariableSymbol or UnboundSymbol);

    /// <summary>The <c>cpu_bound=</c> expression of an <c>@unsync(cpu_bound=...)</c> decorator, or null.</summary>
    static Expr? CpuBoundOf(Expr decorator) =>
        decorator is ExprCall c ? c.Keywords.FirstOrDefault(k => k.Arg == "cpu_bound")?.Value : null;

    /// <summary>Whether <paramref name="e"/> is the name of the builtin <paramref name="builtin"/> where it is read (module level: <paramref name="ctx"/> null).</summary>
    bool IsBuiltinRef(Expr e, string builtin, FunctionCtx? ctx = null) =>
        e is ExprName n && n.Id == builtin && (ctx == null ? ModuleSym(builtin) : Sym(builtin, ctx)) is BuiltinSymbol;

    /// <summary>The builtin a bare name stands for where it is read in <paramref name="scope"/> (<c>property</c>, not a program's own), else null.</summary>
    string? BuiltinName(Expr e, ScopeView scope) =>
        e is ExprName n && _program.Symbols.Resolve(scope, n.Id) is BuiltinSymbol ? n.Id : null;

    /// <summary>Whether <paramref name="e"/> is <c>super()</c>, the builtin, with no arguments.</summary>
    bool IsPlainSuper(Expr e, FunctionCtx ctx) => e is ExprCall { Args.Count: 0, Keywords.Count: 0 } c && IsBuiltinRef(c.Func, "super", ctx);

    /// <summary>A decorator expression that is unsync itself: <c>@unsync</c>, <c>@unsync.unsync</c>, <c>@unsync(...)</c> (evaluated in <paramref name="scope"/>).</summary>
    bool IsUnsyncDecoratorExpr(Expr d, ScopeView scope) => d switch
    {
        ExprName n => IsUnsyncDecorator(_program.Symbols.Resolve(scope, n.Id)),
        ExprAttribute { Value: ExprName m, Attr: "unsync" } => IsUnsyncModule(_program.Symbols.Resolve(scope, m.Id)),
        ExprCall { Args.Count: 0 } c => IsUnsyncDecoratorExpr(c.Func, scope) && c.Func is not ExprCall,
        _ => false,
    };
}
