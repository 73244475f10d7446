using System.Globalization;
using System.Numerics;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// The Python-semantics helpers generated code calls. Values are <c>object?</c>: None → null,
/// bool, int → long (BigInteger past 64 bits, back to long when it fits), float → double,
/// str → string, and the Py* container classes.
/// </summary>
public static partial class Py
{
    internal static readonly BigInteger LongMin = long.MinValue;
    internal static readonly BigInteger LongMax = long.MaxValue;

    /// <summary>An int as <c>long</c> when it fits, else the BigInteger.</summary>
    public static object Norm(BigInteger b) => b >= LongMin && b <= LongMax ? (long)b : b;

    internal enum NumKind { None, Long, Big, Double }

    /// <summary>Classifies a numeric operand (bool and System.Int32 count as int).</summary>
    internal static NumKind Classify(object? o, out long l, out BigInteger b, out double d)
    {
        l = 0; b = default; d = 0;
        switch (o)
        {
            case long x: l = x; return NumKind.Long;
            case double x: d = x; return NumKind.Double;
            case bool x: l = x ? 1 : 0; return NumKind.Long;
            case BigInteger x:
                if (x >= LongMin && x <= LongMax) { l = (long)x; return NumKind.Long; }
                b = x; return NumKind.Big;
            case int x: l = x; return NumKind.Long;
            case float x: d = x; return NumKind.Double;
            default: return NumKind.None;
        }
    }

    /// <summary><c>int.from_bytes(bytes, byteorder='big', *, signed=False)</c>.</summary>
    public static object IntFromBytes(object? bytes, object? byteorder, bool signed)
    {
        if (bytes is string || IsInt(bytes)) throw new TypeError($"cannot convert '{TypeName(bytes)}' object to bytes");
        if (byteorder is not string order) throw new TypeError($"from_bytes() argument 'byteorder' must be str, not {TypeName(byteorder)}");
        if (order is not ("big" or "little")) throw new ValueError("byteorder must be either 'little' or 'big'");
        var data = PyBytes.From(bytes).Data;
        return Norm(new BigInteger(data, isUnsigned: !signed, isBigEndian: order == "big"));
    }

    /// <summary>True for Python ints (including bool).</summary>
    public static bool IsInt(object? o) => o is long or bool or BigInteger or int;
    /// <summary>True for Python ints and floats (including bool).</summary>
    public static bool IsNumber(object? o) => o is long or double or bool or BigInteger or int or float;

    internal static BigInteger ToBig(object? o) => o switch
    {
        long l => l,
        BigInteger b => b,
        bool x => x ? BigInteger.One : BigInteger.Zero,
        int i => i,
        _ => throw new TypeError($"'{TypeName(o)}' object cannot be interpreted as an integer"),
    };

    /// <summary>An int operand as long; OverflowError past 64 bits; TypeError for non-ints (Python's __index__).</summary>
    public static long ToLong(object? o) => o switch
    {
        long l => l,
        bool x => x ? 1 : 0,
        int i => i,
        BigInteger b when b >= LongMin && b <= LongMax => (long)b,
        BigInteger => throw new OverflowError("Python int too large to convert to C ssize_t"),
        PyObjectBase p when p.__index__() is var r && r is not PyNotImplemented => ToLong(r),
        _ => throw new TypeError($"'{TypeName(o)}' object cannot be interpreted as an integer"),
    };

    /// <summary>An index for subscripting: the message Python gives for a non-int index.</summary>
    internal static long IndexValue(object? o) => o switch
    {
        long l => l,
        bool x => x ? 1 : 0,
        int i => i,
        BigInteger b => b >= LongMin && b <= LongMax ? (long)b : (b.Sign < 0 ? long.MinValue : long.MaxValue),
        PyObjectBase p when p.__index__() is var r && r is not PyNotImplemented => IndexValue(r),
        _ => throw new TypeError("slice indices must be integers or None or have an __index__ method"),
    };

    /// <summary>Python's int → float conversion: correctly rounded (half-even); OverflowError past the range.</summary>
    public static double IntToDouble(BigInteger b)
    {
        if (b >= -(BigInteger.One << 53) && b <= (BigInteger.One << 53)) return (double)(long)b;
        bool neg = b.Sign < 0;
        BigInteger m = BigInteger.Abs(b);
        long bits = (long)m.GetBitLength();
        if (bits > 1024) throw new OverflowError("int too large to convert to float");
        int shift = (int)(bits - 54); // keep 54 bits: 53 + one rounding bit
        BigInteger top = m >> shift;
        bool sticky = !(m & ((BigInteger.One << shift) - 1)).IsZero;
        ulong t = (ulong)top; // 54 bits
        ulong mant = t >> 1;
        bool half = (t & 1) != 0;
        if (half && (sticky || (mant & 1) != 0)) mant++;
        double r = Math.ScaleB(mant, shift + 1);
        if (double.IsInfinity(r)) throw new OverflowError("int too large to convert to float");
        return neg ? -r : r;
    }

    internal static double ToDouble(object? o) => o switch
    {
        double d => d,
        long l => l,
        bool x => x ? 1.0 : 0.0,
        int i => i,
        float f => f,
        BigInteger b => IntToDouble(b),
        _ => throw new TypeError($"must be real number, not {TypeName(o)}"),
    };

    /// <summary>Python's correctly rounded int / int.</summary>
    internal static double IntTrueDiv(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new ZeroDivisionError("division by zero");
        BigInteger lim = BigInteger.One << 53;
        if (BigInteger.Abs(a) <= lim && BigInteger.Abs(b) <= lim) return (double)a / (double)b;
        bool neg = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero) return neg ? -0.0 : 0.0;
        long la = (long)a.GetBitLength(), lb = (long)b.GetBitLength();
        // Shift so that the quotient has at least 55 significant bits.
        long shift = 55 - (la - lb);
        BigInteger num = shift >= 0 ? a << (int)shift : a;
        BigInteger den = shift >= 0 ? b : b << (int)(-shift);
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger rem);
        // q has 55 or 56 bits. Exponent of result: value = q * 2^-shift.
        long qbits = (long)q.GetBitLength();
        long exp = qbits - shift; // value in [2^(exp-1), 2^exp)
        // Number of mantissa bits available: 53 for normals, fewer for subnormals.
        long mantBits = 53;
        if (exp - 53 < -1074) mantBits = Math.Max(0, exp + 1074);
        if (exp > 1024) throw new OverflowError("integer division result too large for a float");
        int drop = (int)(qbits - mantBits);
        BigInteger kept = q >> drop;
        BigInteger dropped = q & ((BigInteger.One << drop) - 1);
        BigInteger halfv = BigInteger.One << (drop - 1);
        if (dropped > halfv || (dropped == halfv && (!rem.IsZero || !kept.IsEven))) kept += 1;
        double r = Math.ScaleB((double)kept, (int)(drop - shift));
        if (double.IsInfinity(r)) throw new OverflowError("integer division result too large for a float");
        return neg ? -r : r;
    }

    /// <summary>Floor division of ints with Python's sign rule.</summary>
    internal static BigInteger FloorDivBig(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) q -= 1;
        return q;
    }

    internal static BigInteger ModBig(BigInteger a, BigInteger b)
    {
        BigInteger r = BigInteger.Remainder(a, b);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) r += b;
        return r;
    }

    internal static object FloorDivLong(long a, long b)
    {
        if (b == 0) throw new ZeroDivisionError("integer division or modulo by zero");
        if (a == long.MinValue && b == -1) return -(BigInteger)long.MinValue;
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    internal static long ModLong(long a, long b)
    {
        if (b == 0) throw new ZeroDivisionError("integer modulo by zero");
        if (b == -1) return 0;
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }

    internal static double FloatFloorDiv(double vx, double wx)
    {
        if (wx == 0) throw new ZeroDivisionError("float floor division by zero");
        return FloatDivmod(vx, wx).Div;
    }

    internal static double FloatMod(double vx, double wx)
    {
        if (wx == 0) throw new ZeroDivisionError("float modulo");
        double mod = CFmod(vx, wx);
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0)) mod += wx;
        }
        else mod = Math.CopySign(0.0, wx);
        return mod;
    }

    static double CFmod(double x, double y) => x % y; // C# % on doubles is C fmod

    internal static (double Div, double Mod) FloatDivmod(double vx, double wx)
    {
        if (wx == 0) throw new ZeroDivisionError("float divmod()");
        double mod = CFmod(vx, wx);
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else mod = Math.CopySign(0.0, wx);
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
        return (floordiv, mod);
    }

    internal static object IntPow(BigInteger a, BigInteger b)
    {
        if (b.Sign < 0)
        {
            if (a.IsZero) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
            return FloatPow(IntToDouble(a), IntToDouble(b));
        }
        if (a.IsOne) return 1L;
        if (a.IsZero) return b.IsZero ? 1L : 0L;
        if (a == BigInteger.MinusOne) return b.IsEven ? 1L : -1L;
        if (b > int.MaxValue) throw new MemoryError();
        return Norm(BigInteger.Pow(a, (int)b));
    }

    internal static object LongPow(long a, long b)
    {
        if (b < 0) return IntPow(a, b);
        long result = 1, bas = a;
        long e = b;
        try
        {
            checked
            {
                while (e > 0)
                {
                    if ((e & 1) != 0) result *= bas;
                    e >>= 1;
                    if (e > 0) bas *= bas;
                }
            }
            return result;
        }
        catch (OverflowException)
        {
            return IntPow(a, b);
        }
    }

    /// <summary>float ** float with CPython's special cases and errors.</summary>
    internal static double FloatPow(double iv, double iw)
    {
        if (iw == 0) return 1.0;
        if (double.IsNaN(iv)) return iw == 0 ? 1.0 : iv;
        if (double.IsNaN(iw)) return iv == 1.0 ? 1.0 : iw;
        if (double.IsInfinity(iw))
        {
            iv = Math.Abs(iv);
            if (iv == 1.0) return 1.0;
            if ((iw > 0) == (iv > 1.0)) return Math.Abs(iw);
            return 0.0;
        }
        if (double.IsInfinity(iv))
        {
            bool iwOdd = Math.IEEERemainder(iw, 2.0) is var rr && Math.Abs(rr) == 1.0;
            if (iw > 0) return iwOdd ? iv : Math.Abs(iv);
            return iwOdd ? Math.CopySign(0.0, iv) : 0.0;
        }
        if (iv == 0)
        {
            bool iwOdd = Math.Abs(Math.IEEERemainder(iw, 2.0)) == 1.0;
            if (iw < 0) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
            return iwOdd ? iv : 0.0;
        }
        bool negate = false;
        if (iv < 0)
        {
            if (iw != Math.Floor(iw))
                throw new ValueError("negative number cannot be raised to a fractional power (complex results are not supported)");
            iv = -iv;
            negate = Math.Abs(Math.IEEERemainder(iw, 2.0)) == 1.0;
        }
        if (iv == 1.0) return negate ? -1.0 : 1.0;
        double ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix)) throw new OverflowError("(34, 'Numerical result out of range')");
        return negate ? -ix : ix;
    }

    /// <summary>Exact comparison of an int with a float: -1, 0, 1, or null when the float is NaN.</summary>
    internal static int? CompareIntDouble(BigInteger i, double d)
    {
        if (double.IsNaN(d)) return null;
        if (double.IsPositiveInfinity(d)) return -1;
        if (double.IsNegativeInfinity(d)) return 1;
        double t = Math.Truncate(d);
        int c = i.CompareTo(new BigInteger(t));
        if (c != 0) return c;
        double frac = d - t;
        return frac > 0 ? -1 : frac < 0 ? 1 : 0;
    }

    internal static int? CompareLongDouble(long i, double d)
    {
        if (i >= -(1L << 53) && i <= (1L << 53))
        {
            double x = i;
            if (double.IsNaN(d)) return null;
            return x < d ? -1 : x > d ? 1 : 0;
        }
        return CompareIntDouble(i, d);
    }

    /// <summary>Python's <c>int(x)</c> for floats: truncation, errors for inf/nan.</summary>
    public static object FloatToInt(double d)
    {
        if (double.IsNaN(d)) throw new ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(d)) throw new OverflowError("cannot convert float infinity to integer");
        double t = Math.Truncate(d);
        if (t >= -9.2233720368547758E18 && t < 9.2233720368547758E18) return (long)t;
        return Norm(new BigInteger(t));
    }

    internal static string IntToString(BigInteger b)
    {
        string s = b.ToString(CultureInfo.InvariantCulture);
        int digits = s.Length - (b.Sign < 0 ? 1 : 0);
        if (digits > 4300)
            throw new ValueError("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        return s;
    }
}
