using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>Three-valued truth: what the analysis knows about a yes/no question.</summary>
internal enum Tri : byte
{
    No,
    Yes,
    Unknown,
}

/// <summary>
/// An abstract value: what the analysis knows an expression evaluates to. Most things are
/// <see cref="UnknownValue"/>; the analysis tracks only what matters for unsync.
/// </summary>
internal abstract class Value
{
    public virtual bool IsUnknown => false;
}

internal sealed class UnknownValue : Value
{
    public static readonly UnknownValue Instance = new();
    UnknownValue() { }
    public override bool IsUnknown => true;
    public override string ToString() => "?";
}

/// <summary>A literal constant (None, bool, int, float, str, bytes...).</summary>
internal sealed class ConstValue(object? constant) : Value
{
    public object? Constant { get; } = constant;

    public Tri Truthiness => Constant switch
    {
        null => Tri.No,
        bool b => b ? Tri.Yes : Tri.No,
        long l => l != 0 ? Tri.Yes : Tri.No,
        System.Numerics.BigInteger bi => bi.IsZero ? Tri.No : Tri.Yes,
        double d => d != 0 ? Tri.Yes : Tri.No,
        PyComplex c => c.Real != 0 || c.Imag != 0 ? Tri.Yes : Tri.No,
        string s => s.Length > 0 ? Tri.Yes : Tri.No,
        PyCodePointString ps => ps.CodePoints.Count > 0 ? Tri.Yes : Tri.No,
        byte[] bs => bs.Length > 0 ? Tri.Yes : Tri.No,
        PyEllipsis => Tri.Yes,
        _ => Tri.Unknown,
    };

    public override string ToString() => $"const {Constant}";
}

/// <summary>The <c>unsync</c> decorator class itself.</summary>
internal sealed class UnsyncDecoratorValue : Value
{
    public static readonly UnsyncDecoratorValue Instance = new();
    UnsyncDecoratorValue() { }
    public override string ToString() => "unsync";
}

/// <summary>An <c>unsync(...)</c> instance created with keywords only (not yet given its function).</summary>
internal sealed class UnsyncFactoryValue(ExprCall site, Tri cpuBound, Expr? cpuBoundExpr, IReadOnlyList<Keyword> otherKeywords) : Value
{
    public ExprCall Site { get; } = site;
    public Tri CpuBound { get; } = cpuBound;
    public Expr? CpuBoundExpr { get; } = cpuBoundExpr;
    public IReadOnlyList<Keyword> OtherKeywords { get; } = otherKeywords;
    public override string ToString() => $"unsync(cpu_bound={CpuBound})";
}

/// <summary>The <c>Unfuture</c> class.</summary>
internal sealed class UnfutureClassValue : Value
{
    public static readonly UnfutureClassValue Instance = new();
    UnfutureClassValue() { }
    public override string ToString() => "Unfuture";
}

/// <summary>An <c>Unfuture</c> instance; <see cref="Source"/> is the wrapper whose call produced it, when known.</summary>
internal sealed class UnfutureValue(WrapperEntry? source) : Value
{
    public static readonly UnfutureValue Anonymous = new(null);
    public WrapperEntry? Source { get; } = source;
    public override string ToString() => $"Unfuture<{Source?.Qualname}>";
}

/// <summary>A method of an <c>Unfuture</c> (or <c>Unfuture.from_value</c>), looked up but not yet called.</summary>
internal sealed class UnfutureMethodValue(string name, Value receiver) : Value
{
    public string Name { get; } = name;
    public Value Receiver { get; } = receiver;
}

/// <summary>An unsync wrapper: calling it is a call site.</summary>
internal sealed class WrapperValue(WrapperEntry entry) : Value
{
    public WrapperEntry Entry { get; } = entry;
    public override string ToString() => $"wrapper {Entry.Qualname} [{Entry.Mode}]";
}

/// <summary>A function or lambda of the program, created in a given frame (its closure).</summary>
internal sealed class FunctionValue(Scope scope, Frame? closure) : Value
{
    public Scope Scope { get; } = scope;
    public Frame? Closure { get; } = closure;
    public bool IsCoroutineFunction => Scope.IsAsync && Scope.Kind == ScopeKind.Function;
    public override string ToString() => $"function {Scope.Qualname}";
}

/// <summary>A program function bound to an instance (<c>obj.method</c>).</summary>
internal sealed class BoundMethodValue(FunctionValue function, Value self) : Value
{
    public FunctionValue Function { get; } = function;
    public Value Self { get; } = self;
}

/// <summary>
/// What a def or callable became after decorators other than unsync: the identity (for
/// reports) is still the original function, but whether it is a coroutine function changed
/// or became unknown.
/// </summary>
internal sealed class TransformedCallableValue(Identity identity, Tri isCoroutine, string? reason) : Value
{
    public Identity Identity { get; } = identity;
    public Tri IsCoroutine { get; } = isCoroutine;
    /// <summary>Why coroutine-ness is unknown (the decorator's text), for the hazard.</summary>
    public string? Reason { get; } = reason;
}

/// <summary><c>staticmethod(x)</c> / <c>classmethod(x)</c> of a value.</summary>
internal sealed class MethodDescriptorValue(Value inner, bool isClassMethod) : Value
{
    public Value Inner { get; } = inner;
    public bool IsClassMethod { get; } = isClassMethod;
}

/// <summary>The decorator <c>functools.wraps(x)</c> returns: it keeps the function as it is.</summary>
internal sealed class PreservingDecoratorValue : Value
{
    public static readonly PreservingDecoratorValue Instance = new();
    PreservingDecoratorValue() { }
}

/// <summary>A class of the program.</summary>
internal sealed class ClassValue(ClassInfo info) : Value
{
    public ClassInfo Info { get; } = info;
    public override string ToString() => $"class {Info.Qualname}";
}

/// <summary>
/// An instance of one of several program classes (all possible, e.g. elements of a list of
/// different classes). <see cref="Exact"/>: made by calling exactly these classes; otherwise
/// (<c>self</c>, an annotated parameter) it may also be an instance of a subclass.
/// </summary>
internal sealed class InstanceValue(IReadOnlyList<ClassInfo> classes, bool exact = false) : Value
{
    public IReadOnlyList<ClassInfo> Classes { get; } = classes;
    public bool Exact { get; } = exact;
    public override string ToString() => $"instance of {string.Join("|", Classes)}";
}

/// <summary><c>super()</c> inside a method of <see cref="Class"/>.</summary>
internal sealed class SuperValue(ClassInfo cls, Value self) : Value
{
    public ClassInfo Class { get; } = cls;
    public Value Self { get; } = self;
}

/// <summary>A module of the program.</summary>
internal sealed class ModuleValue(ModuleInfo module) : Value
{
    public ModuleInfo Module { get; } = module;
    public override string ToString() => $"module {Module.Name}";
}

/// <summary>Something from outside the program (standard library, third party, builtins), by dotted path.</summary>
internal sealed class ExternalValue(string path, bool isModule) : Value
{
    public string Path { get; } = path;
    public bool IsModule { get; } = isModule;
    public override string ToString() => (IsModule ? "external module " : "external ") + Path;
}

/// <summary>A list, tuple, set or other iterable whose items (or element) are known.</summary>
internal sealed class SequenceValue : Value
{
    /// <summary>A literal with known items, in order.</summary>
    public SequenceValue(IReadOnlyList<Value> items)
    {
        Items = items;
        Element = Union.Of(items);
    }

    /// <summary>An iterable of unknown length whose elements are all <paramref name="element"/>.</summary>
    public SequenceValue(Value element)
    {
        Items = null;
        Element = element;
    }

    public IReadOnlyList<Value>? Items { get; }
    public Value Element { get; }
}

/// <summary>A dict whose keys and values are known as unions.</summary>
internal sealed class DictValue(Value keys, Value values) : Value
{
    public Value Keys { get; } = keys;
    public Value Values { get; } = values;
}

/// <summary>A coroutine object: the result of calling a program <c>async def</c> (not wrapped).</summary>
internal sealed class CoroutineValue(Value result) : Value
{
    public Value Result { get; } = result;
}

/// <summary>One of several values.</summary>
internal sealed class UnionValue(IReadOnlyList<Value> options) : Value
{
    public IReadOnlyList<Value> Options { get; } = options;
}

internal static class Union
{
    /// <summary>The union of values: flattened, duplicates removed, instances of classes merged; unknowns dropped unless nothing else is known.</summary>
    public static Value Of(IEnumerable<Value> values)
    {
        var list = new List<Value>();
        var classes = new List<ClassInfo>();
        bool exact = true;
        void Add(Value v)
        {
            switch (v)
            {
                case UnionValue u:
                    foreach (var o in u.Options) Add(o);
                    break;
                case UnknownValue:
                    break;
                case InstanceValue iv:
                    foreach (var c in iv.Classes) if (!classes.Contains(c)) classes.Add(c);
                    exact &= iv.Exact;
                    break;
                default:
                    if (!list.Contains(v)) list.Add(v);
                    break;
            }
        }
        foreach (var v in values) Add(v);
        if (classes.Count > 0) list.Add(new InstanceValue(classes, exact));
        if (list.Count == 0) return UnknownValue.Instance;
        return list.Count == 1 ? list[0] : new UnionValue(list);
    }

    public static IEnumerable<Value> Options(Value v) => v is UnionValue u ? u.Options : [v];
}

/// <summary>What a wrapper wraps, for reports: a program def/lambda/class, or an external callable by name.</summary>
internal sealed class Identity
{
    public Identity(Scope scope)
    {
        Scope = scope;
        Key = scope.Node;
    }

    public Identity(string externalName, Node site)
    {
        ExternalName = externalName;
        Key = site;
    }

    /// <summary>The def/lambda/class scope, for program callables.</summary>
    public Scope? Scope { get; }
    /// <summary><c>module.qualname</c> of an external callable.</summary>
    public string? ExternalName { get; }
    /// <summary>What identifies it: the def node, or the wrapping site for external callables.</summary>
    public object Key { get; }

    public override bool Equals(object? obj) => obj is Identity other && ReferenceEquals(other.Key, Key) && other.ExternalName == ExternalName;
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Key);
}
