using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    // ---------------------------------------------------------------- helpers

    static TypeError Unsupported(string op, object? a, object? b) =>
        new($"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");

    static bool TryUserBinary(object? a, object? b, string op, string rop, out object? result)
    {
        if (a is IPyObject ua && CallDunder(ua, op, b, out result) && result is not PyNotImplemented) return true;
        if (b is IPyObject ub && CallDunder(ub, rop, a, out result) && result is not PyNotImplemented) return true;
        result = null;
        return false;
    }

    /// <summary>Numeric binary op: false when an operand is not a number.</summary>
    static bool TryNumeric(object? a, object? b, out NumKind kind, out long la, out long lb, out BigInteger ba, out BigInteger bb, out double da, out double db)
    {
        la = lb = 0; ba = bb = default; da = db = 0; kind = NumKind.None;
        var ka = Classify(a, out la, out ba, out da);
        if (ka == NumKind.None) return false;
        var kb = Classify(b, out lb, out bb, out db);
        if (kb == NumKind.None) return false;
        if (ka == NumKind.Double || kb == NumKind.Double)
        {
            if (ka != NumKind.Double) da = ka == NumKind.Long ? la : IntToDouble(ba);
            if (kb != NumKind.Double) db = kb == NumKind.Long ? lb : IntToDouble(bb);
            kind = NumKind.Double;
        }
        else if (ka == NumKind.Big || kb == NumKind.Big)
        {
            if (ka == NumKind.Long) ba = la;
            if (kb == NumKind.Long) bb = lb;
            kind = NumKind.Big;
        }
        else kind = NumKind.Long;
        return true;
    }

    static int SeqRepeatCount(object? n, object? seq)
    {
        if (!IsInt(n)) throw new TypeError($"can't multiply sequence by non-int of type '{TypeName(n)}'");
        BigInteger c = ToBig(n);
        if (c.Sign <= 0) return 0;
        if (c > int.MaxValue) throw new MemoryError();
        return (int)c;
    }

    static object? Repeat(object? seq, int n) => seq switch
    {
        string s => n == 0 || s.Length == 0 ? "" : new StringBuilder(s.Length * n).Insert(0, s, n).ToString(),
        PyList l => RepeatList(l, n),
        PyTuple t => n == 1 ? t : new PyTuple(RepeatList(t.Items, n).ToArray()),
        PyBytes y => new PyBytes(Enumerable.Repeat(y.Data, n).SelectMany(x => x).ToArray()),
        _ => throw new TypeError("can't repeat"),
    };

    static PyList RepeatList(IReadOnlyCollection<object?> l, int n)
    {
        var r = new PyList(l.Count * n);
        for (int i = 0; i < n; i++) r.AddRange(l);
        return r;
    }

    static bool IsSequence(object? o) => o is string or PyList or PyTuple or PyBytes;

    // ---------------------------------------------------------------- arithmetic

    public static object? Add(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) return (BigInteger)x + y;
            return r;
        }
        if (a is double dx && b is double dy) return dx + dy;
        if (a is string sa && b is string sb) return string.Concat(sa, sb);
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            return k switch
            {
                NumKind.Double => da + db,
                NumKind.Big => Norm(ba + bb),
                _ => Add(la, lb),
            };
        }
        if (TryUserBinary(a, b, "__add__", "__radd__", out var res)) return res;
        switch (a)
        {
            case string when b is not string: throw new TypeError($"can only concatenate str (not \"{TypeName(b)}\") to str");
            case PyList l1 when b is PyList l2: { var r = new PyList(l1.Count + l2.Count); r.AddRange(l1); r.AddRange(l2); return r; }
            case PyList when b is not PyList: throw new TypeError($"can only concatenate list (not \"{TypeName(b)}\") to list");
            case PyTuple t1 when b is PyTuple t2: return new PyTuple(t1.Items.Concat(t2.Items).ToArray());
            case PyTuple: throw new TypeError($"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
            case PyBytes y1 when b is PyBytes y2: return PyBytes.Concat(y1, y2);
            case PyBytes: throw new TypeError($"can't concat {TypeName(b)} to bytes");
            case IPyArithmetic pa when pa.TryBinary("+", b, false, out var r2): return r2;
        }
        if (b is IPyArithmetic pb && pb.TryBinary("+", a, true, out var r3)) return r3;
        throw Unsupported("+", a, b);
    }

    public static object Add(long x, long y)
    {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) return (BigInteger)x + y;
        return r;
    }

    public static object? Sub(object? a, object? b)
    {
        if (a is long x && b is long y)
        {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) return (BigInteger)x - y;
            return r;
        }
        if (a is double dx && b is double dy) return dx - dy;
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            return k switch
            {
                NumKind.Double => da - db,
                NumKind.Big => Norm(ba - bb),
                _ => Sub(la, lb),
            };
        }
        if (TryUserBinary(a, b, "__sub__", "__rsub__", out var res)) return res;
        if (a is PySet s1 && b is PySet s2) return s1.Difference((object?)s2);
        if (a is PyDictView v1 && v1.Kind != PyDictView.ViewKind.Values) return new PySet(v1).Difference(b is PySet ? b : new PySet(Iter(b)));
        if (a is IPyArithmetic pa && pa.TryBinary("-", b, false, out var r2)) return r2;
        if (b is IPyArithmetic pb && pb.TryBinary("-", a, true, out var r3)) return r3;
        throw Unsupported("-", a, b);
    }

    public static object Sub(long x, long y)
    {
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) return (BigInteger)x - y;
        return r;
    }

    public static object? Mul(object? a, object? b)
    {
        if (a is long x && b is long y) return Mul(x, y);
        if (a is double dx && b is double dy) return dx * dy;
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            return k switch
            {
                NumKind.Double => da * db,
                NumKind.Big => Norm(ba * bb),
                _ => Mul(la, lb),
            };
        }
        if (TryUserBinary(a, b, "__mul__", "__rmul__", out var res)) return res;
        if (IsSequence(a)) return Repeat(a, SeqRepeatCount(b, a));
        if (IsSequence(b)) return Repeat(b, SeqRepeatCount(a, b));
        if (a is IPyArithmetic pa && pa.TryBinary("*", b, false, out var r2)) return r2;
        if (b is IPyArithmetic pb && pb.TryBinary("*", a, true, out var r3)) return r3;
        throw Unsupported("*", a, b);
    }

    public static object Mul(long x, long y)
    {
        long r;
        try { r = checked(x * y); }
        catch (OverflowException) { return (BigInteger)x * y; }
        return r;
    }

    public static object? TrueDiv(object? a, object? b)
    {
        if (a is double dx && b is double dy)
        {
            if (dy == 0) throw new ZeroDivisionError("float division by zero");
            return dx / dy;
        }
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            switch (k)
            {
                case NumKind.Double:
                    if (db == 0) throw new ZeroDivisionError("float division by zero");
                    return da / db;
                case NumKind.Big: return IntTrueDiv(ba, bb);
                default:
                    if (lb == 0) throw new ZeroDivisionError("division by zero");
                    if (la >= -(1L << 53) && la <= (1L << 53) && lb >= -(1L << 53) && lb <= (1L << 53)) return (double)la / lb;
                    return IntTrueDiv(la, lb);
            }
        }
        if (TryUserBinary(a, b, "__truediv__", "__rtruediv__", out var res)) return res;
        throw Unsupported("/", a, b);
    }

    public static object? FloorDiv(object? a, object? b)
    {
        if (a is long x && b is long y) return FloorDivLong(x, y);
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            switch (k)
            {
                case NumKind.Double: return FloatFloorDiv(da, db);
                case NumKind.Big:
                    if (bb.IsZero) throw new ZeroDivisionError("integer division or modulo by zero");
                    return Norm(FloorDivBig(ba, bb));
                default: return FloorDivLong(la, lb);
            }
        }
        if (TryUserBinary(a, b, "__floordiv__", "__rfloordiv__", out var res)) return res;
        throw Unsupported("//", a, b);
    }

    /// <summary>Python's <c>%</c>: numeric modulo with the divisor's sign, or printf-style formatting for str.</summary>
    public static object? Mod(object? a, object? b)
    {
        if (a is long x && b is long y) return ModLong(x, y);
        if (a is string fmt && b is not IPyObject) return PercentFormat(fmt, b);
        if (a is PyBytes fb0 && b is not IPyObject) return PercentFormat(fb0, b);
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            switch (k)
            {
                case NumKind.Double: return FloatMod(da, db);
                case NumKind.Big:
                    if (bb.IsZero) throw new ZeroDivisionError("integer modulo by zero");
                    return Norm(ModBig(ba, bb));
                default: return ModLong(la, lb);
            }
        }
        if (TryUserBinary(a, b, "__mod__", "__rmod__", out var res)) return res;
        if (a is string fmt2) return PercentFormat(fmt2, b);
        if (a is PyBytes fb) return PercentFormat(fb, b);
        throw Unsupported("%", a, b);
    }

    /// <summary>Python's <c>divmod(a, b)</c>.</summary>
    public static PyTuple Divmod(object? a, object? b)
    {
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            switch (k)
            {
                case NumKind.Double:
                    var (d, m) = FloatDivmod(da, db);
                    return new PyTuple(d, m);
                case NumKind.Big:
                    if (bb.IsZero) throw new ZeroDivisionError("integer division or modulo by zero");
                    return new PyTuple(Norm(FloorDivBig(ba, bb)), Norm(ModBig(ba, bb)));
                default:
                    if (lb == 0) throw new ZeroDivisionError("integer division or modulo by zero");
                    return new PyTuple(FloorDivLong(la, lb), ModLong(la, lb));
            }
        }
        if (TryUserBinary(a, b, "__divmod__", "__rdivmod__", out var res) && res is PyTuple t) return t;
        throw Unsupported("divmod()", a, b);
    }

    public static object? Pow(object? a, object? b)
    {
        if (a is long x && b is long y) return LongPow(x, y);
        if (TryNumeric(a, b, out var k, out long la, out long lb, out var ba, out var bb, out double da, out double db))
        {
            switch (k)
            {
                case NumKind.Double: return FloatPow(da, db);
                case NumKind.Big: return IntPow(ba, bb);
                default: return LongPow(la, lb);
            }
        }
        if (TryUserBinary(a, b, "__pow__", "__rpow__", out var res)) return res;
        throw Unsupported("** or pow()", a, b);
    }

    /// <summary>Three-argument <c>pow(base, exp, mod)</c>.</summary>
    public static object? Pow(object? a, object? b, object? mod)
    {
        if (mod is null) return Pow(a, b);
        if (!IsInt(a) || !IsInt(b) || !IsInt(mod))
            throw new TypeError("pow() 3rd argument not allowed unless all arguments are integers");
        BigInteger m = ToBig(mod), bs = ToBig(a), e = ToBig(b);
        if (m.IsZero) throw new ValueError("pow() 3rd argument cannot be 0");
        BigInteger am = BigInteger.Abs(m);
        if (e.Sign < 0)
        {
            bs = ModInverse(ModBig(bs, am), am);
            e = -e;
        }
        BigInteger r = BigInteger.ModPow(ModBig(bs, am), e, am);
        if (m.Sign < 0 && !r.IsZero) r += m;
        return Norm(r);
    }

    static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger g = m, x = 0, x1 = 1, a1 = a;
        while (!a1.IsZero)
        {
            BigInteger q = g / a1;
            (g, a1) = (a1, g - q * a1);
            (x, x1) = (x1, x - q * x1);
        }
        if (!g.IsOne) throw new ValueError("base is not invertible for the given modulus");
        return ModBig(x, m);
    }

    public static object? MatMul(object? a, object? b)
    {
        if (TryUserBinary(a, b, "__matmul__", "__rmatmul__", out var res)) return res;
        throw Unsupported("@", a, b);
    }

    public static object? LShift(object? a, object? b)
    {
        if (IsInt(a) && IsInt(b))
        {
            BigInteger n = ToBig(b);
            if (n.Sign < 0) throw new ValueError("negative shift count");
            if (a is long x && n < 63)
            {
                int s = (int)n;
                long r = x << s;
                if ((r >> s) == x) return r;
            }
            BigInteger v = ToBig(a);
            if (v.IsZero) return 0L;
            if (n > int.MaxValue) throw new OverflowError("too many digits in integer");
            return Norm(v << (int)n);
        }
        if (TryUserBinary(a, b, "__lshift__", "__rlshift__", out var res)) return res;
        throw Unsupported("<<", a, b);
    }

    public static object? RShift(object? a, object? b)
    {
        if (IsInt(a) && IsInt(b))
        {
            BigInteger n = ToBig(b);
            if (n.Sign < 0) throw new ValueError("negative shift count");
            if (a is long x) return n >= 63 ? (x < 0 ? -1L : 0L) : x >> (int)n;
            BigInteger v = ToBig(a);
            if (n > int.MaxValue) return v.Sign < 0 ? -1L : 0L;
            return Norm(v >> (int)n);
        }
        if (TryUserBinary(a, b, "__rshift__", "__rrshift__", out var res)) return res;
        throw Unsupported(">>", a, b);
    }

    public static object? BitAnd(object? a, object? b)
    {
        if (a is bool x && b is bool y) return x & y;
        if (a is long lx && b is long ly) return lx & ly;
        if (IsInt(a) && IsInt(b)) return Norm(ToBig(a) & ToBig(b));
        if (TryUserBinary(a, b, "__and__", "__rand__", out var res)) return res;
        if (a is PySet s1 && b is PySet s2) return s1.Intersection((object?)s2);
        if (a is PyDictView v && v.Kind != PyDictView.ViewKind.Values) return new PySet(v).Intersection((object?)(b as PySet ?? new PySet(Iter(b))));
        if (a is IPyArithmetic pa && pa.TryBinary("&", b, false, out var r2)) return r2;
        throw Unsupported("&", a, b);
    }

    public static object? BitOr(object? a, object? b)
    {
        if (a is bool x && b is bool y) return x | y;
        if (a is long lx && b is long ly) return lx | ly;
        if (IsInt(a) && IsInt(b)) return Norm(ToBig(a) | ToBig(b));
        if (TryUserBinary(a, b, "__or__", "__ror__", out var res)) return res;
        if (a is PySet s1 && b is PySet s2) return s1.Union(s2);
        if (a is PyDictView v && v.Kind != PyDictView.ViewKind.Values) return new PySet(v).Union(b);
        if (a is PyDict d1 && b is PyDict d2 && a is not IPyArithmetic)
        {
            var r = d1.Copy();
            r.Update(d2);
            return r;
        }
        if (a is IPyArithmetic pa && pa.TryBinary("|", b, false, out var r2)) return r2;
        throw Unsupported("|", a, b);
    }

    public static object? BitXor(object? a, object? b)
    {
        if (a is bool x && b is bool y) return x ^ y;
        if (a is long lx && b is long ly) return lx ^ ly;
        if (IsInt(a) && IsInt(b)) return Norm(ToBig(a) ^ ToBig(b));
        if (TryUserBinary(a, b, "__xor__", "__rxor__", out var res)) return res;
        if (a is PySet s1 && b is PySet s2) return s1.SymmetricDifference(s2);
        throw Unsupported("^", a, b);
    }

    public static object? Neg(object? a)
    {
        switch (a)
        {
            case long l: return l == long.MinValue ? -(BigInteger)l : -l;
            case double d: return -d;
            case bool b: return b ? -1L : 0L;
            case int i: return -(long)i;
            case BigInteger big: return Norm(-big);
        }
        if (a is IPyObject o && CallDunder0(o, "__neg__", out var r)) return r;
        if (a is IPyArithmetic pa && pa.TryUnary("-", out var r2)) return r2;
        throw new TypeError($"bad operand type for unary -: '{TypeName(a)}'");
    }

    public static object? Pos(object? a)
    {
        switch (a)
        {
            case long or double or BigInteger: return a;
            case bool b: return b ? 1L : 0L;
            case int i: return (long)i;
        }
        if (a is IPyObject o && CallDunder0(o, "__pos__", out var r)) return r;
        if (a is IPyArithmetic pa && pa.TryUnary("+", out var r2)) return r2;
        throw new TypeError($"bad operand type for unary +: '{TypeName(a)}'");
    }

    public static object? Invert(object? a)
    {
        switch (a)
        {
            case long l: return ~l;
            case bool b: return b ? -2L : -1L;
            case int i: return ~(long)i;
            case BigInteger big: return Norm(-big - 1);
        }
        if (a is IPyObject o && CallDunder0(o, "__invert__", out var r)) return r;
        throw new TypeError($"bad operand type for unary ~: '{TypeName(a)}'");
    }

    public static bool Not(object? a) => !IsTrue(a);

    // ---------------------------------------------------------------- in-place

    /// <summary><c>a += b</c>: lists (and other mutable containers) extend in place and return themselves.</summary>
    public static object? IAdd(object? a, object? b)
    {
        if (a is PyList l && b is not null && b is not string && !(b is IPyObject))
        {
            if (b is PyList lb) { if (ReferenceEquals(l, lb)) l.AddRange(lb.ToArray()); else l.AddRange(lb); }
            else l.AddRange(Iter(b).ToList());
            return l;
        }
        if (a is PyList && b is string s) { ((PyList)a).AddRange(PyStr.Chars(s)); return a; }
        if (a is IPyObject o && o.TryCallMethod("__iadd__", new[] { b }, null, out var r) && r is not PyNotImplemented) return r;
        if (a is IPyInPlace ip && ip.TryInPlace("+", b, out var r2)) return r2;
        return Add(a, b);
    }

    public static object? ISub(object? a, object? b)
    {
        if (a is PySet s && b is PySet o2) { s.DifferenceUpdate(o2); return s; }
        if (a is IPyObject o && o.TryCallMethod("__isub__", new[] { b }, null, out var r) && r is not PyNotImplemented) return r;
        if (a is IPyInPlace ip && ip.TryInPlace("-", b, out var r2)) return r2;
        return Sub(a, b);
    }

    public static object? IMul(object? a, object? b)
    {
        if (a is PyList l && IsInt(b))
        {
            int n = SeqRepeatCount(b, a);
            var copy = l.ToArray();
            l.Clear();
            for (int i = 0; i < n; i++) l.AddRange(copy);
            return l;
        }
        if (a is IPyObject o && o.TryCallMethod("__imul__", new[] { b }, null, out var r) && r is not PyNotImplemented) return r;
        return Mul(a, b);
    }

    public static object? IOr(object? a, object? b)
    {
        if (a is PySet s && b is PySet o2) { s.Update(o2); return s; }
        if (a is PyDict d && b is not null && a is not IPyInPlace) { d.Update(b); return d; }
        if (a is IPyInPlace ip && ip.TryInPlace("|", b, out var r2)) return r2;
        if (a is IPyObject o && o.TryCallMethod("__ior__", new[] { b }, null, out var r) && r is not PyNotImplemented) return r;
        return BitOr(a, b);
    }

    public static object? IAnd(object? a, object? b)
    {
        if (a is PySet s && b is PySet o2) { s.IntersectionUpdate(o2); return s; }
        if (a is IPyInPlace ip && ip.TryInPlace("&", b, out var r2)) return r2;
        return BitAnd(a, b);
    }

    public static object? IXor(object? a, object? b)
    {
        if (a is PySet s && b is PySet o2) { s.SymmetricDifferenceUpdate(o2); return s; }
        return BitXor(a, b);
    }

    public static object? ITrueDiv(object? a, object? b) => TrueDiv(a, b);
    public static object? IFloorDiv(object? a, object? b) => FloorDiv(a, b);
    public static object? IMod(object? a, object? b) => Mod(a, b);
    public static object? IPow(object? a, object? b) => Pow(a, b);
    public static object? ILShift(object? a, object? b) => LShift(a, b);
    public static object? IRShift(object? a, object? b) => RShift(a, b);
    public static object? IMatMul(object? a, object? b) => MatMul(a, b);
}

/// <summary>Binary operators of runtime library types (Counter arithmetic, ...).</summary>
public interface IPyArithmetic
{
    /// <summary>op is "+", "-", "*", "&amp;", "|"; reflected when this is the right operand.</summary>
    bool TryBinary(string op, object? other, bool reflected, out object? result);
    bool TryUnary(string op, out object? result);
}

/// <summary>In-place operators of runtime library types (Counter +=, ...).</summary>
public interface IPyInPlace
{
    bool TryInPlace(string op, object? other, out object? result);
}
