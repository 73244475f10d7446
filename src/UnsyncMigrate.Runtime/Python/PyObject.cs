using System.Collections;
using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// An instance of a class generated from a Python class. The translator generates these members
/// per class with a <c>switch</c> on the name (no reflection). Dunder methods the Python class
/// defines (<c>__repr__</c>, <c>__eq__</c>, <c>__len__</c>, ...) are reached through
/// <see cref="TryCallMethod"/> when the class does not derive from <see cref="PyObjectBase"/>.
/// </summary>
public interface IPyObject
{
    /// <summary>Python's <c>type(x).__name__</c>.</summary>
    string PyTypeName { get; }
    bool TryGetAttr(string name, out object? value);
    bool TrySetAttr(string name, object? value);
    /// <summary><c>del obj.name</c>: false when the object has no such attribute to delete.</summary>
    bool TryDelAttr(string name) => false;
    bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result);
}

/// <summary>Python's <c>NotImplemented</c>: what a binary dunder returns to let the other operand try.</summary>
public sealed class PyNotImplemented
{
    public static readonly PyNotImplemented Value = new();
    private PyNotImplemented() { }
    public override string ToString() => "NotImplemented";
}

/// <summary>
/// Base class for generated Python classes. Every dunder is virtual; the defaults return
/// <see cref="PyNotImplemented.Value"/> meaning "not defined", and the runtime then applies
/// Python's default behaviour (identity equality, <c>&lt;__main__.X object at 0x...&gt;</c> repr,
/// TypeError for a missing <c>__len__</c>, ...).
/// </summary>
public abstract class PyObjectBase : IPyObject
{
    protected static readonly object NotImplemented = PyNotImplemented.Value;

    public virtual string PyTypeName => GetType().Name;
    /// <summary>The module shown in the default repr and in <c>&lt;class '__main__.X'&gt;</c>.</summary>
    public virtual string PyModuleName => "__main__";

    // Attributes set on the object beyond the fields its class declares (Python: the instance __dict__).
    Dictionary<string, object?>? _attributes;

    /// <summary>
    /// What generated classes fall back to after their fields and properties: the object's own
    /// attributes, then its class's (class attributes, methods bound to this object...).
    /// </summary>
    public virtual bool TryGetAttr(string name, out object? value) =>
        TryGetOwnAttribute(name, out value) || PyType.TryGetInstanceAttribute(this, name, out value);

    /// <summary>An attribute the class does not declare: stored on the object, as Python does.</summary>
    public virtual bool TrySetAttr(string name, object? value)
    {
        PyType.CheckNotReplacingMethod(this, name);
        lock (this) (_attributes ??= [])[name] = value;
        return true;
    }

    /// <summary>
    /// <c>del obj.name</c>: an attribute set on the object, else a property's deleter along the
    /// object's MRO (generated classes handle their own properties first).
    /// </summary>
    public virtual bool TryDelAttr(string name)
    {
        lock (this)
            if (_attributes != null && _attributes.Remove(name)) return true;
        return PyType.TryDelMroProperty(this, name);
    }

    /// <summary>The attributes set on this object beyond its fields (what pickling carries besides them).</summary>
    internal KeyValuePair<string, object?>[] OwnAttributes()
    {
        lock (this) return _attributes?.ToArray() ?? [];
    }

    /// <summary>An attribute set on this object (not a field): it shadows the class's attribute of that name.</summary>
    internal bool TryGetOwnAttribute(string name, out object? value)
    {
        lock (this)
            if (_attributes != null && _attributes.TryGetValue(name, out value)) return true;
        value = null;
        return false;
    }

    public virtual bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        return false;
    }

    public virtual object? __repr__() => NotImplemented;
    public virtual object? __str__() => NotImplemented;
    public virtual object? __format__(string spec) => NotImplemented;
    public virtual object? __eq__(object? other) => NotImplemented;
    public virtual object? __ne__(object? other) => NotImplemented;
    public virtual object? __lt__(object? other) => NotImplemented;
    public virtual object? __le__(object? other) => NotImplemented;
    public virtual object? __gt__(object? other) => NotImplemented;
    public virtual object? __ge__(object? other) => NotImplemented;
    /// <summary>Return a long, <c>null</c> for "unhashable" (__hash__ = None), or NotImplemented for the identity default.</summary>
    public virtual object? __hash__() => NotImplemented;
    public virtual object? __bool__() => NotImplemented;
    public virtual object? __len__() => NotImplemented;
    /// <summary>Return an <see cref="IEnumerable{T}"/> of object?.</summary>
    public virtual object? __iter__() => NotImplemented;
    public virtual object? __contains__(object? item) => NotImplemented;
    public virtual object? __getitem__(object? key) => NotImplemented;
    public virtual object? __setitem__(object? key, object? value) => NotImplemented;
    public virtual object? __delitem__(object? key) => NotImplemented;
    public virtual object? __call__(object?[] args, PyKwargs? kwargs) => NotImplemented;
    public virtual object? __enter__() => NotImplemented;
    public virtual object? __exit__(object? excType, object? exc, object? tb) => NotImplemented;

    public virtual object? __add__(object? other) => NotImplemented;
    public virtual object? __radd__(object? other) => NotImplemented;
    public virtual object? __sub__(object? other) => NotImplemented;
    public virtual object? __rsub__(object? other) => NotImplemented;
    public virtual object? __mul__(object? other) => NotImplemented;
    public virtual object? __rmul__(object? other) => NotImplemented;
    public virtual object? __truediv__(object? other) => NotImplemented;
    public virtual object? __rtruediv__(object? other) => NotImplemented;
    public virtual object? __floordiv__(object? other) => NotImplemented;
    public virtual object? __rfloordiv__(object? other) => NotImplemented;
    public virtual object? __mod__(object? other) => NotImplemented;
    public virtual object? __rmod__(object? other) => NotImplemented;
    public virtual object? __pow__(object? other) => NotImplemented;
    public virtual object? __rpow__(object? other) => NotImplemented;
    public virtual object? __matmul__(object? other) => NotImplemented;
    public virtual object? __rmatmul__(object? other) => NotImplemented;
    public virtual object? __and__(object? other) => NotImplemented;
    public virtual object? __rand__(object? other) => NotImplemented;
    public virtual object? __or__(object? other) => NotImplemented;
    public virtual object? __ror__(object? other) => NotImplemented;
    public virtual object? __xor__(object? other) => NotImplemented;
    public virtual object? __rxor__(object? other) => NotImplemented;
    public virtual object? __lshift__(object? other) => NotImplemented;
    public virtual object? __rlshift__(object? other) => NotImplemented;
    public virtual object? __rshift__(object? other) => NotImplemented;
    public virtual object? __rrshift__(object? other) => NotImplemented;
    public virtual object? __neg__() => NotImplemented;
    public virtual object? __pos__() => NotImplemented;
    public virtual object? __abs__() => NotImplemented;
    public virtual object? __invert__() => NotImplemented;
    public virtual object? __int__() => NotImplemented;
    public virtual object? __float__() => NotImplemented;
    public virtual object? __index__() => NotImplemented;

    public override string ToString() => Py.Str(this);
}

/// <summary>Keyword arguments of a call, in order: <c>new PyKwargs { { "key", f }, { "reverse", true } }</c>.</summary>
public sealed class PyKwargs : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = new();

    public PyKwargs() { }
    public PyKwargs(IEnumerable<KeyValuePair<string, object?>> items) { foreach (var kv in items) Add(kv.Key, kv.Value); }

    public int Count => _items.Count;
    public IEnumerable<string> Names => _items.Select(kv => kv.Key);

    public void Add(string name, object? value)
    {
        for (int i = 0; i < _items.Count; i++)
            if (_items[i].Key == name)
                throw new TypeError($"got multiple values for keyword argument '{name}'");
        _items.Add(new(name, value));
    }

    public bool TryGet(string name, out object? value)
    {
        foreach (var kv in _items)
            if (kv.Key == name) { value = kv.Value; return true; }
        value = null;
        return false;
    }

    public object? Get(string name, object? defaultValue = null) => TryGet(name, out var v) ? v : defaultValue;
    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>A <c>**kwargs</c> dict with the keywords, in order.</summary>
    public PyDict ToDict()
    {
        var d = new PyDict();
        foreach (var kv in _items) d[kv.Key] = kv.Value;
        return d;
    }

    /// <summary>From <c>**mapping</c> at a call site.</summary>
    public static PyKwargs FromMapping(object? mapping)
    {
        var k = new PyKwargs();
        foreach (var key in Py.Iter(mapping))
        {
            if (key is not string s) throw new TypeError("keywords must be strings");
            k.Add(s, Py.GetItem(mapping, key));
        }
        return k;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Something <see cref="Py.Call"/> can call.</summary>
public interface IPyCallable
{
    object? Call(object?[] args, PyKwargs? kwargs);
}

/// <summary>A Python function passed around as a value: a name (for repr and <c>__name__</c>) and a body.</summary>
public sealed class PyFunc : IPyCallable, IPyRepr
{
    public string Name { get; set; }
    public string QualName { get; set; }
    public string Module { get; set; } = "__main__";
    public string? Doc { get; set; }
    public Func<object?[], PyKwargs?, object?> Body { get; }
    /// <summary>Attributes set on the function object (<c>f.calls = 0</c>), and <c>__wrapped__</c>.</summary>
    public PyDict Dict { get; } = new();
    /// <summary>
    /// The process target that runs this function in a worker process (set for the program's
    /// module-level functions that unsync wraps with <c>cpu_bound</c>): <see cref="Interop.PyUnsync.Wrap"/>
    /// sends calls there, as unsync sends them to its process pool. Null: not reachable from a worker.
    /// </summary>
    public string? ProcessTarget { get; set; }
    /// <summary>The class whose method this function is (<see cref="PyType.Method"/>): looked up through an instance, it binds to it.</summary>
    public PyType? MethodOwner { get; init; }
    /// <summary>The method's name in its class (<see cref="Name"/> is <c>__name__</c>, which the program may change).</summary>
    public string? MethodName { get; init; }

    public PyFunc(string name, Func<object?[], PyKwargs?, object?> body, string? qualName = null)
    {
        Name = name;
        QualName = qualName ?? name;
        Body = body;
    }

    public PyFunc(string name, Func<object?> body) : this(name, (a, k) => { Py.CheckArgs(name, a, k, 0); return body(); }) { }
    public PyFunc(string name, Func<object?, object?> body) : this(name, (a, k) => { Py.CheckArgs(name, a, k, 1); return body(a[0]); }) { }
    public PyFunc(string name, Func<object?, object?, object?> body) : this(name, (a, k) => { Py.CheckArgs(name, a, k, 2); return body(a[0], a[1]); }) { }
    public PyFunc(string name, Func<object?, object?, object?, object?> body) : this(name, (a, k) => { Py.CheckArgs(name, a, k, 3); return body(a[0], a[1], a[2]); }) { }

    public static PyFunc Lambda(Func<object?, object?> body) => new("<lambda>", body);
    public static PyFunc Lambda(Func<object?, object?, object?> body) => new("<lambda>", body);

    public object? Call(object?[] args, PyKwargs? kwargs) => Body(args, kwargs);
    public object? Invoke(params object?[] args) => Body(args, null);

    public string Repr() => $"<function {QualName} at {Py.FakeAddress(this)}>";
    public string PyRepr() => Repr();
    public override string ToString() => Repr();
}

/// <summary>A Python class object: <c>&lt;class 'list'&gt;</c>, <c>&lt;class '__main__.Item'&gt;</c>. Calling it constructs.</summary>
public sealed partial class PyType : IPyCallable, IPyRepr
{
    public string Name { get; }
    public string Module { get; }
    public Type? ClrType { get; }
    private readonly Func<object?[], PyKwargs?, object?>? _ctor;

    public PyType(string name, string module, Type? clrType, Func<object?[], PyKwargs?, object?>? ctor)
    {
        Name = name;
        Module = module;
        ClrType = clrType;
        _ctor = ctor;
        Register(this);
    }

    public string QualifiedName => Module == "builtins" ? Name : Module + "." + Name;
    public string Repr() => $"<class '{QualifiedName}'>";
    public string PyRepr() => Repr();
    public override string ToString() => Repr();
    public override bool Equals(object? obj) => obj is PyType t && t.Name == Name && t.Module == Module;
    public override int GetHashCode() => HashCode.Combine(Name, Module);

    public object? Call(object?[] args, PyKwargs? kwargs)
    {
        if (_ctor is null) throw new TypeError($"cannot create '{Name}' instances");
        return _ctor(args, kwargs);
    }

    static object? Arg0(string name, object?[] a, PyKwargs? k, int max = 1)
    {
        if (k is { Count: > 0 }) throw new TypeError($"{name}() takes no keyword arguments");
        if (a.Length > max) throw new TypeError($"{name} expected at most {max} argument{(max == 1 ? "" : "s")}, got {a.Length}");
        return a.Length > 0 ? a[0] : null;
    }

    public static readonly PyType Int = new("int", "builtins", typeof(long), (a, k) =>
        a.Length == 0 ? 0L : a.Length == 1 ? Py.Int(a[0]) : Py.Int(a[0], Py.ToLong(a[1])));
    public static readonly PyType Float = new("float", "builtins", typeof(double), (a, k) => a.Length == 0 ? 0.0 : Py.Float(Arg0("float", a, k)));
    public static readonly PyType Str = new("str", "builtins", typeof(string), (a, k) => a.Length == 0 ? "" : Py.Str(Arg0("str", a, k)));
    public static readonly PyType Bool = new("bool", "builtins", typeof(bool), (a, k) => a.Length != 0 && Py.IsTrue(Arg0("bool", a, k)));
    public static readonly PyType List = new("list", "builtins", typeof(PyList), (a, k) => a.Length == 0 ? new PyList() : Py.List(Arg0("list", a, k)));
    public static readonly PyType Tuple = new("tuple", "builtins", typeof(PyTuple), (a, k) => a.Length == 0 ? PyTuple.Empty : Py.Tuple(Arg0("tuple", a, k)));
    public static readonly PyType Dict = new("dict", "builtins", typeof(PyDict), (a, k) => Py.Dict(a, k));
    public static readonly PyType Set = new("set", "builtins", typeof(PySet), (a, k) => a.Length == 0 ? new PySet() : Py.Set(Arg0("set", a, k)));
    public static readonly PyType FrozenSet = new("frozenset", "builtins", typeof(PySet), (a, k) => a.Length == 0 ? PySet.Frozen(Array.Empty<object?>()) : PySet.Frozen(Py.Iter(Arg0("frozenset", a, k))));
    public static readonly PyType Bytes = new("bytes", "builtins", typeof(PyBytes), (a, k) => a.Length == 0 ? PyBytes.Empty : PyBytes.From(a[0], a.Length > 1 ? a[1] as string : null));
    public static readonly PyType Object = new("object", "builtins", typeof(object), (a, k) => new object());
    public static readonly PyType NoneType = new("NoneType", "builtins", null, (a, k) => null);
    public static readonly PyType Slice = new("slice", "builtins", typeof(PySlice), (a, k) => PySlice.Create(a));
    public static readonly PyType Range = new("range", "builtins", typeof(PyRange), (a, k) => Py.Range(a));
    public static readonly PyType Function = new("function", "builtins", typeof(PyFunc), null);
    public static readonly PyType Type = new("type", "builtins", typeof(PyType), (a, k) => Py.Type(Arg0("type", a, k)));
}

/// <summary>
/// A Python iterator: single pass and stateful, so <c>it = iter(xs)</c> followed by two
/// <c>islice(it, 3)</c> reads six different items. <see cref="GetEnumerator"/> hands out views that
/// share the position and never dispose the source, so a <c>break</c> out of a <c>foreach</c> leaves
/// the iterator usable as in Python. Generators should be wrapped with <see cref="Py.Generator"/>.
/// </summary>
public class PyIterator : IEnumerable<object?>, IPyRepr, IPyMethods
{
    /// <summary>A generator's <c>close()</c>: its body is stopped where it paused (its finally blocks run); later next() ends at once.</summary>
    public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        if (name != "close" || KindName != "generator" || args.Length != 0) return false;
        if (_exhausted) return true;
        _exhausted = true;
        _source.Dispose();
        return true;
    }

    public HashSet<string> PyMethodNames => KindName == "generator" ? s_generatorMethods : [];
    static readonly HashSet<string> s_generatorMethods = ["close"];

    private readonly IEnumerator<object?> _source;
    private bool _exhausted;
    public string KindName { get; }

    public PyIterator(IEnumerable<object?> source, string kindName = "iterator") : this(source.GetEnumerator(), kindName) { }

    public PyIterator(IEnumerator<object?> source, string kindName = "iterator")
    {
        _source = source;
        KindName = kindName;
    }

    /// <summary>Advance; false (and exhausted for good) at the end.</summary>
    public bool TryNext(out object? value)
    {
        if (_exhausted) { value = null; return false; }
        bool ok;
        try
        {
            ok = _source.MoveNext();
        }
        catch
        {
            _exhausted = true;
            throw;
        }
        if (!ok)
        {
            _exhausted = true;
            _source.Dispose();
            value = null;
            return false;
        }
        value = _source.Current;
        return true;
    }

    /// <summary>Python's <c>next(it)</c>: StopIteration at the end.</summary>
    public object? Next() => TryNext(out var v) ? v : throw new StopIteration();

    public IEnumerator<object?> GetEnumerator() => new View(this);
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => PyRepr();
    public string PyRepr() => $"<{KindName} object at {Py.FakeAddress(this)}>";

    private sealed class View(PyIterator owner) : IEnumerator<object?>
    {
        public object? Current { get; private set; }
        object? IEnumerator.Current => Current;
        public bool MoveNext()
        {
            if (owner.TryNext(out var v)) { Current = v; return true; }
            Current = null;
            return false;
        }
        public void Reset() => throw new NotSupportedException();
        public void Dispose() { }
    }
}

/// <summary>Python's <c>slice(start, stop, step)</c>; any part may be null.</summary>
public sealed class PySlice : IPyRepr, IPyAttributes
{
    /// <summary>Python's <c>slice(stop)</c>, <c>slice(start, stop[, step])</c>.</summary>
    internal static PySlice Create(object?[] args) => args.Length switch
    {
        1 => new(null, args[0]),
        2 => new(args[0], args[1]),
        3 => new(args[0], args[1], args[2]),
        0 => throw new TypeError("slice expected at least 1 argument, got 0"),
        _ => throw new TypeError($"slice expected at most 3 arguments, got {args.Length}"),
    };

    public bool TryGetPyAttr(string name, out object? value)
    {
        value = name switch { "start" => Start, "stop" => Stop, "step" => Step, _ => null };
        return name is "start" or "stop" or "step";
    }

    /// <summary>A slice's attributes are read-only (AttributeError, as Python's).</summary>
    public bool TrySetPyAttr(string name, object? value) => false;

    public object? Start { get; }
    public object? Stop { get; }
    public object? Step { get; }

    public PySlice(object? start, object? stop, object? step = null)
    {
        Start = start;
        Stop = stop;
        Step = step;
    }

    /// <summary>Python's <c>slice.indices(length)</c>: (start, stop, step) clipped to the sequence.</summary>
    public (long Start, long Stop, long Step) Indices(long length)
    {
        long step = Step is null ? 1 : Py.IndexValue(Step);
        if (step == 0) throw new ValueError("slice step cannot be zero");
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? length - 1 : length;
        long Clip(object? v, long dflt)
        {
            if (v is null) return dflt;
            long i = Py.IndexValue(v);
            if (i < 0)
            {
                i += length;
                if (i < lower) i = lower;
            }
            else if (i > upper) i = upper;
            return i;
        }
        long start = Clip(Start, step < 0 ? upper : lower);
        long stop = Clip(Stop, step < 0 ? lower : upper);
        return (start, stop, step);
    }

    /// <summary>Number of items the slice selects from a sequence of this length.</summary>
    public static long SliceLength(long start, long stop, long step)
    {
        if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
        return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    }

    public string Repr() => $"slice({Py.Repr(Start)}, {Py.Repr(Stop)}, {Py.Repr(Step)})";
    public string PyRepr() => Repr();
    public override string ToString() => Repr();
}

/// <summary>Reference-identity comparer (for recursion guards and <c>id()</c>).</summary>
internal sealed class RefComparer : IEqualityComparer<object>
{
    public static readonly RefComparer Instance = new();
    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);
    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
