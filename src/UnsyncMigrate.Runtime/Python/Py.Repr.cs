using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    /// <summary>Python's <c>str(x)</c>.</summary>
    public static string Str(object? o)
    {
        switch (o)
        {
            case string s: return s;
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case null: return "None";
            case bool b: return b ? "True" : "False";
            case double d: return PyFloat.Repr(d);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case BigInteger big: return IntToString(big);
            case PyBaseException e: return e.PyStr();
            case PyObjectBase p:
                {
                    var r = p.__str__();
                    if (r is PyNotImplemented) return Repr(p);
                    return DunderString("__str__", r);
                }
            case IPyObject po:
                if (po.TryCallMethod("__str__", Array.Empty<object?>(), null, out var res))
                    return DunderString("__str__", res);
                return Repr(po);
            default: return Repr(o);
        }
    }

    /// <summary>What a class's <c>__str__</c> or <c>__repr__</c> returned, which str()/repr() require to be a str (CPython's TypeError otherwise).</summary>
    public static string DunderString(string dunder, object? result) =>
        result as string ?? throw new TypeError($"{dunder} returned non-string (type {TypeName(result)})");

    public static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);
    public static string Str(double v) => PyFloat.Repr(v);
    public static string Str(bool v) => v ? "True" : "False";
    public static string Str(string? v) => v ?? "None";

    /// <summary>Python's <c>repr(x)</c>.</summary>
    public static string Repr(object? o)
    {
        switch (o)
        {
            case string s: return PyStr.Repr(s);
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case null: return "None";
            case bool b: return b ? "True" : "False";
            case double d: return PyFloat.Repr(d);
            case int i: return i.ToString(CultureInfo.InvariantCulture);
            case BigInteger big: return IntToString(big);
            case IPyRepr r: return r.PyRepr();
            case PyBaseException e: return e.PyRepr();
            case PyObjectBase p:
                {
                    var r = p.__repr__();
                    if (r is PyNotImplemented) return DefaultRepr(p);
                    return DunderString("__repr__", r);
                }
            case IPyObject po:
                if (po.TryCallMethod("__repr__", Array.Empty<object?>(), null, out var res))
                    return DunderString("__repr__", res);
                return DefaultRepr(po);
            case PyNotImplemented: return "NotImplemented";
            case float f: return PyFloat.Repr(f);
            case Delegate dg: return $"<function {dg.Method.Name} at {FakeAddress(dg)}>";
            case Unfuture: return $"<{PyUnsync.UnfutureType.QualifiedName} object at {FakeAddress(o)}>";
            case char c: return PyStr.Repr(c.ToString());
            default: return $"<{o.GetType().Name} object at {FakeAddress(o)}>";
        }
    }

    public static string Repr(long v) => v.ToString(CultureInfo.InvariantCulture);
    public static string Repr(double v) => PyFloat.Repr(v);
    public static string Repr(string? v) => v is null ? "None" : PyStr.Repr(v);

    /// <summary>Python's <c>ascii(x)</c>.</summary>
    public static string Ascii(object? o) => PyStr.AsciiEscape(Repr(o));

    /// <summary><c>&lt;__main__.Point object at 0x7f...&gt;</c>.</summary>
    public static string DefaultRepr(IPyObject o)
    {
        string module = o is PyObjectBase b ? b.PyModuleName : "__main__";
        return $"<{module}.{o.PyTypeName} object at {FakeAddress(o)}>";
    }

    private static readonly ConditionalWeakTable<object, object> s_ids = new();
    private static long s_nextId = 0x7f3a2c001000;

    /// <summary>Python's <c>id(x)</c>: stable per object for its lifetime (a made-up address).</summary>
    public static long Id(object? o)
    {
        if (o is null) return 0x7f3a2b9e4d60;
        var boxed = s_ids.GetValue(o, _ => Interlocked.Add(ref s_nextId, 0x30));
        return (long)boxed;
    }

    /// <summary>A made-up but stable hex address for default reprs (<c>0x7f3a2c001030</c>).</summary>
    public static string FakeAddress(object o) => "0x" + Id(o).ToString("x", CultureInfo.InvariantCulture);

    [ThreadStatic] private static HashSet<object>? t_reprStack;

    /// <summary>Recursion guard for container reprs (<c>[[...]]</c>); false when already being printed.</summary>
    internal static bool ReprEnter(object container)
    {
        t_reprStack ??= new HashSet<object>(RefComparer.Instance);
        return t_reprStack.Add(container);
    }

    internal static void ReprLeave(object container) => t_reprStack?.Remove(container);

    internal static string ReprSequence(string open, IEnumerable<object?> items, string close, object container)
    {
        if (!ReprEnter(container)) return open + "..." + close;
        try
        {
            var sb = new StringBuilder(open);
            bool first = true;
            foreach (var x in items)
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Repr(x));
            }
            return sb.Append(close).ToString();
        }
        finally { ReprLeave(container); }
    }

    /// <summary>Python's <c>type(x).__name__</c>.</summary>
    public static string TypeName(object? o) => o switch
    {
        null => "NoneType",
        bool => "bool",
        long or int or BigInteger => "int",
        double or float => "float",
        string => "str",
        PyList => "list",
        PyTuple => "tuple",
        PyDict d => d.PyTypeName,
        PySet s => s.PyTypeName,
        PyBytes => "bytes",
        PyRange => "range",
        PyFunc or Delegate => "function",
        PyType => "type",
        Unfuture => "Unfuture",
        PySlice => "slice",
        PyDictView v => v.PyTypeName,
        PyIterator it => it.KindName,
        IPyObject p => p.PyTypeName,
        PyNotImplemented => "NotImplementedType",
        IPyTypeNamed n => n.PyTypeName,
        _ => o.GetType().Name,
    };

    /// <summary>Python's <c>type(x)</c> as a <see cref="PyType"/> (for <c>type(x).__name__</c>, repr and comparisons).</summary>
    public static PyType Type(object? o) => o switch
    {
        null => PyType.NoneType,
        bool => PyType.Bool,
        long or int or BigInteger => PyType.Int,
        double or float => PyType.Float,
        string => PyType.Str,
        PyList => PyType.List,
        PyTuple => PyType.Tuple,
        PyDict d when d.GetType() == typeof(PyDict) => PyType.Dict,
        PySet s => s.IsFrozen ? PyType.FrozenSet : PyType.Set,
        PyBytes => PyType.Bytes,
        PyRange => PyType.Range,
        PySlice => PyType.Slice,
        PyFunc => PyType.Function,
        PyType t => t.Metaclass ?? PyType.Type,
        Unfuture => PyUnsync.UnfutureType,
        PyBaseException e => PyType.ForClr(e.GetType()) ?? new PyType(e.PyTypeName, e.PyModuleName, e.GetType(), null),
        PyObjectBase b => PyType.ForClr(b.GetType()) ?? new PyType(b.PyTypeName, b.PyModuleName, b.GetType(), null),
        _ => new PyType(TypeName(o), o is IPyObject ? "__main__" : TypeModule(o), o.GetType(), null),
    };

    static string TypeModule(object o) => o is IPyTypeNamed n ? n.PyModuleName : "builtins";
}

/// <summary>A runtime object with a Python type name (library classes such as Counter, deque).</summary>
public interface IPyTypeNamed
{
    string PyTypeName { get; }
    string PyModuleName { get; }
}
