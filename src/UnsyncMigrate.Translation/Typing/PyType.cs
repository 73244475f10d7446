using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation.Typing;

internal enum PyKind { Unknown, None, Bool, Int, Float, Str, List, Dict, Tuple, Set, Future, Exception, Class, Dynamic }

/// <summary>
/// A point of the inference lattice: Unknown (nothing seen yet) below the concrete types,
/// Dynamic (conflicting or unknowable) above them. Int means a Python int known to stay
/// small (held in a C# long, arithmetic checked); Bool is kept apart from Int.
/// Containers carry no element types: they map to the runtime's PyList/PyDict/PyTuple/PySet.
/// </summary>
internal sealed record PyType(PyKind Kind, ClassInfo? Class = null, PyType? Elem = null)
{
    public static readonly PyType Unknown = new(PyKind.Unknown);
    public static readonly PyType None = new(PyKind.None);
    public static readonly PyType Bool = new(PyKind.Bool);
    public static readonly PyType Int = new(PyKind.Int);
    public static readonly PyType Float = new(PyKind.Float);
    public static readonly PyType Str = new(PyKind.Str);
    public static readonly PyType List = new(PyKind.List);
    public static readonly PyType Dict = new(PyKind.Dict);
    public static readonly PyType Tuple = new(PyKind.Tuple);
    public static readonly PyType Set = new(PyKind.Set);
    /// <summary>What an unsync function returns: the runtime's Unfuture&lt;object?&gt;.</summary>
    public static readonly PyType Future = new(PyKind.Future, null, new PyType(PyKind.Dynamic));
    /// <summary>The object an <c>except ... as e</c> clause binds: the runtime's PyBaseException.</summary>
    public static readonly PyType Exception = new(PyKind.Exception);
    public static readonly PyType Dynamic = new(PyKind.Dynamic);

    public static PyType Of(ClassInfo c) => new(PyKind.Class, c);

    /// <summary>A future whose result has type <paramref name="result"/> (set once by the function's body, so never widened by aliasing).</summary>
    public static PyType FutureOf(PyType result) => new(PyKind.Future, null, result);

    /// <summary>What <c>result()</c> or <c>await</c> of this future gives.</summary>
    public PyType FutureResult => Kind == PyKind.Future ? Elem ?? Dynamic : Dynamic;

    /// <summary>Whether values of both types have the same C# type (futures differ only in what inference knows of their result).</summary>
    public bool SameCsType(PyType other) => Kind == other.Kind && (Kind != PyKind.Class || Class == other.Class);

    /// <summary>Whether a C# declaration of this type is something other than object.</summary>
    public bool IsStatic => Kind is not (PyKind.Unknown or PyKind.None or PyKind.Dynamic);

    public bool IsNumber => Kind is PyKind.Int or PyKind.Float;

    /// <summary>Least upper bound; two classes join to their nearest common program base class.</summary>
    public static PyType Join(PyType a, PyType b)
    {
        if (a.Kind == PyKind.Unknown) return b;
        if (b.Kind == PyKind.Unknown || a == b) return a;
        if (a.Kind == PyKind.Future && b.Kind == PyKind.Future) return FutureOf(Join(a.FutureResult, b.FutureResult));
        if (a.Kind == PyKind.Class && b.Kind == PyKind.Class)
        {
            for (var x = a.Class; x != null; x = x.Base)
                for (var y = b.Class; y != null; y = y.Base)
                    if (x == y) return Of(x);
        }
        return Dynamic;
    }

    /// <summary>The type a slot ends with: never-assigned slots are dynamic.</summary>
    public PyType Final => Kind == PyKind.Unknown ? Dynamic : Kind == PyKind.Future ? FutureOf(FutureResult.Final) : this;

    /// <summary>The C# type of a statically typed value (null for object).</summary>
    public TypeSyntax? CsType(Func<ClassInfo, string> classRef) => Kind switch
    {
        PyKind.Int => Cs.Long,
        PyKind.Float => Cs.Double,
        PyKind.Str => Cs.String,
        PyKind.Bool => Cs.BoolType,
        PyKind.List => ParseTypeName("PyList"),
        PyKind.Dict => ParseTypeName("PyDict"),
        PyKind.Tuple => ParseTypeName("PyTuple"),
        PyKind.Set => ParseTypeName("PySet"),
        PyKind.Future => ParseTypeName("Unfuture<object?>"),
        PyKind.Exception => ParseTypeName("PyBaseException"),
        PyKind.Class => ParseTypeName(classRef(Class!)),
        _ => null,
    };

    /// <summary>The Python name used in conversion error messages.</summary>
    public string PyName => Kind switch
    {
        PyKind.Class => Class!.PyName,
        PyKind.Int => "int",
        PyKind.Float => "float",
        PyKind.Str => "str",
        PyKind.Bool => "bool",
        PyKind.List => "list",
        PyKind.Dict => "dict",
        PyKind.Tuple => "tuple",
        PyKind.Set => "set",
        PyKind.Future => "Unfuture",
        PyKind.Exception => "BaseException",
        _ => "object",
    };

    public override string ToString() => Kind == PyKind.Class ? Class!.PyName : Kind == PyKind.Future ? $"Future[{FutureResult}]" : Kind.ToString();
}
