using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's descriptor protocol for what a decorated method leaves in its class: a function binds
/// to the instance it is read through, <c>staticmethod</c> gives its function, <c>classmethod</c>
/// binds to the class, a property (or <c>functools.cached_property</c>) computes its value.
/// Generated code reads a decorated method's class-level value through these.
/// </summary>
public static class PyDescriptors
{
    /// <summary><c>obj.name</c> for a class-level <paramref name="value"/> of the object's class.</summary>
    public static object? BindInstance(object? value, object self) => value switch
    {
        PyFunc f => new PyBoundMethod(self, f),
        PyStaticMethod s => s.Func,
        PyClassMethod c => new PyBoundMethod(Py.Type(self), AsFunction(c.Func)),
        PyProperty p => p.Get(self),
        PyCachedProperty cp => cp.Get(self),
        _ => value,
    };

    /// <summary><c>Cls.name</c> for a class-level <paramref name="value"/> (looked up on <paramref name="cls"/>).</summary>
    public static object? BindClass(object? value, PyType cls) => value switch
    {
        PyStaticMethod s => s.Func,
        PyClassMethod c => new PyBoundMethod(cls, AsFunction(c.Func)),
        _ => value,
    };

    /// <summary>A classmethod may wrap any callable: as a function, for the bound method.</summary>
    static PyFunc AsFunction(object? callable) =>
        callable as PyFunc ?? new PyFunc(Py.TryGetAttr(callable, "__name__", out var n) ? Py.Str(n) : "function", (a, k) => Py.Call(callable, a, k));
}

/// <summary><c>staticmethod(f)</c>.</summary>
public sealed class PyStaticMethod(object? func) : IPyTypeNamed, IPyRepr
{
    public object? Func { get; } = func;
    public string PyTypeName => "staticmethod";
    public string PyModuleName => "builtins";
    public string PyRepr() => $"<staticmethod({Py.Repr(Func)})>";
}

/// <summary><c>classmethod(f)</c>.</summary>
public sealed class PyClassMethod(object? func) : IPyTypeNamed, IPyRepr
{
    public object? Func { get; } = func;
    public string PyTypeName => "classmethod";
    public string PyModuleName => "builtins";
    public string PyRepr() => $"<classmethod({Py.Repr(Func)})>";
}

/// <summary><c>property(fget, fset)</c>.</summary>
public sealed class PyProperty(object? getter, object? setter) : IPyTypeNamed, IPyRepr
{
    public object? Getter { get; } = getter;
    public object? Setter { get; } = setter;
    public string PyTypeName => "property";
    public string PyModuleName => "builtins";
    public string PyRepr() => $"<property object at {Py.FakeAddress(this)}>";

    public object? Get(object self) =>
        Getter is null ? throw new AttributeError($"property of '{Py.TypeName(self)}' object has no getter") : Py.Call(Getter, [self]);
}

/// <summary><c>functools.cached_property(f)</c>: computed on the first read through an instance, then kept for that instance.</summary>
public sealed class PyCachedProperty(object? func) : IPyTypeNamed, IPyRepr
{
    readonly ConditionalWeakTable<object, StrongBox<object?>> _values = new();

    public object? Func { get; } = func;
    public string PyTypeName => "cached_property";
    public string PyModuleName => "functools";
    public string PyRepr() => $"<functools.cached_property object at {Py.FakeAddress(this)}>";

    public object? Get(object self)
    {
        if (_values.TryGetValue(self, out var known)) return known.Value;
        var value = Py.Call(Func, [self]);
        return _values.GetValue(self, _ => new StrongBox<object?>(value)).Value;
    }
}
