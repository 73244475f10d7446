namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// A library module as a value (<c>json</c> after <c>import json</c> inside <c>try</c>): its
/// attributes are the runtime's members of that module (<see cref="PyLibrary"/>).
/// </summary>
public sealed class PyLibraryModule(string name) : PyObjectBase
{
    public string Name { get; } = name;

    public override string PyTypeName => "module";

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "__name__")
        {
            value = Name;
            return true;
        }
        if (PyLibrary.TryGet(Name + "." + name, out value)) return true;
        if (PyLibrary.HasModule(Name + "." + name))
        {
            value = new PyLibraryModule(Name + "." + name);
            return true;
        }
        return false;
    }

    public override object? __repr__() => $"<module '{Name}'>";
}

public static partial class PyLibrary
{
    static readonly Lazy<HashSet<string>> s_modules = new(() =>
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in s_members.Keys)
            for (int dot = member.LastIndexOf('.'); dot > 0; dot = member.LastIndexOf('.', dot - 1))
                modules.Add(member[..dot]);
        return modules;
    });

    /// <summary>Whether the runtime has any member of the module <paramref name="name"/> (<c>json</c>, <c>os.path</c>).</summary>
    public static bool HasModule(string name) => s_modules.Value.Contains(name);
}

public static partial class Py
{
    /// <summary>
    /// <c>import NAME</c> run as a statement (its value assigned): the module, or Python's
    /// <c>ModuleNotFoundError</c> when the runtime has nothing of it, as when the library is not
    /// installed, so <c>try: import fast_json / except ImportError: import json</c> takes the fallback.
    /// </summary>
    public static object? ImportModule(string name) =>
        PyLibrary.HasModule(name) ? new PyLibraryModule(name) : throw new ModuleNotFoundError($"No module named '{name}'");

    /// <summary><c>from MODULE import NAME</c> run as a statement: the member, else the errors Python raises.</summary>
    public static object? ImportMember(string qualifiedName)
    {
        if (PyLibrary.TryGet(qualifiedName, out var value)) return value;
        if (PyLibrary.HasModule(qualifiedName)) return new PyLibraryModule(qualifiedName);
        int dot = qualifiedName.LastIndexOf('.');
        string module = qualifiedName[..dot], name = qualifiedName[(dot + 1)..];
        if (!PyLibrary.HasModule(module)) throw new ModuleNotFoundError($"No module named '{module}'");
        throw new ImportError($"cannot import name '{name}' from '{module}'");
    }
}

public static partial class Py
{
    /// <summary><c>from MODULE import NAME</c> of a program module that does not define NAME: Python's <c>ImportError</c>, raised by the import statement.</summary>
    public static void CannotImport(string name, string module) => throw new ImportError($"cannot import name '{name}' from '{module}'");

    /// <summary>Reading a name the program never binds: Python's <c>NameError</c>, raised where the read happens.</summary>
    public static object? Unbound(string name) => throw new NameError($"name '{name}' is not defined");
}

public static partial class PyLibrary
{
    /// <summary>
    /// Whether the runtime provides what a program reaches by <paramref name="path"/>: a member it
    /// has (<c>json.dumps</c>), or an attribute of one (<c>sys.stdout.write</c> on <c>sys.stdout</c>).
    /// A module alone does not count: <c>os.getcwd</c> is not provided because other os members are.
    /// A module used as a value (<c>mods = [json]</c>) is provided when the runtime has any of it.
    /// </summary>
    public static bool Provides(string path)
    {
        if (HasModule(path)) return true;
        for (string p = path; p.Contains('.'); p = p[..p.LastIndexOf('.')])
            if (s_members.ContainsKey(p)) return true;
        return false;
    }
}

public static partial class Py
{
    /// <summary>An expression the migration could not translate (reported as UM2001): raises when evaluated.</summary>
    public static object? NotTranslated(string what) => throw new NotSupportedException(what);
}
