namespace UnsyncMigrate.Runtime.Python;

/// <summary>Reads a module-level name of a translated module: false when the module does not bind it.</summary>
public delegate bool PyModuleGetter(string name, out object? value);

/// <summary>
/// One of the program's own modules as a value (<c>mods = [helpers]</c>, <c>getattr(helpers, name)</c>,
/// a module passed to a function): its attributes are the module class's globals, functions and
/// classes, read and assigned through the accessors the translation generates for it.
/// </summary>
public sealed class PyProgramModule(string name, string file, PyModuleGetter get, Func<string, object?, bool> set) : PyObjectBase
{
    public string Name { get; } = name;

    public override string PyTypeName => "module";

    public override bool TryGetAttr(string name, out object? value) => get(name, out value);

    /// <summary>A module global is assigned in the module's class; any other name is kept on the module object.</summary>
    public override bool TrySetAttr(string name, object? value) => set(name, value) || base.TrySetAttr(name, value);

    public override object? __repr__() => $"<module '{Name}' from '{file}'>";
}
