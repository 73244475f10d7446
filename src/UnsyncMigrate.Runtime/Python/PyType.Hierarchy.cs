using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime.Python;

// The class hierarchy as Python sees it (type(x), __mro__, __bases__): derived from the CLR
// hierarchy of the generated classes, so a class of single inheritance needs nothing beyond its
// own PyType (its static __pyclass field); a class of several bases states them (Bases).
public sealed partial class PyType
{
    /// <summary>
    /// The first PyType created for each CLR class of a generated Python class (its <c>__pyclass</c>).
    /// In a holder class so it exists before PyType's own static fields (Int, Str...) are created.
    /// </summary>
    static class Registry
    {
        public static readonly ConcurrentDictionary<Type, PyType> ByClr = new();
    }

    static void Register(PyType t)
    {
        if (t.ClrType != null && IsUserClass(t.ClrType)) Registry.ByClr.TryAdd(t.ClrType, t);
    }

    /// <summary>A class generated from Python source: a Python object or exception class outside the runtime.</summary>
    static bool IsUserClass(Type t) =>
        t.Assembly != typeof(PyType).Assembly && (typeof(PyObjectBase).IsAssignableFrom(t) || typeof(PyBaseException).IsAssignableFrom(t));

    /// <summary>
    /// The class object of a generated class, or of one of the runtime's exception classes;
    /// null for CLR types that stand for no Python class.
    /// </summary>
    public static PyType? ForClr(Type t)
    {
        if (!IsUserClass(t)) return PyExceptionTypes.ForClr(t) ?? RuntimeClass(t);
        if (Registry.ByClr.TryGetValue(t, out var known)) return known;
        // A class's static fields initialize lazily; running its static constructor creates
        // (and so registers) its __pyclass.
        RuntimeHelpers.RunClassConstructor(t.TypeHandle);
        return Registry.ByClr.TryGetValue(t, out known) ? known : null;
    }

    /// <summary>
    /// The class statement's bases (<c>__bases__</c>) when the generated code states them: a class
    /// with several bases, or with a base that is no CLR base of it (<c>abc.ABC</c>). Otherwise the
    /// bases follow the CLR hierarchy.
    /// </summary>
    public PyType[]? Bases { get; init; }

    /// <summary>The class's metaclass (<c>type(cls)</c>) when it is not <c>type</c>: <c>abc.ABCMeta</c>.</summary>
    public PyType? Metaclass { get; init; }

    /// <summary>
    /// A runtime class a program class may derive from, other than an exception class
    /// (<c>logging.Handler</c>): registered so that <c>type(x)</c>, <c>__mro__</c> and
    /// <c>isinstance</c> of its instances and subclasses see its class object.
    /// </summary>
    public static void RegisterRuntimeClass(PyType t) => Registry.ByClr.TryAdd(t.ClrType!, t);

    static PyType? RuntimeClass(Type t)
    {
        if (!typeof(PyObjectBase).IsAssignableFrom(t)) return null;
        if (Registry.ByClr.TryGetValue(t, out var known)) return known;
        // Its class object is a static field: running the static constructor registers it.
        RuntimeHelpers.RunClassConstructor(t.TypeHandle);
        return Registry.ByClr.TryGetValue(t, out known) ? known : null;
    }

    /// <summary>
    /// The base class (<c>__base__</c>): <c>object</c> for a root class, null for <c>object</c> itself.
    /// Of stated bases, the one the CLR class derives from (Python's "solid" base: an exception
    /// class before a mixin), else the first.
    /// </summary>
    public PyType? Base
    {
        get
        {
            if (ReferenceEquals(this, Object)) return null;
            if (ReferenceEquals(this, Bool)) return Int;
            if (Bases is { Length: > 0 } stated)
                return stated.FirstOrDefault(b => b.ClrType != null && b.ClrType != typeof(object) && ClrType != null && b.ClrType.IsAssignableFrom(ClrType)) ?? stated[0];
            for (var t = ClrType?.BaseType; t != null && t != typeof(object) && t != typeof(Exception) && t != typeof(PyObjectBase); t = t.BaseType)
                if (ForClr(t) is { } b) return b;
            return Object;
        }
    }

    /// <summary><c>__bases__</c>.</summary>
    public PyTuple BasesTuple() =>
        Bases is { Length: > 0 } stated ? new PyTuple(stated.Cast<object?>().ToArray()) : Base is { } b ? PyTuple.Of(b) : PyTuple.Empty;

    PyType[]? _mro;

    /// <summary>
    /// The method resolution order: Python's C3 linearization of the stated bases (the class,
    /// then its bases' orders merged so each keeps its own order and every class precedes its
    /// bases), or the chain of <see cref="Base"/> for a class of single inheritance.
    /// </summary>
    public IReadOnlyList<PyType> MroList => _mro ??= ComputeMro();

    /// <summary><c>__mro__</c>.</summary>
    public PyTuple Mro() => new(MroList.Cast<object?>().ToArray());

    /// <summary>Whether <paramref name="other"/> is this class or one of its bases (<c>issubclass(self, other)</c>).</summary>
    public bool IsSubclassOf(PyType other) => MroList.Contains(other);

    PyType[] ComputeMro()
    {
        if (Bases is not { Length: > 0 } stated)
        {
            var chain = new List<PyType>();
            for (var t = this; t != null; t = t.Base) chain.Add(t);
            return [.. chain];
        }
        var sequences = stated.Select(b => b.MroList.ToList()).Append([.. stated]).ToList();
        var result = new List<PyType> { this };
        while (true)
        {
            sequences.RemoveAll(s => s.Count == 0);
            if (sequences.Count == 0) return [.. result];
            // The next class is the first head that is in no other sequence's tail.
            var head = sequences.Select(s => s[0]).FirstOrDefault(h => !sequences.Any(s => s.IndexOf(h) > 0))
                ?? throw new TypeError("Cannot create a consistent method resolution order (MRO) for bases " + string.Join(", ", stated.Select(b => b.Name)));
            result.Add(head);
            foreach (var s in sequences)
                if (ReferenceEquals(s[0], head)) s.RemoveAt(0);
        }
    }
}
