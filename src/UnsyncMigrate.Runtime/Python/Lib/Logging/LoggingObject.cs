namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// What logging's classes (Handler, Formatter, Filter) share as library classes a program class
/// may derive from: their methods by Python name (<see cref="TryCallOwn"/>, this class's own
/// implementation, which is also what a subclass's <c>super().name(...)</c> reaches), and
/// <c>__init__</c> as <see cref="IPyInit"/>. Calls between their methods go through
/// <see cref="Py.CallMethod(object?, string, object?[], PyKwargs?)"/> so a subclass's override runs.
/// </summary>
public abstract class LoggingObject : PyObjectBase, IPyInit
{
    public override string PyModuleName => "logging";

    public abstract void Init(object?[] args, PyKwargs? kwargs);

    /// <summary>The method <paramref name="name"/> as this class implements it; false when it has none of that name.</summary>
    protected abstract bool TryCallOwn(string name, object?[] args, PyKwargs? kwargs, out object? result);

    public override bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (name == "__init__")
        {
            Init(args, kwargs);
            result = null;
            return true;
        }
        return TryCallOwn(name, args, kwargs, out result) || base.TryCallMethod(name, args, kwargs, out result);
    }

    /// <summary>
    /// The class object of a logging class: callable (<paramref name="create"/> then <c>__init__</c>),
    /// its methods for <c>super()</c>, the CLR base's class as its base.
    /// </summary>
    protected static PyType ClassOf<T>(string name, Func<T> create, IReadOnlySet<string> methods) where T : LoggingObject
    {
        var type = new PyType(name, "logging", typeof(T), (a, k) =>
        {
            var o = create();
            o.Init(a, k);
            return o;
        })
        {
            InstanceMembers = member => member == "__init__" || methods.Contains(member)
                ? new PyInstanceMember { Method = (self, a, k) => ((T)self!).CallOwn(member, a, k), QualName = name + "." + member }
                : null,
        };
        PyType.RegisterRuntimeClass(type);
        return type;
    }

    object? CallOwn(string name, object?[] args, PyKwargs? kwargs)
    {
        if (name == "__init__") { Init(args, kwargs); return null; }
        return TryCallOwn(name, args, kwargs, out var result) ? result : throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'");
    }
}
