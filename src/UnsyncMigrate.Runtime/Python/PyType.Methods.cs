using System.Collections.Concurrent;

namespace UnsyncMigrate.Runtime.Python;

// The methods of a generated class as Python values. The C# methods are virtual, so a method
// called through an instance runs the override of the instance's class, which is the one
// Python's lookup along type(obj).__mro__ finds.
public sealed partial class PyType
{
    readonly ConcurrentDictionary<string, PyFunc> _methods = new();

    /// <summary>
    /// A <c>def</c> of this class's body as the class holds it (generated classes return it from
    /// their <see cref="ClassAttributes"/>): one function object per method, which takes the
    /// instance first (<c>Cls.m(obj, x)</c>) and is bound when looked up through an instance.
    /// </summary>
    public PyFunc Method(string name, string qualName, string? doc = null) =>
        _methods.GetOrAdd(name, n => new PyFunc(n, (a, k) => CallUnbound(n, qualName, a, k), qualName) { MethodOwner = this, MethodName = n, Doc = doc, Module = Module });

    /// <summary><c>Cls.m(obj, ...)</c>: this class's method run on <c>obj</c>.</summary>
    object? CallUnbound(string name, string qualName, object?[] args, PyKwargs? kwargs)
    {
        if (args.Length == 0) throw new TypeError($"{qualName}() missing 1 required positional argument: 'self'");
        var self = args[0];
        // Dispatch is virtual: it runs this class's method only when no subclass of it between
        // here and type(obj) overrides the method (Base.m(self) inside Sub.m is the case it cannot run).
        var definer = DefiningClass(Py.Type(self), name);
        if (definer != null && !ReferenceEquals(definer, this))
            throw new NotSupportedException($"calling {qualName}() on a '{definer.Name}' object, whose class overrides {name}(), is not supported by the migrated program");
        return CallMethodOf(self, name, args[1..], kwargs);
    }

    /// <summary>The first class along <paramref name="cls"/>'s MRO whose own namespace has <paramref name="name"/>.</summary>
    static PyType? DefiningClass(PyType cls, string name)
    {
        foreach (var c in cls.MroList)
            if (c.TryGetOwnAttribute(cls, name, out _)) return c;
        return null;
    }

    /// <summary>Runs the method <paramref name="name"/> of a generated object (a bound method's call).</summary>
    internal static object? CallMethodOf(object? self, string name, object?[] args, PyKwargs? kwargs)
    {
        if (self is IPyObject p && p.TryCallMethod(name, args, kwargs, out var result)) return result;
        throw new AttributeError($"'{Py.TypeName(self)}' object has no attribute '{name}'");
    }
}
