namespace UnsyncMigrate.Runtime.Python;

/// <summary>A method of a generated class as its implementation: the instance, then the call's arguments.</summary>
public delegate object? PyMethodImpl(object? self, object?[] args, PyKwargs? kwargs);

/// <summary>
/// What a class body defines for its instances under one name: a method, a property (getter,
/// setter), or a class-level value bound when read through an instance (a decorated method).
/// </summary>
public sealed class PyInstanceMember
{
    public PyMethodImpl? Method { get; init; }
    /// <summary>The method's <c>__qualname__</c> (for the bound method <c>super().m</c> gives).</summary>
    public string QualName { get; init; } = "";
    public Func<object?, object?>? Get { get; init; }
    public Action<object?, object?>? Set { get; init; }
    /// <summary>A property's deleter (<c>del obj.name</c>).</summary>
    public Action<object?>? Delete { get; init; }
    /// <summary>A property: an assignment of this name goes to <see cref="Set"/> (Python's data descriptor).</summary>
    public bool IsProperty { get; init; }

    /// <summary>The member read through <paramref name="self"/>: this very method bound to it, a property's value.</summary>
    internal object? Read(object? self, string name)
    {
        if (Method is { } method)
            return new PyBoundMethod(self!, new PyFunc(name, (a, k) => method(a[0], a[1..], k), QualName));
        return Get!(self);
    }

    internal object? Invoke(object? self, string name, object?[] args, PyKwargs? kwargs) =>
        Method is { } method ? method(self, args, kwargs) : Py.Call(Get!(self), args, kwargs);
}

// Attribute lookup along the MRO for classes of several bases. Their instances inherit in C#
// from one base only, so what the other bases define is reached through each class's own
// members (InstanceMembers, then its namespace) in the order of type(obj).__mro__, as Python
// does. Reading an attribute is the runtime's fallback for every object (TryGetInstanceAttribute).
public sealed partial class PyType
{
    /// <summary>The members the class body defines for instances (its own, not its bases'); null when the class has none.</summary>
    public Func<string, PyInstanceMember?>? InstanceMembers { get; init; }

    /// <summary><c>obj.name(*args, **kwargs)</c> for a method found along the object's MRO.</summary>
    public static bool TryCallMroMethod(object self, string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        var cls = Py.Type(self);
        foreach (var t in cls.MroList)
        {
            if (t.InstanceMembers?.Invoke(name) is { } member)
            {
                result = member.Invoke(self, name, args, kwargs);
                return true;
            }
            if (t.TryGetOwnAttribute(cls, name, out var value))
            {
                result = Py.Call(Bind(value, self), args, kwargs);
                return true;
            }
        }
        result = null;
        return false;
    }

    /// <summary>
    /// A dunder the runtime calls on the C# object (<c>__repr__</c>, <c>__str__</c>, <c>__hash__</c>):
    /// the method found along the object's MRO, or NotImplemented ("not defined") when there is none.
    /// </summary>
    public static object? CallMroDunder(object self, string name) =>
        TryCallMroMethod(self, name, [], null, out var result) ? result : PyNotImplemented.Value;

    /// <summary><c>obj.name = value</c> for a property found along the object's MRO; false when no class of it defines a property of that name.</summary>
    public static bool TrySetMroProperty(object self, string name, object? value)
    {
        foreach (var t in Py.Type(self).MroList)
        {
            if (t.InstanceMembers?.Invoke(name) is not { IsProperty: true } member) continue;
            if (member.Set is not { } set) throw Py.PropertyWithoutSetter(self, name);
            set(self, value);
            return true;
        }
        return false;
    }

    /// <summary><c>del obj.name</c> for a property found along the object's MRO; false when no class of it defines a property of that name.</summary>
    public static bool TryDelMroProperty(object self, string name)
    {
        foreach (var t in Py.Type(self).MroList)
        {
            if (t.InstanceMembers?.Invoke(name) is not { IsProperty: true } member) continue;
            if (member.Delete is not { } delete) throw Py.PropertyWithoutDeleter(self, name);
            delete(self);
            return true;
        }
        return false;
    }

    /// <summary>
    /// <c>super().name(*args, **kwargs)</c> in a method of <paramref name="from"/>: the next class
    /// after it along <c>type(self).__mro__</c> (of <paramref name="self"/> itself in a classmethod)
    /// that defines the name, so cooperative calls visit every class of a diamond once.
    /// </summary>
    public static object? SuperCall(PyType from, object? self, string name, object?[] args, PyKwargs? kwargs)
    {
        var cls = self as PyType ?? Py.Type(self);
        var mro = cls.MroList;
        for (int i = IndexInMro(mro, from) + 1; i < mro.Count; i++)
        {
            var t = mro[i];
            if (t.InstanceMembers?.Invoke(name) is { } member) return member.Invoke(self, name, args, kwargs);
            if (t.TryGetOwnAttribute(cls, name, out var value)) return Py.Call(Bind(value, self), args, kwargs);
            if (BuiltinSuper.TryCall(t, self, name, args, kwargs, out var result)) return result;
        }
        throw new AttributeError($"'super' object has no attribute '{name}'");
    }

    /// <summary><c>super().name</c> not called (a property of a base, a method as a value).</summary>
    public static object? SuperGetAttr(PyType from, object? self, string name)
    {
        var cls = self as PyType ?? Py.Type(self);
        var mro = cls.MroList;
        for (int i = IndexInMro(mro, from) + 1; i < mro.Count; i++)
        {
            var t = mro[i];
            if (t.InstanceMembers?.Invoke(name) is { } member) return member.Read(self, name);
            if (t.TryGetOwnAttribute(cls, name, out var value)) return Bind(value, self);
        }
        throw new AttributeError($"'super' object has no attribute '{name}'");
    }

    /// <summary>A class statement's last step: <c>super(cls, cls).__init_subclass__(**kwargs)</c>.</summary>
    public static void InitSubclass(PyType cls, PyKwargs? kwargs) => SuperCall(cls, cls, "__init_subclass__", [], kwargs);

    /// <summary>A def of a class's body (its function object) bound to the instance; other class-level values as they are.</summary>
    static object? Bind(object? value, object? self) =>
        value is PyFunc { MethodOwner: not null } method && self is not PyType ? new PyBoundMethod(self!, method) : value;

    static int IndexInMro(IReadOnlyList<PyType> mro, PyType from)
    {
        for (int i = 0; i < mro.Count; i++)
            if (ReferenceEquals(mro[i], from)) return i;
        throw new TypeError("super(type, obj): obj must be an instance or subtype of type");
    }
}
