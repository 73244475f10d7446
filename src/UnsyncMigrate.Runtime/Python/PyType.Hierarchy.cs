using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime.Python;

// The class hierarchy as Python sees it (type(x), __mro__, __bases__), derived from the CLR
// hierarchy of the generated classes, so the translator needs to emit nothing beyond the
// class's own PyType (its static __pyclass field).
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
        if (!IsUserClass(t)) return PyExceptionTypes.ForClr(t);
        if (Registry.ByClr.TryGetValue(t, out var known)) return known;
        // A class's static fields initialize lazily; running its static constructor creates
        // (and so registers) its __pyclass.
        RuntimeHelpers.RunClassConstructor(t.TypeHandle);
        return Registry.ByClr.TryGetValue(t, out known) ? known : null;
    }

    /// <summary>The direct base class (<c>__base__</c>): <c>object</c> for a root class, null for <c>object</c> itself.</summary>
    public PyType? Base
    {
        get
        {
            if (ReferenceEquals(this, Object)) return null;
            if (ReferenceEquals(this, Bool)) return Int;
            for (var t = ClrType?.BaseType; t != null && t != typeof(object) && t != typeof(Exception) && t != typeof(PyObjectBase); t = t.BaseType)
                if (ForClr(t) is { } b) return b;
            return Object;
        }
    }

    /// <summary><c>__mro__</c>: this class, then its bases up to <c>object</c> (single inheritance).</summary>
    public PyTuple Mro()
    {
        var list = new List<object?>();
        for (var t = this; t != null; t = t.Base) list.Add(t);
        return new PyTuple(list.ToArray());
    }
}
