namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's bound method (<c>obj.m</c> not called): the instance and the class's function.
/// Calling it calls the method on the instance; two are equal when they bind the same function
/// to the same object (by identity), as in Python 3.8+.
/// </summary>
public sealed class PyBoundMethod(object self, PyFunc function) : IPyCallable, IPyRepr, IPyEquatable, IPyHashable, IPyAttributes, IPyTypeNamed
{
    /// <summary><c>__self__</c>.</summary>
    public object Self { get; } = self;
    /// <summary><c>__func__</c>: the function as the class holds it.</summary>
    public PyFunc Function { get; } = function;

    public object? Call(object?[] args, PyKwargs? kwargs) =>
        // The method was found along type(self).__mro__, so the virtual C# call runs that very method.
        Function.MethodOwner != null ? PyType.CallMethodOf(Self, Function.MethodName!, args, kwargs) : Function.Call([Self, .. args], kwargs);

    public string PyRepr() => $"<bound method {Function.QualName} of {Py.Repr(Self)}>";
    public override string ToString() => PyRepr();

    public bool PyEquals(object? other) => other is PyBoundMethod m && ReferenceEquals(m.Self, Self) && ReferenceEquals(m.Function, Function);
    public long PyHash() => Py.Hash(PyTuple.Of(Py.Id(Self), Py.Id(Function)));

    public string PyTypeName => "method";
    public string PyModuleName => "builtins";

    /// <summary><c>__self__</c>, <c>__func__</c>; other attributes are the function's (<c>__name__</c>, <c>__doc__</c>...).</summary>
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
