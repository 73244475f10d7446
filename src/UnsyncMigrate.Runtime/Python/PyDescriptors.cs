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
        PyFunc f => new PyBoundFunction(self, f),
        PyStaticMethod s => s.Func,
        PyClassMethod c => new PyBoundFunction(Py.Type(self), c.Func),
        PyProperty p => p.Get(self),
        PyCachedProperty cp => cp.Get(self),
        _ => value,
    };

    /// <summary><c>Cls.name</c> for a class-level <paramref name="value"/> (looked up on <paramref name="cls"/>).</summary>
    public static object? BindClass(object? value, PyType cls) => value switch
    {
        PyStaticMethod s => s.Func,
        PyClassMethod c => new PyBoundFunction(cls, c.Func),
        _ => value,
    };
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

/// <summary>
/// A function bound to the object (or class) it was read through: calling it passes that object
/// first; its other attributes are the function's (<c>__name__</c>, <c>cache_info</c>...).
/// </summary>
public sealed class PyBoundFunction(object self, object? function) : IPyCallable, IPyRepr, IPyAttributes, IPyTypeNamed
{
    public object Self { get; } = self;
    public object? Function { get; } = function;

    public object? Call(object?[] args, PyKwargs? kwargs) => Py.Call(Function, [Self, .. args], kwargs);

    public string PyTypeName => "method";
    public string PyModuleName => "builtins";

    public string PyRepr() =>
        $"<bound method {(Py.TryGetAttr(Function, "__qualname__", out var q) ? Py.Str(q) : "?")} of {Py.Repr(Self)}>";

    public override string ToString() => PyRepr();

    public bool TryGetPyAttr(string name, out object? value)
    {
        switch (name)
        {
            case "__self__": value = Self; return true;
            case "__func__": value = Function; return true;
        }
        return Py.TryGetAttr(Function, name, out value);
    }

    public bool TrySetPyAttr(string name, object? value) => false;
}
