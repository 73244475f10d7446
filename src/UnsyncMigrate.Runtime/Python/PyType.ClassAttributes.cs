namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Looks up an attribute a generated class defines at class level (a class attribute, a
/// staticmethod or a classmethod) as seen through <paramref name="cls"/>, the class it was
/// looked up on (a subclass, for a classmethod's <c>cls</c>).
/// </summary>
public delegate bool ClassAttributeLookup(PyType cls, string name, out object? value);

public sealed partial class PyType
{
    /// <summary>The class-level attributes of a generated class, its own (not its bases').</summary>
    public ClassAttributeLookup? ClassAttributes { get; init; }

    /// <summary><c>Cls.name</c>: along the class's MRO, bound to this class.</summary>
    public bool TryGetClassAttribute(string name, out object? value)
    {
        foreach (var c in MroList)
            if (c.ClassAttributes != null && c.ClassAttributes(this, name, out value)) return true;
        value = null;
        return false;
    }
}
