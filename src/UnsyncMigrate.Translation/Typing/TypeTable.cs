using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation.Typing;

/// <summary>
/// The program-wide result of type inference: one slot per variable (keyed by the scope
/// node that owns it: a def, a comprehension, or the module tree), per instance field and
/// per function return. Flows only join upwards, so iterating the walk reaches a fixpoint.
/// </summary>
internal sealed class TypeTable(IReadOnlyList<ClassInfo> classes)
{
    readonly Dictionary<(Node Scope, string Name), PyType> _vars = [];
    readonly Dictionary<(ClassInfo Class, string Name), PyType> _fields = [];
    readonly Dictionary<Node, PyType> _returns = [];
    readonly HashSet<(Node Scope, string Name)> _declaredVars = [];
    readonly HashSet<(ClassInfo Class, string Name)> _declaredFields = [];

    public IReadOnlyList<ClassInfo> Classes => classes;

    public ClassIndex Index { get; } = new(classes);

    /// <summary>Uses of None-returning functions, and which of them become C# void (see ModuleTranslator.VoidReturns.cs).</summary>
    public VoidReturnFacts Void { get; } = new();

    /// <summary>Set when a flow raised some slot; the driver walks again until it stays false.</summary>
    public bool Changed { get; set; }

    /// <summary>After the fixpoint: unknown slots read as dynamic.</summary>
    public bool Frozen { get; private set; }

    public void Freeze() => Frozen = true;

    PyType Read<TKey>(Dictionary<TKey, PyType> d, TKey key) where TKey : notnull
    {
        var t = d.GetValueOrDefault(key, PyType.Unknown);
        return Frozen ? t.Final : t;
    }

    void Join<TKey>(Dictionary<TKey, PyType> d, TKey key, PyType t) where TKey : notnull
    {
        var old = d.GetValueOrDefault(key, PyType.Unknown);
        var joined = PyType.Join(old, t);
        if (joined == old) return;
        d[key] = joined;
        Changed = true;
    }

    public PyType Var(Node scope, string name) => Read(_vars, (scope, name));

    /// <summary>
    /// A value of type <paramref name="t"/> is stored in the variable. In an annotated slot an
    /// unknown (dynamic) value does not widen the type, the checked conversion guards it; a
    /// known different type (a bool into an int slot) still does.
    /// </summary>
    public void FlowVar(Node scope, string name, PyType t)
    {
        if (t.Kind == PyKind.Dynamic && _declaredVars.Contains((scope, name))) return;
        Join(_vars, (scope, name), t);
    }

    /// <summary>An annotation the program states (int, str, bool, a class): the slot's starting type.</summary>
    public void DeclareVar(Node scope, string name, PyType t)
    {
        if (!_declaredVars.Add((scope, name))) return;
        Join(_vars, (scope, name), t);
    }

    public PyType Field(ClassInfo c, string name) => Read(_fields, (c, name));

    /// <summary>A field is reachable from anywhere, so a container in it keeps only its kind.</summary>
    public void FlowField(ClassInfo c, string name, PyType t)
    {
        if (t.Kind == PyKind.Dynamic && _declaredFields.Contains((c, name))) return;
        Join(_fields, (c, name), PyType.Stored(t));
    }

    public void DeclareField(ClassInfo c, string name, PyType t)
    {
        if (!_declaredFields.Add((c, name))) return;
        Join(_fields, (c, name), PyType.Stored(t));
    }

    /// <summary>A store through a receiver of unknown class: every field of that name may change.</summary>
    public void PoisonFields(string name)
    {
        foreach (var c in Index.WithField(name)) FlowField(c, name, PyType.Dynamic);
    }

    // ---- container contents -------------------------------------------------------------

    readonly HashSet<(Node Scope, string Name)> _shared = [];

    /// <summary>
    /// The variable's container was aliased (stored, passed on, assigned to another name): what
    /// it holds can change without inference seeing it, so its contents become dynamic.
    /// </summary>
    public void EraseVar(Node scope, string name)
    {
        if (_vars.GetValueOrDefault((scope, name), PyType.Unknown) is { TracksContents: true } t) Join(_vars, (scope, name), t.Erased);
    }

    /// <summary>
    /// A parameter its function adds to or lets escape: a caller's container passed there is
    /// changed or aliased, so the caller forgets its contents (see <see cref="IsShared"/>).
    /// </summary>
    public void MarkShared(Node def, string param)
    {
        if (_shared.Add((def, param))) Changed = true;
    }

    public bool IsShared(Node def, string param) => _shared.Contains((def, param));

    public PyType Return(Node def) => Read(_returns, def);

    public void FlowReturn(Node def, PyType t) => Join(_returns, def, t);
}
