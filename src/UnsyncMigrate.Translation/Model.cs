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
    /// <summary>The deleter of a property (<c>@name.deleter</c>): what <c>del obj.name</c> runs.</summary>
    public bool IsPropertyDeleter { get; init; }
    /// <summary>A property's setter or deleter: no method of its own name.</summary>
    public bool IsPropertyAccessor => IsPropertySetter || IsPropertyDeleter;
    /// <summary>
    /// A subclass binds the method's name to something else than a C# override (a decorated
    /// method, a class attribute): a call through self goes by name, to what the object's class has.
    /// </summary>
    public bool ReboundBelow { get; set; }
    /// <summary>Whether the method's body calls <c>super()</c>.</summary>
    public bool UsesSuper { get; init; }
    /// <summary>The class whose body defines the method (null for functions).</summary>
    public ClassInfo? Owner { get; init; }
    /// <summary>
    /// A static C# method taking every Python parameter, self included, as a plain object value:
    /// a method its class reaches along the MRO, or the function a decorator stack receives.
    /// </summary>
    public bool HasExplicitSelf { get; set; }
    /// <summary>Decorators the runtime applies when the class body runs, bottom-up (empty: the def is translated statically).</summary>
    public IReadOnlyList<Expr> RuntimeDecorators { get; set; } = [];

    /// <summary>The key of a method in <see cref="ClassInfo.Methods"/> (a property's setter and deleter share its getter's name).</summary>
    public static string MethodKey(string name, bool isSetter, bool isDeleter = false) => isSetter ? name + ".setter" : isDeleter ? name + ".deleter" : name;
    public string Key => MethodKey(PyName, IsPropertySetter, IsPropertyDeleter);
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
    /// <summary>The base the C# class derives from, when it is one of the program's classes.</summary>
    public ClassInfo? Base { get; set; }
    /// <summary>The runtime class the C# class derives from instead (an exception class), when no program class is its base.</summary>
    public string? BaseExceptionCs { get; set; }
    /// <summary>A runtime library class (not an exception) the C# class derives from (<c>threading.Thread</c>), when no program class is its base.</summary>
    public string? RuntimeBaseCs { get; set; }
    public bool IsDataclass { get; set; }
    public bool IsException => BaseExceptionCs != null || (Base?.IsException ?? false);
    /// <summary>Whether a runtime library class's <c>__init__</c> (IPyInit) takes the arguments when no program class defines one.</summary>
    public bool HasRuntimeInit => RuntimeBaseCs != null || (Base?.HasRuntimeInit ?? false);
    public List<string> Fields { get; } = [];
    public HashSet<string> FieldSet { get; } = [];
    public Dictionary<string, FuncSig> Methods { get; } = [];
    /// <summary>Methods whose decorators run at run time: the class attribute of that name holds what they returned.</summary>
    public Dictionary<string, FuncSig> DecoratedMethods { get; } = [];
    public List<string> ClassAttributes { get; } = [];
    public string ModuleClass { get; set; } = "";

    /// <summary>The bases the runtime has a class object for (the program's classes, exception classes, <c>abc.ABC</c>), in order.</summary>
    public List<Expr> KnownBases { get; } = [];
    /// <summary>The program's classes among the class statement's bases, in order.</summary>
    public List<ClassInfo> ProgramBases { get; } = [];
    /// <summary>
    /// The method resolution order restricted to the program's classes (C3, as Python computes
    /// <c>__mro__</c>): the class first. For single inheritance, the chain of <see cref="Base"/>.
    /// </summary>
    public List<ClassInfo> Mro { get => _mro ?? [this]; set => _mro = value; }
    List<ClassInfo>? _mro;
    /// <summary>
    /// Whether attribute lookup goes along the MRO at run time: the class or a class related to it
    /// has several bases (C# inherits from one), so every method of these classes is a static
    /// method with an explicit self and each class lists its own members for the runtime.
    /// </summary>
    public bool UsesMroDispatch { get; set; }
    /// <summary>Whether the bases have no consistent MRO: the class statement raises TypeError, as in Python.</summary>
    public bool HasInconsistentMro { get; set; }
    /// <summary>Whether the class states its bases to the runtime (several, or one that is no CLR base of it such as <c>abc.ABC</c>).</summary>
    public bool StatesBases { get; set; }
    /// <summary>Whether the metaclass is <c>abc.ABCMeta</c> (stated, or through <c>abc.ABC</c> or a base).</summary>
    public bool HasAbcMeta { get; set; }
    /// <summary>The names the class body defines with <c>@abstractmethod</c>.</summary>
    public HashSet<string> AbstractDefs { get; } = [];
    /// <summary>The methods left abstract under <c>abc.ABCMeta</c> (instantiation fails while any is left); null when ABCMeta is not the metaclass.</summary>
    public List<string>? AbstractMethods { get; set; }
    /// <summary>The class statement's keywords other than <c>metaclass=</c>: what <c>__init_subclass__</c> of its bases receives.</summary>
    public List<Keyword> SubclassKeywords { get; } = [];
    /// <summary>Whether the class statement has decorators the runtime applies: the class's name is bound to what they return.</summary>
    public bool IsRebound { get; set; }

    public void AddField(string name)
    {
        if (FieldSet.Add(name)) Fields.Add(name);
    }

    /// <summary>
    /// The signature declared for one of this class's def statements; null for a def a later one
    /// of the same name replaced (the class body's last binding wins, as in Python).
    /// </summary>
    public FuncSig? MethodOf(Node def) => Methods.Values.Concat(DecoratedMethods.Values).FirstOrDefault(m => ReferenceEquals(m.Def, def));

    /// <summary>The method <paramref name="name"/> along the MRO; null when a class before its definer rebinds the name otherwise.</summary>
    public FuncSig? FindMethod(string name)
    {
        foreach (var c in Mro)
        {
            if (c.Methods.TryGetValue(name, out var m)) return m;
            if (c.DecoratedMethods.ContainsKey(name)) return null;
        }
        return null;
    }

    public bool HasField(string name) => Mro.Any(c => c.FieldSet.Contains(name));

    /// <summary>
    /// Makes instance attributes named like a class attribute or a method (of this class or a
    /// base) plain object attributes instead of fields: until an object sets its own, reading one
    /// gives the class's value, which a field cannot do; and a field beside a method of the same
    /// name does not compile (CS0102). (A dataclass's fields stay fields.)
    /// </summary>
    public void DropFieldsShadowingClassMembers()
    {
        if (IsDataclass) return;
        foreach (var name in Fields.Where(n => HasClassAttribute(n) || HasMethodNamed(n)).ToList())
        {
            Fields.Remove(name);
            FieldSet.Remove(name);
        }
    }

    public bool HasClassAttribute(string name) => Mro.Any(c => c.ClassAttributes.Contains(name));

    /// <summary>Whether this class or a base defines a method (plain or decorated) of that name.</summary>
    public bool HasMethodNamed(string name) => Mro.Any(c => c.Methods.ContainsKey(name) || c.DecoratedMethods.ContainsKey(name));
}
