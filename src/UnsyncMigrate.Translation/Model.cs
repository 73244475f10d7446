using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

/// <summary>A function's signature as far as call sites need it.</summary>
internal sealed class FuncSig
{
    public required string PyName { get; init; }
    public required string CsName { get; init; }
    public required string QualName { get; init; }
    public List<string> Params { get; } = [];
    /// <summary>Parameters with defaults: name → static field holding the value (evaluated at def time).</summary>
    public Dictionary<string, string> Defaults { get; } = [];
    /// <summary>The C# class holding the default-value fields (the defining module's class).</summary>
    public string DefaultsOwner { get; set; } = "";
    public string? VarArgs { get; set; }
    public string? KwArgs { get; set; }
    public List<string> KwOnly { get; } = [];
    public UnsyncMode Mode { get; set; }
    /// <summary>
    /// For <see cref="UnsyncMode.Process"/>: the <c>cpu_bound=</c> expression when its value is
    /// known only when the decorator runs (a worker process if true then, else a thread), else null.
    /// </summary>
    public Expr? CpuBoundAtRunTime { get; set; }
    public bool IsAsync { get; init; }
    public bool IsGenerator { get; init; }
    public bool IsStatic { get; set; }
    public bool IsClassMethod { get; set; }
    public bool IsProperty { get; set; }
    /// <summary>The setter of a property (<c>@name.setter</c>): kept apart from the getter of the same name.</summary>
    public bool IsPropertySetter { get; init; }

    /// <summary>The key of a method in <see cref="ClassInfo.Methods"/> (a property setter shares its getter's name).</summary>
    public static string MethodKey(string name, bool isSetter) => isSetter ? name + ".setter" : name;
    public Node? Def { get; init; }

    /// <summary>
    /// The signature as seen through an instance or class (<c>self</c>/<c>cls</c> dropped),
    /// for binding Python arguments to the C# method <paramref name="csName"/>.
    /// </summary>
    public FuncSig Bound(string pyName, string csName, int skip)
    {
        var sig = new FuncSig { PyName = pyName, CsName = csName, QualName = QualName, DefaultsOwner = DefaultsOwner, Def = Def };
        sig.Params.AddRange(Params.Skip(skip));
        foreach (var d in Defaults) sig.Defaults[d.Key] = d.Value;
        sig.VarArgs = VarArgs;
        sig.KwArgs = KwArgs;
        sig.KwOnly.AddRange(KwOnly);
        return sig;
    }

    /// <summary>Whether call sites may bind arguments at compile time (no *args/**kwargs).</summary>
    public bool IsSimple => VarArgs == null && KwArgs == null;
}

/// <summary>A Python class and what the generated C# class holds.</summary>
internal sealed class ClassInfo
{
    public required string PyName { get; init; }
    public required string CsName { get; init; }
    public required string QualName { get; init; }
    public required StmtClassDef Def { get; init; }
    public ClassInfo? Base { get; set; }
    public string? BaseExceptionCs { get; set; }
    public bool IsDataclass { get; set; }
    public bool IsException => BaseExceptionCs != null || (Base?.IsException ?? false);
    public List<string> Fields { get; } = [];
    public HashSet<string> FieldSet { get; } = [];
    public Dictionary<string, FuncSig> Methods { get; } = [];
    public List<string> ClassAttributes { get; } = [];
    public string ModuleClass { get; set; } = "";

    public void AddField(string name)
    {
        if (FieldSet.Add(name)) Fields.Add(name);
    }

    /// <summary>
    /// The signature declared for one of this class's def statements; null for a def a later one
    /// of the same name replaced (the class body's last binding wins, as in Python).
    /// </summary>
    public FuncSig? MethodOf(Node def) => Methods.Values.FirstOrDefault(m => ReferenceEquals(m.Def, def));

    public FuncSig? FindMethod(string name)
    {
        for (var c = this; c != null; c = c.Base)
            if (c.Methods.TryGetValue(name, out var m)) return m;
        return null;
    }

    public bool HasField(string name)
    {
        for (var c = this; c != null; c = c.Base)
            if (c.FieldSet.Contains(name)) return true;
        return false;
    }

    /// <summary>
    /// Makes instance attributes named like a class attribute (of this class or a base) plain
    /// object attributes instead of fields: until an object sets its own, reading one gives the
    /// class's value, which a field cannot do. (A dataclass's fields stay fields.)
    /// </summary>
    public void DropFieldsShadowingClassAttributes()
    {
        if (IsDataclass) return;
        foreach (var name in Fields.Where(HasClassAttribute).ToList())
        {
            Fields.Remove(name);
            FieldSet.Remove(name);
        }
    }

    public bool HasClassAttribute(string name)
    {
        for (var c = this; c != null; c = c.Base)
            if (c.ClassAttributes.Contains(name)) return true;
        return false;
    }
}
