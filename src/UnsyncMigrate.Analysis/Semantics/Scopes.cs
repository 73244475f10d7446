using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>The kinds of Python scopes (CPython's symtable blocks).</summary>
public enum ScopeKind
{
    Module,
    Class,
    Function,
    Lambda,
    /// <summary>A list/set/dict comprehension or generator expression (a function scope in CPython 3.11).</summary>
    Comprehension,
}

/// <summary>How a name got bound.</summary>
internal enum BindingKind
{
    Def,
    Class,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    With,
    Except,
    Import,
    ImportFrom,
    Param,
    Walrus,
    /// <summary>Deleted, matched by a pattern, a type alias...: a binding whose value is unknown.</summary>
    Other,
}

internal enum ParamKind
{
    Positional,
    VarArgs,
    KeywordOnly,
    KwArgs,
}

/// <summary>
/// A binding of a name in a scope: one assignment, def, import, parameter... Values are
/// computed on demand by the <see cref="Evaluator"/>.
/// </summary>
internal sealed class Binding
{
    public required BindingKind Kind { get; init; }
    public required Scope Scope { get; init; }
    public required string Name { get; init; }
    /// <summary>Where the binding takes effect (see <see cref="Positions"/>); uses at or after it see it.</summary>
    public required long Pos { get; init; }
    /// <summary>The statement or expression that binds (def, class, assignment, for loop, alias, arg...).</summary>
    public required Node Node { get; init; }
    /// <summary>The expression whose value (or element, for loops) is bound.</summary>
    public Expr? Value { get; init; }
    /// <summary>Positions inside tuple/list targets (-1: a starred target).</summary>
    public int[] Path { get; init; } = [];
    /// <summary>The scope the def/class/lambda creates.</summary>
    public Scope? Inner { get; init; }
    /// <summary>The scope the binding statement is in (differs from <see cref="Scope"/> for global/nonlocal names).</summary>
    public required Scope Site { get; init; }
    /// <summary>A binding made by a <c>global</c> declaration in another scope: it happens at an unknown time.</summary>
    public bool Late { get; init; }
    public Expr? Annotation { get; init; }
    public int ParamIndex { get; init; }
    public ParamKind ParamKind { get; init; }
}

/// <summary>A scope: its bindings, declarations, and what the builder recorded for it.</summary>
internal sealed class Scope
{
    public Scope(ScopeKind kind, Node node, Scope? parent, ModuleInfo module, string name, string qualname)
    {
        Kind = kind;
        Node = node;
        Parent = parent;
        Module = module;
        Name = name;
        Qualname = qualname;
    }

    public ScopeKind Kind { get; }
    public Node Node { get; }
    public Scope? Parent { get; }
    public ModuleInfo Module { get; }
    /// <summary>The def/class name (<c>&lt;lambda&gt;</c>, <c>&lt;listcomp&gt;</c>...).</summary>
    public string Name { get; }
    /// <summary>The <c>__qualname__</c> of the function or class this scope belongs to ("" for a module).</summary>
    public string Qualname { get; }

    public Dictionary<string, List<Binding>> Bindings { get; } = new(StringComparer.Ordinal);
    public HashSet<string>? Globals { get; set; }
    public HashSet<string>? Nonlocals { get; set; }
    public List<StmtImportFrom>? StarImports { get; set; }
    public ClassInfo? Class { get; set; }
    /// <summary>Names read (loaded) in this scope's own code.</summary>
    public HashSet<string> Loads { get; } = new(StringComparer.Ordinal);
    public List<Scope> Children { get; } = [];

    // Function and lambda scopes.
    public Arguments? Args { get; set; }
    public bool IsAsync { get; set; }
    public bool IsGenerator { get; set; }
    /// <summary>Returned expressions (null for a bare <c>return</c>); a lambda's body.</summary>
    public List<Expr?> Returns { get; } = [];
    public IReadOnlyList<Expr> Decorators { get; set; } = [];
    /// <summary>For def and class scopes: the binding of the def/class name in the enclosing scope.</summary>
    public Binding? DefBinding { get; set; }

    public bool IsFunctionLike => Kind is ScopeKind.Function or ScopeKind.Lambda;

    /// <summary>The nearest function or lambda scope at or above this one (null at module or class level outside functions).</summary>
    public Scope? ExecutingFunction
    {
        get
        {
            for (var s = this; s != null; s = s.Parent)
            {
                if (s.IsFunctionLike) return s;
                if (s.Kind is ScopeKind.Module or ScopeKind.Class) return null;
            }
            return null;
        }
    }

    /// <summary>The qualname used for code in this scope in reports (<c>&lt;module&gt;</c> for module-level code; comprehensions count as their function).</summary>
    public string CallerName
    {
        get
        {
            for (var s = this; s != null; s = s.Parent)
            {
                if (s.Kind == ScopeKind.Comprehension) continue;
                return s.Kind == ScopeKind.Module ? "<module>" : s.Qualname;
            }
            return "<module>";
        }
    }

    public bool IsLocal(string name) =>
        Bindings.ContainsKey(name) && !(Globals?.Contains(name) ?? false) && !(Nonlocals?.Contains(name) ?? false);

    public override string ToString() => $"{Kind} {Qualname}";
}

/// <summary>A class defined in the program.</summary>
internal sealed class ClassInfo(StmtClassDef node, Scope scope, Scope outer)
{
    public StmtClassDef Node { get; } = node;
    /// <summary>The class body's scope.</summary>
    public Scope Scope { get; } = scope;
    /// <summary>The scope the class statement is in.</summary>
    public Scope Outer { get; } = outer;
    public string Qualname => Scope.Qualname;
    /// <summary><c>self.NAME = value</c> assignments in its methods.</summary>
    public Dictionary<string, List<Binding>> InstanceAttributes { get; } = new(StringComparer.Ordinal);
    public override string ToString() => Qualname;
}

/// <summary>A call expression and where it sits.</summary>
internal readonly record struct CallRecord(ExprCall Call, Scope Scope, Node Parent, Node? Grandparent);

/// <summary>An <c>await</c> and its scope.</summary>
internal readonly record struct AwaitRecord(ExprAwait Await, Scope Scope);

/// <summary>A def, lambda or class statement and its scopes.</summary>
internal readonly record struct DefRecord(Node Node, Scope Outer, Scope Inner);

/// <summary>Source positions packed into a comparable number.</summary>
internal static class Positions
{
    public static long Of(int line, int col) => ((long)line << 24) | (uint)Math.Min(col, (1 << 24) - 1);
    public static long Start(PositionedNode n) => Of(n.Lineno, n.ColOffset);
    public static long End(PositionedNode n) => Of(n.EndLineno, n.EndColOffset);
    public const long Always = long.MinValue;
}
