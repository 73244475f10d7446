namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>A <c>dataclasses.Field</c> as <c>fields()</c> returns it (its name).</summary>
public sealed class DataclassField(string name) : IPyAttributes, IPyRepr
{
    public string Name { get; } = name;

    public bool TryGetPyAttr(string attr, out object? value)
    {
        value = Name;
        return attr == "name";
    }

    public bool TrySetPyAttr(string attr, object? value) => false;

    public string PyRepr() => $"Field(name={Py.Repr(Name)})";
}

/// <summary><c>dataclasses.fields()</c> and <c>dataclasses.replace()</c>.</summary>
public static class DataclassFunctions
{
    public static PyTuple Fields(object? obj) =>
        new(Dataclasses.FieldNames(obj).Select(n => (object?)new DataclassField((string)n!)).ToArray());

    /// <summary><c>replace(obj, **changes)</c>: a new instance through the class's constructor.</summary>
    public static object? Replace(object? obj, PyKwargs? changes)
    {
        if (obj is not PyDataclass dc) throw new TypeError("replace() should be called on dataclass instances");
        var kwargs = new PyKwargs();
        var values = dc.FieldValuesInternal();
        var names = dc.FieldNamesInternal;
        for (int i = 0; i < names.Length; i++)
            kwargs.Add(names[i], changes != null && changes.TryGet(names[i], out var v) ? v : values[i]);
        return Py.Type(obj).Call([], kwargs);
    }
}
