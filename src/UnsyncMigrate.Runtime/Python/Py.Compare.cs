using System.Numerics;
using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    const long HashModulus = (1L << 61) - 1;

    /// <summary>
    /// Python's <c>hash(x)</c>. Matches CPython for ints, bools, floats, None (3.12+ constant) and
    /// tuples of those; str and bytes hashes are seeded per process in CPython, here they are a
    /// fixed FNV-1a variant.
    /// </summary>
    public static long Hash(object? o)
    {
        switch (o)
        {
            case long l: return HashLong(l);
            case string s: return HashString(s);
            case null: return 0xFCA86420L;
            case bool b: return b ? 1 : 0;
            case double d: return HashDouble(d, o);
            case int i: return HashLong(i);
            case BigInteger big: return HashBig(big);
            case PyTuple t: return HashTuple(t);
            case PySet s when s.IsFrozen: return s.FrozenHash();
            case PyBytes by: return by.HashCode();
            case PyRange r: return r.GetHashCode();
            case PyList: throw new TypeError("unhashable type: 'list'");
            case PyDict d: throw new TypeError($"unhashable type: '{d.PyTypeName}'");
            case PySet: throw new TypeError("unhashable type: 'set'");
            case PyObjectBase p:
                {
                    var h = p.__hash__();
                    if (h is PyNotImplemented) return IdentityHash(p);
                    if (h is null) throw new TypeError($"unhashable type: '{p.PyTypeName}'");
                    return HashOfHashResult(h);
                }
            case IPyObject po:
                if (po.TryCallMethod("__hash__", Array.Empty<object?>(), null, out var res))
                {
                    if (res is null) throw new TypeError($"unhashable type: '{po.PyTypeName}'");
                    return HashOfHashResult(res);
                }
                return IdentityHash(po);
            case IPyHashable ph: return ph.PyHash();
            default: return IdentityHash(o);
        }
    }

    static long HashOfHashResult(object? h)
    {
        if (!IsInt(h)) throw new TypeError("__hash__ method should return an integer");
        return h is long l ? (l == -1 ? -2 : HashLong(l)) : Hash(h);
    }

    internal static long IdentityHash(object o)
    {
        // CPython: id >> 4 rotated; any stable value does.
        long id = Id(o);
        return (id >> 4) | (id << 60) & long.MaxValue;
    }

    public static long HashLong(long v)
    {
        if (v >= 0 && v < HashModulus) return v;
        if (v == long.MinValue) return HashBig(v);
        long a = Math.Abs(v) % HashModulus;
        long r = v < 0 ? -a : a;
        return r == -1 ? -2 : r;
    }

    static long HashBig(BigInteger v)
    {
        BigInteger a = BigInteger.Remainder(BigInteger.Abs(v), HashModulus);
        long r = (long)a;
        if (v.Sign < 0) r = -r;
        return r == -1 ? -2 : r;
    }

    /// <summary>CPython's _Py_HashDouble.</summary>
    public static long HashDouble(double v, object? box = null)
    {
        if (double.IsInfinity(v)) return v > 0 ? 314159 : -314159;
        if (double.IsNaN(v)) return box is null ? 0 : IdentityHash(box);
        double m = Frexp(v, out int e);
        int sign = 1;
        if (m < 0) { sign = -1; m = -m; }
        ulong x = 0;
        const int bits = 61;
        const ulong mod = (1UL << 61) - 1;
        while (m != 0)
        {
            x = ((x << 28) & mod) | x >> (bits - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= mod) x -= mod;
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
        x = ((x << e) & mod) | x >> (bits - e);
        long r = (long)x * sign;
        return r == -1 ? -2 : r;
    }

    static double Frexp(double d, out int e)
    {
        if (d == 0 || double.IsNaN(d) || double.IsInfinity(d)) { e = 0; return d; }
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            d *= Math.Pow(2, 54);
            bits = BitConverter.DoubleToInt64Bits(d);
            exp = (int)((bits >> 52) & 0x7FF) - 54;
        }
        e = exp - 1022;
        bits = (bits & ~(0x7FFL << 52)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(bits);
    }

    /// <summary>CPython's tuplehash (xxHash-based, 3.8+).</summary>
    static long HashTuple(PyTuple t)
    {
        const ulong P1 = 11400714785074694791UL, P2 = 14029467366897019727UL, P5 = 2870177450012600261UL;
        ulong acc = P5;
        foreach (var item in t.Items)
        {
            ulong lane = (ulong)Hash(item);
            acc += lane * P2;
            acc = (acc << 31) | (acc >> 33);
            acc *= P1;
        }
        acc += (ulong)t.Items.Length ^ (P5 ^ 3527539UL);
        if (acc == ulong.MaxValue) return 1546275796;
        return (long)acc;
    }

    internal static long HashString(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        long r = (long)(h >> 1);
        return r == -1 ? -2 : r;
    }

    // ---------------------------------------------------------------- equality

    /// <summary>Python's <c>a == b</c> (bool result; a user <c>__eq__</c>'s result is taken by truthiness).</summary>
    public static bool Eq(object? a, object? b)
    {
        switch (a)
        {
            case long x:
                switch (b)
                {
                    case long y: return x == y;
                    case double y: return CompareLongDouble(x, y) == 0;
                    case bool y: return x == (y ? 1 : 0);
                    case int y: return x == y;
                    case BigInteger y: return y == x;
                }
                break;
            case string s:
                if (b is string t) return string.Equals(s, t, StringComparison.Ordinal);
                break;
            case double dx:
                if (b is double dy) return dx == dy;
                break;
            case null:
                if (b is null) return true;
                break;
        }
        return EqSlow(a, b);
    }

    static bool EqSlow(object? a, object? b)
    {
        var ka = Classify(a, out long la, out BigInteger ba, out double da);
        if (ka != NumKind.None)
        {
            var kb = Classify(b, out long lb, out BigInteger bb, out double db);
            if (kb != NumKind.None) return NumCompare(ka, la, ba, da, kb, lb, bb, db) == 0;
        }
        if (TryUserCompare(a, b, "__eq__", "__eq__", out bool r)) return r;
        if (ReferenceEquals(a, b)) return true;
        switch (a)
        {
            case PyTuple ta when b is PyTuple tb: return SeqEq(ta.Items, ta.Items.Length, tb.Items, tb.Items.Length);
            case PyList la2 when b is PyList lb2: return SeqEqList(la2, lb2);
            case PyDict da2 when b is PyDict db2: return DictEq(da2, db2);
            case PySet sa when b is PySet sb: return sa.SetEquals(sb);
            case PyDictView va when b is PyDictView vb && va.Kind == vb.Kind && va.Kind != PyDictView.ViewKind.Values:
                return new PySet(va).SetEquals(new PySet(vb));
            case PyDictView vk when vk.Kind != PyDictView.ViewKind.Values && b is PySet sb2: return new PySet(vk).SetEquals(sb2);
            case PySet sa3 when b is PyDictView vk2 && vk2.Kind != PyDictView.ViewKind.Values: return sa3.SetEquals(new PySet(vk2));
            case PyBytes ya when b is PyBytes yb: return ya.Equals(yb);
            case PyRange ra when b is PyRange rb: return ra.Equals(rb);
            case PyType pa when b is PyType pb: return pa.Equals(pb);
            case IPyEquatable e: return e.PyEquals(b);
        }
        if (b is IPyEquatable e2) return e2.PyEquals(a);
        if (a is null || b is null) return false;
        if (a is IPyObject || b is IPyObject) return false;
        return a.Equals(b);
    }

    static bool SeqEq(object?[] a, int na, object?[] b, int nb)
    {
        if (na != nb) return false;
        for (int i = 0; i < na; i++)
            if (!ReferenceEquals(a[i], b[i]) && !Eq(a[i], b[i])) return false;
        return true;
    }

    static bool SeqEqList(List<object?> a, List<object?> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count && i < b.Count; i++)
            if (!ReferenceEquals(a[i], b[i]) && !Eq(a[i], b[i])) return false;
        return a.Count == b.Count;
    }

    static bool DictEq(PyDict a, PyDict b)
    {
        if (a is IPyEquatable ea) return ea.PyEquals(b);
        if (b is IPyEquatable eb) return eb.PyEquals(a);
        if (a.Count != b.Count) return false;
        foreach (var kv in a.Pairs)
        {
            if (!b.TryGetValue(kv.Key, out var v)) return false;
            if (!ReferenceEquals(v, kv.Value) && !Eq(kv.Value, v)) return false;
        }
        return true;
    }

    /// <summary>Python's <c>a != b</c>.</summary>
    public static bool Ne(object? a, object? b)
    {
        if (a is PyObjectBase || b is PyObjectBase || a is IPyObject || b is IPyObject)
        {
            if (TryUserCompare(a, b, "__ne__", "__ne__", out bool r)) return r;
            if (TryUserCompare(a, b, "__eq__", "__eq__", out r)) return !r;
            return !ReferenceEquals(a, b);
        }
        return !Eq(a, b);
    }

    public static bool Is(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        // Value types are boxed anew each time; CPython caches small ints, True/False, and the
        // translator's `x is None` is the common case.
        return a switch
        {
            bool x => b is bool y && x == y,
            long x => b is long y && x == y && x >= -5 && x <= 256,
            _ => false,
        };
    }

    public static bool IsNot(object? a, object? b) => !Is(a, b);

    // ---------------------------------------------------------------- ordering

    internal enum CmpOp { Lt, Le, Gt, Ge }

    static string OpSymbol(CmpOp op) => op switch { CmpOp.Lt => "<", CmpOp.Le => "<=", CmpOp.Gt => ">", _ => ">=" };
    static string OpDunder(CmpOp op) => op switch { CmpOp.Lt => "__lt__", CmpOp.Le => "__le__", CmpOp.Gt => "__gt__", _ => "__ge__" };
    static CmpOp Swapped(CmpOp op) => op switch { CmpOp.Lt => CmpOp.Gt, CmpOp.Le => CmpOp.Ge, CmpOp.Gt => CmpOp.Lt, _ => CmpOp.Le };

    static bool Apply(CmpOp op, int c) => op switch { CmpOp.Lt => c < 0, CmpOp.Le => c <= 0, CmpOp.Gt => c > 0, _ => c >= 0 };

    public static bool Lt(object? a, object? b)
    {
        if (a is long x && b is long y) return x < y;
        if (a is double dx && b is double dy) return dx < dy;
        if (a is string sa && b is string sb) return PyStr.Compare(sa, sb) < 0;
        return Compare(CmpOp.Lt, a, b);
    }

    public static bool Le(object? a, object? b)
    {
        if (a is long x && b is long y) return x <= y;
        if (a is double dx && b is double dy) return dx <= dy;
        return Compare(CmpOp.Le, a, b);
    }

    public static bool Gt(object? a, object? b)
    {
        if (a is long x && b is long y) return x > y;
        if (a is double dx && b is double dy) return dx > dy;
        return Compare(CmpOp.Gt, a, b);
    }

    public static bool Ge(object? a, object? b)
    {
        if (a is long x && b is long y) return x >= y;
        if (a is double dx && b is double dy) return dx >= dy;
        return Compare(CmpOp.Ge, a, b);
    }

    static int NumCompare(NumKind ka, long la, BigInteger ba, double da, NumKind kb, long lb, BigInteger bb, double db)
    {
        // returns int.MinValue for unordered (NaN)
        if (ka == NumKind.Double || kb == NumKind.Double)
        {
            if (ka == NumKind.Double && kb == NumKind.Double)
            {
                if (double.IsNaN(da) || double.IsNaN(db)) return int.MinValue;
                return da < db ? -1 : da > db ? 1 : 0;
            }
            if (ka == NumKind.Double)
            {
                int? c = kb == NumKind.Long ? CompareLongDouble(lb, da) : CompareIntDouble(bb, da);
                return c is null ? int.MinValue : -c.Value;
            }
            int? c2 = ka == NumKind.Long ? CompareLongDouble(la, db) : CompareIntDouble(ba, db);
            return c2 ?? int.MinValue;
        }
        if (ka == NumKind.Long && kb == NumKind.Long) return la.CompareTo(lb);
        BigInteger xa = ka == NumKind.Long ? la : ba;
        BigInteger xb = kb == NumKind.Long ? lb : bb;
        return xa.CompareTo(xb);
    }

    internal static bool Compare(CmpOp op, object? a, object? b)
    {
        var ka = Classify(a, out long la, out BigInteger ba, out double da);
        if (ka != NumKind.None)
        {
            var kb = Classify(b, out long lb, out BigInteger bb, out double db);
            if (kb != NumKind.None)
            {
                int c = NumCompare(ka, la, ba, da, kb, lb, bb, db);
                return c != int.MinValue && Apply(op, c);
            }
        }
        if (TryUserCompare(a, b, OpDunder(op), OpDunder(Swapped(op)), out bool r)) return r;
        switch (a)
        {
            case string sa when b is string sb: return Apply(op, PyStr.Compare(sa, sb));
            case PyTuple ta when b is PyTuple tb: return SeqCompare(op, ta.Items, tb.Items);
            case PyList la2 when b is PyList lb2: return SeqCompare(op, la2, lb2);
            case PyBytes ya when b is PyBytes yb: return Apply(op, ya.CompareTo(yb));
            case PySet sa2 when b is PySet sb2:
                return op switch
                {
                    CmpOp.Lt => sa2.Count < sb2.Count && sa2.IsSubset(sb2),
                    CmpOp.Le => sa2.IsSubset(sb2),
                    CmpOp.Gt => sa2.Count > sb2.Count && sb2.IsSubset(sa2),
                    _ => sb2.IsSubset(sa2),
                };
            case IPyComparable pc when pc.TryCompare(b, out int c3): return Apply(op, c3);
        }
        if (b is IPyComparable pb && pb.TryCompare(a, out int c4)) return Apply(op, -c4);
        throw new TypeError($"'{OpSymbol(op)}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    static bool SeqCompare(CmpOp op, IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            if (ReferenceEquals(a[i], b[i]) || Eq(a[i], b[i])) continue;
            return Compare(op, a[i], b[i]);
        }
        return Apply(op, a.Count.CompareTo(b.Count));
    }

    /// <summary>Dispatches a rich comparison to user dunders: a.op(b), then b.reflected(a).</summary>
    static bool TryUserCompare(object? a, object? b, string op, string reflected, out bool result)
    {
        result = false;
        if (a is not IPyObject && b is not IPyObject) return false;
        if (a is IPyObject ua && CallDunder(ua, op, b, out var r) && r is not PyNotImplemented)
        {
            result = IsTrue(r);
            return true;
        }
        if (b is IPyObject ub && CallDunder(ub, reflected, a, out r) && r is not PyNotImplemented)
        {
            result = IsTrue(r);
            return true;
        }
        return false;
    }

    /// <summary>Calls a one-argument dunder on a generated object; false when the class does not define it.</summary>
    internal static bool CallDunder(IPyObject o, string name, object? arg, out object? result)
    {
        if (o is PyObjectBase p)
        {
            result = name switch
            {
                "__eq__" => p.__eq__(arg),
                "__ne__" => p.__ne__(arg),
                "__lt__" => p.__lt__(arg),
                "__le__" => p.__le__(arg),
                "__gt__" => p.__gt__(arg),
                "__ge__" => p.__ge__(arg),
                "__add__" => p.__add__(arg),
                "__radd__" => p.__radd__(arg),
                "__sub__" => p.__sub__(arg),
                "__rsub__" => p.__rsub__(arg),
                "__mul__" => p.__mul__(arg),
                "__rmul__" => p.__rmul__(arg),
                "__truediv__" => p.__truediv__(arg),
                "__rtruediv__" => p.__rtruediv__(arg),
                "__floordiv__" => p.__floordiv__(arg),
                "__rfloordiv__" => p.__rfloordiv__(arg),
                "__mod__" => p.__mod__(arg),
                "__rmod__" => p.__rmod__(arg),
                "__pow__" => p.__pow__(arg),
                "__rpow__" => p.__rpow__(arg),
                "__matmul__" => p.__matmul__(arg),
                "__rmatmul__" => p.__rmatmul__(arg),
                "__and__" => p.__and__(arg),
                "__rand__" => p.__rand__(arg),
                "__or__" => p.__or__(arg),
                "__ror__" => p.__ror__(arg),
                "__xor__" => p.__xor__(arg),
                "__rxor__" => p.__rxor__(arg),
                "__lshift__" => p.__lshift__(arg),
                "__rlshift__" => p.__rlshift__(arg),
                "__rshift__" => p.__rshift__(arg),
                "__rrshift__" => p.__rrshift__(arg),
                "__contains__" => p.__contains__(arg),
                "__getitem__" => p.__getitem__(arg),
                "__delitem__" => p.__delitem__(arg),
                _ => PyNotImplemented.Value,
            };
            if (result is not PyNotImplemented) return true;
        }
        return o.TryCallMethod(name, new[] { arg }, null, out result);
    }

    /// <summary>Calls a no-argument dunder on a generated object; false when the class does not define it.</summary>
    internal static bool CallDunder0(IPyObject o, string name, out object? result)
    {
        if (o is PyObjectBase p)
        {
            result = name switch
            {
                "__len__" => p.__len__(),
                "__iter__" => p.__iter__(),
                "__bool__" => p.__bool__(),
                "__neg__" => p.__neg__(),
                "__pos__" => p.__pos__(),
                "__abs__" => p.__abs__(),
                "__invert__" => p.__invert__(),
                "__int__" => p.__int__(),
                "__float__" => p.__float__(),
                "__index__" => p.__index__(),
                "__enter__" => p.__enter__(),
                _ => PyNotImplemented.Value,
            };
            if (result is not PyNotImplemented) return true;
        }
        return o.TryCallMethod(name, Array.Empty<object?>(), null, out result);
    }
}

/// <summary>A runtime type with its own Python equality (library classes).</summary>
public interface IPyEquatable
{
    bool PyEquals(object? other);
}

/// <summary>A runtime type with its own Python ordering; false from TryCompare means unorderable.</summary>
public interface IPyComparable
{
    bool TryCompare(object? other, out int result);
}

/// <summary>A runtime type with its own Python hash.</summary>
public interface IPyHashable
{
    long PyHash();
}
