using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation.Typing;

internal enum PyKind { Unknown, None, Bool, Int, Float, Str, List, Dict, Tuple, Set, Future, Exception, Class, Dynamic }

/// <summary>
/// A point of the inference lattice: Unknown (nothing seen yet) below the concrete types,
/// Dynamic (conflicting or unknowable) above them. Int means a Python int known to stay
/// small (held in a C# long, arithmetic checked); Bool is kept apart from Int.
/// Containers map to the runtime's PyList/PyDict/PyTuple/PySet whatever their contents; what
/// inference knows of the contents rides along: <see cref="Elem"/> is a list's or set's
/// element, a dict's value or a future's result, <see cref="Key"/> a dict's key, and
/// <see cref="Items"/> a tuple's items by position (null when its length is not known, then
/// <see cref="Elem"/> covers every item). Reading an element always goes through a checked
/// conversion, so element types only choose native code, they never skip a check.
/// </summary>
internal sealed record PyType(PyKind Kind, ClassInfo? Class = null, PyType? Elem = null, PyType? Key = null, TypeList? Items = null)
{
    public static readonly PyType Unknown = new(PyKind.Unknown);
    public static readonly PyType None = new(PyKind.None);
    public static readonly PyType Bool = new(PyKind.Bool);
    public static readonly PyType Int = new(PyKind.Int);
    public static readonly PyType Float = new(PyKind.Float);
    public static readonly PyType Str = new(PyKind.Str);
    public static readonly PyType Dynamic = new(PyKind.Dynamic);
    /// <summary>Containers whose contents are not known.</summary>
    public static readonly PyType List = ListOf(Dynamic);
    public static readonly PyType Dict = DictOf(Dynamic, Dynamic);
    public static readonly PyType Tuple = TupleOfAny(Dynamic);
    public static readonly PyType Set = SetOf(Dynamic);
    /// <summary>What an unsync function returns: the runtime's Unfuture&lt;object?&gt;.</summary>
    public static readonly PyType Future = FutureOf(Dynamic);
    /// <summary>The object an <c>except ... as e</c> clause binds: the runtime's PyBaseException.</summary>
    public static readonly PyType Exception = new(PyKind.Exception);

    /// <summary>How deep element types nest before they are cut to Dynamic (keeps the lattice finite: <c>x = [x]</c> in a loop).</summary>
    const int MaxDepth = 3;

    /// <summary>
    /// An instance of the program class <paramref name="c"/>; dynamic for a class dispatching along
    /// its MRO, whose instances may be of C# classes that do not derive from it, and for a class
    /// whose decorators rebind its name (calling the name may make anything).
    /// </summary>
    public static PyType Of(ClassInfo c) => c.UsesMroDispatch || c.IsRebound ? Dynamic : new(PyKind.Class, c);
    public static PyType ListOf(PyType elem) => new(PyKind.List, null, Stored(elem));
    public static PyType SetOf(PyType elem) => new(PyKind.Set, null, Stored(elem));
    public static PyType DictOf(PyType key, PyType value) => new(PyKind.Dict, null, Stored(value), Stored(key));
    public static PyType TupleOf(IEnumerable<PyType> items) => new(PyKind.Tuple, null, null, null, new TypeList(items.Select(Stored)));
    /// <summary>A tuple of unknown length whose items all have type <paramref name="item"/> (tuple(xs), slices).</summary>
    public static PyType TupleOfAny(PyType item) => new(PyKind.Tuple, null, Stored(item));

    /// <summary>A future whose result has type <paramref name="result"/> (set once by the function's body, so never widened by aliasing).</summary>
    public static PyType FutureOf(PyType result) => new(PyKind.Future, null, Stored(result));

    /// <summary>What <c>result()</c> or <c>await</c> of this future gives.</summary>
    public PyType FutureResult => Kind == PyKind.Future ? Elem ?? Dynamic : Dynamic;

    /// <summary>
    /// The type a value has once it sits inside a container. A mutable container inside another
    /// is reachable through an alias the variable tracking does not see, so only its kind is
    /// kept; tuples are immutable and keep their items (to a fixed depth).
    /// </summary>
    public static PyType Stored(PyType t) => t.Kind switch
    {
        PyKind.List => t.Elem == Dynamic ? t : new(PyKind.List, null, Dynamic),
        PyKind.Set => t.Elem == Dynamic ? t : new(PyKind.Set, null, Dynamic),
        PyKind.Dict => t.Elem == Dynamic && t.Key == Dynamic ? t : new(PyKind.Dict, null, Dynamic, Dynamic),
        PyKind.Tuple or PyKind.Future when t.Depth > MaxDepth => t.Kind == PyKind.Tuple ? new(PyKind.Tuple, null, Dynamic) : new(PyKind.Future, null, Dynamic),
        _ => t,
    };

    int Depth => 1 + Math.Max(Math.Max(Elem?.Depth ?? 0, Key?.Depth ?? 0), Items == null || Items.Count == 0 ? 0 : Items.Max(i => i.Depth));

    /// <summary>The same container with its contents forgotten (the variable holding it was aliased).</summary>
    public PyType Erased => Kind switch
    {
        PyKind.List => List,
        PyKind.Set => Set,
        PyKind.Dict => Dict,
        _ => this,
    };

    /// <summary>Whether the value is a mutable container whose contents inference tracks (so aliasing it matters).</summary>
    public bool TracksContents => Kind is PyKind.List or PyKind.Set or PyKind.Dict && (Elem != Dynamic || Key is { } k && k != Dynamic);

    /// <summary>What iterating a value of this type binds (Unknown while the type is not known yet).</summary>
    public PyType Element => Kind switch
    {
        PyKind.Unknown => Unknown,
        PyKind.Str => Str,
        PyKind.List or PyKind.Set => Elem ?? Dynamic,
        PyKind.Dict => Key ?? Dynamic,
        PyKind.Tuple => Items == null ? Elem ?? Dynamic : Items.Aggregate(Unknown, Join) is { Kind: not PyKind.Unknown } j ? j : Dynamic,
        _ => Dynamic,
    };

    /// <summary>The type of item <paramref name="index"/> (negative from the end) of a tuple, or of any element.</summary>
    public PyType ItemAt(long index)
    {
        if (Kind == PyKind.Tuple && Items != null)
        {
            long i = index < 0 ? Items.Count + index : index;
            return i >= 0 && i < Items.Count ? Items[(int)i] : Dynamic;
        }
        return Element;
    }

    /// <summary>Whether values of both types have the same C# type (futures differ only in what inference knows of their result).</summary>
    public bool SameCsType(PyType other) => Kind == other.Kind && (Kind != PyKind.Class || Class == other.Class);

    /// <summary>Whether a C# declaration of this type is something other than object.</summary>
    public bool IsStatic => Kind is not (PyKind.Unknown or PyKind.None or PyKind.Dynamic);

    public bool IsNumber => Kind is PyKind.Int or PyKind.Float;

    /// <summary>Least upper bound; two classes join to their nearest common program base class, containers of one kind join their contents.</summary>
    public static PyType Join(PyType a, PyType b)
    {
        if (a.Kind == PyKind.Unknown) return b;
        if (b.Kind == PyKind.Unknown || a == b) return a;
        switch (a.Kind)
        {
            case PyKind.Future when b.Kind == PyKind.Future: return FutureOf(Join(a.FutureResult, b.FutureResult));
            case PyKind.List when b.Kind == PyKind.List: return ListOf(Join(a.Elem!, b.Elem!));
            case PyKind.Set when b.Kind == PyKind.Set: return SetOf(Join(a.Elem!, b.Elem!));
            case PyKind.Dict when b.Kind == PyKind.Dict: return DictOf(Join(a.Key!, b.Key!), Join(a.Elem!, b.Elem!));
            case PyKind.Tuple when b.Kind == PyKind.Tuple:
                if (a.Items != null && b.Items != null && a.Items.Count == b.Items.Count)
                    return TupleOf(a.Items.Zip(b.Items, Join));
                return TupleOfAny(Join(a.Element, b.Element));
            case PyKind.Class when b.Kind == PyKind.Class:
                for (var x = a.Class; x != null; x = x.Base)
                    for (var y = b.Class; y != null; y = y.Base)
                        if (x == y) return Of(x);
                break;
        }
        return Dynamic;
    }

    /// <summary>The type a slot ends with: never-assigned slots (and contents never seen) are dynamic.</summary>
    public PyType Final => Kind switch
    {
        PyKind.Unknown => Dynamic,
        PyKind.Future => FutureOf(FutureResult.Final),
        PyKind.List => ListOf(Elem!.Final),
        PyKind.Set => SetOf(Elem!.Final),
        PyKind.Dict => DictOf(Key!.Final, Elem!.Final),
        PyKind.Tuple => Items != null ? TupleOf(Items.Select(i => i.Final)) : TupleOfAny(Elem!.Final),
        _ => this,
    };

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

    public override string ToString() => Kind switch
    {
        PyKind.Class => Class!.PyName,
        PyKind.Future => $"Future[{FutureResult}]",
        PyKind.List or PyKind.Set when Elem != Dynamic => $"{Kind}[{Elem}]",
        PyKind.Dict when Elem != Dynamic || Key != Dynamic => $"Dict[{Key}, {Elem}]",
        PyKind.Tuple when Items != null => $"Tuple[{string.Join(", ", Items)}]",
        PyKind.Tuple when Elem != Dynamic => $"Tuple[{Elem}, ...]",
        _ => Kind.ToString(),
    };
}

/// <summary>An immutable list of types compared by value (a tuple's item types), so <see cref="PyType"/> keeps record equality.</summary>
internal sealed class TypeList : IReadOnlyList<PyType>, IEquatable<TypeList>
{
    readonly PyType[] _items;

    public TypeList(IEnumerable<PyType> items) => _items = items.ToArray();

    public PyType this[int index] => _items[index];
    public int Count => _items.Length;
    public IEnumerator<PyType> GetEnumerator() => ((IEnumerable<PyType>)_items).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(TypeList? other) => other != null && _items.AsSpan().SequenceEqual(other._items);
    public override bool Equals(object? obj) => Equals(obj as TypeList);
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var t in _items) h.Add(t);
        return h.ToHashCode();
    }
}
