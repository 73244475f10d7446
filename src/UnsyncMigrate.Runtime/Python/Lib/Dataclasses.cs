using System.Text;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// Base class for generated <c>@dataclass</c> classes: override <see cref="DataclassFieldNames"/> and
/// <see cref="DataclassFieldValues"/> (fields with <c>repr=True</c> / <c>compare=True</c> as
/// declared) and the flags. Gives the exact repr <c>Item(sku='A1', qty=120)</c>, field-wise
/// <c>==</c> with instances of the same class, ordering when <c>order=True</c>, and hash/frozen
/// behaviour as <c>@dataclass</c> does.
/// </summary>
public abstract class PyDataclass : PyObjectBase
{
    protected abstract string[] DataclassFieldNames { get; }
    protected abstract object?[] DataclassFieldValues();
    /// <summary>Names shown in the repr (fields declared with <c>repr=False</c> left out); all fields by default.</summary>
    protected virtual string[] DataclassReprNames => DataclassFieldNames;
    protected virtual object?[] DataclassReprValues() => DataclassFieldValues();
    protected virtual bool DataclassEq => true;
    protected virtual bool DataclassOrder => false;
    protected virtual bool DataclassFrozen => false;
    /// <summary><c>unsafe_hash=True</c>.</summary>
    protected virtual bool DataclassUnsafeHash => false;
    /// <summary>The class's <c>__qualname__</c> (e.g. <c>Outer.Inner</c>).</summary>
    protected virtual string DataclassQualName => PyTypeName;

    public override object? __repr__()
    {
        if (!Py.ReprEnter(this)) return "...";
        try { return Dataclasses.Repr(DataclassQualName, DataclassReprNames, DataclassReprValues()); }
        finally { Py.ReprLeave(this); }
    }

    public override object? __eq__(object? other)
    {
        if (!DataclassEq) return NotImplemented;
        if (other is null || other.GetType() != GetType()) return NotImplemented;
        return Py.Eq(new PyTuple(DataclassFieldValues()), new PyTuple(((PyDataclass)other).DataclassFieldValues()));
    }

    object? Order(object? other, Func<PyTuple, PyTuple, bool> cmp)
    {
        if (!DataclassOrder) return NotImplemented;
        if (other is null || other.GetType() != GetType()) return NotImplemented;
        return cmp(new PyTuple(DataclassFieldValues()), new PyTuple(((PyDataclass)other).DataclassFieldValues()));
    }

    public override object? __lt__(object? other) => Order(other, (a, b) => Py.Lt(a, b));
    public override object? __le__(object? other) => Order(other, (a, b) => Py.Le(a, b));
    public override object? __gt__(object? other) => Order(other, (a, b) => Py.Gt(a, b));
    public override object? __ge__(object? other) => Order(other, (a, b) => Py.Ge(a, b));

    public override object? __hash__()
    {
        if (DataclassUnsafeHash || (DataclassEq && DataclassFrozen)) return Py.Hash(new PyTuple(DataclassFieldValues()));
        if (DataclassEq) return null; // __hash__ = None: unhashable
        return NotImplemented;
    }

    /// <summary>An attribute the class does not declare: refused on a frozen instance, as any assignment is.</summary>
    public override bool TrySetAttr(string name, object? value)
    {
        CheckNotFrozen(name);
        return base.TrySetAttr(name, value);
    }

    /// <summary>Call from generated setters of a frozen dataclass.</summary>
    protected void CheckNotFrozen(string field)
    {
        if (DataclassFrozen && !_restoring) throw new FrozenInstanceError($"cannot assign to field '{field}'");
    }

    bool _restoring;

    /// <summary>While disposed of later, <paramref name="obj"/>'s fields may be set even if frozen (state restored from a worker process).</summary>
    internal static IDisposable? Restoring(object obj)
    {
        if (obj is not PyDataclass dc) return null;
        dc._restoring = true;
        return new RestoreScope(dc);
    }

    sealed class RestoreScope(PyDataclass dc) : IDisposable
    {
        public void Dispose() => dc._restoring = false;
    }

    internal string[] FieldNamesInternal => DataclassFieldNames;
    internal object?[] FieldValuesInternal() => DataclassFieldValues();
}

/// <summary><c>dataclasses.FrozenInstanceError</c>.</summary>
public class FrozenInstanceError : AttributeError
{
    public FrozenInstanceError(params object?[] args) : base(args) { }
    public override string PyTypeName => "FrozenInstanceError";
    public override string PyModuleName => "dataclasses";
}

/// <summary><c>dataclasses</c> helpers.</summary>
public static class Dataclasses
{
    /// <summary>The dataclass repr: <c>Name(a=1, b='x')</c>.</summary>
    public static string Repr(string qualName, string[] names, object?[] values)
    {
        var sb = new StringBuilder(qualName).Append('(');
        for (int i = 0; i < names.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(names[i]).Append('=').Append(Py.Repr(values[i]));
        }
        return sb.Append(')').ToString();
    }

    public static bool IsDataclass(object? obj) => obj is PyDataclass;

    /// <summary><c>asdict(obj)</c>: recursive copy into dicts (lists, tuples and dicts copied too).</summary>
    public static PyDict AsDict(object? obj)
    {
        if (obj is not PyDataclass dc) throw new TypeError("asdict() should be called on dataclass instances");
        return (PyDict)Convert(dc, asDict: true)!;
    }

    /// <summary><c>astuple(obj)</c>.</summary>
    public static PyTuple AsTuple(object? obj)
    {
        if (obj is not PyDataclass dc) throw new TypeError("astuple() should be called on dataclass instances");
        return (PyTuple)Convert(dc, asDict: false)!;
    }

    static object? Convert(object? o, bool asDict)
    {
        switch (o)
        {
            case PyDataclass dc:
                var names = dc.FieldNamesInternal;
                var values = dc.FieldValuesInternal();
                if (asDict)
                {
                    var d = new PyDict();
                    for (int i = 0; i < names.Length; i++) d[names[i]] = Convert(values[i], asDict);
                    return d;
                }
                return new PyTuple(values.Select(v => Convert(v, asDict)).ToArray());
            case PyList l: return new PyList(l.Select(v => Convert(v, asDict)));
            case PyTuple t: return new PyTuple(t.Items.Select(v => Convert(v, asDict)).ToArray());
            case PyDict d2:
                var r = d2 is DefaultDict dd ? new DefaultDict(dd.DefaultFactory) : d2 is Counter ? new Counter() : new PyDict();
                foreach (var kv in d2.Pairs) r[Convert(kv.Key, asDict)] = Convert(kv.Value, asDict);
                return r;
            default: return o;
        }
    }

    /// <summary>The field names of a dataclass instance (<c>[f.name for f in fields(obj)]</c>).</summary>
    public static PyTuple FieldNames(object? obj)
    {
        if (obj is not PyDataclass dc) throw new TypeError("must be called with a dataclass type or instance");
        return new PyTuple(dc.FieldNamesInternal.Cast<object?>().ToArray());
    }
}
