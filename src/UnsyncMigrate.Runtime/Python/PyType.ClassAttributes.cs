namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Looks up an attribute a generated class defines at class level (a class attribute, a method,
/// a staticmethod or a classmethod) as seen through <paramref name="cls"/>, the class it was
/// looked up on (a subclass, for a classmethod's <c>cls</c>).
/// </summary>
public delegate bool ClassAttributeLookup(PyType cls, string name, out object? value);

/// <summary>Stores <paramref name="value"/> into a class attribute the generated class declares (its static field); false for any other name.</summary>
public delegate bool ClassAttributeStore(string name, object? value);

// A class's namespace (Python: the class __dict__): what the class body declares, held by the
// generated class (static fields, methods), and what the program assigns to the class later
// (Cls.new_attr = v, or Sub.inherited = v, which shadows the base's value for Sub only).
public sealed partial class PyType
{
    /// <summary>The class-level attributes of a generated class, its own (not its bases').</summary>
    public ClassAttributeLookup? ClassAttributes { get; init; }

    /// <summary>Assigns the class attributes the generated class declares.</summary>
    public ClassAttributeStore? ClassAttributeStore { get; init; }

    // Attributes assigned at run time that the class body does not declare.
    readonly Dictionary<string, object?> _assigned = [];

    /// <summary><c>Cls.name</c>: along the class's MRO, bound to this class.</summary>
    public bool TryGetClassAttribute(string name, out object? value)
    {
        foreach (var c in MroList)
            if (c.TryGetOwnAttribute(this, name, out value)) return true;
        value = null;
        return false;
    }

    /// <summary>What this class's own namespace holds for <paramref name="name"/>, seen through <paramref name="lookedUpOn"/>.</summary>
    bool TryGetOwnAttribute(PyType lookedUpOn, string name, out object? value)
    {
        lock (_assigned)
            if (_assigned.TryGetValue(name, out value)) return true;
        if (ClassAttributes != null && ClassAttributes(lookedUpOn, name, out value)) return true;
        value = null;
        return false;
    }

    /// <summary><c>Cls.name = value</c>, <c>setattr(Cls, name, value)</c>.</summary>
    public void SetClassAttribute(string name, object? value)
    {
        if (ClrType == null || !IsUserClass(ClrType)) throw new TypeError($"cannot set '{name}' attribute of immutable type '{Name}'");
        CheckNotReplacingMethod(this, name);
        if (ClassAttributeStore != null && ClassAttributeStore(name, value)) return;
        lock (_assigned) _assigned[name] = value;
    }

    /// <summary>
    /// <c>obj.name</c> found on the object's class, along its MRO: a method bound to <paramref name="self"/>,
    /// a property's or a decorated method's value (<see cref="InstanceMembers"/>), anything else
    /// (class attributes, staticmethods, classmethods bound to the class) as the class holds it.
    /// </summary>
    internal static bool TryGetInstanceAttribute(object self, string name, out object? value)
    {
        var cls = Py.Type(self);
        foreach (var c in cls.MroList)
        {
            // A method is the class's function object (below), so obj.m == obj.m holds.
            if (c.InstanceMembers?.Invoke(name) is { Method: null } member)
            {
                value = member.Get!(self);
                return true;
            }
            if (!c.TryGetOwnAttribute(cls, name, out value)) continue;
            if (value is PyFunc { MethodOwner: not null } method) value = new PyBoundMethod(self, method);
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Generated code calls a method directly (<c>self.m()</c> is a C# call), so a value assigned
    /// over it at run time (<c>obj.m = f</c>, <c>Cls.m = f</c>) would be seen by some calls and not
    /// others: refused instead.
    /// </summary>
    internal static void CheckNotReplacingMethod(object target, string name)
    {
        var cls = target as PyType ?? Py.Type(target);
        if (cls.TryGetClassAttribute(name, out var existing) && existing is PyFunc { MethodOwner: not null })
            throw new NotSupportedException($"replacing the method '{name}' of class '{cls.Name}' at run time is not supported by the migrated program");
    }
}
