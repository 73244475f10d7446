using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;

namespace UnsyncMigrate.Translation;

/// <summary>The function (or module body) whose statements are being translated.</summary>
internal sealed class FunctionCtx
{
    public FunctionCtx? Parent { get; init; }
    /// <summary>The analysis' scope of this body (the module's for module code): its locals, globals and nonlocals are Python's.</summary>
    public required ScopeView Scope { get; init; }
    public bool IsModule { get; init; }
    /// <summary>Whether the C# body is async (awaits allowed).</summary>
    public bool IsAsync { get; init; }
    public bool IsGenerator { get; init; }
    /// <summary>A generator that yields where a C# iterator cannot (in try/except, a handler, finally, with): yields are calls of <see cref="YieldCallback"/>.</summary>
    public bool YieldsByCall { get; init; }
    public string YieldCallback => "__yield" + Depth;
    public ClassInfo? Class { get; init; }
    /// <summary>The function's __qualname__ (nested functions get "outer.&lt;locals&gt;.inner").</summary>
    public string QualName { get; init; } = "";
    public string? SelfName { get; init; }
    /// <summary>The parameter a zero-argument <c>super()</c> takes as the instance (or class): the function's first.</summary>
    public string? SuperSelf { get; init; }
    /// <summary>The node owning this scope's typed slots (a def, a comprehension, the module tree); null: all names dynamic.</summary>
    public Node? Key { get; init; }
    /// <summary>The C# type the function's return statements convert to (dynamic: object).</summary>
    public PyType ReturnType { get; init; } = PyType.Dynamic;
    /// <summary>The C# method is void: returns carry no value.</summary>
    public bool ReturnsVoid { get; init; }
    /// <summary>Python local name → C# identifier (renamed where an enclosing C# scope uses the same name).</summary>
    public Dictionary<string, string> CsNames { get; } = [];
    /// <summary>How many <c>except</c> bodies enclose the statement being translated (a bare <c>raise</c> re-raises there).</summary>
    public int HandlerDepth { get; set; }
    public int Depth => Parent == null ? 0 : Parent.Depth + 1;

    /// <summary>Whether the name is a variable of this function (a C# local); a local bound only by an import of one thing is not.</summary>
    public bool IsLocal(string name) => !IsModule && Scope.IsVariable(name);

    public string CsName(string name) => CsNames.TryGetValue(name, out var cs) ? cs : CSharpNames.Identifier(name);

    /// <summary>Gives every local a C# name that no enclosing function uses.</summary>
    public void AssignNames(IEnumerable<string> locals)
    {
        foreach (var l in locals)
        {
            string cs = CSharpNames.Identifier(l);
            for (var p = Parent; p != null; p = p.Parent)
                if (!p.IsModule && p.CsNames.ContainsValue(cs)) { cs = $"{CSharpNames.Sanitize(l)}_{Depth}"; break; }
            CsNames[l] = cs;
        }
    }
}
