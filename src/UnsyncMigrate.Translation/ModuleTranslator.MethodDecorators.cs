using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

// What each decorator of a method means to the translation: the builtin ones become the C#
// shape of the method (static, classmethod, property, setter, unsync's executor); markers leave
// the function as it is; any other decorator makes the method a class attribute holding what
// the decorator stack returns, applied when the class body runs, as Python does.
internal sealed partial class ModuleTranslator
{
    enum DecoratorKind { Unsync, StaticMethod, ClassMethod, Property, Setter, Deleter, Abstract, Marker, Runtime }

    /// <summary>Decorators that return the function they are given (for type checkers only).</summary>
    static bool IsMarkerPath(string? path) => path is "typing.override" or "typing_extensions.override" or "typing.final" or "typing_extensions.final";

    DecoratorKind KindOf(Expr d, string defName, ScopeView scope)
    {
        if (IsUnsyncDecoratorExpr(d, scope)) return DecoratorKind.Unsync;
        switch (BuiltinName(d, scope))
        {
            case "staticmethod": return DecoratorKind.StaticMethod;
            case "classmethod": return DecoratorKind.ClassMethod;
            case "property": return DecoratorKind.Property;
        }
        // @name.setter over a def of that name: the class body's own property (not a builtin).
        if (d is ExprAttribute { Attr: "setter", Value: ExprName p } && p.Id == defName) return DecoratorKind.Setter;
        if (d is ExprAttribute { Attr: "deleter", Value: ExprName q } && q.Id == defName) return DecoratorKind.Deleter;
        var path = DecoratorPath(d, scope);
        if (path == "abc.abstractmethod") return DecoratorKind.Abstract;
        return IsMarkerPath(path) ? DecoratorKind.Marker : DecoratorKind.Runtime;
    }

    /// <summary>The library path a decorator names (<c>abc.abstractmethod</c>, <c>functools.cache</c>), or null.</summary>
    string? DecoratorPath(Expr d, ScopeView scope) => d switch
    {
        ExprName n => ExternalPath(_program.Symbols.Resolve(scope, n.Id)),
        ExprAttribute { Value: ExprName m } a when _program.Symbols.Resolve(scope, m.Id) is ModuleSymbol { IsExternal: true } mod => mod.Path + "." + a.Attr,
        _ => null,
    };

    /// <summary>
    /// A method with a decorator the translation does not shape statically: all its decorators
    /// run on the plain function (a static C# method taking self explicitly) when the class body
    /// runs, and the class attribute holds the result.
    /// </summary>
    static void MakeRuntimeDecorated(FuncSig sig, IReadOnlyList<Expr> decorators)
    {
        sig.RuntimeDecorators = decorators;
        sig.HasExplicitSelf = true;
        sig.IsStatic = sig.IsClassMethod = sig.IsProperty = false;
        // unsync in the stack wraps whatever the decorators below it returned, at run time.
        if (sig.Mode is UnsyncMode.AsyncLoop or UnsyncMode.Thread) sig.Mode = UnsyncMode.None;
    }

    /// <summary>Whether a def's body calls the builtin <c>super()</c> (itself, not in a nested def or class).</summary>
    bool CallsSuper(Node def, IEnumerable<Stmt> body)
    {
        if (_module.ScopeOf(def) is { } scope && _program.Symbols.Resolve(scope, "super") is not BuiltinSymbol) return false;
        var stack = new Stack<Node>(body);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is ExprCall { Func: ExprName { Id: "super" } }) return true;
            if (n is StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef) continue;
            foreach (var c in n.ChildNodes()) stack.Push(c);
        }
        return false;
    }
}
