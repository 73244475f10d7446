using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

/// <summary>
/// What inference saw of the uses of functions that return nothing, and the resulting
/// decision: which C# methods are declared <c>void</c>. A void method's call is only valid
/// C# as a statement, so every use the translator compiles as a direct call must discard
/// the value, and the function must never become a value (whose callers are unknown).
/// </summary>
internal sealed class VoidReturnFacts
{
    readonly HashSet<Node> _escaped = [];
    readonly HashSet<Node> _valueUsed = [];
    // Methods reached through receivers inference cannot bind are known by name only.
    readonly HashSet<string> _escapedMethods = [];
    readonly HashSet<string> _valueUsedMethods = [];
    readonly HashSet<Node> _void = [];

    public void Escaped(Node def) => _escaped.Add(def);
    public void ValueUsed(Node def) => _valueUsed.Add(def);
    public void MethodEscaped(string name) => _escapedMethods.Add(name);
    public void MethodValueUsed(string name) => _valueUsedMethods.Add(name);

    /// <summary>Whether the function's value or result is ever needed (a method also by its name).</summary>
    public bool IsUsedAsValue(Node def, string? methodName) =>
        _escaped.Contains(def) || _valueUsed.Contains(def)
        || methodName != null && (_escapedMethods.Contains(methodName) || _valueUsedMethods.Contains(methodName));

    public void MarkVoid(Node def) => _void.Add(def);

    /// <summary>Whether the function's C# method returns void (decided once inference has reached its fixpoint).</summary>
    public bool IsVoid(Node? def) => def != null && _void.Contains(def);
}

// The hooks inference calls, and the decision taken after the fixpoint.
internal sealed partial class ModuleTranslator
{
    HashSet<ExprCall>? _statementCalls;

    /// <summary>Calls whose value the program discards (expression statements): the only place a void call compiles.</summary>
    HashSet<ExprCall> StatementCalls => _statementCalls ??= StatementCallCollector.Collect(_module.Tree);

    sealed class StatementCallCollector : AstVisitor
    {
        readonly HashSet<ExprCall> _calls = [];

        public static HashSet<ExprCall> Collect(Node tree)
        {
            var c = new StatementCallCollector();
            c.Visit(tree);
            return c._calls;
        }

        public override void VisitStmtExpr(StmtExpr node)
        {
            if (node.Value is ExprCall call) _calls.Add(call);
            DefaultVisit(node);
        }
    }

    /// <summary>A function name read as a value: its callers become unknown, and they may want a result.</summary>
    void NoteFunctionValue(ExprName n, FunctionCtx ctx)
    {
        if (ResolveFunction(n, ctx) is { Def: { } def }) _types.Void.Escaped(def);
    }

    /// <summary>
    /// An attribute read as a value (not called): a bound method or a module's function. The
    /// receiver's class is not reliably known here, so every method of that name is kept.
    /// </summary>
    void NoteAttributeValue(ExprAttribute a, FunctionCtx ctx)
    {
        _types.Void.MethodEscaped(a.Attr);
        if (a.Value is ExprName m && ProgramModule(Sym(m.Id, ctx)) is { } mod
            && _program.Symbols.Member(mod, a.Attr) is MemberSymbol target && _program.FindFunction(target.Module.Name, target.Member) is { Def: { } def })
            _types.Void.Escaped(def);
    }

    /// <summary>A call whose value the program uses: the function it reaches must produce one.</summary>
    void NoteCallUse(ExprCall call, FuncSig? sig, ClassInfo? ctor)
    {
        if (StatementCalls.Contains(call)) return;
        if (ctor != null) return; // the value is the new object; __init__'s result is dropped by __create
        if (sig?.Def != null) _types.Void.ValueUsed(sig.Def);
        // Unbound method calls: any method of that name may be the one that answers.
        if (call.Func is ExprAttribute a) _types.Void.MethodValueUsed(a.Attr);
    }

    /// <summary>After the fixpoint: records which of this module's functions and methods return void.</summary>
    public void DecideVoidReturns(TypeTable table)
    {
        _types = table;
        foreach (var sig in _functions.Values) DecideVoid(sig, null);
        foreach (var c in _classes.Values)
            foreach (var sig in c.Methods.Values) DecideVoid(sig, c);
    }

    void DecideVoid(FuncSig sig, ClassInfo? owner)
    {
        if (sig.Def is not StmtFunctionDef def) return;
        // Other decorators may wrap or replace the function (and property accessors are read as values).
        if (def.DecoratorList.Count > 0)
        {
            var scope = ScopeOf(def).Parent!;
            if (def.DecoratorList.Any(d => BuiltinName(d, scope) is not ("staticmethod" or "classmethod"))) return;
        }
        if (sig.IsProperty || sig.IsPropertyAccessor || !ReturnTypable(sig, owner)) return;
        if (_types.Return(def).Kind != PyKind.None) return;
        if (_types.Void.IsUsedAsValue(def, owner != null ? sig.PyName : null)) return;
        _types.Void.MarkVoid(def);
    }

    bool ReturnsVoid(FuncSig sig) => _types.Void.IsVoid(sig.Def);

    /// <summary>
    /// A call of a void method where the caller needs a value (PyFunc wrappers, dynamic
    /// dispatch, run-time binding): the method's Python result is always None, so null is exact.
    /// </summary>
    IEnumerable<StatementSyntax> CallThenNull(FuncSig sig, ExpressionSyntax call, Func<ExpressionSyntax, StatementSyntax> useValue) =>
        ReturnsVoid(sig) ? [Stmt(call), useValue(Cs.Null)] : [useValue(call)];

    /// <summary><see cref="CallThenNull"/> as a lambda body of type object.</summary>
    CSharpSyntaxNode ValueLambdaBody(FuncSig sig, ExpressionSyntax call) =>
        ReturnsVoid(sig) ? Block(Stmt(call), ReturnStatement(Cs.Null)) : call;
}
